#pragma once
// A slice of the Chinook schema (artists, albums, tracks, employees, customers, invoices) for
// join and subquery tests.
#include <sqlforge/sqlforge.hpp>

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
