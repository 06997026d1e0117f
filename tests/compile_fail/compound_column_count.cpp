// expect: sqlforge: the selects of a set operation must have the same number of columns
// Rule: the selects of a union must have the same number of columns.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name, artist::id).union_(sf::select(track::name, track::id));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).union_(sf::select(track::name, track::id));
    static_assert(!q.sql<L>().empty());
}
#endif
