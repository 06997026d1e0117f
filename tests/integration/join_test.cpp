// Joins and aliases: golden SQL for both dialects, and the rows they give on both backends.
#include "backends.hpp"
#include "chinook_models.hpp"

#include <vector>

using namespace chinook;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;

namespace {
constexpr auto e = sf::alias<Employee, "e">{};
constexpr auto m = sf::alias<Employee, "m">{};

auto tracks_per_artist() {
    return sf::select(artist::Name, sf::count(track::TrackId).as<"tracks">())
        .from<Artist>()
        .join<Album>(album::ArtistId == artist::ArtistId)
        .join<Track>(track::AlbumId == album::AlbumId)
        .group_by(artist::ArtistId, artist::Name)
        .having(sf::count(track::TrackId) > 1)
        .order_by(sf::desc<"tracks">, artist::Name)
        .limit(5);
}
auto managers() {
    return sf::select(e(employee::LastName), m(employee::LastName))
        .from(e)
        .left_join(m, e(employee::ReportsTo) == m(employee::EmployeeId))
        .order_by(e(employee::EmployeeId));
}
auto albums_with_artists() {
    return sf::select(artist::Name, album::Title).from<Artist>().left_join<Album>(album::ArtistId == artist::ArtistId)
        .order_by(artist::ArtistId, album::AlbumId);
}
}  // namespace

static_assert(decltype(tracks_per_artist())::sql<L>() ==
              R"(SELECT "Artist"."Name", COUNT("Track"."TrackId") AS "tracks" FROM "Artist")"
              R"( JOIN "Album" ON "Album"."ArtistId" = "Artist"."ArtistId")"
              R"( JOIN "Track" ON "Track"."AlbumId" = "Album"."AlbumId")"
              R"( GROUP BY "Artist"."ArtistId", "Artist"."Name" HAVING COUNT("Track"."TrackId") > ?)"
              R"( ORDER BY "tracks" DESC, "Artist"."Name" LIMIT ?)");
static_assert(decltype(tracks_per_artist())::sql<M>() ==
              "SELECT `Artist`.`Name`, COUNT(`Track`.`TrackId`) AS `tracks` FROM `Artist`"
              " JOIN `Album` ON `Album`.`ArtistId` = `Artist`.`ArtistId`"
              " JOIN `Track` ON `Track`.`AlbumId` = `Album`.`AlbumId`"
              " GROUP BY `Artist`.`ArtistId`, `Artist`.`Name` HAVING COUNT(`Track`.`TrackId`) > ?"
              " ORDER BY `tracks` DESC, `Artist`.`Name` LIMIT ?");
static_assert(decltype(managers())::sql<L>() ==
              R"(SELECT "e"."LastName", "m"."LastName" FROM "Employee" AS "e")"
              R"( LEFT JOIN "Employee" AS "m" ON "e"."ReportsTo" = "m"."EmployeeId" ORDER BY "e"."EmployeeId")");
static_assert(decltype(managers())::sql<M>() ==
              "SELECT `e`.`LastName`, `m`.`LastName` FROM `Employee` AS `e`"
              " LEFT JOIN `Employee` AS `m` ON `e`.`ReportsTo` = `m`.`EmployeeId` ORDER BY `e`.`EmployeeId`");
static_assert(sf::select(artist::Name, album::Title).from<Artist>().cross_join<Album>().sql<L>() ==
              R"(SELECT "Artist"."Name", "Album"."Title" FROM "Artist" CROSS JOIN "Album")");
// A LEFT JOIN makes the joined side nullable in the row type, even for NOT NULL columns.
static_assert(std::is_same_v<decltype(managers())::row_type, std::tuple<std::string, std::optional<std::string>>>);
static_assert(std::is_same_v<decltype(albums_with_artists())::row_type,
                             std::tuple<std::optional<std::string>, std::optional<std::string>>>);
static_assert(std::is_same_v<decltype(tracks_per_artist())::row_type, std::tuple<std::optional<std::string>, std::int64_t>>);

namespace {
template <class B>
sf::engine chinook_slice() {
    auto eng = B::engine();
    sf::drop_all<Track, Album, Artist, Employee>(eng);
    sf::create_all<Artist, Album, Track, Employee>(eng);
    sf::session s{eng};
    s.add_all(std::vector<Artist>{{1, "AC/DC"}, {2, "Accept"}, {3, "Aerosmith"}, {4, std::nullopt}});
    s.add_all(std::vector<Album>{{1, "For Those About To Rock", 1}, {2, "Balls to the Wall", 2}, {3, "Let There Be Rock", 1}});
    s.add_all(std::vector<Track>{{1, "For Those About To Rock", 1, 343719},
                                 {2, "Put The Finger On You", 1, 205662},
                                 {3, "Balls to the Wall", 2, 342562},
                                 {4, "Go Down", 3, 331180},
                                 {5, "Loose", std::nullopt, 1000}});
    s.add_all(std::vector<Employee>{{1, "Adams", std::nullopt}, {2, "Edwards", 1}, {3, "Peacock", 2}});
    s.commit();
    return eng;
}
}  // namespace

TEST_CASE_TEMPLATE("joins, group by and having over joined tables", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = chinook_slice<B>();
    sf::session s{eng};
    auto rows = s.execute(tracks_per_artist()).all();
    REQUIRE(rows.size() == 1);
    CHECK(std::get<0>(rows[0]) == std::optional<std::string>{"AC/DC"});
    CHECK(std::get<1>(rows[0]) == 3);
}

TEST_CASE_TEMPLATE("a self-join through aliases; the LEFT JOINed side reads as optional", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = chinook_slice<B>();
    sf::session s{eng};
    auto rows = s.execute(managers()).all();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0] == std::tuple<std::string, std::optional<std::string>>{"Adams", std::nullopt});
    CHECK(rows[1] == std::tuple<std::string, std::optional<std::string>>{"Edwards", "Adams"});
    CHECK(rows[2] == std::tuple<std::string, std::optional<std::string>>{"Peacock", "Edwards"});
}

TEST_CASE_TEMPLATE("left join keeps rows without a match; cross join multiplies", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = chinook_slice<B>();
    sf::session s{eng};
    auto rows = s.execute(albums_with_artists()).all();
    REQUIRE(rows.size() == 5);  // AC/DC x2, Accept x1, Aerosmith (no album), the nameless artist (no album)
    CHECK(std::get<1>(rows[3]) == std::nullopt);
    CHECK(std::get<0>(rows[4]) == std::nullopt);
    CHECK(s.execute(sf::select(sf::count()).from<Artist>().cross_join<Album>()).one() == 12);
    auto titled = s.execute(sf::select(track::Name)
                                .from<Track>()
                                .join<Album>(album::AlbumId == track::AlbumId)
                                .where(album::Title.like("%Rock%") && track::Milliseconds > 300000)
                                .order_by(track::Name))
                      .all();
    CHECK(titled == std::vector<std::string>{"For Those About To Rock", "Go Down"});
}
