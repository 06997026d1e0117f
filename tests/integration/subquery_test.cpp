// Subqueries and set operations on real rows, on SQLite and MariaDB: IN / NOT IN (SELECT ...),
// scalar subqueries in WHERE and in the select list, correlated EXISTS / NOT EXISTS, a select in
// FROM, correlated subqueries in UPDATE and DELETE, and UNION / UNION ALL / INTERSECT / EXCEPT
// with ORDER BY and LIMIT on the whole.
#include "backends.hpp"
#include "chinook_models.hpp"

#include <optional>
#include <string>
#include <tuple>
#include <vector>

using namespace chinook;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;

namespace {

template <class B>
sf::engine subquery_slice() {
    auto eng = B::engine();
    sf::drop_all<Invoice, Customer, Track, Album, Artist, Employee>(eng);
    sf::create_all<Artist, Album, Track, Employee, Customer, Invoice>(eng);
    sf::session s{eng};
    s.add_all(std::vector<Artist>{{1, "AC/DC"}, {2, "Accept"}, {3, "Aerosmith"}, {4, std::nullopt}});
    s.add_all(std::vector<Album>{{1, "For Those About To Rock", 1}, {2, "Balls to the Wall", 2}, {3, "Let There Be Rock", 1}});
    s.add_all(std::vector<Track>{{1, "For Those About To Rock", 1, 343719},
                                 {2, "Put The Finger On You", 1, 205662},
                                 {3, "Balls to the Wall", 2, 342562},
                                 {4, "Go Down", 3, 331180},
                                 {5, "Loose", std::nullopt, 1000}});
    s.add_all(std::vector<Employee>{{1, "Adams", std::nullopt}, {2, "Edwards", 1}, {3, "Peacock", 2}});
    s.add_all(std::vector<Customer>{{1, "Luís", "Gonçalves", 3},
                                    {2, "Leonie", "Köhler", 3},
                                    {3, "François", "Tremblay", 2},
                                    {4, "Bjørn", "Hansen", std::nullopt},
                                    {5, "Jane", "Peacock", 2}});
    s.add_all(std::vector<Invoice>{{1, 1, 1.98}, {2, 1, 23.86}, {3, 2, 3.96}, {4, 3, 25.0}, {5, 3, 0.99}});
    s.commit();
    return eng;
}

auto big_spenders() {
    return sf::select(customer::LastName)
        .where(customer::CustomerId.in(sf::select(invoice::CustomerId).where(invoice::Total > 20)))
        .order_by(customer::LastName);
}
auto artists_without_albums() {
    return sf::select(artist::ArtistId, artist::Name)
        .where(sf::not_(sf::exists(sf::select(album::AlbumId).where(album::ArtistId == artist::ArtistId))))
        .order_by(artist::ArtistId);
}
auto names() {
    return sf::select(employee::LastName.as<"name">()).union_(sf::select(customer::LastName));
}

}  // namespace

static_assert(decltype(big_spenders())::sql<L>() ==
              R"(SELECT "Customer"."LastName" FROM "Customer" WHERE "Customer"."CustomerId" IN )"
              R"((SELECT "Invoice"."CustomerId" FROM "Invoice" WHERE "Invoice"."Total" > ?) ORDER BY "Customer"."LastName")");
static_assert(decltype(big_spenders())::sql<M>() ==
              "SELECT `Customer`.`LastName` FROM `Customer` WHERE `Customer`.`CustomerId` IN "
              "(SELECT `Invoice`.`CustomerId` FROM `Invoice` WHERE `Invoice`.`Total` > ?) ORDER BY `Customer`.`LastName`");
static_assert(decltype(artists_without_albums())::sql<L>() ==
              R"(SELECT "Artist"."ArtistId", "Artist"."Name" FROM "Artist" WHERE NOT EXISTS (SELECT "Album"."AlbumId" )"
              R"(FROM "Album" WHERE "Album"."ArtistId" = "Artist"."ArtistId") ORDER BY "Artist"."ArtistId")");
