// expect: sqlforge: a column in where() belongs to a table that is not in FROM
// Rule: a subquery in FROM is a statement of its own: it cannot name the enclosing query's tables.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto t = sf::select(album::id, album::artist_id).as<"t">();
    auto q = sf::select(artist::name).from<Artist>().join(t, t(album::artist_id) == artist::id);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto t = sf::select(album::id, album::artist_id).where(album::artist_id == artist::id).as<"t">();
    auto q = sf::select(artist::name).from<Artist>().join(t, t(album::artist_id) == artist::id);
    static_assert(!q.sql<L>().empty());
}
#endif
