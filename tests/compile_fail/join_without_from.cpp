// expect: sqlforge: a join needs the left side named first
// Rule: join() needs .from<T>() to name its left side.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name, album::title).from<Artist>().join<Album>(album::artist_id == artist::id);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name, album::title).join<Album>(album::artist_id == artist::id);
    static_assert(!q.sql<L>().empty());
}
#endif
