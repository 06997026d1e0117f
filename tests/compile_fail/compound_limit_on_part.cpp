// expect: sqlforge: a select inside union_(), intersect() or except_() cannot have its own order_by(), limit() or offset()
// Rule: limit() belongs to the whole set operation, not to its right part.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).intersect(sf::select(track::name)).limit(3);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).intersect(sf::select(track::name).limit(3));
    static_assert(!q.sql<L>().empty());
}
#endif
