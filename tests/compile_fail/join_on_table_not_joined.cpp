// expect: sqlforge: the ON condition names a table that is neither joined yet nor the one being joined
// Rule: a join's ON condition may only use tables already joined or the one being joined (the valid form joins Album first).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name, track::name).from<Artist>().join<Album>(album::artist_id == artist::id).join<Track>(track::album_id == album::id);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name, track::name).from<Artist>().join<Track>(track::album_id == album::id);
    static_assert(!q.sql<L>().empty());
}
#endif
