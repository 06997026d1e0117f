// expect: sqlforge: the subquery selects this column twice
// Rule: t(col) is ambiguous when the subquery selects col twice.
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
    auto t = sf::select(album::id, album::id.as<"again">()).as<"t">();
    auto q = sf::select(t.c<"again">()).from(t);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto t = sf::select(album::id, album::id.as<"again">()).as<"t">();
    auto q = sf::select(t(album::id)).from(t);
    static_assert(!q.sql<L>().empty());
}
#endif
