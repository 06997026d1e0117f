// expect: sqlforge: a subquery in FROM must be named with .from(t) or a join
// Rule: a subquery in FROM holds bound values, so it must be given to from() or a join, not deduced from the items.
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
    auto t = sf::select(album::id).where(album::title == "x").as<"t">();
    auto q = sf::select(t(album::id)).from(t);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto t = sf::select(album::id).where(album::title == "x").as<"t">();
    auto q = sf::select(t(album::id));
    static_assert(!q.sql<L>().empty());
}
#endif
