// expect: sqlforge: a subquery must be a select
// Rule: exists() takes a select.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(track::id).where(sf::exists(sf::select(album::id).where(album::id == track::album_id)));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::id).where(sf::exists(track::id == 1));
    static_assert(!q.sql<L>().empty());
}
#endif
