// expect: sqlforge: a column_property's expression may be NULL
// Rule: an expression that may be NULL (MAX of no rows) computes only a std::optional field.
#include "column_property_models.hpp"

#ifndef SQLFORGE_COMPILE_FAIL
// Valid form: MAX into an optional field.
template <>
struct sqlforge::table_traits<Album> {
    static constexpr std::tuple constraints{sf::column_property<&Album::longest>(
        sf::select(sf::max(track::id)).where(track::album_id == sf::col<&Album::id>))};
};
#else
template <>
struct sqlforge::table_traits<Album> {
    static constexpr std::tuple constraints{sf::column_property<&Album::track_count>(
        sf::select(sf::max(track::id)).where(track::album_id == sf::col<&Album::id>))};
};
#endif

[[maybe_unused]] void use() {
    static_assert(!sf::select(sf::all_of<Album>).sql<L>().empty());
}
