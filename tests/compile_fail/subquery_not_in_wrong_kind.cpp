// expect: sqlforge: cannot compare a number with a text value
// Rule: not_in(select) follows the same type rule as in().
#include <sqlforge/dsl.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

struct Artist {
    std::int64_t id;
    std::optional<std::string> name;
};
struct Album {
    std::int64_t id;
    std::string title;
    std::int64_t artist_id;
};
struct Track {
    std::int64_t id;
    std::string name;
    std::int64_t album_id;
    int ms;
};
SQLFORGE_COLUMNS(artist, Artist, id, name)
SQLFORGE_COLUMNS(album, Album, id, title, artist_id)
SQLFORGE_COLUMNS(track, Track, id, name, album_id, ms)

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
