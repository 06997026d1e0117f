// The Chinook sample database (a music store: artists, albums, tracks, playlists, staff),
// loaded from its own SQL script, mapped to structs, and asked questions that use every
// kind of relationship with eager loading (one query per batch, no N+1 loop).
//   chinook [URL] [CHINOOK_DIR]     default: sqlite://:memory: and the repository's copy
#include <sqlforge/orm/relationship.hpp>
#include <sqlforge/orm/script.hpp>
#include <sqlforge/orm/verify_schema.hpp>
#include <sqlforge/sqlforge.hpp>

#include <cstdint>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace sf = sqlforge;

struct Artist {
    std::int64_t ArtistId;
    std::optional<std::string> Name;
};
struct Album {
    std::int64_t AlbumId;
    std::string Title;
    std::int64_t ArtistId;
};
struct Track {
    std::int64_t TrackId;
    std::string Name;
    std::optional<std::int64_t> AlbumId;
    std::int64_t MediaTypeId;
    std::optional<std::string> Composer;
    std::int64_t Milliseconds;
    double UnitPrice;
};
struct Employee {
    std::int64_t EmployeeId;
    std::string LastName;
    std::string FirstName;
    std::optional<std::string> Title;
    std::optional<std::int64_t> ReportsTo;
};
struct Playlist {
    std::int64_t PlaylistId;
    std::optional<std::string> Name;
};
struct PlaylistTrack {
    std::int64_t PlaylistId;
    std::int64_t TrackId;
};

