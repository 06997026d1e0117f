// expect: sqlforge: a select inside union_(), intersect() or except_() cannot have its own order_by(), limit() or offset()
// Rule: order_by() belongs to the whole set operation, not to a part (SQLite cannot parenthesise parts).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).union_(sf::select(track::name)).order_by(artist::name);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).order_by(artist::name).union_(sf::select(track::name));
    static_assert(!q.sql<L>().empty());
}
#endif
