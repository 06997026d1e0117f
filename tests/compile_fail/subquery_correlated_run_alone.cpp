// expect: sqlforge: a column in where() belongs to a table that is not in FROM
// Rule: a select that names a table its FROM lacks (a correlated subquery) cannot run on its own.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(album::id).from<Album, Artist>().where(album::artist_id == artist::id);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(album::id).where(album::artist_id == artist::id);
    static_assert(!q.sql<L>().empty());
}
#endif
