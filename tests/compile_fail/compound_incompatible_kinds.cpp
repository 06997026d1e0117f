// expect: sqlforge: the columns of the selects of a set operation must have compatible types, position by position
// Rule: a union's columns must be of compatible kinds position by position (here text against a number).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name, artist::id).union_all(sf::select(track::name, track::ms));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name, artist::id).union_all(sf::select(track::ms, track::name));
    static_assert(!q.sql<L>().empty());
}
#endif
