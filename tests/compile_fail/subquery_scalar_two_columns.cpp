// expect: sqlforge: a subquery used as a value (in a comparison, in(), or as a select item) must select exactly one column
// Rule: a select compared as a value (scalar subquery) must select exactly one column.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(track::name).where(track::ms == sf::select(sf::max(track::ms)));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::name).where(track::ms == sf::select(sf::max(track::ms), sf::min(track::ms)));
    static_assert(!q.sql<L>().empty());
}
#endif
