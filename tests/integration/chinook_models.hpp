#pragma once
// The Chinook schema. `chinook::` holds a slice (some columns of six tables) that join,
// subquery and relationship tests create and fill themselves; `chinook::full::` maps all 11
// tables column for column, with their foreign keys, for the real data loaded from
// tests/data/chinook on both backends, and AlbumSummary, a view of Album with column_property
// fields.
#include <sqlforge/sqlforge.hpp>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace chinook {

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
    std::int32_t Milliseconds;
};
struct Employee {
    std::int64_t EmployeeId;
    std::string LastName;
    std::optional<std::int64_t> ReportsTo;
};
struct Customer {
    std::int64_t CustomerId;
    std::string FirstName;
    std::string LastName;
    std::optional<std::int64_t> SupportRepId;
};
struct Invoice {
    std::int64_t InvoiceId;
    std::int64_t CustomerId;
    double Total;
};

}  // namespace chinook

template <>
struct sqlforge::table_traits<chinook::Artist> {
    static constexpr auto name = sqlforge::fixed_string{"Artist"};
    static constexpr auto primary_key = sqlforge::primary_key<&chinook::Artist::ArtistId>{};
};
template <>
struct sqlforge::table_traits<chinook::Album> {
    static constexpr auto name = sqlforge::fixed_string{"Album"};
    static constexpr auto primary_key = sqlforge::primary_key<&chinook::Album::AlbumId>{};
};
template <>
struct sqlforge::table_traits<chinook::Track> {
    static constexpr auto name = sqlforge::fixed_string{"Track"};
    static constexpr auto primary_key = sqlforge::primary_key<&chinook::Track::TrackId>{};
};
template <>
struct sqlforge::table_traits<chinook::Employee> {
    static constexpr auto name = sqlforge::fixed_string{"Employee"};
    static constexpr auto primary_key = sqlforge::primary_key<&chinook::Employee::EmployeeId>{};
};

template <>
struct sqlforge::table_traits<chinook::Customer> {
    static constexpr auto name = sqlforge::fixed_string{"Customer"};
    static constexpr auto primary_key = sqlforge::primary_key<&chinook::Customer::CustomerId>{};
};
template <>
struct sqlforge::table_traits<chinook::Invoice> {
    static constexpr auto name = sqlforge::fixed_string{"Invoice"};
    static constexpr auto primary_key = sqlforge::primary_key<&chinook::Invoice::InvoiceId>{};
};

namespace sf = sqlforge;
SQLFORGE_COLUMNS(artist, chinook::Artist, ArtistId, Name)
SQLFORGE_COLUMNS(album, chinook::Album, AlbumId, Title, ArtistId)
SQLFORGE_COLUMNS(track, chinook::Track, TrackId, Name, AlbumId, Milliseconds)
SQLFORGE_COLUMNS(employee, chinook::Employee, EmployeeId, LastName, ReportsTo)
SQLFORGE_COLUMNS(customer, chinook::Customer, CustomerId, FirstName, LastName, SupportRepId)
SQLFORGE_COLUMNS(invoice, chinook::Invoice, InvoiceId, CustomerId, Total)

// ---- all 11 tables, column for column -------------------------------------------------
namespace chinook::full {

using datetime = std::chrono::sys_seconds;

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
    std::optional<datetime> BirthDate;
    std::optional<datetime> HireDate;
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

// Album with computed fields (column_property): its track count, its running time (NULL for
// an album without tracks) and its title in capitals.
struct AlbumSummary {
    std::int64_t AlbumId;
    std::string Title;
    std::int64_t ArtistId;
    std::int64_t track_count;
    std::optional<std::int64_t> total_ms;
    std::string title_upper;
};

}  // namespace chinook::full