static_assert(decltype(artists_without_albums())::sql<M>() ==
              "SELECT `Artist`.`ArtistId`, `Artist`.`Name` FROM `Artist` WHERE NOT EXISTS (SELECT `Album`.`AlbumId` "
              "FROM `Album` WHERE `Album`.`ArtistId` = `Artist`.`ArtistId`) ORDER BY `Artist`.`ArtistId`");
static_assert(decltype(names())::sql<L>() ==
              R"(SELECT "Employee"."LastName" AS "name" FROM "Employee" UNION SELECT "Customer"."LastName" FROM "Customer")");
static_assert(decltype(names())::sql<M>() ==
              "SELECT `Employee`.`LastName` AS `name` FROM `Employee` UNION SELECT `Customer`.`LastName` FROM `Customer`");

TEST_CASE_TEMPLATE("IN and NOT IN a subquery", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = subquery_slice<B>();
    sf::session s{eng};
    CHECK(s.execute(big_spenders()).all() == std::vector<std::string>{"Gonçalves", "Tremblay"});

    auto without_invoices = sf::select(customer::LastName)
                                .where(customer::CustomerId.not_in(sf::select(invoice::CustomerId)))
                                .order_by(customer::LastName);
    CHECK(s.execute(without_invoices).all() == std::vector<std::string>{"Hansen", "Peacock"});

    // A subquery that binds values, between outer values: each lands in its place.
    auto mixed = sf::select(customer::FirstName)
                     .where(customer::LastName != "Tremblay" &&
                            customer::CustomerId.in(sf::select(invoice::CustomerId).where(invoice::Total < 2.5)) &&
                            customer::SupportRepId == 3)
                     .limit(10);
    CHECK(s.execute(mixed).all() == std::vector<std::string>{"Luís"});

    // Customers whose support rep is an employee reporting to someone (IN over a nullable column).
    auto managed = sf::select(sf::count())
                       .from<Customer>()
                       .where(customer::SupportRepId.in(sf::select(employee::EmployeeId).where(employee::ReportsTo.is_not_null())));
    CHECK(s.execute(managed).one() == 4);
}

TEST_CASE_TEMPLATE("scalar subqueries in WHERE and in the select list", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = subquery_slice<B>();
    sf::session s{eng};
    auto longest = sf::select(track::Name).where(track::Milliseconds == sf::select(sf::max(track::Milliseconds)));
    CHECK(s.execute(longest).all() == std::vector<std::string>{"For Those About To Rock"});

    // Above the average (a double), compared with an integer column.
    auto above = sf::select(track::TrackId)
                     .where(track::Milliseconds > sf::select(sf::avg(track::Milliseconds)))
                     .order_by(track::TrackId);
    CHECK(s.execute(above).all() == std::vector<std::int64_t>{1, 3, 4});

    // A correlated scalar subquery as a select item: COUNT always gives a row, so no optional.
    auto per_artist = sf::select(artist::ArtistId, sf::select(sf::count())
                                                       .from<Album>()
                                                       .where(album::ArtistId == artist::ArtistId)
                                                       .scalar_subquery()
                                                       .as<"albums">())
                          .order_by(sf::desc<"albums">, artist::ArtistId);
    static_assert(std::is_same_v<typename decltype(per_artist)::row_type, std::tuple<std::int64_t, std::int64_t>>);
    using Row = std::tuple<std::int64_t, std::int64_t>;
    CHECK(s.execute(per_artist).all() == std::vector<Row>{{1, 2}, {2, 1}, {3, 0}, {4, 0}});

    // A subquery that finds no row is NULL: the row type says optional.
    auto title = sf::select(artist::ArtistId, sf::select(album::Title)
                                                  .where(album::ArtistId == artist::ArtistId && album::AlbumId == 2)
                                                  .scalar_subquery())
                     .order_by(artist::ArtistId)
                     .limit(2);
    using TRow = std::tuple<std::int64_t, std::optional<std::string>>;
    CHECK(s.execute(title).all() == std::vector<TRow>{{1, std::nullopt}, {2, "Balls to the Wall"}});

    // Through session::scalar(): an uncorrelated scalar subquery as the only item.
    CHECK(s.scalar(sf::select(sf::select(sf::max(invoice::Total)).scalar_subquery() * 2)) == 50.0);
}

