// Subqueries, golden SQL for both dialects: IN / NOT IN (SELECT ...), EXISTS / NOT EXISTS,
// a one-column select as a value (scalar subquery) with its type and nullability, correlated
// subqueries whose free tables the enclosing query provides, a select in FROM with its
// columns addressed as t(col) and t.c<"label">(), and the order of the bound values.
#include <doctest/doctest.h>

#include <sqlforge/dsl.hpp>

#include "dsl_test_support.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>

namespace dsl_subquery {

namespace sf = sqlforge;
namespace mp = boost::mp11;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;
using dsl_test::binds;
using dsl_test::placeholders_match;

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
    double UnitPrice;
};
struct Customer {
    std::int64_t CustomerId;
    std::string LastName;
    std::optional<std::int64_t> SupportRepId;
};
struct Invoice {
    std::int64_t InvoiceId;
    std::int64_t CustomerId;
    double Total;
};
SQLFORGE_COLUMNS(artist, Artist, ArtistId, Name)
SQLFORGE_COLUMNS(album, Album, AlbumId, Title, ArtistId)
SQLFORGE_COLUMNS(track, Track, TrackId, Name, AlbumId, Milliseconds, UnitPrice)
SQLFORGE_COLUMNS(customer, Customer, CustomerId, LastName, SupportRepId)
SQLFORGE_COLUMNS(invoice, Invoice, InvoiceId, CustomerId, Total)

template <class Q>
using free_tables = typename sf::query_traits<Q>::free_tables;

TEST_CASE("subquery: x IN (SELECT ...) and NOT IN, values bound in text order") {
    auto q = sf::select(customer::LastName)
                 .where(customer::LastName != "x" &&
                        customer::CustomerId.in(sf::select(invoice::CustomerId).where(invoice::Total > 20)))
                 .limit(5);
    static_assert(q.sql<L>() ==
                  R"(SELECT "customer"."LastName" FROM "customer" WHERE "customer"."LastName" <> ? AND )"
                  R"("customer"."CustomerId" IN (SELECT "invoice"."CustomerId" FROM "invoice" WHERE "invoice"."Total" > ?) LIMIT ?)");
    static_assert(q.sql<M>() ==
                  "SELECT `customer`.`LastName` FROM `customer` WHERE `customer`.`LastName` <> ? AND "
                  "`customer`.`CustomerId` IN (SELECT `invoice`.`CustomerId` FROM `invoice` WHERE `invoice`.`Total` > ?) LIMIT ?");
    CHECK(binds(q) == "text:x, int:20, int:5");
    CHECK(placeholders_match(q));

    auto n = sf::select(artist::Name).where(artist::ArtistId.not_in(sf::select_distinct(album::ArtistId)));
    static_assert(n.sql<L>() == R"(SELECT "artist"."Name" FROM "artist" WHERE "artist"."ArtistId" NOT IN )"
                                R"((SELECT DISTINCT "album"."ArtistId" FROM "album"))");
    static_assert(n.sql<M>() == "SELECT `artist`.`Name` FROM `artist` WHERE `artist`.`ArtistId` NOT IN "
                                "(SELECT DISTINCT `album`.`ArtistId` FROM `album`)");
    CHECK(binds(n).empty());

    // Numbers with numbers: an integer column IN a select of reals is fine; a labelled item too.
    auto r = sf::select(track::Name).where(track::Milliseconds.in(sf::select(invoice::Total.as<"t">())));
    static_assert(r.sql<L>() == R"(SELECT "track"."Name" FROM "track" WHERE "track"."Milliseconds" IN )"
                                R"((SELECT "invoice"."Total" AS "t" FROM "invoice"))");

    // The list forms are unchanged, and not_in has a list form too.
    auto lists = sf::select(track::Name).where(track::TrackId.in({1, 2}) && track::TrackId.not_in({3}));
    static_assert(lists.sql<L>() ==
                  R"(SELECT "track"."Name" FROM "track" WHERE "track"."TrackId" IN (?, ?) AND "track"."TrackId" NOT IN (?))");
    static_assert(lists.sql<M>() ==
                  "SELECT `track`.`Name` FROM `track` WHERE `track`.`TrackId` IN (?, ?) AND `track`.`TrackId` NOT IN (?)");
    CHECK(binds(lists) == "int:1, int:2, int:3");
}

