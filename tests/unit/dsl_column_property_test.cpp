// column_property: a field filled from a SQL expression when the row is read. Golden SQL for
// both dialects: the expression in the field's place in every select of the model, in where()
// and order_by() through sf::col<>, left out of CREATE TABLE, INSERT and UPDATE; and the order
// of the bound values.
#include <doctest/doctest.h>

#include <sqlforge/dsl.hpp>
#include <sqlforge/stmt/by_key.hpp>

#include "dsl_test_support.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>

namespace dsl_column_property {

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;
using dsl_test::binds;
using dsl_test::placeholders_match;

struct Album {
    std::int64_t AlbumId;
    std::string Title;
};
struct Track {
    std::int64_t TrackId;
    std::optional<std::int64_t> AlbumId;
    std::int32_t Milliseconds;
};
// A second view of the Album table with two computed fields.
struct AlbumStats {
    std::int64_t AlbumId;
    std::string Title;
    std::int64_t track_count;
    std::int64_t long_tracks;
    std::string shout;
};

}  // namespace dsl_column_property

namespace cp = dsl_column_property;

template <>
struct sqlforge::table_traits<cp::Album> {
    static constexpr auto name = sqlforge::fixed_string{"Album"};
    static constexpr auto primary_key = sqlforge::primary_key<&cp::Album::AlbumId>{};
};
template <>
struct sqlforge::table_traits<cp::Track> {
    static constexpr auto name = sqlforge::fixed_string{"Track"};
    static constexpr auto primary_key = sqlforge::primary_key<&cp::Track::TrackId>{};
};
template <>
struct sqlforge::table_traits<cp::AlbumStats> {
    static constexpr auto name = sqlforge::fixed_string{"Album"};
    static constexpr auto primary_key = sqlforge::primary_key<&cp::AlbumStats::AlbumId>{};
    static constexpr std::tuple constraints{
        sqlforge::column_property<&cp::AlbumStats::track_count>(
            sqlforge::select(sqlforge::count())
                .from<cp::Track>()
                .where(sqlforge::col<&cp::Track::AlbumId> == sqlforge::col<&cp::AlbumStats::AlbumId>)),
        sqlforge::column_property<&cp::AlbumStats::long_tracks>(
            sqlforge::select(sqlforge::count())
                .from<cp::Track>()
                .where(sqlforge::col<&cp::Track::AlbumId> == sqlforge::col<&cp::AlbumStats::AlbumId> &&
                       sqlforge::col<&cp::Track::Milliseconds> > 300000)),
        sqlforge::column_property<&cp::AlbumStats::shout>(sqlforge::upper(sqlforge::col<&cp::AlbumStats::Title>))};
};