TEST_CASE_TEMPLATE("correlated EXISTS and NOT EXISTS", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = subquery_slice<B>();
    sf::session s{eng};
    using Row = std::tuple<std::int64_t, std::optional<std::string>>;
    CHECK(s.execute(artists_without_albums()).all() == std::vector<Row>{{3, "Aerosmith"}, {4, std::nullopt}});

    // Two levels: artists with an album holding a track longer than 340 s.
    auto long_tracks = sf::select(artist::Name)
                           .where(sf::exists(sf::select(album::AlbumId)
                                                 .where(album::ArtistId == artist::ArtistId &&
                                                        sf::exists(sf::select(track::TrackId)
                                                                       .where(track::AlbumId == album::AlbumId &&
                                                                              track::Milliseconds > 340000)))))
                           .order_by(artist::Name);
    CHECK(s.execute(long_tracks).all() == std::vector<std::optional<std::string>>{"AC/DC", "Accept"});

    // Correlation through an alias of the table the subquery reads: each album's longest track.
    constexpr auto t = sf::alias<Track, "t">{};
    auto longest_per_album = sf::select(t(track::Name))
                                 .from(t)
                                 .where(t(track::Milliseconds) ==
                                        sf::select(sf::max(track::Milliseconds)).where(track::AlbumId == t(track::AlbumId)))
                                 .order_by(t(track::TrackId));
    CHECK(s.execute(longest_per_album).all() ==
          std::vector<std::string>{"For Those About To Rock", "Balls to the Wall", "Go Down"});
}

TEST_CASE_TEMPLATE("a select in FROM", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = subquery_slice<B>();
    sf::session s{eng};
    auto spent = sf::select(invoice::CustomerId, sf::sum(invoice::Total).as<"spent">(), sf::count().as<"n">())
                     .group_by(invoice::CustomerId)
                     .as<"t">();
    auto q = sf::select(customer::LastName, spent.c<"n">())
                 .from(spent)
                 .join<Customer>(customer::CustomerId == spent(invoice::CustomerId))
                 .where(spent.c<"spent">() > 5.0)
                 .order_by(customer::LastName);
    static_assert(std::is_same_v<typename decltype(q)::row_type, std::tuple<std::string, std::int64_t>>);
    using Row = std::tuple<std::string, std::int64_t>;
    CHECK(s.execute(q).all() == std::vector<Row>{{"Gonçalves", 2}, {"Tremblay", 2}});

    // Every customer, LEFT JOINed to the subquery: no invoices reads as NULL.
    auto all = sf::select(customer::LastName, spent.c<"n">())
                   .from<Customer>()
                   .left_join(spent, spent(invoice::CustomerId) == customer::CustomerId)
                   .order_by(customer::CustomerId);
    using ORow = std::tuple<std::string, std::optional<std::int64_t>>;
    CHECK(s.execute(all).all() ==
          std::vector<ORow>{{"Gonçalves", 2}, {"Köhler", 1}, {"Tremblay", 2}, {"Hansen", std::nullopt}, {"Peacock", std::nullopt}});

    // A set operation in FROM, aggregated.
    auto every_name = names().as<"p">();
    CHECK(s.execute(sf::select(sf::count()).from(every_name).where(every_name.c<"name">().like("%a%"))).one() == 6);
}

TEST_CASE_TEMPLATE("correlated subqueries in UPDATE and DELETE", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = subquery_slice<B>();
    sf::session s{eng};
    // Each customer's support rep becomes their latest invoice id (NULL when they have none).
    auto n = s.execute(sf::update<Customer>().set(
        customer::SupportRepId = sf::select(sf::max(invoice::InvoiceId)).where(invoice::CustomerId == customer::CustomerId)));
    CHECK(n == 5);
    auto reps = s.execute(sf::select(customer::SupportRepId).order_by(customer::CustomerId)).all();
    CHECK(reps == std::vector<std::optional<std::int64_t>>{2, 3, 5, std::nullopt, std::nullopt});

    auto gone = s.execute(sf::delete_from<Customer>().where(
        sf::not_(sf::exists(sf::select(invoice::InvoiceId).where(invoice::CustomerId == customer::CustomerId)))));
    CHECK(gone == 2);
    CHECK(s.execute(sf::select(sf::count()).from<Customer>()).one() == 3);
    s.commit();
}

