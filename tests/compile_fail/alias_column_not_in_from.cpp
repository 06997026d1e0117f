// expect: sqlforge: a selected column's table is not in FROM
// Rule: a column read through an alias needs that alias in FROM (the valid form puts it there).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(sf::alias<Artist, "a">{}(artist::name)).from(sf::alias<Artist, "a">{});
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::alias<Artist, "a">{}(artist::name)).from<Artist>();
    static_assert(!q.sql<L>().empty());
}
#endif
