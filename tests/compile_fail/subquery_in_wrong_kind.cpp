// expect: sqlforge: cannot compare a text value with a number
// Rule: the column and the subquery's column in x.in(select) must be comparable (text with text, numbers with numbers).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(track::id).where(track::name.in(sf::select(album::title)));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::id).where(track::name.in(sf::select(album::id)));
    static_assert(!q.sql<L>().empty());
}
#endif