TEST_CASE_TEMPLATE("UNION, UNION ALL, INTERSECT and EXCEPT with ORDER BY and LIMIT on the whole", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = subquery_slice<B>();
    sf::session s{eng};
    // Peacock is both an employee and a customer: once in UNION, twice in UNION ALL.
    CHECK(s.execute(names().order_by(sf::asc<"name">)).all() ==
          std::vector<std::string>{"Adams", "Edwards", "Gonçalves", "Hansen", "Köhler", "Peacock", "Tremblay"});
    auto all = sf::select(employee::LastName).union_all(sf::select(customer::LastName)).order_by(employee::LastName.desc());
    CHECK(s.execute(all).all().size() == 8);
    CHECK(s.execute(all.limit(2)).all() == std::vector<std::string>{"Tremblay", "Peacock"});
    CHECK(s.execute(names().order_by(sf::position<1>).limit(2).offset(1)).all() ==
          std::vector<std::string>{"Edwards", "Gonçalves"});

    auto both = sf::select(employee::LastName).intersect(sf::select(customer::LastName));
    CHECK(s.execute(both).all() == std::vector<std::string>{"Peacock"});
    auto only_staff = sf::select(employee::LastName).except_(sf::select(customer::LastName)).order_by(employee::LastName);
    CHECK(s.execute(only_staff).all() == std::vector<std::string>{"Adams", "Edwards"});

    // Two columns, an integer and a real merged into double, values bound in every part.
    auto amounts = sf::select(customer::LastName, customer::CustomerId)
                       .where(customer::CustomerId < 3)
                       .union_all(sf::select(customer::LastName, invoice::Total)
                                      .from<Customer>()
                                      .join<Invoice>(invoice::CustomerId == customer::CustomerId)
                                      .where(invoice::Total > 20.0))
                       .order_by(sf::position<2>.desc(), customer::LastName);
    static_assert(std::is_same_v<typename decltype(amounts)::row_type, std::tuple<std::string, double>>);
    using Row = std::tuple<std::string, double>;
    CHECK(s.execute(amounts).all() == std::vector<Row>{{"Tremblay", 25.0}, {"Gonçalves", 23.86}, {"Köhler", 2.0}, {"Gonçalves", 1.0}});

    // (a UNION b) INTERSECT c reads the same on both backends: SQLite left to right, MySQL
    // with the parentheses sqlforge writes.
    auto chain = sf::select(employee::LastName)
                     .where(employee::EmployeeId < 3)
                     .union_(sf::select(customer::LastName).where(customer::CustomerId == 5))
                     .intersect(sf::select(customer::LastName))
                     .order_by(employee::LastName);
    CHECK(s.execute(chain).all() == std::vector<std::string>{"Peacock"});

    // all_of<T> in each part reads into T.
    auto staff = sf::select(sf::all_of<Employee>)
                     .where(employee::ReportsTo.is_null())
                     .union_(sf::select(sf::all_of<Employee>).where(employee::LastName == "Peacock"))
                     .order_by(employee::EmployeeId);
    auto rows = s.execute(staff).all();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].LastName == "Adams");
    CHECK(rows[1].ReportsTo == std::optional<std::int64_t>{2});

    // A set operation as the subquery of IN.
    auto listed = sf::select(sf::count())
                      .from<Customer>()
                      .where(customer::CustomerId.in(sf::select(invoice::CustomerId)
                                                         .where(invoice::Total > 20.0)
                                                         .union_(sf::select(customer::CustomerId).where(customer::LastName == "Hansen"))));
    CHECK(s.execute(listed).one() == 3);
}