TEST_CASE("subquery: a one-column select as a value (scalar subquery)") {
    auto longest = sf::select(track::Name).where(track::Milliseconds == sf::select(sf::max(track::Milliseconds)));
    static_assert(longest.sql<L>() == R"(SELECT "track"."Name" FROM "track" WHERE "track"."Milliseconds" = )"
                                      R"((SELECT MAX("track"."Milliseconds") FROM "track"))");
    static_assert(longest.sql<M>() == "SELECT `track`.`Name` FROM `track` WHERE `track`.`Milliseconds` = "
                                      "(SELECT MAX(`track`.`Milliseconds`) FROM `track`)");
    CHECK(binds(longest).empty());

    // Value type and nullability come from the single item; a subquery may give no row, so it
    // is nullable unless it is an aggregate without GROUP BY over a NOT NULL value.
    using max_ms = decltype(sf::select(sf::max(track::Milliseconds)).scalar_subquery());
    static_assert(std::is_same_v<max_ms::value_type, std::int32_t> && max_ms::nullable);
    using count_all = decltype(sf::select(sf::count()).from<Track>().scalar_subquery());
    static_assert(std::is_same_v<count_all::value_type, std::int64_t> && !count_all::nullable);
    using count_grouped = decltype(sf::select(sf::count()).from<Track>().group_by(track::AlbumId).scalar_subquery());
    static_assert(count_grouped::nullable);
    using count_limited = decltype(sf::select(sf::count()).from<Track>().offset(1).scalar_subquery());
    static_assert(count_limited::nullable);
    using name = decltype(sf::select(track::Name).where(track::TrackId == 1).scalar_subquery());
    static_assert(std::is_same_v<name::value_type, std::string> && name::nullable);

    // Arithmetic, comparisons in either position through scalar_subquery(), values in order.
    auto above = sf::select(track::Name)
                     .where(track::UnitPrice * 2 > sf::select(sf::avg(track::UnitPrice)).where(track::TrackId < 100) &&
                            sf::select(sf::min(track::Milliseconds)).scalar_subquery() < track::Milliseconds);
    static_assert(above.sql<L>() ==
                  R"(SELECT "track"."Name" FROM "track" WHERE "track"."UnitPrice" * ? > )"
                  R"((SELECT AVG("track"."UnitPrice") FROM "track" WHERE "track"."TrackId" < ?) AND )"
                  R"((SELECT MIN("track"."Milliseconds") FROM "track") < "track"."Milliseconds")");
    CHECK(binds(above) == "int:2, int:100");
    CHECK(placeholders_match(above));

    // As a select item (labelled or not) and as a function argument.
    auto items = sf::select(track::Name, sf::select(sf::max(track::Milliseconds)).scalar_subquery().as<"longest">(),
                            sf::coalesce(sf::select(sf::max(invoice::Total)).where(invoice::Total < 5.5).scalar_subquery(), 0.0))
                     .where(track::TrackId == 3);
    static_assert(items.sql<L>() ==
                  R"(SELECT "track"."Name", (SELECT MAX("track"."Milliseconds") FROM "track") AS "longest", )"
                  R"(COALESCE((SELECT MAX("invoice"."Total") FROM "invoice" WHERE "invoice"."Total" < ?), ?) )"
                  R"(FROM "track" WHERE "track"."TrackId" = ?)");
    static_assert(items.sql<M>() ==
                  "SELECT `track`.`Name`, (SELECT MAX(`track`.`Milliseconds`) FROM `track`) AS `longest`, "
                  "COALESCE((SELECT MAX(`invoice`.`Total`) FROM `invoice` WHERE `invoice`.`Total` < ?), ?) "
                  "FROM `track` WHERE `track`.`TrackId` = ?");
    static_assert(std::is_same_v<decltype(items)::row_type, std::tuple<std::string, std::optional<std::int32_t>, double>>);
    CHECK(binds(items) == "real:5.5, real:0, int:3");
    CHECK(placeholders_match(items));
}

