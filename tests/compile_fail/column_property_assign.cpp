// expect: sqlforge: this field is a column_property, computed by a SQL expression when read
// Rule: a computed field is read-only: set() / values() cannot write it.
#include <sqlforge/dsl.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

struct Track {
    std::int64_t id;
    std::int64_t album_id;
    int ms;
};
struct Album {
    std::int64_t id;
    std::string title;
    std::int64_t track_count;
    std::optional<std::int64_t> longest;
};
SQLFORGE_COLUMNS(track, Track, id, album_id, ms)

template <>
struct sqlforge::table_traits<Album> {
    static constexpr std::tuple constraints{sf::column_property<&Album::track_count>(
        sf::select(sf::count()).from<Track>().where(track::album_id == sf::col<&Album::id>))};
};

// Valid form: set a stored column.
[[maybe_unused]] void valid_form() {
    auto q = sf::update<Album>().set(sf::col<&Album::title> = "x");
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::update<Album>().set(sf::col<&Album::track_count> = 3);
    static_assert(!q.sql<L>().empty());
}
#endif
