// expect: sqlforge: a subquery used as a value (in a comparison, in(), or as a select item) must select exactly one column
// Rule: all_of<T> gives several columns, so it cannot be a scalar subquery.
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
    auto q = sf::select(sf::select(album::title).where(album::id == 1).scalar_subquery());
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::select(sf::all_of<Album>).where(album::id == 1).scalar_subquery());
    static_assert(!q.sql<L>().empty());
}
#endif
