// expect: sqlforge: a column_property's expression may read only its own table's columns
// Rule: a computed field reads other tables only through a (correlated) subquery, never directly.
#include "column_property_models.hpp"

#ifndef SQLFORGE_COMPILE_FAIL
// Valid form: the other table read in a subquery.
template <>
struct sqlforge::table_traits<Album> {
    static constexpr std::tuple constraints{sf::column_property<&Album::track_count>(
        sf::select(sf::count()).from<Track>().where(track::album_id == sf::col<&Album::id>))};
};
#else
template <>
struct sqlforge::table_traits<Album> {
    static constexpr std::tuple constraints{sf::column_property<&Album::track_count>(track::album_id + 1)};
};
#endif

[[maybe_unused]] void use() {
    static_assert(!sf::select(sf::all_of<Album>).sql<L>().empty());
}
