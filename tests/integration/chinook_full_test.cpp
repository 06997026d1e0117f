// All 11 Chinook tables mapped (chinook::full, tests/integration/chinook_models.hpp), the real
// data loaded on both backends, and questions over every table answered through the DSL and
// checked against the same question in plain SQL run through sf::text().
#include "backends.hpp"
#include "chinook_data.hpp"
#include "chinook_models.hpp"

#include <sqlforge/orm/verify_schema.hpp>

#include <chrono>
#include <cmath>
#include <string>
#include <tuple>
#include <vector>

namespace cf = chinook::full;
using namespace std::chrono;

namespace {

// The rows of a text() query, each column read as T.
template <class... Ts>
std::vector<std::tuple<Ts...>> plain(sf::session& s, const char* sql) {
    std::vector<std::tuple<Ts...>> out;
    for (const auto& r : s.execute(sf::text(sql)).all())
        out.push_back([&]<std::size_t... I>(std::index_sequence<I...>) {
            return std::tuple<Ts...>{r.get<Ts>(static_cast<int>(I))...};
        }(std::index_sequence_for<Ts...>{}));
    return out;
}
std::int64_t plain_count(sf::session& s, const char* sql) { return *s.execute(sf::text(sql)).scalar<std::int64_t>(); }

}  // namespace

