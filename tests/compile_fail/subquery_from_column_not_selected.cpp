// expect: sqlforge: this column is not selected by the subquery
// Rule: t(col) must name a column the subquery in FROM selects.
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
    auto q = sf::select(t(album::artist_id)).from(t);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto t = sf::select(album::id, album::artist_id).as<"t">();
    auto q = sf::select(t(album::title)).from(t);
    static_assert(!q.sql<L>().empty());
}
#endif
