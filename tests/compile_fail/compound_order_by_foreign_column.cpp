// expect: sqlforge: order_by() on a set operation takes a column or a label of the first select
// Rule: a union is ordered by its result columns, named by the first select; a column of another part is not one.
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
    auto q = sf::select(artist::name).union_(sf::select(track::name)).order_by(artist::name.desc());
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).union_(sf::select(track::name)).order_by(track::name.desc());
    static_assert(!q.sql<L>().empty());
}
#endif