#define CHINOOK_FULL_TABLE(T, key, ...)                                                               \
    template <>                                                                                       \
    struct sqlforge::table_traits<chinook::full::T> {                                                 \
        static constexpr auto name = sqlforge::fixed_string{#T};                                      \
        static constexpr auto primary_key = sqlforge::primary_key<&chinook::full::T::key>{};          \
        static constexpr std::tuple constraints{__VA_ARGS__};                                         \
    };
#define CHINOOK_FK(From, To) sqlforge::foreign_key<&chinook::full::From, &chinook::full::To>{}
CHINOOK_FULL_TABLE(Genre, GenreId)
CHINOOK_FULL_TABLE(MediaType, MediaTypeId)
CHINOOK_FULL_TABLE(Artist, ArtistId)
CHINOOK_FULL_TABLE(Album, AlbumId, CHINOOK_FK(Album::ArtistId, Artist::ArtistId))
CHINOOK_FULL_TABLE(Track, TrackId, CHINOOK_FK(Track::AlbumId, Album::AlbumId),
                   CHINOOK_FK(Track::MediaTypeId, MediaType::MediaTypeId), CHINOOK_FK(Track::GenreId, Genre::GenreId))
CHINOOK_FULL_TABLE(Employee, EmployeeId, CHINOOK_FK(Employee::ReportsTo, Employee::EmployeeId))
CHINOOK_FULL_TABLE(Customer, CustomerId, CHINOOK_FK(Customer::SupportRepId, Employee::EmployeeId))
CHINOOK_FULL_TABLE(Invoice, InvoiceId, CHINOOK_FK(Invoice::CustomerId, Customer::CustomerId))
CHINOOK_FULL_TABLE(InvoiceLine, InvoiceLineId, CHINOOK_FK(InvoiceLine::InvoiceId, Invoice::InvoiceId),
                   CHINOOK_FK(InvoiceLine::TrackId, Track::TrackId))
CHINOOK_FULL_TABLE(Playlist, PlaylistId)
#undef CHINOOK_FULL_TABLE
template <>
struct sqlforge::table_traits<chinook::full::PlaylistTrack> {
    static constexpr auto name = sqlforge::fixed_string{"PlaylistTrack"};
    static constexpr auto primary_key =
        sqlforge::primary_key<&chinook::full::PlaylistTrack::PlaylistId, &chinook::full::PlaylistTrack::TrackId>{};
    static constexpr std::tuple constraints{CHINOOK_FK(PlaylistTrack::PlaylistId, Playlist::PlaylistId),
                                            CHINOOK_FK(PlaylistTrack::TrackId, Track::TrackId)};
};
#undef CHINOOK_FK

namespace chinook::full {
namespace sf = sqlforge;
SQLFORGE_COLUMNS(genre, Genre, GenreId, Name)
SQLFORGE_COLUMNS(media_type, MediaType, MediaTypeId, Name)
SQLFORGE_COLUMNS(artist, Artist, ArtistId, Name)
SQLFORGE_COLUMNS(album, Album, AlbumId, Title, ArtistId)
SQLFORGE_COLUMNS(track, Track, TrackId, Name, AlbumId, MediaTypeId, GenreId, Composer, Milliseconds, Bytes, UnitPrice)
SQLFORGE_COLUMNS(employee, Employee, EmployeeId, LastName, FirstName, Title, ReportsTo, BirthDate, HireDate, City,
                 Country, Email)
SQLFORGE_COLUMNS(customer, Customer, CustomerId, FirstName, LastName, Company, City, Country, Email, SupportRepId)
SQLFORGE_COLUMNS(invoice, Invoice, InvoiceId, CustomerId, InvoiceDate, BillingCountry, Total)
SQLFORGE_COLUMNS(invoice_line, InvoiceLine, InvoiceLineId, InvoiceId, TrackId, UnitPrice, Quantity)
SQLFORGE_COLUMNS(playlist, Playlist, PlaylistId, Name)
SQLFORGE_COLUMNS(playlist_track, PlaylistTrack, PlaylistId, TrackId)
SQLFORGE_COLUMNS(album_summary, AlbumSummary, AlbumId, Title, ArtistId, track_count, total_ms, title_upper)
}  // namespace chinook::full

// A view of the Album table: three fields computed when the row is read.
template <>
struct sqlforge::table_traits<chinook::full::AlbumSummary> {
    static constexpr auto name = sqlforge::fixed_string{"Album"};
    static constexpr auto primary_key = sqlforge::primary_key<&chinook::full::AlbumSummary::AlbumId>{};
    static constexpr std::tuple constraints{
        sqlforge::column_property<&chinook::full::AlbumSummary::track_count>(
            sqlforge::select(sqlforge::count())
                .from<chinook::full::Track>()
                .where(chinook::full::track::AlbumId == sqlforge::col<&chinook::full::AlbumSummary::AlbumId>)),
        sqlforge::column_property<&chinook::full::AlbumSummary::total_ms>(
            sqlforge::select(sqlforge::sum(chinook::full::track::Milliseconds))
                .where(chinook::full::track::AlbumId == sqlforge::col<&chinook::full::AlbumSummary::AlbumId>)),
        sqlforge::column_property<&chinook::full::AlbumSummary::title_upper>(
            sqlforge::upper(sqlforge::col<&chinook::full::AlbumSummary::Title>))};
};
