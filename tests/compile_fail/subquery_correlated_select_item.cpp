// expect: sqlforge: a selected column's table is not in FROM
// Rule: a correlated scalar subquery in the select list needs its outer table in the enclosing FROM (given FROM lacks artist).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name, sf::select(sf::count()).from<Album>().where(album::artist_id == artist::id).scalar_subquery()).from<Artist>();
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::name, sf::select(sf::count()).from<Album>().where(album::artist_id == artist::id).scalar_subquery()).from<Track>();
    static_assert(!q.sql<L>().empty());
}
#endif