namespace dsl_column_property {

SQLFORGE_COLUMNS(stats, AlbumStats, AlbumId, Title, track_count, long_tracks, shout)


TEST_CASE("column_property: the table knows which fields are computed") {
    static_assert(sf::table<AlbumStats>::has_computed);
    static_assert(!sf::table<Album>::has_computed);
    static_assert(sf::table<AlbumStats>::computed[2] && sf::table<AlbumStats>::computed[3] &&
                  sf::table<AlbumStats>::computed[4] && !sf::table<AlbumStats>::computed[0]);
}

TEST_CASE("column_property: query<T>() / all_of<T> write the expression in the field's place") {
    auto q = sf::select(sf::all_of<AlbumStats>);
    static_assert(
        q.sql<L>() ==
        R"(SELECT "Album"."AlbumId", "Album"."Title", (SELECT COUNT(*) FROM "Track" WHERE "Track"."AlbumId" = "Album"."AlbumId") AS "track_count", (SELECT COUNT(*) FROM "Track" WHERE "Track"."AlbumId" = "Album"."AlbumId" AND "Track"."Milliseconds" > ?) AS "long_tracks", UPPER("Album"."Title") AS "shout" FROM "Album")");
    static_assert(
        q.sql<M>() ==
        "SELECT `Album`.`AlbumId`, `Album`.`Title`, (SELECT COUNT(*) FROM `Track` WHERE `Track`.`AlbumId` = "
        "`Album`.`AlbumId`) AS `track_count`, (SELECT COUNT(*) FROM `Track` WHERE `Track`.`AlbumId` = "
        "`Album`.`AlbumId` AND `Track`.`Milliseconds` > ?) AS `long_tracks`, UPPER(`Album`.`Title`) AS `shout` "
        "FROM `Album`");
    static_assert(std::is_same_v<decltype(q)::row_type, AlbumStats>);
    CHECK(binds(q) == "int:300000");
    CHECK(placeholders_match(q));
}

TEST_CASE("column_property: filter and order by the computed field; its values are bound in text order") {
    auto q = sf::select(sf::all_of<AlbumStats>)
                 .where(stats::long_tracks > 1 && stats::Title != "x")
                 .order_by(stats::track_count.desc(), stats::AlbumId);
    constexpr std::string_view sql = q.sql<L>();
    // (a run-time CHECK: g++ 12's UBSan instrumentation makes string_view::find non-constant,
    // and the test command builds this file under ASan+UBSan too)
    CHECK(sql.find(R"( WHERE (SELECT COUNT(*) FROM "Track" WHERE "Track"."AlbumId" = "Album"."AlbumId" AND "Track"."Milliseconds" > ?) > ? AND "Album"."Title" <> ?)") != std::string_view::npos);
    static_assert(sql.ends_with(
        R"( ORDER BY (SELECT COUNT(*) FROM "Track" WHERE "Track"."AlbumId" = "Album"."AlbumId") DESC, "Album"."AlbumId")"));
    CHECK(binds(q) == "int:300000, int:300000, int:1, text:x");
    CHECK(placeholders_match(q));

    auto one = sf::select(stats::shout, stats::track_count);
    static_assert(one.sql<L>().starts_with(R"(SELECT UPPER("Album"."Title"), (SELECT COUNT(*))"));
    static_assert(std::is_same_v<decltype(one)::row_type, std::tuple<std::string, std::int64_t>>);
}

TEST_CASE("column_property: left out of CREATE TABLE, INSERT and UPDATE; get<T>() selects it") {
    static_assert(sf::create_table<AlbumStats>().sql<L>() ==
                  R"(CREATE TABLE "Album" ("AlbumId" INTEGER NOT NULL, "Title" TEXT NOT NULL, PRIMARY KEY ("AlbumId")))");
    static_assert(sf::insert_row_sql<AlbumStats>::sql<L>() == R"(INSERT INTO "Album" ("Title") VALUES (?))");
    static_assert(sf::insert_full_row_sql<AlbumStats>::sql<M>() ==
                  "INSERT INTO `Album` (`AlbumId`, `Title`) VALUES (?, ?)");
    static_assert(sf::update_row_sql<AlbumStats>::sql<L>() ==
                  R"(UPDATE "Album" SET "Title" = ? WHERE "AlbumId" = ?)");
    static_assert(sf::select_by_key_sql<AlbumStats>::sql<L>().ends_with(
        R"(UPPER("Album"."Title") AS "shout" FROM "Album" WHERE "Album"."AlbumId" = ?)"));
    AlbumStats a{1, "T", 5, 6, "X"};
    CHECK(binds(sf::insert(a)) == "text:T");
    std::string fields;
    sf::update_row_sql<AlbumStats>::each_param(a, [&](const auto& v) { fields += dsl_test::param_text(v) + ";"; });
    CHECK(fields == "text:T;int:1;");
    auto ins = sf::insert_into<AlbumStats>().values(stats::Title = "x");
    static_assert(ins.sql<L>() == R"(INSERT INTO "Album" ("Title") VALUES (?))");
}

}  // namespace dsl_column_property