TEST_CASE_TEMPLATE("Chinook: all 11 tables load, match their structs and are read through the DSL", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = B::engine();
    test::load_chinook<B>(e);
    sf::verify_schema<cf::Genre, cf::MediaType, cf::Artist, cf::Album, cf::Track, cf::Employee, cf::Customer,
                      cf::Invoice, cf::InvoiceLine, cf::Playlist, cf::PlaylistTrack, cf::AlbumSummary>(e);
    {
        sf::session s{e};
        // Every row of every table, through the struct, as many as plain SQL counts.
        CHECK(s.query<cf::Genre>().all().size() == std::size_t(plain_count(s, "SELECT COUNT(*) FROM Genre")));
        CHECK(s.query<cf::MediaType>().all().size() == std::size_t(plain_count(s, "SELECT COUNT(*) FROM MediaType")));
        CHECK(s.query<cf::Artist>().all().size() == 275);
        CHECK(s.query<cf::Album>().all().size() == 347);
        CHECK(s.query<cf::Track>().all().size() == 3503);
        CHECK(s.query<cf::Employee>().all().size() == 8);
        CHECK(s.query<cf::Customer>().all().size() == 59);
        CHECK(s.query<cf::Invoice>().all().size() == 412);
        CHECK(s.query<cf::InvoiceLine>().all().size() == 2240);
        CHECK(s.query<cf::Playlist>().all().size() == 18);
        CHECK(s.query<cf::PlaylistTrack>().all().size() == 8715);

        // Tracks per genre (Track -> Genre), the five largest.
        auto per_genre = s.execute(sf::select(cf::genre::Name, sf::count(cf::track::TrackId).as<"n">())
                                       .from<cf::Genre>()
                                       .join<cf::Track>(cf::track::GenreId == cf::genre::GenreId)
                                       .group_by(cf::genre::GenreId, cf::genre::Name)
                                       .order_by(sf::desc<"n">, cf::genre::Name)
                                       .limit(5))
                              .all();
        CHECK(per_genre == plain<std::optional<std::string>, std::int64_t>(
                               s, "SELECT g.Name, COUNT(t.TrackId) AS n FROM Genre g JOIN Track t ON t.GenreId = "
                                  "g.GenreId GROUP BY g.GenreId, g.Name ORDER BY n DESC, g.Name LIMIT 5"));

        // Bytes per media type (Track -> MediaType).
        auto per_media = s.execute(sf::select(cf::media_type::Name, sf::sum(cf::track::Bytes))
                                       .from<cf::MediaType>()
                                       .join<cf::Track>(cf::track::MediaTypeId == cf::media_type::MediaTypeId)
                                       .group_by(cf::media_type::MediaTypeId, cf::media_type::Name)
                                       .order_by(cf::media_type::MediaTypeId))
                             .all();
        CHECK(per_media == plain<std::optional<std::string>, std::optional<std::int64_t>>(
                               s, "SELECT m.Name, SUM(t.Bytes) FROM MediaType m JOIN Track t ON t.MediaTypeId = "
                                  "m.MediaTypeId GROUP BY m.MediaTypeId, m.Name ORDER BY m.MediaTypeId"));

        // Sales per billing country from the invoice lines (InvoiceLine -> Invoice), in cents.
        auto cents = sf::cast<std::int64_t>(sf::round(sf::sum(cf::invoice_line::UnitPrice * cf::invoice_line::Quantity) * 100));
        auto sales = s.execute(sf::select(cf::invoice::BillingCountry, cents.as<"cents">(),
                                          sf::count_distinct(cf::invoice::InvoiceId))
                                   .from<cf::InvoiceLine>()
                                   .join<cf::Invoice>(cf::invoice::InvoiceId == cf::invoice_line::InvoiceId)
                                   .group_by(cf::invoice::BillingCountry)
                                   .order_by(sf::desc<"cents">, cf::invoice::BillingCountry)
                                   .limit(6))
                         .all();
        CHECK(sales == plain<std::optional<std::string>, std::optional<std::int64_t>, std::int64_t>(
                           s, "SELECT i.BillingCountry, ROUND(SUM(l.UnitPrice * l.Quantity) * 100) AS cents, "
                              "COUNT(DISTINCT i.InvoiceId) FROM InvoiceLine l JOIN Invoice i ON i.InvoiceId = "
                              "l.InvoiceId GROUP BY i.BillingCountry ORDER BY cents DESC, i.BillingCountry LIMIT 6"));

        // Dates: invoices of 2022 and staff hired before 2003 (DATETIME columns read as sys_seconds).
        const sys_seconds y2022{sys_days{year{2022} / 1 / 1}}, y2023{sys_days{year{2023} / 1 / 1}};
        CHECK(s.query<cf::Invoice>().where(cf::invoice::InvoiceDate >= y2022 && cf::invoice::InvoiceDate < y2023).count() ==
              plain_count(s, "SELECT COUNT(*) FROM Invoice WHERE InvoiceDate >= '2022-01-01' AND InvoiceDate < "
                             "'2023-01-01'"));
        auto first_invoice = s.query<cf::Invoice>().order_by(cf::invoice::InvoiceId).first();
        REQUIRE(first_invoice);
        CHECK(first_invoice->InvoiceDate == sys_seconds{sys_days{year{2021} / 1 / 1}});
        auto hired = s.query<cf::Employee>().where(cf::employee::HireDate < sys_seconds{sys_days{year{2003} / 1 / 1}})
                         .order_by(cf::employee::EmployeeId).all();
        auto hired_plain = plain<std::int64_t>(s, "SELECT EmployeeId FROM Employee WHERE HireDate < '2003-01-01' "
                                                  "ORDER BY EmployeeId");
        REQUIRE(hired.size() == hired_plain.size());
        for (std::size_t i = 0; i < hired.size(); ++i) CHECK(hired[i].EmployeeId == std::get<0>(hired_plain[i]));

        // Customers and their support representative (Customer -> Employee), per employee.
        auto reps = s.execute(sf::select(cf::employee::LastName, sf::count(cf::customer::CustomerId))
                                  .from<cf::Employee>()
                                  .join<cf::Customer>(cf::customer::SupportRepId == cf::employee::EmployeeId)
                                  .group_by(cf::employee::EmployeeId, cf::employee::LastName)
                                  .order_by(cf::employee::EmployeeId))
                        .all();
        CHECK(reps == plain<std::string, std::int64_t>(
                          s, "SELECT e.LastName, COUNT(c.CustomerId) FROM Employee e JOIN Customer c ON "
                             "c.SupportRepId = e.EmployeeId GROUP BY e.EmployeeId, e.LastName ORDER BY e.EmployeeId"));

        // Playlists through their association table (PlaylistTrack -> Playlist, Track).
        auto lists = s.execute(sf::select(cf::playlist::Name, sf::count(cf::track::TrackId))
                                   .from<cf::Playlist>()
                                   .join<cf::PlaylistTrack>(cf::playlist_track::PlaylistId == cf::playlist::PlaylistId)
                                   .join<cf::Track>(cf::track::TrackId == cf::playlist_track::TrackId)
                                   .group_by(cf::playlist::PlaylistId, cf::playlist::Name)
                                   .order_by(cf::playlist::PlaylistId))
                         .all();
        CHECK(lists == plain<std::optional<std::string>, std::int64_t>(
                           s, "SELECT p.Name, COUNT(t.TrackId) FROM Playlist p JOIN PlaylistTrack pt ON "
                              "pt.PlaylistId = p.PlaylistId JOIN Track t ON t.TrackId = pt.TrackId GROUP BY "
                              "p.PlaylistId, p.Name ORDER BY p.PlaylistId"));
        auto t1 = s.get<cf::Track>(1);
        REQUIRE(t1);
        CHECK(t1->Name == "For Those About To Rock (We Salute You)");
        CHECK(t1->Composer == std::optional<std::string>{"Angus Young, Malcolm Young, Brian Johnson"});
        CHECK(std::fabs(t1->UnitPrice - 0.99) < 1e-9);
    }
    test::drop_chinook<B>(e);
}

