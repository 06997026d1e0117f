// expect: sqlforge: the subquery has no column of this name
// Rule: t.c<"n">() must name a label (or a column name) of the subquery in FROM.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto t = sf::select(album::artist_id, sf::count().as<"n">()).group_by(album::artist_id).as<"t">();
    auto q = sf::select(t.c<"n">()).from(t);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto t = sf::select(album::artist_id, sf::count().as<"n">()).group_by(album::artist_id).as<"t">();
    auto q = sf::select(t.c<"count">()).from(t);
    static_assert(!q.sql<L>().empty());
}
#endif
