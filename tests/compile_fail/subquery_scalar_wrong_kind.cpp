// expect: sqlforge: cannot compare a text value with a number
// Rule: a scalar subquery has the type of its item: comparing text with it needs a text item.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(track::id).where(track::name == sf::select(sf::max(album::title)));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::id).where(track::name == sf::select(sf::max(track::ms)));
    static_assert(!q.sql<L>().empty());
}
#endif
