// expect: sqlforge: a subquery in FROM must be named with .from(t) or a join
// Rule: a subquery in FROM holds bound values, so it must be given to from() or a join, not deduced from the items.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto t = sf::select(album::id).where(album::title == "x").as<"t">();
    auto q = sf::select(t(album::id)).from(t);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto t = sf::select(album::id).where(album::title == "x").as<"t">();
    auto q = sf::select(t(album::id));
    static_assert(!q.sql<L>().empty());
}
#endif
