// The Chinook sample database (a music store: artists, albums, tracks, playlists, staff),
// loaded from its own SQL script, mapped to structs, and asked questions that use every
// kind of relationship with eager loading (one query per batch, no N+1 loop).
//   chinook [URL] [CHINOOK_DIR]     default: sqlite://:memory: and the repository's copy
#include <sqlforge/orm/relationship.hpp>
#include <sqlforge/orm/script.hpp>
#include <sqlforge/orm/verify_schema.hpp>
#include <sqlforge/sqlforge.hpp>

#include <chrono>
#include <cstdint>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace sf = sqlforge;

using datetime = std::chrono::sys_seconds;

// All 11 tables, column for column (std::optional where the column may be NULL).
struct Genre {
    std::int64_t GenreId;
    std::optional<std::string> Name;
};
struct MediaType {
    std::int64_t MediaTypeId;
    std::optional<std::string> Name;
};
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
    std::optional<std::int64_t> GenreId;
    std::optional<std::string> Composer;
    std::int64_t Milliseconds;
    std::optional<std::int64_t> Bytes;
    double UnitPrice;
};
struct Employee {
    std::int64_t EmployeeId;
    std::string LastName;
    std::string FirstName;
    std::optional<std::string> Title;
    std::optional<std::int64_t> ReportsTo;
    std::optional<datetime> BirthDate, HireDate;
    std::optional<std::string> Address, City, State, Country, PostalCode, Phone, Fax, Email;
};
struct Customer {
    std::int64_t CustomerId;
    std::string FirstName;
    std::string LastName;
    std::optional<std::string> Company, Address, City, State, Country, PostalCode, Phone, Fax;
    std::string Email;
    std::optional<std::int64_t> SupportRepId;
};
struct Invoice {
    std::int64_t InvoiceId;
    std::int64_t CustomerId;
    datetime InvoiceDate;
    std::optional<std::string> BillingAddress, BillingCity, BillingState, BillingCountry, BillingPostalCode;
    double Total;
};
struct InvoiceLine {
    std::int64_t InvoiceLineId;
    std::int64_t InvoiceId;
    std::int64_t TrackId;
    double UnitPrice;
    std::int64_t Quantity;
};
struct Playlist {
    std::int64_t PlaylistId;
    std::optional<std::string> Name;
};
struct PlaylistTrack {
    std::int64_t PlaylistId;
    std::int64_t TrackId;
};
// A view of the Album table with two fields computed when it is read (column_property).
struct AlbumStats {
    std::int64_t AlbumId;
    std::string Title;
    std::int64_t ArtistId;
    std::int64_t tracks;
    std::optional<std::int64_t> milliseconds;
};

