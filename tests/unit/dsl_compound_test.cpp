// Set operations, golden SQL for both dialects: UNION, UNION ALL, INTERSECT, EXCEPT, chains
// (with MySQL's tighter INTERSECT made explicit), ORDER BY / LIMIT / OFFSET on the whole by
// label, by position and by a column of the first select, the row type merged over the
// parts, and the order of the bound values.
#include <doctest/doctest.h>

#include <sqlforge/dsl.hpp>

#include "dsl_test_support.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>

namespace dsl_compound {

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;
using dsl_test::binds;
using dsl_test::placeholders_match;

struct Artist {
    std::int64_t ArtistId;
    std::optional<std::string> Name;
};
struct Employee {
    std::int64_t EmployeeId;
    std::string LastName;
    std::optional<std::int64_t> ReportsTo;
};
struct Customer {
    std::int64_t CustomerId;
    std::string LastName;
    std::optional<std::int64_t> SupportRepId;
    double Credit;
};
SQLFORGE_COLUMNS(artist, Artist, ArtistId, Name)
SQLFORGE_COLUMNS(employee, Employee, EmployeeId, LastName, ReportsTo)
SQLFORGE_COLUMNS(customer, Customer, CustomerId, LastName, SupportRepId, Credit)

TEST_CASE("set operations: the four operators, parts rendered without parentheses") {
    auto e = sf::select(employee::LastName).where(employee::EmployeeId > 1);
    auto c = sf::select(customer::LastName).where(customer::CustomerId < 10);

    auto u = e.union_(c);
    static_assert(u.sql<L>() == R"(SELECT "employee"."LastName" FROM "employee" WHERE "employee"."EmployeeId" > ? UNION )"
                                R"(SELECT "customer"."LastName" FROM "customer" WHERE "customer"."CustomerId" < ?)");
    static_assert(u.sql<M>() == "SELECT `employee`.`LastName` FROM `employee` WHERE `employee`.`EmployeeId` > ? UNION "
                                "SELECT `customer`.`LastName` FROM `customer` WHERE `customer`.`CustomerId` < ?");
    CHECK(binds(u) == "int:1, int:10");
    CHECK(placeholders_match(u));
    static_assert(std::is_same_v<decltype(u)::row_type, std::string>);

    auto ua = e.union_all(c);
    static_assert(ua.sql<L>() == R"(SELECT "employee"."LastName" FROM "employee" WHERE "employee"."EmployeeId" > ? UNION ALL )"
                                 R"(SELECT "customer"."LastName" FROM "customer" WHERE "customer"."CustomerId" < ?)");
    static_assert(ua.sql<M>() == "SELECT `employee`.`LastName` FROM `employee` WHERE `employee`.`EmployeeId` > ? UNION ALL "
                                 "SELECT `customer`.`LastName` FROM `customer` WHERE `customer`.`CustomerId` < ?");
    auto i = e.intersect(c);
    static_assert(i.sql<L>() == R"(SELECT "employee"."LastName" FROM "employee" WHERE "employee"."EmployeeId" > ? INTERSECT )"
                                R"(SELECT "customer"."LastName" FROM "customer" WHERE "customer"."CustomerId" < ?)");
    static_assert(i.sql<M>() == "SELECT `employee`.`LastName` FROM `employee` WHERE `employee`.`EmployeeId` > ? INTERSECT "
                                "SELECT `customer`.`LastName` FROM `customer` WHERE `customer`.`CustomerId` < ?");
    auto x = e.except_(c);
    static_assert(x.sql<L>() == R"(SELECT "employee"."LastName" FROM "employee" WHERE "employee"."EmployeeId" > ? EXCEPT )"
                                R"(SELECT "customer"."LastName" FROM "customer" WHERE "customer"."CustomerId" < ?)");
    static_assert(x.sql<M>() == "SELECT `employee`.`LastName` FROM `employee` WHERE `employee`.`EmployeeId` > ? EXCEPT "
                                "SELECT `customer`.`LastName` FROM `customer` WHERE `customer`.`CustomerId` < ?");
    CHECK(binds(x) == "int:1, int:10");

    // DISTINCT, grouping and joins inside a part are the part's own.
    auto g = sf::select_distinct(customer::SupportRepId).union_(
        sf::select(employee::ReportsTo).group_by(employee::ReportsTo).having(sf::count() > 1));
    static_assert(g.sql<L>() == R"(SELECT DISTINCT "customer"."SupportRepId" FROM "customer" UNION SELECT "employee"."ReportsTo" )"
                                R"(FROM "employee" GROUP BY "employee"."ReportsTo" HAVING COUNT(*) > ?)");
}

TEST_CASE("set operations: chains left to right; MySQL's INTERSECT binds tighter") {
    auto a = sf::select(artist::Name);
    auto e = sf::select(employee::LastName);
    auto c = sf::select(customer::LastName);

    auto ui = a.union_(e).intersect(c);  // (a UNION e) INTERSECT c
    static_assert(ui.sql<L>() == R"(SELECT "artist"."Name" FROM "artist" UNION SELECT "employee"."LastName" FROM "employee" )"
                                 R"(INTERSECT SELECT "customer"."LastName" FROM "customer")");
    static_assert(ui.sql<M>() == "(SELECT `artist`.`Name` FROM `artist` UNION SELECT `employee`.`LastName` FROM `employee`) "
                                 "INTERSECT SELECT `customer`.`LastName` FROM `customer`");
    auto iu = a.intersect(e).union_(c);  // the same either way
    static_assert(iu.sql<M>() == "SELECT `artist`.`Name` FROM `artist` INTERSECT SELECT `employee`.`LastName` FROM `employee` "
                                 "UNION SELECT `customer`.`LastName` FROM `customer`");
    auto ii = a.intersect(e).intersect(c);
    static_assert(ii.sql<M>() == "SELECT `artist`.`Name` FROM `artist` INTERSECT SELECT `employee`.`LastName` FROM `employee` "
                                 "INTERSECT SELECT `customer`.`LastName` FROM `customer`");
    auto ux = a.union_all(e).except_(c).union_(a);
    static_assert(ux.sql<L>() == R"(SELECT "artist"."Name" FROM "artist" UNION ALL SELECT "employee"."LastName" FROM "employee" )"
                                 R"(EXCEPT SELECT "customer"."LastName" FROM "customer" UNION SELECT "artist"."Name" FROM "artist")");
    auto uii = a.union_(e).intersect(c).intersect(a);
    static_assert(uii.sql<M>() == "(SELECT `artist`.`Name` FROM `artist` UNION SELECT `employee`.`LastName` FROM `employee`) "
                                  "INTERSECT SELECT `customer`.`LastName` FROM `customer` INTERSECT SELECT `artist`.`Name` FROM `artist`");
    auto uiu = a.union_(e).intersect(c).union_all(a).intersect(e);
    static_assert(uiu.sql<M>() ==
                  "((SELECT `artist`.`Name` FROM `artist` UNION SELECT `employee`.`LastName` FROM `employee`) "
                  "INTERSECT SELECT `customer`.`LastName` FROM `customer` UNION ALL SELECT `artist`.`Name` FROM `artist`) "
                  "INTERSECT SELECT `employee`.`LastName` FROM `employee`");
    static_assert(uiu.sql<L>() ==
                  R"(SELECT "artist"."Name" FROM "artist" UNION SELECT "employee"."LastName" FROM "employee" )"
                  R"(INTERSECT SELECT "customer"."LastName" FROM "customer" UNION ALL SELECT "artist"."Name" FROM "artist" )"
                  R"(INTERSECT SELECT "employee"."LastName" FROM "employee")");
}

TEST_CASE("set operations: ORDER BY, LIMIT and OFFSET on the whole") {
    auto people = sf::select(employee::LastName.as<"name">(), employee::EmployeeId)
                      .where(employee::ReportsTo.is_not_null())
                      .union_(sf::select(customer::LastName, customer::CustomerId).where(customer::Credit > 0.5));

    auto by_label = people.order_by(sf::desc<"name">).limit(3).offset(1);
    static_assert(by_label.sql<L>() ==
                  R"(SELECT "employee"."LastName" AS "name", "employee"."EmployeeId" FROM "employee" WHERE )"
                  R"("employee"."ReportsTo" IS NOT NULL UNION SELECT "customer"."LastName", "customer"."CustomerId" FROM )"
                  R"("customer" WHERE "customer"."Credit" > ? ORDER BY "name" DESC LIMIT ? OFFSET ?)");
    static_assert(by_label.sql<M>() ==
                  "SELECT `employee`.`LastName` AS `name`, `employee`.`EmployeeId` FROM `employee` WHERE "
                  "`employee`.`ReportsTo` IS NOT NULL UNION SELECT `customer`.`LastName`, `customer`.`CustomerId` FROM "
                  "`customer` WHERE `customer`.`Credit` > ? ORDER BY `name` DESC LIMIT ? OFFSET ?");
    CHECK(binds(by_label) == "real:0.5, int:3, int:1");
    CHECK(placeholders_match(by_label));

    // A column of the first select is written as its result name (never table-qualified: MySQL
    // rejects that); a labelled column under its label; sf::position<N> as a number.
    auto by_column = people.order_by(employee::EmployeeId.desc(), employee::LastName, sf::position<1>.desc());
    static_assert(by_column.sql<L>().ends_with(R"( ORDER BY "EmployeeId" DESC, "name", 1 DESC)"));
    static_assert(by_column.sql<M>().ends_with(" ORDER BY `EmployeeId` DESC, `name`, 1 DESC"));

    // Offset alone: each dialect's "no limit".
    auto off = people.offset(2);
    static_assert(off.sql<L>().ends_with(R"("customer"."Credit" > ? LIMIT -1 OFFSET ?)"));
    static_assert(off.sql<M>().ends_with("`customer`.`Credit` > ? LIMIT 18446744073709551615 OFFSET ?"));
    CHECK(binds(off) == "real:0.5, int:2");

    // Two result columns of one name: a column reference falls back to its position; an
    // unlabelled expression has no name and is ordered by position too.
    auto twice = sf::select(employee::LastName, customer::LastName, sf::count().as<"n">())
                     .from<Employee, Customer>()
                     .group_by(employee::LastName, customer::LastName)
                     .union_all(sf::select(artist::Name, artist::Name, artist::ArtistId))
                     .order_by(customer::LastName, sf::asc<"n">);
    static_assert(twice.sql<L>().ends_with(R"( ORDER BY 2, "n")"));
    auto unnamed = sf::select(employee::EmployeeId + 1).union_(sf::select(customer::CustomerId)).order_by(
        (employee::EmployeeId + 1).desc());
    static_assert(unnamed.sql<L>() == R"(SELECT "employee"."EmployeeId" + ? FROM "employee" UNION SELECT )"
                                      R"("customer"."CustomerId" FROM "customer" ORDER BY 1 DESC)");
    CHECK(binds(unnamed) == "int:1");
}

TEST_CASE("set operations: the row type is merged over the parts") {
    // NOT NULL in the first part, nullable in the second: nullable. Integer and real: real.
    auto q = sf::select(employee::LastName, employee::EmployeeId, customer::Credit)
                 .from<Employee, Customer>()
                 .union_(sf::select(artist::Name, customer::Credit, customer::CustomerId));
    static_assert(std::is_same_v<decltype(q)::row_type, std::tuple<std::optional<std::string>, double, double>>);
    static_assert(decltype(q)::column_count == 3);

    // all_of<T> in both parts reads into T.
    auto both = sf::select(sf::all_of<Employee>).where(employee::EmployeeId < 3).union_(
        sf::select(sf::all_of<Employee>).where(employee::LastName == "King"));
    static_assert(std::is_same_v<decltype(both)::row_type, Employee>);
    static_assert(both.sql<L>() ==
                  R"(SELECT "employee"."EmployeeId", "employee"."LastName", "employee"."ReportsTo" FROM "employee" WHERE )"
                  R"("employee"."EmployeeId" < ? UNION SELECT "employee"."EmployeeId", "employee"."LastName", )"
                  R"("employee"."ReportsTo" FROM "employee" WHERE "employee"."LastName" = ?)");
    CHECK(binds(both) == "int:3, text:King");

    // A LEFT JOIN in a part makes its columns nullable in the whole.
    auto lj = sf::select(employee::LastName).union_(
        sf::select(customer::LastName).from<Employee>().left_join<Customer>(customer::SupportRepId == employee::EmployeeId));
    static_assert(std::is_same_v<decltype(lj)::row_type, std::optional<std::string>>);

    // Aliases for the same table in two parts.
    constexpr auto boss = sf::alias<Employee, "boss">{};
    auto al = sf::select(employee::LastName).union_(sf::select(boss(employee::LastName)).from(boss));
    static_assert(al.sql<M>() == "SELECT `employee`.`LastName` FROM `employee` UNION SELECT `boss`.`LastName` FROM "
                                 "`employee` AS `boss`");
}

TEST_CASE("set operations as subqueries") {
    auto ids = sf::select(employee::EmployeeId).union_(sf::select(customer::SupportRepId));
    auto q = sf::select(employee::LastName).where(employee::EmployeeId.in(ids) && sf::exists(ids.limit(1)));
    static_assert(q.sql<L>() ==
                  R"(SELECT "employee"."LastName" FROM "employee" WHERE "employee"."EmployeeId" IN (SELECT )"
                  R"("employee"."EmployeeId" FROM "employee" UNION SELECT "customer"."SupportRepId" FROM "customer") AND )"
                  R"(EXISTS (SELECT "employee"."EmployeeId" FROM "employee" UNION SELECT "customer"."SupportRepId" FROM )"
                  R"("customer" LIMIT ?))");
    CHECK(binds(q) == "int:1");
    CHECK(placeholders_match(q));

    // A correlated set operation: the free tables of its parts come from the enclosing query.
    auto corr = sf::select(artist::Name).where(sf::exists(
        sf::select(employee::EmployeeId).where(employee::LastName == artist::Name).union_(
            sf::select(customer::CustomerId).where(customer::LastName == artist::Name))));
    static_assert(corr.sql<M>() ==
                  "SELECT `artist`.`Name` FROM `artist` WHERE EXISTS (SELECT `employee`.`EmployeeId` FROM `employee` "
                  "WHERE `employee`.`LastName` = `artist`.`Name` UNION SELECT `customer`.`CustomerId` FROM `customer` "
                  "WHERE `customer`.`LastName` = `artist`.`Name`)");
}

}  // namespace dsl_compound
