// expect: sqlforge: this table is already in FROM; join it again through sf::alias
// Rule: a table joined twice must be aliased (the valid form uses an alias).
#include <sqlforge/dsl.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

struct Artist {
    std::int64_t id;
    std::string name;
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
};
SQLFORGE_COLUMNS(artist, Artist, id, name)
SQLFORGE_COLUMNS(album, Album, id, title, artist_id)
SQLFORGE_COLUMNS(track, Track, id, name, album_id)

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).from<Artist>().join(sf::alias<Artist, "a2">{}, sf::alias<Artist, "a2">{}(artist::id) == artist::id);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).from<Artist>().join<Artist>(artist::id == artist::id);
    static_assert(!q.sql<L>().empty());
}
#endif
