// expect: sqlforge: a set operation reads all_of<T> into a T, but another of its selects gives a NULL
// Rule: all_of<T> in a union reads rows into T, so the other parts must not give NULL where T's field is NOT NULL.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(sf::all_of<Album>).union_(sf::select(album::id, track::name, track::album_id).from<Album, Track>());
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::all_of<Album>).union_(sf::select(album::id, artist::name, album::artist_id).from<Album, Artist>());
    static_assert(!q.sql<L>().empty());
}
#endif