// Chinook's tables are named like the structs (not snake_case) and keyed by <Name>Id.
#define CHINOOK_TABLE(T, key)                                                \
    template <>                                                              \
    struct sqlforge::table_traits<T> {                                       \
        static constexpr auto name = sqlforge::fixed_string{#T};             \
        static constexpr auto primary_key = sqlforge::primary_key<&T::key>{}; \
    };
CHINOOK_TABLE(Artist, ArtistId)
CHINOOK_TABLE(Album, AlbumId)
CHINOOK_TABLE(Track, TrackId)
CHINOOK_TABLE(Employee, EmployeeId)
CHINOOK_TABLE(Playlist, PlaylistId)
template <>
struct sqlforge::table_traits<PlaylistTrack> {
    static constexpr auto name = sqlforge::fixed_string{"PlaylistTrack"};
    static constexpr auto primary_key = sqlforge::primary_key<&PlaylistTrack::PlaylistId, &PlaylistTrack::TrackId>{};
};

SQLFORGE_COLUMNS(artist, Artist, ArtistId, Name)
SQLFORGE_COLUMNS(album, Album, AlbumId, Title, ArtistId)
SQLFORGE_COLUMNS(track, Track, TrackId, Name, AlbumId, Milliseconds, UnitPrice)
SQLFORGE_COLUMNS(employee, Employee, EmployeeId, LastName, ReportsTo)
SQLFORGE_COLUMNS(playlist, Playlist, PlaylistId, Name)

// The relationships, declared once.
constexpr auto albums_of = sf::one_to_many<&Album::ArtistId, &Artist::ArtistId>{};          // one-to-many
constexpr auto tracks_on = sf::one_to_many<&Track::AlbumId, &Album::AlbumId>{};             // its reverse: many-to-one
constexpr auto reports_of = sf::one_to_many<&Employee::ReportsTo, &Employee::EmployeeId>{}; // self-referencing
constexpr auto tracks_in = sf::many_to_many<&PlaylistTrack::PlaylistId, &PlaylistTrack::TrackId,
                                            &Playlist::PlaylistId, &Track::TrackId>{};      // many-to-many

static std::string read_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw sf::argument_error("cannot read " + path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

int main(int argc, char** argv) try {
    const std::string url = argc > 1 ? argv[1] : "sqlite://:memory:";
    const std::string dir = argc > 2 ? argv[2] : SQLFORGE_CHINOOK_DIR;
    auto engine = sf::create_engine(url);
    if (engine.kind() == sf::backend_kind::sqlite) {
        sf::run_script(engine, read_file(dir + "/Chinook_Sqlite.sql"));
    } else {
        // The MySQL script drops, creates and uses a database named Chinook: run it into the
        // URL's database instead, starting from no Chinook tables.
        std::string sql = read_file(dir + "/Chinook_MySql.sql");
        for (const char* line : {"DROP DATABASE IF EXISTS `Chinook`;", "CREATE DATABASE `Chinook`;", "USE `Chinook`;"})
            if (auto at = sql.find(line); at != std::string::npos) sql.erase(at, std::string_view(line).size());
        sf::run_script(engine,
                       "SET FOREIGN_KEY_CHECKS = 0; DROP TABLE IF EXISTS `PlaylistTrack`, `Playlist`, `InvoiceLine`, "
                       "`Invoice`, `Customer`, `Employee`, `Track`, `Album`, `Artist`, `Genre`, `MediaType`; "
                       "SET FOREIGN_KEY_CHECKS = 1;\n" + sql);
    }
    sf::verify_schema<Artist, Album, Playlist, PlaylistTrack>(engine);  // the structs fit the tables
    sf::session s{engine};

    std::cout << "Artists with the most tracks:\n";
    auto top = sf::select(artist::Name, sf::count(track::TrackId).as<"tracks">())
                   .from<Artist>()
                   .join<Album>(album::ArtistId == artist::ArtistId)
                   .join<Track>(track::AlbumId == album::AlbumId)
                   .group_by(artist::ArtistId, artist::Name)
                   .order_by(sf::desc<"tracks">, artist::Name)
                   .limit(5);
    for (auto [name, n] : s.execute(top)) std::cout << "  " << name.value_or("?") << ": " << n << " tracks\n";

    std::cout << "\nOne-to-many, eager: the first 4 artists and their albums (one query):\n";
    auto artists = s.query<Artist>().order_by(artist::ArtistId).limit(4).all();
    for (const auto& [a, albums] : sf::load_children(s, albums_of, artists)) {
        std::cout << "  " << a.Name.value_or("?") << ":";
        for (const Album& al : albums) std::cout << " [" << al.Title << "]";
        std::cout << '\n';
    }

    std::cout << "\nMany-to-one: the albums of the five longest tracks (one query):\n";
    auto longest = s.query<Track>().order_by(track::Milliseconds.desc()).limit(5).all();
    auto album_of = sf::load_parents(s, tracks_on, longest);
    for (const Track& t : longest)
        std::cout << "  " << t.Name << " (" << t.Milliseconds / 60000 << " min) on "
                  << (t.AlbumId ? album_of.at(*t.AlbumId).Title : std::string("no album")) << '\n';

    std::cout << "\nSelf-referencing: who reports to whom:\n";
    auto staff = s.query<Employee>().order_by(employee::EmployeeId).all();
    for (const auto& [boss, team] : sf::load_children(s, reports_of, staff)) {
        if (team.empty()) continue;
        std::cout << "  " << boss.FirstName << ' ' << boss.LastName << ":";
        for (const Employee& e : team) std::cout << ' ' << e.FirstName << ' ' << e.LastName << ';';
        std::cout << '\n';
    }

    std::cout << "\nMany-to-many: playlists and their track counts (one query per 64 playlists):\n";
    auto playlists = s.query<Playlist>().order_by(playlist::PlaylistId).all();
    for (const auto& [p, tracks] : sf::load_related(s, tracks_in, playlists)) {
        double price = 0;
        for (const Track& t : tracks) price += t.UnitPrice;
        std::cout << "  " << p.Name.value_or("?") << ": " << tracks.size() << " tracks, $" << price << '\n';
    }
    return 0;
} catch (const sf::error& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 1;
}
