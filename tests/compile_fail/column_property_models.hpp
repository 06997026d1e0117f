#pragma once
// The models the column_property compile-fail tests share: Album's computed fields read its
// tracks, so that each test file holds only its rule (Album's table_traits) and its use.
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
