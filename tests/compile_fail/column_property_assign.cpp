// expect: sqlforge: this field is a column_property, computed by a SQL expression when read
// Rule: a computed field is read-only: set() / values() cannot write it.
#include "column_property_models.hpp"

template <>
struct sqlforge::table_traits<Album> {
    static constexpr std::tuple constraints{sf::column_property<&Album::track_count>(
        sf::select(sf::count()).from<Track>().where(track::album_id == sf::col<&Album::id>))};
};

// Valid form: set a stored column.
[[maybe_unused]] void valid_form() {
    auto q = sf::update<Album>().set(sf::col<&Album::title> = "x");
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::update<Album>().set(sf::col<&Album::track_count> = 3);
    static_assert(!q.sql<L>().empty());
}
#endif
