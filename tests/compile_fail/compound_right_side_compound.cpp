// expect: sqlforge: the right side of union_(), intersect() or except_() must be one select
// Rule: set operations chain left to right; a set operation on the right would need parentheses SQLite does not allow.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).union_(sf::select(track::name)).intersect(sf::select(album::title));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).union_(sf::select(track::name).intersect(sf::select(album::title)));
    static_assert(!q.sql<L>().empty());
}
#endif
