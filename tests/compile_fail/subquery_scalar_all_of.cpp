// expect: sqlforge: a subquery used as a value (in a comparison, in(), or as a select item) must select exactly one column
// Rule: all_of<T> gives several columns, so it cannot be a scalar subquery.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(sf::select(album::title).where(album::id == 1).scalar_subquery());
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::select(sf::all_of<Album>).where(album::id == 1).scalar_subquery());
    static_assert(!q.sql<L>().empty());
}
#endif
