// expect: sqlforge: a column_property's expression must have the field's SQL type
// Rule: the expression computing a field reads as the field's kind (a count into an integer, not text).
#include "column_property_models.hpp"

#ifndef SQLFORGE_COMPILE_FAIL
// Valid form: a count into an integer field.
template <>
struct sqlforge::table_traits<Album> {
    static constexpr std::tuple constraints{sf::column_property<&Album::track_count>(
        sf::select(sf::count()).from<Track>().where(track::album_id == sf::col<&Album::id>))};
};
#else
template <>
struct sqlforge::table_traits<Album> {
    static constexpr std::tuple constraints{sf::column_property<&Album::title>(
        sf::select(sf::count()).from<Track>().where(track::album_id == sf::col<&Album::id>))};
};
#endif

[[maybe_unused]] void use() {
    static_assert(!sf::select(sf::all_of<Album>).sql<L>().empty());
}
