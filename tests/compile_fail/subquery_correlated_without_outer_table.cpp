// expect: sqlforge: a column in where() belongs to a table that is not in FROM
// Rule: a correlated subquery may name a table of the enclosing query only if the enclosing query has it in FROM (here: artist).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).where(sf::exists(sf::select(album::id).where(album::artist_id == artist::id)));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::name).where(sf::exists(sf::select(album::id).where(album::artist_id == artist::id)));
    static_assert(!q.sql<L>().empty());
}
#endif
