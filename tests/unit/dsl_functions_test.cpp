// Scalar functions and COUNT(DISTINCT): golden SQL for both dialects, the row type each
// gives (its C++ type, std::optional where SQL may give NULL) and the bound values in the
// order of the '?' in the text.
#include <doctest/doctest.h>

#include <sqlforge/dsl.hpp>

#include "dsl_test_support.hpp"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>

namespace dsl_functions {

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;
using dsl_test::binds;
using dsl_test::placeholders_match;

struct Item {
    std::int64_t id;
    std::string name;
    std::optional<std::string> note;
    int qty;
    double price;
    std::optional<int> score;
    std::optional<double> weight;
    bool active;
    unsigned stock;
};
SQLFORGE_COLUMNS(item, Item, id, name, note, qty, price, score, weight, active, stock)

template <class Q, class Row>
inline constexpr bool row_is = std::is_same_v<typename Q::row_type, Row>;

TEST_CASE("lower, upper, trim: text in, text out, NULL where the argument may be") {
    auto q = sf::select(sf::lower(item::name), sf::upper(item::note), sf::trim(item::name), sf::trim(item::note));
    static_assert(q.sql<L>() ==
                  R"(SELECT LOWER("item"."name"), UPPER("item"."note"), TRIM("item"."name"), TRIM("item"."note") FROM "item")");
    static_assert(q.sql<M>() ==
                  R"(SELECT LOWER(`item`.`name`), UPPER(`item`.`note`), TRIM(`item`.`name`), TRIM(`item`.`note`) FROM `item`)");
    static_assert(row_is<decltype(q), std::tuple<std::string, std::optional<std::string>, std::string,
                                                 std::optional<std::string>>>);
    CHECK(binds(q).empty());

    // Nested, and in WHERE.
    auto w = sf::select(item::id).where(sf::lower(sf::trim(item::name)) == "apple");
    static_assert(w.sql<L>() == R"(SELECT "item"."id" FROM "item" WHERE LOWER(TRIM("item"."name")) = ?)");
    static_assert(w.sql<M>() == R"(SELECT `item`.`id` FROM `item` WHERE LOWER(TRIM(`item`.`name`)) = ?)");
    CHECK(binds(w) == "text:apple");
    CHECK(placeholders_match(w));
}

TEST_CASE("length counts characters: LENGTH on SQLite, CHAR_LENGTH on MySQL") {
    auto q = sf::select(sf::length(item::name), sf::length(item::note));
    static_assert(q.sql<L>() == R"(SELECT LENGTH("item"."name"), LENGTH("item"."note") FROM "item")");
    static_assert(q.sql<M>() == R"(SELECT CHAR_LENGTH(`item`.`name`), CHAR_LENGTH(`item`.`note`) FROM `item`)");
    static_assert(row_is<decltype(q), std::tuple<std::int64_t, std::optional<std::int64_t>>>);

    auto w = sf::select(item::name).where(sf::length(item::name) > 3).order_by(sf::length(item::name).desc());
    static_assert(w.sql<L>() ==
                  R"(SELECT "item"."name" FROM "item" WHERE LENGTH("item"."name") > ? ORDER BY LENGTH("item"."name") DESC)");
    static_assert(w.sql<M>() ==
                  "SELECT `item`.`name` FROM `item` WHERE CHAR_LENGTH(`item`.`name`) > ? ORDER BY CHAR_LENGTH(`item`.`name`) DESC");
    CHECK(binds(w) == "int:3");
}

TEST_CASE("substr: SUBSTR on SQLite, SUBSTRING on MySQL; start and count are bound") {
    auto q = sf::select(sf::substr(item::name, 2), sf::substr(item::note, 1, 3), sf::substr(item::name, item::qty, 2));
    static_assert(q.sql<L>() ==
                  R"(SELECT SUBSTR("item"."name", ?), SUBSTR("item"."note", ?, ?), SUBSTR("item"."name", "item"."qty", ?) FROM "item")");
    static_assert(q.sql<M>() ==
                  "SELECT SUBSTRING(`item`.`name`, ?), SUBSTRING(`item`.`note`, ?, ?), SUBSTRING(`item`.`name`, `item`.`qty`, ?) FROM `item`");
    static_assert(row_is<decltype(q), std::tuple<std::string, std::optional<std::string>, std::string>>);
    CHECK(binds(q) == "int:2, int:1, int:3, int:2");
    CHECK(placeholders_match(q));

    // A nullable start or count makes the result nullable too.
    static_assert(row_is<decltype(sf::select(sf::substr(item::name, item::score))), std::optional<std::string>>);
    static_assert(row_is<decltype(sf::select(sf::substr(item::name, 1, std::optional<int>{2}))), std::optional<std::string>>);
}

TEST_CASE("concat: a || b on SQLite, CONCAT(a, b) on MySQL") {
    auto q = sf::select(sf::concat(item::name, " (", item::note, ")"));
    static_assert(q.sql<L>() == R"(SELECT "item"."name" || ? || "item"."note" || ? FROM "item")");
    static_assert(q.sql<M>() == R"(SELECT CONCAT(`item`.`name`, ?, `item`.`note`, ?) FROM `item`)");
    static_assert(row_is<decltype(q), std::optional<std::string>>);  // NULL if any part is
    CHECK(binds(q) == "text: (, text:)");
    CHECK(placeholders_match(q));

    // A literal first; NOT NULL parts give a NOT NULL result.
    auto q2 = sf::select(sf::concat("#", item::name).as<"tag">());
    static_assert(q2.sql<L>() == R"(SELECT ? || "item"."name" AS "tag" FROM "item")");
    static_assert(q2.sql<M>() == R"(SELECT CONCAT(?, `item`.`name`) AS `tag` FROM `item`)");
    static_assert(row_is<decltype(q2), std::string>);

    // Nested concat needs no parentheses (|| is associative); functions mix freely; ||
    // binds tighter than comparison and LIKE.
    auto q3 = sf::select(item::id).where(sf::concat(sf::concat(item::name, "-"), sf::upper(item::name)) == "a-A" &&
                                         sf::concat(item::name, "x").like("%x"));
    static_assert(q3.sql<L>() ==
                  R"(SELECT "item"."id" FROM "item" WHERE "item"."name" || ? || UPPER("item"."name") = ? AND "item"."name" || ? LIKE ?)");
    static_assert(q3.sql<M>() ==
                  "SELECT `item`.`id` FROM `item` WHERE CONCAT(CONCAT(`item`.`name`, ?), UPPER(`item`.`name`)) = ? AND CONCAT(`item`.`name`, ?) LIKE ?");
    CHECK(binds(q3) == "text:-, text:a-A, text:x, text:%x");
    CHECK(placeholders_match(q3));

    // A number joins after a cast to text.
    auto q4 = sf::select(sf::concat(item::name, ":", sf::cast<std::string>(item::qty)));
    static_assert(q4.sql<L>() == R"(SELECT "item"."name" || ? || CAST("item"."qty" AS TEXT) FROM "item")");
    static_assert(q4.sql<M>() == R"(SELECT CONCAT(`item`.`name`, ?, CAST(`item`.`qty` AS CHAR)) FROM `item`)");
    static_assert(row_is<decltype(q4), std::string>);
}

TEST_CASE("abs and round: SQL's numeric typing") {
    auto q = sf::select(sf::abs(item::qty), sf::abs(item::weight), sf::round(item::price), sf::round(item::price, 2),
                        sf::round(item::qty), sf::round(item::weight, item::score));
    static_assert(q.sql<L>() ==
                  R"(SELECT ABS("item"."qty"), ABS("item"."weight"), ROUND("item"."price"), ROUND("item"."price", ?), ROUND("item"."qty"), ROUND("item"."weight", "item"."score") FROM "item")");
    static_assert(q.sql<M>() ==
                  "SELECT ABS(`item`.`qty`), ABS(`item`.`weight`), ROUND(`item`.`price`), ROUND(`item`.`price`, ?), ROUND(`item`.`qty`), ROUND(`item`.`weight`, `item`.`score`) FROM `item`");
    static_assert(row_is<decltype(q), std::tuple<std::int64_t, std::optional<double>, double, double, double,
                                                 std::optional<double>>>);
    CHECK(binds(q) == "int:2");

    // The design's example: round over an aggregate is an aggregate.
    auto a = sf::select(sf::round(sf::sum(item::price), 2).as<"total">());
    static_assert(a.sql<L>() == R"(SELECT ROUND(SUM("item"."price"), ?) AS "total" FROM "item")");
    static_assert(a.sql<M>() == R"(SELECT ROUND(SUM(`item`.`price`), ?) AS `total` FROM `item`)");
    static_assert(row_is<decltype(a), std::optional<double>>);
    static_assert(decltype(sf::round(sf::sum(item::price), 2))::aggregate);

    // Functions inside arithmetic and arithmetic inside functions.
    auto x = sf::select(sf::abs(item::qty - 10) * 2, -sf::abs(item::price));
    static_assert(x.sql<L>() == R"(SELECT ABS("item"."qty" - ?) * ?, -ABS("item"."price") FROM "item")");
    static_assert(x.sql<M>() == R"(SELECT ABS(`item`.`qty` - ?) * ?, -ABS(`item`.`price`) FROM `item`)");
    static_assert(row_is<decltype(x), std::tuple<std::int64_t, double>>);
    CHECK(binds(x) == "int:10, int:2");
}

TEST_CASE("coalesce takes two or more arguments; NULL only if all may be") {
    auto q = sf::select(sf::coalesce(item::note, item::name), sf::coalesce(item::score, item::qty, 0),
                        sf::coalesce(item::weight, item::score), sf::coalesce(item::score, std::optional<int>{}),
                        sf::coalesce(item::note, "-"));
    static_assert(q.sql<L>() ==
                  R"(SELECT COALESCE("item"."note", "item"."name"), COALESCE("item"."score", "item"."qty", ?), COALESCE("item"."weight", "item"."score"), COALESCE("item"."score", ?), COALESCE("item"."note", ?) FROM "item")");
    static_assert(q.sql<M>() ==
                  "SELECT COALESCE(`item`.`note`, `item`.`name`), COALESCE(`item`.`score`, `item`.`qty`, ?), COALESCE(`item`.`weight`, `item`.`score`), COALESCE(`item`.`score`, ?), COALESCE(`item`.`note`, ?) FROM `item`");
    // int with int stays int; a real among them makes it double; text reads as std::string.
    static_assert(row_is<decltype(q), std::tuple<std::string, int, std::optional<double>, std::optional<int>, std::string>>);
    CHECK(binds(q) == "int:0, null, text:-");
    CHECK(placeholders_match(q));

    // Integers of different widths meet in std::int64_t.
    static_assert(row_is<decltype(sf::select(sf::coalesce(item::score, item::id))), std::int64_t>);
    // The NOT NULL argument need not come last.
    static_assert(row_is<decltype(sf::select(sf::coalesce(item::name, item::note))), std::string>);
    static_assert(row_is<decltype(sf::select(sf::coalesce(item::note, item::note, item::note))), std::optional<std::string>>);
}

TEST_CASE("nullif is always nullable and reads as its first argument") {
    auto q = sf::select(sf::nullif(item::qty, 0), sf::nullif(item::name, ""), sf::nullif(item::price, item::weight));
    static_assert(q.sql<L>() ==
                  R"(SELECT NULLIF("item"."qty", ?), NULLIF("item"."name", ?), NULLIF("item"."price", "item"."weight") FROM "item")");
    static_assert(q.sql<M>() ==
                  "SELECT NULLIF(`item`.`qty`, ?), NULLIF(`item`.`name`, ?), NULLIF(`item`.`price`, `item`.`weight`) FROM `item`");
    static_assert(row_is<decltype(q), std::tuple<std::optional<int>, std::optional<std::string>, std::optional<double>>>);
    CHECK(binds(q) == "int:0, text:");

    // The classic: avoid a division by zero.
    auto d = sf::select(item::price / sf::nullif(item::qty, 0));
    static_assert(d.sql<L>() == R"(SELECT "item"."price" / NULLIF("item"."qty", ?) FROM "item")");
    static_assert(d.sql<M>() == R"(SELECT `item`.`price` / NULLIF(`item`.`qty`, ?) FROM `item`)");
    static_assert(row_is<decltype(d), std::optional<double>>);
}

TEST_CASE("cast<T>: the type name per dialect, read as T") {
    auto q = sf::select(sf::cast<std::int64_t>(item::price), sf::cast<double>(item::qty), sf::cast<std::string>(item::id),
                        sf::cast<int>(item::note), sf::cast<unsigned>(item::qty), sf::cast<std::string>(item::weight));
    static_assert(q.sql<L>() ==
                  R"(SELECT CAST("item"."price" AS INTEGER), CAST("item"."qty" AS REAL), CAST("item"."id" AS TEXT), CAST("item"."note" AS INTEGER), CAST("item"."qty" AS INTEGER), CAST("item"."weight" AS TEXT) FROM "item")");
    static_assert(q.sql<M>() ==
                  "SELECT CAST(`item`.`price` AS SIGNED), CAST(`item`.`qty` AS DOUBLE), CAST(`item`.`id` AS CHAR), CAST(`item`.`note` AS SIGNED), CAST(`item`.`qty` AS UNSIGNED), CAST(`item`.`weight` AS CHAR) FROM `item`");
    static_assert(row_is<decltype(q), std::tuple<std::int64_t, double, std::string, std::optional<int>, unsigned,
                                                 std::optional<std::string>>>);

    // A value is cast as a parameter; a cast compares as its new kind.
    auto w = sf::select(item::id).where(sf::cast<int>(item::name) > sf::cast<int>("12"));
    static_assert(w.sql<L>() == R"(SELECT "item"."id" FROM "item" WHERE CAST("item"."name" AS INTEGER) > CAST(? AS INTEGER))");
    static_assert(w.sql<M>() == R"(SELECT `item`.`id` FROM `item` WHERE CAST(`item`.`name` AS SIGNED) > CAST(? AS SIGNED))");
    CHECK(binds(w) == "text:12");
    CHECK(placeholders_match(w));
}

TEST_CASE("case_when: CASE WHEN ... THEN ... [ELSE ...] END") {
    auto q = sf::select(sf::case_when(item::qty == 0, "none").when(item::qty < 10, "few").else_("many").as<"amount">());
    static_assert(q.sql<L>() ==
                  R"(SELECT CASE WHEN "item"."qty" = ? THEN ? WHEN "item"."qty" < ? THEN ? ELSE ? END AS "amount" FROM "item")");
    static_assert(q.sql<M>() ==
                  "SELECT CASE WHEN `item`.`qty` = ? THEN ? WHEN `item`.`qty` < ? THEN ? ELSE ? END AS `amount` FROM `item`");
    static_assert(row_is<decltype(q), std::string>);
    CHECK(binds(q) == "int:0, text:none, int:10, text:few, text:many");
    CHECK(placeholders_match(q));

    // No ELSE: NULL where no branch matches.
    auto n = sf::select(sf::case_when(item::active, item::price));
    static_assert(n.sql<L>() == R"(SELECT CASE WHEN "item"."active" THEN "item"."price" END FROM "item")");
    static_assert(n.sql<M>() == R"(SELECT CASE WHEN `item`.`active` THEN `item`.`price` END FROM `item`)");
    static_assert(row_is<decltype(n), std::optional<double>>);

    // A nullable branch value makes the whole nullable; integers and reals meet in double.
    auto v = sf::select(sf::case_when(item::score.is_null(), item::qty).else_(item::score),
                        sf::case_when(item::active, item::qty).else_(item::price),
                        sf::case_when(item::active && item::qty > 1, item::qty).when(!item::active, 0).else_(-1));
    static_assert(v.sql<L>() ==
                  R"(SELECT CASE WHEN "item"."score" IS NULL THEN "item"."qty" ELSE "item"."score" END, CASE WHEN "item"."active" THEN "item"."qty" ELSE "item"."price" END, CASE WHEN "item"."active" AND "item"."qty" > ? THEN "item"."qty" WHEN NOT "item"."active" THEN ? ELSE ? END FROM "item")");
    static_assert(v.sql<M>() ==
                  "SELECT CASE WHEN `item`.`score` IS NULL THEN `item`.`qty` ELSE `item`.`score` END, CASE WHEN `item`.`active` THEN `item`.`qty` ELSE `item`.`price` END, CASE WHEN `item`.`active` AND `item`.`qty` > ? THEN `item`.`qty` WHEN NOT `item`.`active` THEN ? ELSE ? END FROM `item`");
    static_assert(row_is<decltype(v), std::tuple<std::optional<int>, double, int>>);
    CHECK(binds(v) == "int:1, int:0, int:-1");
    CHECK(placeholders_match(v));

    // Inside an aggregate (SUM(CASE ...) counts conditionally) and as an operand.
    auto s = sf::select(sf::sum(sf::case_when(item::active, 1).else_(0)).as<"active">(),
                        sf::sum(sf::case_when(item::qty > 0, item::price).else_(0.0) * item::qty));
    static_assert(s.sql<L>() ==
                  R"(SELECT SUM(CASE WHEN "item"."active" THEN ? ELSE ? END) AS "active", SUM(CASE WHEN "item"."qty" > ? THEN "item"."price" ELSE ? END * "item"."qty") FROM "item")");
    static_assert(s.sql<M>() ==
                  "SELECT SUM(CASE WHEN `item`.`active` THEN ? ELSE ? END) AS `active`, SUM(CASE WHEN `item`.`qty` > ? THEN `item`.`price` ELSE ? END * `item`.`qty`) FROM `item`");
    static_assert(row_is<decltype(s), std::tuple<std::optional<std::int64_t>, std::optional<double>>>);
    CHECK(binds(s) == "int:1, int:0, int:0, real:0");
    CHECK(placeholders_match(s));
}

TEST_CASE("count_distinct: COUNT(DISTINCT e), an aggregate never NULL") {
    auto q = sf::select(sf::count_distinct(item::name), sf::count_distinct(sf::lower(item::note)).as<"notes">());
    static_assert(q.sql<L>() ==
                  R"(SELECT COUNT(DISTINCT "item"."name"), COUNT(DISTINCT LOWER("item"."note")) AS "notes" FROM "item")");
    static_assert(q.sql<M>() ==
                  "SELECT COUNT(DISTINCT `item`.`name`), COUNT(DISTINCT LOWER(`item`.`note`)) AS `notes` FROM `item`");
    static_assert(row_is<decltype(q), std::tuple<std::int64_t, std::int64_t>>);

    auto g = sf::select(item::active, sf::count_distinct(item::qty)).group_by(item::active).having(sf::count_distinct(item::qty) > 1);
    static_assert(g.sql<L>() ==
                  R"(SELECT "item"."active", COUNT(DISTINCT "item"."qty") FROM "item" GROUP BY "item"."active" HAVING COUNT(DISTINCT "item"."qty") > ?)");
    static_assert(g.sql<M>() ==
                  "SELECT `item`.`active`, COUNT(DISTINCT `item`.`qty`) FROM `item` GROUP BY `item`.`active` HAVING COUNT(DISTINCT `item`.`qty`) > ?");
    CHECK(binds(g) == "int:1");
}

TEST_CASE("functions of values only need no FROM") {
    // The functions take an expression (at least one argument must be one), so that an
    // unqualified round(x) of a double or a user's own concat(a, b) of strings never becomes
    // SQL. A plain value goes in through cast<T>().
    auto q = sf::select(sf::concat(sf::cast<std::string>("a"), "b"), sf::coalesce(sf::cast<int>(std::optional<int>{}), 7),
                        sf::abs(sf::cast<int>("-3")), sf::upper(sf::cast<std::string>(1)));
    static_assert(q.sql<L>() ==
                  R"(SELECT CAST(? AS TEXT) || ?, COALESCE(CAST(? AS INTEGER), ?), ABS(CAST(? AS INTEGER)), UPPER(CAST(? AS TEXT)))");
    static_assert(q.sql<M>() ==
                  R"(SELECT CONCAT(CAST(? AS CHAR), ?), COALESCE(CAST(? AS SIGNED), ?), ABS(CAST(? AS SIGNED)), UPPER(CAST(? AS CHAR)))");
    static_assert(row_is<decltype(q), std::tuple<std::string, int, std::int64_t, std::string>>);
    CHECK(binds(q) == "text:a, text:b, null, int:7, text:-3, int:1");
    CHECK(placeholders_match(q));
}

}  // namespace dsl_functions

// The C library's namesakes are not hijacked by the DSL's functions, even with the whole
// namespace in scope.
namespace dsl_functions_no_hijack {
using namespace sqlforge;
static_assert(std::is_same_v<decltype(round(2.5)), double>);
static_assert(std::is_same_v<decltype(abs(-2)), int>);
}  // namespace dsl_functions_no_hijack

namespace dsl_functions {

}  // namespace dsl_functions
