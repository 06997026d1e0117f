// expect: sqlforge: the ON condition of a join must be a condition
// Rule: a join's ON must be a condition, not a value.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).from<Artist>().join<Album>(album::artist_id == artist::id);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).from<Artist>().join<Album>(album::artist_id + artist::id);
    static_assert(!q.sql<L>().empty());
}
#endif