TEST_CASE("subquery: EXISTS / NOT EXISTS and correlation") {
    // The subquery's FROM is deduced from its items (album); artist is free and comes from
    // the enclosing query.
    auto inner = sf::select(album::AlbumId).where(album::ArtistId == artist::ArtistId);
    static_assert(std::is_same_v<free_tables<decltype(inner)>, mp::mp_list<sf::table_ref<Artist>>>);
    auto without = sf::select(artist::Name).where(sf::not_(sf::exists(inner)));
    static_assert(without.sql<L>() ==
                  R"(SELECT "artist"."Name" FROM "artist" WHERE NOT EXISTS )"
                  R"((SELECT "album"."AlbumId" FROM "album" WHERE "album"."ArtistId" = "artist"."ArtistId"))");
    static_assert(without.sql<M>() ==
                  "SELECT `artist`.`Name` FROM `artist` WHERE NOT EXISTS "
                  "(SELECT `album`.`AlbumId` FROM `album` WHERE `album`.`ArtistId` = `artist`.`ArtistId`)");

    auto with2 = sf::select(artist::Name).where(sf::exists(sf::select(album::AlbumId).where(
        album::ArtistId == artist::ArtistId && album::Title.like("B%"))) && artist::ArtistId > 1);
    static_assert(with2.sql<L>() ==
                  R"(SELECT "artist"."Name" FROM "artist" WHERE EXISTS (SELECT "album"."AlbumId" FROM "album" )"
                  R"(WHERE "album"."ArtistId" = "artist"."ArtistId" AND "album"."Title" LIKE ?) AND "artist"."ArtistId" > ?)");
    CHECK(binds(with2) == "text:B%, int:1");

    // Correlated scalar subquery as a select item: one row per artist, count never NULL.
    auto per_artist = sf::select(artist::Name, sf::select(sf::count())
                                                   .from<Album>()
                                                   .where(album::ArtistId == artist::ArtistId)
                                                   .scalar_subquery()
                                                   .as<"albums">())
                          .order_by(sf::desc<"albums">);
    static_assert(per_artist.sql<L>() ==
                  R"(SELECT "artist"."Name", (SELECT COUNT(*) FROM "album" WHERE "album"."ArtistId" = "artist"."ArtistId") )"
                  R"(AS "albums" FROM "artist" ORDER BY "albums" DESC)");
    static_assert(std::is_same_v<decltype(per_artist)::row_type, std::tuple<std::optional<std::string>, std::int64_t>>);

    // Two levels: the innermost names artist, which only the outermost has.
    auto deep = sf::select(artist::Name).where(sf::exists(
        sf::select(album::AlbumId)
            .where(album::ArtistId == artist::ArtistId &&
                   sf::exists(sf::select(track::TrackId).where(track::AlbumId == album::AlbumId && track::Milliseconds > 1000)))));
    static_assert(deep.sql<L>() ==
                  R"(SELECT "artist"."Name" FROM "artist" WHERE EXISTS (SELECT "album"."AlbumId" FROM "album" WHERE )"
                  R"("album"."ArtistId" = "artist"."ArtistId" AND EXISTS (SELECT "track"."TrackId" FROM "track" WHERE )"
                  R"("track"."AlbumId" = "album"."AlbumId" AND "track"."Milliseconds" > ?)))");
    CHECK(binds(deep) == "int:1000");

    // Correlation through an alias: the outer table is an alias, the inner the same table.
    constexpr auto t = sf::alias<Track, "t">{};
    auto longest_per_album = sf::select(t(track::Name))
                                 .from(t)
                                 .where(t(track::Milliseconds) ==
                                        sf::select(sf::max(track::Milliseconds)).where(track::AlbumId == t(track::AlbumId)));
    static_assert(longest_per_album.sql<L>() ==
                  R"(SELECT "t"."Name" FROM "track" AS "t" WHERE "t"."Milliseconds" = (SELECT MAX("track"."Milliseconds") )"
                  R"(FROM "track" WHERE "track"."AlbumId" = "t"."AlbumId"))");
    static_assert(longest_per_album.sql<M>() ==
                  "SELECT `t`.`Name` FROM `track` AS `t` WHERE `t`.`Milliseconds` = (SELECT MAX(`track`.`Milliseconds`) "
                  "FROM `track` WHERE `track`.`AlbumId` = `t`.`AlbumId`)");

    // Correlated subqueries in update and delete: the free table is the statement's table.
    auto del = sf::delete_from<Album>().where(
        sf::not_(sf::exists(sf::select(track::TrackId).where(track::AlbumId == album::AlbumId))));
    static_assert(del.sql<L>() == R"(DELETE FROM "album" WHERE NOT EXISTS (SELECT "track"."TrackId" FROM "track" )"
                                  R"(WHERE "track"."AlbumId" = "album"."AlbumId"))");
    auto upd = sf::update<Customer>()
                   .set(customer::SupportRepId = sf::select(sf::max(invoice::InvoiceId))
                                                     .where(invoice::CustomerId == customer::CustomerId))
                   .where(customer::CustomerId.in(sf::select(invoice::CustomerId).where(invoice::Total > 1.5)));
    static_assert(upd.sql<M>() ==
                  "UPDATE `customer` SET `SupportRepId` = (SELECT MAX(`invoice`.`InvoiceId`) FROM `invoice` WHERE "
                  "`invoice`.`CustomerId` = `customer`.`CustomerId`) WHERE `customer`.`CustomerId` IN "
                  "(SELECT `invoice`.`CustomerId` FROM `invoice` WHERE `invoice`.`Total` > ?)");
    CHECK(binds(upd) == "real:1.5");
}