TEST_CASE_TEMPLATE("Chinook: column_property fields (track count, running time) read, filter and sort", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = B::engine();
    test::load_chinook<B>(e);
    {
        sf::session s{e};
        auto all = s.query<cf::AlbumSummary>().order_by(cf::album_summary::AlbumId).all();
        auto expected = plain<std::int64_t, std::int64_t, std::optional<std::int64_t>>(
            s, "SELECT a.AlbumId, (SELECT COUNT(*) FROM Track t WHERE t.AlbumId = a.AlbumId), (SELECT "
               "SUM(t.Milliseconds) FROM Track t WHERE t.AlbumId = a.AlbumId) FROM Album a ORDER BY a.AlbumId");
        REQUIRE(all.size() == expected.size());
        REQUIRE(all.size() == 347);
        bool same = true;
        for (std::size_t i = 0; i < all.size(); ++i)
            same = same && std::tuple{all[i].AlbumId, all[i].track_count, all[i].total_ms} == expected[i];
        CHECK(same);
        CHECK(all[0].title_upper == "FOR THOSE ABOUT TO ROCK WE SALUTE YOU");

        // where() and order_by() on the computed fields.
        auto big = s.query<cf::AlbumSummary>()
                       .where(cf::album_summary::track_count >= 25)
                       .order_by(cf::album_summary::track_count.desc(), cf::album_summary::AlbumId)
                       .all();
        auto big_plain = plain<std::int64_t, std::int64_t>(
            s, "SELECT a.AlbumId, (SELECT COUNT(*) FROM Track t WHERE t.AlbumId = a.AlbumId) AS n FROM Album a "
               "WHERE (SELECT COUNT(*) FROM Track t WHERE t.AlbumId = a.AlbumId) >= 25 ORDER BY n DESC, a.AlbumId");
        REQUIRE(big.size() == big_plain.size());
        REQUIRE(!big.empty());
        for (std::size_t i = 0; i < big.size(); ++i)
            CHECK(std::tuple{big[i].AlbumId, big[i].track_count} == big_plain[i]);

        // get<T>() by key and a computed field in a plain select.
        auto one = s.get<cf::AlbumSummary>(big[0].AlbumId);
        REQUIRE(one);
        CHECK(one->track_count == big[0].track_count);
        auto longest = s.execute(sf::select(cf::album_summary::Title, cf::album_summary::total_ms)
                                     .order_by(cf::album_summary::total_ms.desc())
                                     .limit(1))
                           .one();
        CHECK(longest == plain<std::string, std::optional<std::int64_t>>(
                             s, "SELECT a.Title, (SELECT SUM(t.Milliseconds) FROM Track t WHERE t.AlbumId = "
                                "a.AlbumId) AS ms FROM Album a ORDER BY ms DESC LIMIT 1")[0]);

        // Writing through the view leaves the computed fields out.
        cf::AlbumSummary added{.AlbumId = 1000, .Title = "No Tracks Yet", .ArtistId = 1};
        added.track_count = 99;
        s.add(added);
        auto back = s.get<cf::AlbumSummary>(added.AlbumId);
        REQUIRE(back);
        CHECK(back->track_count == 0);
        CHECK(back->total_ms == std::nullopt);
        CHECK(back->title_upper == "NO TRACKS YET");
        back->Title = "Renamed";
        CHECK(s.update(*back) == 1);
        CHECK(s.get<cf::AlbumSummary>(added.AlbumId)->title_upper == "RENAMED");
        s.rollback();
    }
    test::drop_chinook<B>(e);
}
