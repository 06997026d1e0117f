// expect: sqlforge: this column is not selected by the subquery
// Rule: t(col) must name a column the subquery in FROM selects.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto t = sf::select(album::id, album::artist_id).as<"t">();
    auto q = sf::select(t(album::artist_id)).from(t);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto t = sf::select(album::id, album::artist_id).as<"t">();
    auto q = sf::select(t(album::title)).from(t);
    static_assert(!q.sql<L>().empty());
}
#endif