TEST_CASE("subquery: a select in FROM, its columns typed from its items") {
    auto counts = sf::select(album::ArtistId, sf::count().as<"n">())
                      .group_by(album::ArtistId)
                      .having(sf::count() > 1)
                      .as<"t">();
    auto q = sf::select(artist::Name, counts.c<"n">())
                 .from(counts)
                 .join<Artist>(artist::ArtistId == counts(album::ArtistId))
                 .where(counts.c<"n">() < 10)
                 .order_by(counts.c<"n">().desc());
    static_assert(q.sql<L>() ==
                  R"(SELECT "artist"."Name", "t"."n" FROM (SELECT "album"."ArtistId", COUNT(*) AS "n" FROM "album" )"
                  R"(GROUP BY "album"."ArtistId" HAVING COUNT(*) > ?) AS "t" JOIN "artist" ON "artist"."ArtistId" = "t"."ArtistId" )"
                  R"(WHERE "t"."n" < ? ORDER BY "t"."n" DESC)");
    static_assert(q.sql<M>() ==
                  "SELECT `artist`.`Name`, `t`.`n` FROM (SELECT `album`.`ArtistId`, COUNT(*) AS `n` FROM `album` "
                  "GROUP BY `album`.`ArtistId` HAVING COUNT(*) > ?) AS `t` JOIN `artist` ON `artist`.`ArtistId` = `t`.`ArtistId` "
                  "WHERE `t`.`n` < ? ORDER BY `t`.`n` DESC");
    static_assert(std::is_same_v<decltype(q)::row_type, std::tuple<std::optional<std::string>, std::int64_t>>);
    static_assert(std::is_same_v<decltype(counts(album::ArtistId))::value_type, std::int64_t>);
    CHECK(binds(q) == "int:1, int:10");
    CHECK(placeholders_match(q));

    // all_of<T> inside: each field is a column of t; a LEFT JOINed subquery reads as optional;
    // t.c<"Name">() finds a column by its name too.
    auto albums = sf::select(sf::all_of<Album>).where(album::Title.like("A%")).as<"a">();
    auto q2 = sf::select(artist::Name, albums(album::Title), albums.c<"AlbumId">())
                  .from<Artist>()
                  .left_join(albums, albums(album::ArtistId) == artist::ArtistId)
                  .where(artist::ArtistId > 2);
    static_assert(q2.sql<L>() ==
                  R"(SELECT "artist"."Name", "a"."Title", "a"."AlbumId" FROM "artist" LEFT JOIN (SELECT "album"."AlbumId", )"
                  R"("album"."Title", "album"."ArtistId" FROM "album" WHERE "album"."Title" LIKE ?) AS "a" ON )"
                  R"("a"."ArtistId" = "artist"."ArtistId" WHERE "artist"."ArtistId" > ?)");
    static_assert(std::is_same_v<decltype(q2)::row_type, std::tuple<std::optional<std::string>, std::optional<std::string>,
                                                                    std::optional<std::int64_t>>>);
    CHECK(binds(q2) == "text:A%, int:2");
    CHECK(placeholders_match(q2));

    // A labelled column is addressed by t(col) under its label; a nullable item stays nullable.
    auto named = sf::select(artist::Name.as<"artist_name">(), artist::ArtistId).as<"x">();
    auto q3 = sf::select(named(artist::Name), sf::count()).from(named).group_by(named(artist::Name));
    static_assert(q3.sql<L>() == R"(SELECT "x"."artist_name", COUNT(*) FROM (SELECT "artist"."Name" AS "artist_name", )"
                                 R"("artist"."ArtistId" FROM "artist") AS "x" GROUP BY "x"."artist_name")");
    static_assert(std::is_same_v<decltype(q3)::row_type, std::tuple<std::optional<std::string>, std::int64_t>>);

    // A set operation in FROM.
    auto names = sf::select(artist::Name.as<"name">()).union_(sf::select(track::Name)).as<"n">();
    auto q4 = sf::select(sf::count()).from(names).where(names.c<"name">().like("A%"));
    static_assert(q4.sql<L>() == R"(SELECT COUNT(*) FROM (SELECT "artist"."Name" AS "name" FROM "artist" UNION )"
                                 R"(SELECT "track"."Name" FROM "track") AS "n" WHERE "n"."name" LIKE ?)");
    static_assert(q4.sql<M>() == "SELECT COUNT(*) FROM (SELECT `artist`.`Name` AS `name` FROM `artist` UNION "
                                 "SELECT `track`.`Name` FROM `track`) AS `n` WHERE `n`.`name` LIKE ?");
    static_assert(std::is_same_v<decltype(names.c<"name">())::value_type, std::string> && decltype(names.c<"name">())::nullable);
}

