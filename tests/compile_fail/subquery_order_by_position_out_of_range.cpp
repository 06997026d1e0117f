// expect: sqlforge: order_by(sf::position<N>) names a column past the last selected one
// Rule: sf::position<N> in a select's order_by() must not pass its last column (also when it is a subquery).
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
    auto q = sf::select(artist::name).where(artist::id.in(sf::select(album::artist_id).order_by(sf::position<1>).limit(5)));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).where(artist::id.in(sf::select(album::artist_id).order_by(sf::position<2>).limit(5)));
    static_assert(!q.sql<L>().empty());
}
#endif