// Chinook's tables are named like the structs (not snake_case) and keyed by <Name>Id; the
// foreign keys are declared as the scripts declare them.
#define CHINOOK_TABLE(T, key, ...)                                           \
    template <>                                                              \
    struct sqlforge::table_traits<T> {                                       \
        static constexpr auto name = sqlforge::fixed_string{#T};             \
        static constexpr auto primary_key = sqlforge::primary_key<&T::key>{}; \
        static constexpr std::tuple constraints{__VA_ARGS__};                \
    };
#define FK(From, To) sqlforge::foreign_key<&From, &To>{}
CHINOOK_TABLE(Genre, GenreId)
CHINOOK_TABLE(MediaType, MediaTypeId)
CHINOOK_TABLE(Artist, ArtistId)
CHINOOK_TABLE(Album, AlbumId, FK(Album::ArtistId, Artist::ArtistId))
CHINOOK_TABLE(Track, TrackId, FK(Track::AlbumId, Album::AlbumId), FK(Track::MediaTypeId, MediaType::MediaTypeId),
              FK(Track::GenreId, Genre::GenreId))
CHINOOK_TABLE(Employee, EmployeeId, FK(Employee::ReportsTo, Employee::EmployeeId))
CHINOOK_TABLE(Customer, CustomerId, FK(Customer::SupportRepId, Employee::EmployeeId))
CHINOOK_TABLE(Invoice, InvoiceId, FK(Invoice::CustomerId, Customer::CustomerId))
CHINOOK_TABLE(InvoiceLine, InvoiceLineId, FK(InvoiceLine::InvoiceId, Invoice::InvoiceId),
              FK(InvoiceLine::TrackId, Track::TrackId))
CHINOOK_TABLE(Playlist, PlaylistId)
template <>
struct sqlforge::table_traits<PlaylistTrack> {
    static constexpr auto name = sqlforge::fixed_string{"PlaylistTrack"};
    static constexpr auto primary_key = sqlforge::primary_key<&PlaylistTrack::PlaylistId, &PlaylistTrack::TrackId>{};
    static constexpr std::tuple constraints{FK(PlaylistTrack::PlaylistId, Playlist::PlaylistId),
                                            FK(PlaylistTrack::TrackId, Track::TrackId)};
};
#undef FK
#undef CHINOOK_TABLE

SQLFORGE_COLUMNS(genre, Genre, GenreId, Name)
SQLFORGE_COLUMNS(artist, Artist, ArtistId, Name)
SQLFORGE_COLUMNS(album, Album, AlbumId, Title, ArtistId)
SQLFORGE_COLUMNS(track, Track, TrackId, Name, AlbumId, GenreId, Milliseconds, UnitPrice)
SQLFORGE_COLUMNS(employee, Employee, EmployeeId, LastName, ReportsTo)
SQLFORGE_COLUMNS(customer, Customer, CustomerId, Country)
SQLFORGE_COLUMNS(invoice, Invoice, InvoiceId, CustomerId, InvoiceDate)
SQLFORGE_COLUMNS(invoice_line, InvoiceLine, InvoiceId, UnitPrice, Quantity)
SQLFORGE_COLUMNS(playlist, Playlist, PlaylistId, Name)
SQLFORGE_COLUMNS(album_stats, AlbumStats, AlbumId, Title, ArtistId, tracks, milliseconds)

template <>
struct sqlforge::table_traits<AlbumStats> {
    static constexpr auto name = sqlforge::fixed_string{"Album"};
    static constexpr auto primary_key = sqlforge::primary_key<&AlbumStats::AlbumId>{};
    static constexpr std::tuple constraints{
        sqlforge::column_property<&AlbumStats::tracks>(
            sf::select(sf::count()).from<Track>().where(track::AlbumId == sf::col<&AlbumStats::AlbumId>)),
        sqlforge::column_property<&AlbumStats::milliseconds>(
            sf::select(sf::sum(track::Milliseconds)).where(track::AlbumId == sf::col<&AlbumStats::AlbumId>))};
};

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
    sf::verify_schema<Genre, MediaType, Artist, Album, Track, Employee, Customer, Invoice, InvoiceLine, Playlist,
                      PlaylistTrack, AlbumStats>(engine);  // all 11 structs fit their tables
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

    std::cout << "\nGenres with the most tracks:\n";
    for (auto [name, n] : s.execute(sf::select(genre::Name, sf::count(track::TrackId).as<"n">())
                                        .from<Genre>()
                                        .join<Track>(track::GenreId == genre::GenreId)
                                        .group_by(genre::GenreId, genre::Name)
                                        .order_by(sf::desc<"n">)
                                        .limit(3)))
        std::cout << "  " << name.value_or("?") << ": " << n << " tracks\n";

    std::cout << "\nSales by customer country in 2022 (invoice lines, invoices, customers):\n";
    const datetime y2022{std::chrono::sys_days{std::chrono::year{2022} / 1 / 1}};
    const datetime y2023{std::chrono::sys_days{std::chrono::year{2023} / 1 / 1}};
    for (auto [country, total] :
         s.execute(sf::select(customer::Country, sf::round(sf::sum(invoice_line::UnitPrice * invoice_line::Quantity), 2)
                                                     .as<"total">())
                       .from<InvoiceLine>()
                       .join<Invoice>(invoice::InvoiceId == invoice_line::InvoiceId)
                       .join<Customer>(customer::CustomerId == invoice::CustomerId)
                       .where(invoice::InvoiceDate >= y2022 && invoice::InvoiceDate < y2023)
                       .group_by(customer::Country)
                       .order_by(sf::desc<"total">, customer::Country)
                       .limit(3)))
        std::cout << "  " << country.value_or("?") << ": $" << total.value_or(0) << '\n';

    std::cout << "\nComputed fields (column_property): the albums with the most tracks:\n";
    for (const AlbumStats& a :
         s.query<AlbumStats>().order_by(album_stats::tracks.desc(), album_stats::AlbumId).limit(3))
        std::cout << "  " << a.Title << ": " << a.tracks << " tracks, " << a.milliseconds.value_or(0) / 60000
                  << " min\n";

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
