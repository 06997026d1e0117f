// expect: sqlforge: cannot compare a number with a text value
// Rule: not_in(select) follows the same type rule as in().
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(track::id).where(track::album_id.not_in(sf::select(album::id)));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::id).where(track::album_id.not_in(sf::select(album::title)));
    static_assert(!q.sql<L>().empty());
}
#endif
