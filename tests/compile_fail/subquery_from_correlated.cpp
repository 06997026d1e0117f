// expect: sqlforge: a column in where() belongs to a table that is not in FROM
// Rule: a subquery in FROM is a statement of its own: it cannot name the enclosing query's tables.
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
    auto t = sf::select(album::id, album::artist_id).as<"t">();
    auto q = sf::select(artist::name).from<Artist>().join(t, t(album::artist_id) == artist::id);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto t = sf::select(album::id, album::artist_id).where(album::artist_id == artist::id).as<"t">();
    auto q = sf::select(artist::name).from<Artist>().join(t, t(album::artist_id) == artist::id);
    static_assert(!q.sql<L>().empty());
}
#endif