TEST_CASE("subquery: a WHERE that writes labels out does not reach into its subqueries") {
    // Outer WHERE expands the label; the subquery's own WHERE comes and goes in between, and
    // its HAVING keeps its label: text and bound values stay in step.
    auto ms1 = (track::Milliseconds + 1).as<"ms1">();
    auto n = sf::count().as<"n">();
    auto q = sf::select(track::Name, ms1)
                 .where(sf::exists(sf::select(album::AlbumId, n)
                                       .where(album::AlbumId == track::AlbumId && album::Title == "t")
                                       .group_by(album::AlbumId)
                                       .having(n > 2)) &&
                        ms1 > 5);
    static_assert(q.sql<L>() ==
                  R"(SELECT "track"."Name", "track"."Milliseconds" + ? AS "ms1" FROM "track" WHERE EXISTS (SELECT )"
                  R"("album"."AlbumId", COUNT(*) AS "n" FROM "album" WHERE "album"."AlbumId" = "track"."AlbumId" AND )"
                  R"("album"."Title" = ? GROUP BY "album"."AlbumId" HAVING "n" > ?) AND ("track"."Milliseconds" + ?) > ?)");
    CHECK(binds(q) == "int:1, text:t, int:2, int:1, int:5");
    CHECK(placeholders_match(q));
}

TEST_CASE("subquery: set operations inside IN and EXISTS, order by position") {
    auto q = sf::select(track::Name).where(track::TrackId.in(
        sf::select(track::TrackId).where(track::Milliseconds > 5).union_(sf::select(invoice::InvoiceId))));
    static_assert(q.sql<L>() == R"(SELECT "track"."Name" FROM "track" WHERE "track"."TrackId" IN (SELECT "track"."TrackId" )"
                                R"(FROM "track" WHERE "track"."Milliseconds" > ? UNION SELECT "invoice"."InvoiceId" FROM "invoice"))");
    CHECK(binds(q) == "int:5");

    auto p = sf::select(track::Name, track::Milliseconds).order_by(sf::position<2>.desc(), sf::position<1>);
    static_assert(p.sql<L>() == R"(SELECT "track"."Name", "track"."Milliseconds" FROM "track" ORDER BY 2 DESC, 1)");
    static_assert(p.sql<M>() == "SELECT `track`.`Name`, `track`.`Milliseconds` FROM `track` ORDER BY 2 DESC, 1");
}

}  // namespace dsl_subquery
