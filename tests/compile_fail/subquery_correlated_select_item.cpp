// expect: sqlforge: a selected column's table is not in FROM
// Rule: a correlated scalar subquery in the select list needs its outer table in the enclosing FROM (given FROM lacks artist).
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
    auto q = sf::select(artist::name, sf::select(sf::count()).from<Album>().where(album::artist_id == artist::id).scalar_subquery()).from<Artist>();
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::name, sf::select(sf::count()).from<Album>().where(album::artist_id == artist::id).scalar_subquery()).from<Track>();
    static_assert(!q.sql<L>().empty());
}
#endif
