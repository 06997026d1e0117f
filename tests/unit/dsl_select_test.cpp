// SELECT and the expression language, golden SQL for both dialects: FROM deduced or given,
// all_of<T>, every comparison, logic and arithmetic operator with the parentheses SQL's
// precedence needs, IS NULL / LIKE / IN / BETWEEN, ORDER BY / LIMIT / OFFSET, DISTINCT,
// aggregates, GROUP BY / HAVING. Each text is checked by static_assert; the bound values
// are checked at run time against the order of the '?' in the text.
#include <doctest/doctest.h>

#include <sqlforge/dsl.hpp>

#include "dsl_test_support.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace dsl_select {

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;
using dsl_test::binds;
using dsl_test::placeholders_match;

struct Job {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
    double price;
    bool done;
    std::optional<int> priority;
};
SQLFORGE_COLUMNS(job, Job, id, name, status, note, price, done, priority)

struct Tag {
    std::int64_t id;
    std::int64_t job_id;
    std::string label;
};
SQLFORGE_COLUMNS(tag, Tag, id, job_id, label)

// The column handles are the variable template sf::col<&T::m>; the macro only aliases them.
static_assert(std::is_same_v<decltype(job::name), decltype(sf::col<&Job::name>)>);

// A statement at namespace scope is a constant when its values are literals.
constexpr auto by_name = sf::select(job::id).where(job::name == "John");
static_assert(by_name.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."name" = ?)");
static_assert(by_name.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`name` = ?)");

TEST_CASE("select: FROM deduced from the selected columns") {
    auto q = sf::select(job::name, job::status);
    static_assert(q.sql<L>() == R"(SELECT "job"."name", "job"."status" FROM "job")");
    static_assert(q.sql<M>() == R"(SELECT `job`.`name`, `job`.`status` FROM `job`)");
    CHECK(binds(q).empty());

    // Two tables: each listed once, in the order their columns first appear.
    auto q2 = sf::select(tag::label, job::name, tag::id).where(tag::job_id == job::id);
    static_assert(q2.sql<L>() ==
                  R"(SELECT "tag"."label", "job"."name", "tag"."id" FROM "tag", "job" WHERE "tag"."job_id" = "job"."id")");
    static_assert(q2.sql<M>() ==
                  R"(SELECT `tag`.`label`, `job`.`name`, `tag`.`id` FROM `tag`, `job` WHERE `tag`.`job_id` = `job`.`id`)");
    CHECK(binds(q2).empty());

    CHECK(binds(by_name) == "text:John");
    CHECK(placeholders_match(by_name));
}

TEST_CASE("select: FROM given by .from<T>()") {
    auto q = sf::select(sf::count()).from<Job>();
    static_assert(q.sql<L>() == R"(SELECT COUNT(*) FROM "job")");
    static_assert(q.sql<M>() == R"(SELECT COUNT(*) FROM `job`)");

    // Without from<>() an item that reads no table gives no FROM at all.
    auto q0 = sf::select(sf::count());
    static_assert(q0.sql<L>() == R"(SELECT COUNT(*))");
    static_assert(q0.sql<M>() == R"(SELECT COUNT(*))");

    // from<>() lists tables that no item reads, for where().
    auto q2 = sf::select(job::name).from<Job, Tag>().where(tag::job_id == job::id && tag::label == "urgent");
    static_assert(q2.sql<L>() ==
                  R"(SELECT "job"."name" FROM "job", "tag" WHERE "tag"."job_id" = "job"."id" AND "tag"."label" = ?)");
    static_assert(q2.sql<M>() ==
                  R"(SELECT `job`.`name` FROM `job`, `tag` WHERE `tag`.`job_id` = `job`.`id` AND `tag`.`label` = ?)");
    CHECK(binds(q2) == "text:urgent");
    CHECK(placeholders_match(q2));

    // from<>() may come after where(): the statement is the same.
    auto q3 = sf::select(job::name).where(job::id == 7).from<Job>();
    static_assert(q3.sql<L>() == R"(SELECT "job"."name" FROM "job" WHERE "job"."id" = ?)");
    static_assert(q3.sql<M>() == R"(SELECT `job`.`name` FROM `job` WHERE `job`.`id` = ?)");
    CHECK(binds(q3) == "int:7");
}

TEST_CASE("select: all_of<T> lists every column in field order") {
    auto q = sf::select(sf::all_of<Job>);
    static_assert(q.sql<L>() ==
                  R"(SELECT "job"."id", "job"."name", "job"."status", "job"."note", "job"."price", "job"."done", "job"."priority" FROM "job")");
    static_assert(q.sql<M>() ==
                  R"(SELECT `job`.`id`, `job`.`name`, `job`.`status`, `job`.`note`, `job`.`price`, `job`.`done`, `job`.`priority` FROM `job`)");
    static_assert(std::is_same_v<decltype(q)::row_type, Job>);
    static_assert(decltype(q)::column_count == 7);

    auto q2 = sf::select(sf::all_of<Tag>, job::name).where(tag::job_id == job::id);
    static_assert(q2.sql<L>() ==
                  R"(SELECT "tag"."id", "tag"."job_id", "tag"."label", "job"."name" FROM "tag", "job" WHERE "tag"."job_id" = "job"."id")");
    static_assert(q2.sql<M>() ==
                  R"(SELECT `tag`.`id`, `tag`.`job_id`, `tag`.`label`, `job`.`name` FROM `tag`, `job` WHERE `tag`.`job_id` = `job`.`id`)");
    static_assert(std::is_same_v<decltype(q2)::row_type, std::tuple<Tag, std::string>>);
    static_assert(decltype(q2)::column_count == 4);
}

TEST_CASE("where: every comparison operator, both operand orders") {
    auto eq = sf::select(job::id).where(job::status == 1);
    auto ne = sf::select(job::id).where(job::status != 2);
    auto lt = sf::select(job::id).where(job::status < 3);
    auto le = sf::select(job::id).where(job::status <= 4);
    auto gt = sf::select(job::id).where(job::status > 5);
    auto ge = sf::select(job::id).where(job::status >= 6);
    static_assert(eq.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" = ?)");
    static_assert(ne.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" <> ?)");
    static_assert(lt.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" < ?)");
    static_assert(le.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" <= ?)");
    static_assert(gt.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" > ?)");
    static_assert(ge.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" >= ?)");
    static_assert(eq.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` = ?)");
    static_assert(ne.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` <> ?)");
    static_assert(lt.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` < ?)");
    static_assert(le.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` <= ?)");
    static_assert(gt.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` > ?)");
    static_assert(ge.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` >= ?)");
    CHECK(binds(eq) == "int:1");
    CHECK(binds(ne) == "int:2");
    CHECK(binds(lt) == "int:3");
    CHECK(binds(le) == "int:4");
    CHECK(binds(gt) == "int:5");
    CHECK(binds(ge) == "int:6");

    // The value on the left: the text keeps the C++ order.
    auto rev = sf::select(job::id).where(10 < job::status);
    static_assert(rev.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE ? < "job"."status")");
    static_assert(rev.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE ? < `job`.`status`)");
    CHECK(binds(rev) == "int:10");

    // Column with column, integer with real, text, bool, a nullable column with its type.
    auto mixed = sf::select(job::id).where(job::id == job::status && job::status < 2.5 && job::name != "x" &&
                                           job::done == true && job::note == std::string("n") && job::priority >= 3);
    static_assert(
        mixed.sql<L>() ==
        R"(SELECT "job"."id" FROM "job" WHERE "job"."id" = "job"."status" AND "job"."status" < ? AND "job"."name" <> ? AND "job"."done" = ? AND "job"."note" = ? AND "job"."priority" >= ?)");
    static_assert(
        mixed.sql<M>() ==
        R"(SELECT `job`.`id` FROM `job` WHERE `job`.`id` = `job`.`status` AND `job`.`status` < ? AND `job`.`name` <> ? AND `job`.`done` = ? AND `job`.`note` = ? AND `job`.`priority` >= ?)");
    CHECK(binds(mixed) == "real:2.5, text:x, bool:true, text:n, int:3");
    CHECK(placeholders_match(mixed));

    // A comparison of conditions: the inner comparison is parenthesised.
    auto nested = sf::select(job::id).where((job::status > 1) == job::done);
    static_assert(nested.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE ("job"."status" > ?) = "job"."done")");
    static_assert(nested.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE (`job`.`status` > ?) = `job`.`done`)");
}

TEST_CASE("where: &&, ||, ! and sf::and_ / or_ / not_, parenthesised by precedence") {
    auto a = job::status == 1;
    auto b = job::name == "b";
    auto c = job::done;

    auto q_and = sf::select(job::id).where(a && b);
    static_assert(q_and.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" = ? AND "job"."name" = ?)");
    static_assert(q_and.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` = ? AND `job`.`name` = ?)");
    CHECK(binds(q_and) == "int:1, text:b");

    auto q_or = sf::select(job::id).where(a || b);
    static_assert(q_or.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" = ? OR "job"."name" = ?)");
    static_assert(q_or.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` = ? OR `job`.`name` = ?)");

    auto q_not = sf::select(job::id).where(!c);
    static_assert(q_not.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE NOT "job"."done")");
    static_assert(q_not.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE NOT `job`.`done`)");

    // NOT binds looser than a comparison: no parentheses needed.
    auto q_not_cmp = sf::select(job::id).where(!(job::status > 1));
    static_assert(q_not_cmp.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE NOT "job"."status" > ?)");
    static_assert(q_not_cmp.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE NOT `job`.`status` > ?)");

    // NOT over AND / OR keeps them together; NOT inside AND needs nothing.
    auto q_not_and = sf::select(job::id).where(!(a && c));
    static_assert(q_not_and.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE NOT ("job"."status" = ? AND "job"."done"))");
    static_assert(q_not_and.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE NOT (`job`.`status` = ? AND `job`.`done`))");
    auto q_not_or = sf::select(job::id).where(!(a || c));
    static_assert(q_not_or.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE NOT ("job"."status" = ? OR "job"."done"))");
    static_assert(q_not_or.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE NOT (`job`.`status` = ? OR `job`.`done`))");
    auto q_and_not = sf::select(job::id).where(!c && a);
    static_assert(q_and_not.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE NOT "job"."done" AND "job"."status" = ?)");
    static_assert(q_and_not.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE NOT `job`.`done` AND `job`.`status` = ?)");
    auto q_not_not = sf::select(job::id).where(!!c);
    static_assert(q_not_not.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE NOT NOT "job"."done")");
    static_assert(q_not_not.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE NOT NOT `job`.`done`)");

    // OR inside AND is parenthesised; AND inside OR is not (AND binds tighter).
    auto q_or_in_and = sf::select(job::id).where((a || b) && c);
    static_assert(q_or_in_and.sql<L>() ==
                  R"(SELECT "job"."id" FROM "job" WHERE ("job"."status" = ? OR "job"."name" = ?) AND "job"."done")");
    static_assert(q_or_in_and.sql<M>() ==
                  R"(SELECT `job`.`id` FROM `job` WHERE (`job`.`status` = ? OR `job`.`name` = ?) AND `job`.`done`)");
    auto q_and_in_or = sf::select(job::id).where(a || (b && c));
    static_assert(q_and_in_or.sql<L>() ==
                  R"(SELECT "job"."id" FROM "job" WHERE "job"."status" = ? OR "job"."name" = ? AND "job"."done")");
    static_assert(q_and_in_or.sql<M>() ==
                  R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` = ? OR `job`.`name` = ? AND `job`.`done`)");
    auto q_right_or = sf::select(job::id).where(c && (a || b));
    static_assert(q_right_or.sql<L>() ==
                  R"(SELECT "job"."id" FROM "job" WHERE "job"."done" AND ("job"."status" = ? OR "job"."name" = ?))");
    static_assert(q_right_or.sql<M>() ==
                  R"(SELECT `job`.`id` FROM `job` WHERE `job`.`done` AND (`job`.`status` = ? OR `job`.`name` = ?))");
    CHECK(binds(q_right_or) == "int:1, text:b");

    // The spelled-out forms, with three arguments.
    auto q_and3 = sf::select(job::id).where(sf::and_(a, b, c));
    static_assert(q_and3.sql<L>() ==
                  R"(SELECT "job"."id" FROM "job" WHERE "job"."status" = ? AND "job"."name" = ? AND "job"."done")");
    static_assert(q_and3.sql<M>() ==
                  R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` = ? AND `job`.`name` = ? AND `job`.`done`)");
    static_assert(std::is_same_v<decltype(sf::and_(a, b, c)), decltype(a && b && c)>);
    auto q_or3 = sf::select(job::id).where(sf::or_(a, b, c));
    static_assert(q_or3.sql<L>() ==
                  R"(SELECT "job"."id" FROM "job" WHERE "job"."status" = ? OR "job"."name" = ? OR "job"."done")");
    static_assert(q_or3.sql<M>() ==
                  R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` = ? OR `job`.`name` = ? OR `job`.`done`)");
    auto q_not_ = sf::select(job::id).where(sf::not_(sf::or_(a, c)));
    static_assert(q_not_.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE NOT ("job"."status" = ? OR "job"."done"))");
    static_assert(q_not_.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE NOT (`job`.`status` = ? OR `job`.`done`))");
    auto q_mix3 = sf::select(job::id).where(sf::and_(a, sf::or_(b, c, job::id > 9), sf::not_(c)));
    static_assert(
        q_mix3.sql<L>() ==
        R"(SELECT "job"."id" FROM "job" WHERE "job"."status" = ? AND ("job"."name" = ? OR "job"."done" OR "job"."id" > ?) AND NOT "job"."done")");
    static_assert(
        q_mix3.sql<M>() ==
        R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` = ? AND (`job`.`name` = ? OR `job`.`done` OR `job`.`id` > ?) AND NOT `job`.`done`)");
    CHECK(binds(q_mix3) == "int:1, text:b, int:9");
    CHECK(placeholders_match(q_mix3));
}

TEST_CASE("arithmetic: + - * / % and unary minus, parenthesised by precedence") {
    auto q = sf::select(job::status + 1, job::status - 2, job::status * 3, job::status / 4, job::status % 5);
    static_assert(q.sql<L>() ==
                  R"(SELECT "job"."status" + ?, "job"."status" - ?, "job"."status" * ?, "job"."status" / ?, "job"."status" % ? FROM "job")");
    // MySQL's "/" on integers gives a DECIMAL: integer division is DIV there.
    static_assert(q.sql<M>() ==
                  R"(SELECT `job`.`status` + ?, `job`.`status` - ?, `job`.`status` * ?, `job`.`status` DIV ?, `job`.`status` % ? FROM `job`)");
    CHECK(binds(q) == "int:1, int:2, int:3, int:4, int:5");
    CHECK(placeholders_match(q));

    // A real on either side: "/" in both dialects.
    auto real_div = sf::select(job::price / 2, job::status / 2.0);
    static_assert(real_div.sql<L>() == R"(SELECT "job"."price" / ?, "job"."status" / ? FROM "job")");
    static_assert(real_div.sql<M>() == R"(SELECT `job`.`price` / ?, `job`.`status` / ? FROM `job`)");
    CHECK(binds(real_div) == "int:2, real:2");

    auto neg = sf::select(-job::status, -job::price, -(job::status + 1), -(-job::status));
    static_assert(neg.sql<L>() == R"(SELECT -"job"."status", -"job"."price", -("job"."status" + ?), -(-"job"."status") FROM "job")");
    static_assert(neg.sql<M>() == R"(SELECT -`job`.`status`, -`job`.`price`, -(`job`.`status` + ?), -(-`job`.`status`) FROM `job`)");

    // Left-associative: a - b - c needs nothing, a - (b - c) keeps its parentheses.
    auto assoc = sf::select(job::status - job::id - 1, job::status - (job::id - 1), job::status / (job::id * 2));
    static_assert(assoc.sql<L>() ==
                  R"(SELECT "job"."status" - "job"."id" - ?, "job"."status" - ("job"."id" - ?), "job"."status" / ("job"."id" * ?) FROM "job")");
    static_assert(assoc.sql<M>() ==
                  R"(SELECT `job`.`status` - `job`.`id` - ?, `job`.`status` - (`job`.`id` - ?), `job`.`status` DIV (`job`.`id` * ?) FROM `job`)");

    // * binds tighter than +.
    auto mul_add = sf::select((job::status + 1) * 3, job::status + job::id * 2, job::status * 2 + 1, 10 - job::status);
    static_assert(mul_add.sql<L>() ==
                  R"(SELECT ("job"."status" + ?) * ?, "job"."status" + "job"."id" * ?, "job"."status" * ? + ?, ? - "job"."status" FROM "job")");
    static_assert(mul_add.sql<M>() ==
                  R"(SELECT (`job`.`status` + ?) * ?, `job`.`status` + `job`.`id` * ?, `job`.`status` * ? + ?, ? - `job`.`status` FROM `job`)");
    CHECK(binds(mul_add) == "int:1, int:3, int:2, int:2, int:1, int:10");
    CHECK(placeholders_match(mul_add));

    // Arithmetic inside a comparison needs no parentheses.
    auto cmp = sf::select(job::id).where(job::status + 1 > job::id * 2);
    static_assert(cmp.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" + ? > "job"."id" * ?)");
    static_assert(cmp.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` + ? > `job`.`id` * ?)");
    CHECK(binds(cmp) == "int:1, int:2");

    // Result types: integers widen to 64 bits, a real makes a double, NULL propagates.
    static_assert(std::is_same_v<decltype(sf::select(job::status + 1))::row_type, std::int64_t>);
    static_assert(std::is_same_v<decltype(sf::select(job::status * job::price))::row_type, double>);
    static_assert(std::is_same_v<decltype(sf::select(-job::status))::row_type, std::int64_t>);
    static_assert(std::is_same_v<decltype(sf::select(-job::price))::row_type, double>);
    static_assert(std::is_same_v<decltype(sf::select(job::priority + 1))::row_type, std::optional<std::int64_t>>);
    static_assert(std::is_same_v<decltype(sf::select(job::priority % 2))::row_type, std::optional<std::int64_t>>);
}

TEST_CASE("is_null, is_not_null, like, in, between") {
    auto q = sf::select(job::id).where(job::note.is_null() && job::priority.is_not_null());
    static_assert(q.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."note" IS NULL AND "job"."priority" IS NOT NULL)");
    static_assert(q.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`note` IS NULL AND `job`.`priority` IS NOT NULL)");
    CHECK(binds(q).empty());

    auto like = sf::select(job::id).where(job::name.like("J%") || job::note.like(std::string("%x%")));
    static_assert(like.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."name" LIKE ? OR "job"."note" LIKE ?)");
    static_assert(like.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`name` LIKE ? OR `job`.`note` LIKE ?)");
    CHECK(binds(like) == "text:J%, text:%x%");

    auto in = sf::select(job::id).where(job::id.in({1, 2, 3}) && job::name.in({"a"}));
    static_assert(in.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."id" IN (?, ?, ?) AND "job"."name" IN (?))");
    static_assert(in.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`id` IN (?, ?, ?) AND `job`.`name` IN (?))");
    CHECK(binds(in) == "int:1, int:2, int:3, text:a");
    CHECK(placeholders_match(in));

    auto between = sf::select(job::id).where(job::status.between(1, 5) && job::price.between(0.5, 1));
    static_assert(between.sql<L>() ==
                  R"(SELECT "job"."id" FROM "job" WHERE "job"."status" BETWEEN ? AND ? AND "job"."price" BETWEEN ? AND ?)");
    static_assert(between.sql<M>() ==
                  R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` BETWEEN ? AND ? AND `job`.`price` BETWEEN ? AND ?)");
    CHECK(binds(between) == "int:1, int:5, real:0.5, int:1");

    // On expressions: arithmetic needs no parentheses, a comparison does.
    auto on_expr = sf::select(job::id).where((job::status + 1).between(2, 3) || (job::status > 1).is_null() ||
                                             (job::status * 2).in({4, 6}));
    static_assert(
        on_expr.sql<L>() ==
        R"(SELECT "job"."id" FROM "job" WHERE "job"."status" + ? BETWEEN ? AND ? OR ("job"."status" > ?) IS NULL OR "job"."status" * ? IN (?, ?))");
    static_assert(
        on_expr.sql<M>() ==
        R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` + ? BETWEEN ? AND ? OR (`job`.`status` > ?) IS NULL OR `job`.`status` * ? IN (?, ?))");
    CHECK(binds(on_expr) == "int:1, int:2, int:3, int:1, int:2, int:4, int:6");
    CHECK(placeholders_match(on_expr));

    // Nullability: IS NULL is never NULL, the others follow their operands.
    static_assert(!decltype(job::note.is_null())::nullable);
    static_assert(decltype(job::note.like("x"))::nullable);
    static_assert(!decltype(job::name.like("x"))::nullable);
    static_assert(decltype(job::priority.in({1}))::nullable);
    static_assert(decltype(job::status.between(1, std::optional<int>{}))::nullable);
}

TEST_CASE("like with ESCAPE; contains, startswith and endswith escape their value") {
    auto esc = sf::select(job::id).where(job::name.like("100!%%", sf::escape<'!'>));
    static_assert(esc.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."name" LIKE ? ESCAPE '!')");
    static_assert(esc.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`name` LIKE ? ESCAPE '!')");
    CHECK(binds(esc) == "text:100!%%");

    // The value is matched as it is: %, _ and the escape character / are escaped.
    auto c = sf::select(job::id).where(job::name.contains("50%_off/x") || job::note.startswith(std::string("a_")) ||
                                       job::name.endswith(std::string_view("%")));
    static_assert(
        c.sql<L>() ==
        R"(SELECT "job"."id" FROM "job" WHERE "job"."name" LIKE ? ESCAPE '/' OR "job"."note" LIKE ? ESCAPE '/' OR "job"."name" LIKE ? ESCAPE '/')");
    static_assert(
        c.sql<M>() ==
        R"(SELECT `job`.`id` FROM `job` WHERE `job`.`name` LIKE ? ESCAPE '/' OR `job`.`note` LIKE ? ESCAPE '/' OR `job`.`name` LIKE ? ESCAPE '/')");
    CHECK(binds(c) == "text:%50/%/_off//x%, text:a/_%, text:%/%");
    CHECK(placeholders_match(c));

    // The pattern is owned by the statement: the value may be a temporary.
    auto owned = sf::select(job::id).where(job::name.contains(std::string(40, 'x')));
    CHECK(binds(owned) == "text:%" + std::string(40, 'x') + "%");

    // Nullability follows the column, as for like().
    static_assert(decltype(job::note.contains("x"))::nullable);
    static_assert(!decltype(job::name.endswith("x"))::nullable);
    static_assert(!decltype(job::name.like("x", sf::escape<'#'>))::nullable);
}

TEST_CASE("order_by: bare, asc, desc, expressions and labels") {
    auto bare = sf::select(job::name).order_by(job::name);
    static_assert(bare.sql<L>() == R"(SELECT "job"."name" FROM "job" ORDER BY "job"."name")");
    static_assert(bare.sql<M>() == R"(SELECT `job`.`name` FROM `job` ORDER BY `job`.`name`)");

    auto dirs = sf::select(job::name).order_by(job::status.asc(), job::name.desc(), job::id);
    static_assert(dirs.sql<L>() == R"(SELECT "job"."name" FROM "job" ORDER BY "job"."status", "job"."name" DESC, "job"."id")");
    static_assert(dirs.sql<M>() == R"(SELECT `job`.`name` FROM `job` ORDER BY `job`.`status`, `job`.`name` DESC, `job`.`id`)");

    // A label given by .as<>() is ordered by with sf::desc<"n"> / sf::asc<"n">.
    auto label = sf::select(job::name.as<"n">(), job::status.as<"s">()).order_by(sf::desc<"n">, sf::asc<"s">);
    static_assert(label.sql<L>() == R"(SELECT "job"."name" AS "n", "job"."status" AS "s" FROM "job" ORDER BY "n" DESC, "s")");
    static_assert(label.sql<M>() == R"(SELECT `job`.`name` AS `n`, `job`.`status` AS `s` FROM `job` ORDER BY `n` DESC, `s`)");

    // An expression's values are bound in text order: items, where, then order by.
    auto expr = sf::select(job::status + 1).where(job::id > 2).order_by((job::status * 3).desc());
    static_assert(expr.sql<L>() == R"(SELECT "job"."status" + ? FROM "job" WHERE "job"."id" > ? ORDER BY "job"."status" * ? DESC)");
    static_assert(expr.sql<M>() == R"(SELECT `job`.`status` + ? FROM `job` WHERE `job`.`id` > ? ORDER BY `job`.`status` * ? DESC)");
    CHECK(binds(expr) == "int:1, int:2, int:3");
    CHECK(placeholders_match(expr));

    // A labelled item reused in order_by() is written as its label, and binds nothing there.
    auto n = (job::status + 5).as<"n">();
    auto reuse = sf::select(job::id, n).order_by(n.desc(), n);
    static_assert(reuse.sql<L>() == R"(SELECT "job"."id", "job"."status" + ? AS "n" FROM "job" ORDER BY "n" DESC, "n")");
    static_assert(reuse.sql<M>() == R"(SELECT `job`.`id`, `job`.`status` + ? AS `n` FROM `job` ORDER BY `n` DESC, `n`)");
    CHECK(binds(reuse) == "int:5");
    CHECK(placeholders_match(reuse));
}

TEST_CASE("limit and offset, offset without limit") {
    auto lim = sf::select(job::id).limit(10);
    static_assert(lim.sql<L>() == R"(SELECT "job"."id" FROM "job" LIMIT ?)");
    static_assert(lim.sql<M>() == R"(SELECT `job`.`id` FROM `job` LIMIT ?)");
    CHECK(binds(lim) == "int:10");

    auto both = sf::select(job::id).where(job::status == 1).order_by(job::id).limit(10).offset(20);
    static_assert(both.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" = ? ORDER BY "job"."id" LIMIT ? OFFSET ?)");
    static_assert(both.sql<M>() == R"(SELECT `job`.`id` FROM `job` WHERE `job`.`status` = ? ORDER BY `job`.`id` LIMIT ? OFFSET ?)");
    CHECK(binds(both) == "int:1, int:10, int:20");

    // offset() before limit(): the text and the bind order do not change.
    auto swapped = sf::select(job::id).where(job::status == 1).order_by(job::id).offset(20).limit(10);
    static_assert(std::is_same_v<decltype(swapped), decltype(both)>);
    CHECK(binds(swapped) == "int:1, int:10, int:20");

    // No "OFFSET" without "LIMIT" in either dialect: SQLite's -1, MySQL's largest BIGINT UNSIGNED.
    auto off = sf::select(job::id).offset(20);
    static_assert(off.sql<L>() == R"(SELECT "job"."id" FROM "job" LIMIT -1 OFFSET ?)");
    static_assert(off.sql<M>() == R"(SELECT `job`.`id` FROM `job` LIMIT 18446744073709551615 OFFSET ?)");
    CHECK(binds(off) == "int:20");
    CHECK(placeholders_match(off));

    // Any integer type; bound as a 64-bit integer.
    std::size_t page = 3;
    auto typed = sf::select(job::id).limit(page).offset(std::int64_t{30}).limit(static_cast<unsigned short>(4));
    static_assert(typed.sql<L>() == R"(SELECT "job"."id" FROM "job" LIMIT ? OFFSET ?)");
    CHECK(binds(typed) == "int:4, int:30");
    typed.each_param([](const auto& v) { CHECK(std::is_same_v<std::remove_cvref_t<decltype(v)>, std::int64_t>); });
}

TEST_CASE("select_distinct") {
    auto q = sf::select_distinct(job::status);
    static_assert(q.sql<L>() == R"(SELECT DISTINCT "job"."status" FROM "job")");
    static_assert(q.sql<M>() == R"(SELECT DISTINCT `job`.`status` FROM `job`)");

    auto q2 = sf::select_distinct(job::status, job::name).where(job::done == false).order_by(job::name).limit(3);
    static_assert(q2.sql<L>() ==
                  R"(SELECT DISTINCT "job"."status", "job"."name" FROM "job" WHERE "job"."done" = ? ORDER BY "job"."name" LIMIT ?)");
    static_assert(q2.sql<M>() ==
                  R"(SELECT DISTINCT `job`.`status`, `job`.`name` FROM `job` WHERE `job`.`done` = ? ORDER BY `job`.`name` LIMIT ?)");
    CHECK(binds(q2) == "bool:false, int:3");
    static_assert(std::is_same_v<decltype(q2)::row_type, std::tuple<int, std::string>>);
}

TEST_CASE("aggregates and coalesce, with labels") {
    auto q = sf::select(sf::count(), sf::count(job::note), sf::sum(job::status), sf::avg(job::price), sf::min(job::name),
                        sf::max(job::id));
    static_assert(q.sql<L>() ==
                  R"(SELECT COUNT(*), COUNT("job"."note"), SUM("job"."status"), AVG("job"."price"), MIN("job"."name"), MAX("job"."id") FROM "job")");
    static_assert(q.sql<M>() ==
                  R"(SELECT COUNT(*), COUNT(`job`.`note`), SUM(`job`.`status`), AVG(`job`.`price`), MIN(`job`.`name`), MAX(`job`.`id`) FROM `job`)");
    static_assert(std::is_same_v<decltype(q)::row_type,
                                 std::tuple<std::int64_t, std::int64_t, std::optional<std::int64_t>, std::optional<double>,
                                            std::optional<std::string>, std::optional<std::int64_t>>>);

    auto labelled = sf::select(sf::count().as<"n">(), sf::sum(job::price).as<"total">(), sf::avg(job::status).as<"mean">(),
                               sf::min(job::status).as<"lo">(), sf::max(job::status).as<"hi">());
    static_assert(
        labelled.sql<L>() ==
        R"(SELECT COUNT(*) AS "n", SUM("job"."price") AS "total", AVG("job"."status") AS "mean", MIN("job"."status") AS "lo", MAX("job"."status") AS "hi" FROM "job")");
    static_assert(
        labelled.sql<M>() ==
        R"(SELECT COUNT(*) AS `n`, SUM(`job`.`price`) AS `total`, AVG(`job`.`status`) AS `mean`, MIN(`job`.`status`) AS `lo`, MAX(`job`.`status`) AS `hi` FROM `job`)");
    static_assert(std::is_same_v<decltype(labelled)::row_type,
                                 std::tuple<std::int64_t, std::optional<double>, std::optional<double>, std::optional<int>,
                                            std::optional<int>>>);
    CHECK(binds(labelled).empty());

    // Arguments and results are expressions like any other.
    auto nested = sf::select(sf::count(job::status + 1), sf::max(job::status) + 1, sf::coalesce(sf::max(job::priority), 0));
    static_assert(nested.sql<L>() ==
                  R"(SELECT COUNT("job"."status" + ?), MAX("job"."status") + ?, COALESCE(MAX("job"."priority"), ?) FROM "job")");
    static_assert(nested.sql<M>() ==
                  R"(SELECT COUNT(`job`.`status` + ?), MAX(`job`.`status`) + ?, COALESCE(MAX(`job`.`priority`), ?) FROM `job`)");
    static_assert(std::is_same_v<decltype(nested)::row_type, std::tuple<std::int64_t, std::optional<std::int64_t>, int>>);
    CHECK(binds(nested) == "int:1, int:1, int:0");
    CHECK(placeholders_match(nested));

    // COALESCE is not an aggregate: beside columns, with a label.
    auto co = sf::select(job::id, sf::coalesce(job::note, "none").as<"note">(), sf::coalesce(job::note, job::name));
    static_assert(co.sql<L>() ==
                  R"(SELECT "job"."id", COALESCE("job"."note", ?) AS "note", COALESCE("job"."note", "job"."name") FROM "job")");
    static_assert(co.sql<M>() ==
                  R"(SELECT `job`.`id`, COALESCE(`job`.`note`, ?) AS `note`, COALESCE(`job`.`note`, `job`.`name`) FROM `job`)");
    static_assert(std::is_same_v<decltype(co)::row_type, std::tuple<std::int64_t, std::string, std::string>>);
    CHECK(binds(co) == "text:none");

    // COALESCE stays nullable only when its fallback is.
    static_assert(std::is_same_v<decltype(sf::select(sf::coalesce(job::note, job::note)))::row_type,
                                 std::optional<std::string>>);
    static_assert(std::is_same_v<decltype(sf::select(sf::coalesce(job::priority, std::optional<int>{})))::row_type,
                                 std::optional<int>>);
}

TEST_CASE("group_by and having") {
    // The design's example.
    auto q = sf::select(job::name, sf::count(job::id).as<"n">()).group_by(job::name).order_by(sf::desc<"n">);
    static_assert(q.sql<L>() ==
                  R"(SELECT "job"."name", COUNT("job"."id") AS "n" FROM "job" GROUP BY "job"."name" ORDER BY "n" DESC)");
    static_assert(q.sql<M>() ==
                  R"(SELECT `job`.`name`, COUNT(`job`.`id`) AS `n` FROM `job` GROUP BY `job`.`name` ORDER BY `n` DESC)");
    static_assert(std::is_same_v<decltype(q)::row_type, std::tuple<std::string, std::int64_t>>);

    // Every clause, and the bind order: where, having, limit, offset.
    auto full = sf::select(job::status, job::done, sf::count().as<"n">())
                    .where(job::name != "x")
                    .group_by(job::status, job::done)
                    .having(sf::count() > 2 && sf::max(job::price) < 9.5)
                    .order_by(sf::desc<"n">, job::status)
                    .limit(5)
                    .offset(10);
    static_assert(
        full.sql<L>() ==
        R"(SELECT "job"."status", "job"."done", COUNT(*) AS "n" FROM "job" WHERE "job"."name" <> ? GROUP BY "job"."status", "job"."done" HAVING COUNT(*) > ? AND MAX("job"."price") < ? ORDER BY "n" DESC, "job"."status" LIMIT ? OFFSET ?)");
    static_assert(
        full.sql<M>() ==
        R"(SELECT `job`.`status`, `job`.`done`, COUNT(*) AS `n` FROM `job` WHERE `job`.`name` <> ? GROUP BY `job`.`status`, `job`.`done` HAVING COUNT(*) > ? AND MAX(`job`.`price`) < ? ORDER BY `n` DESC, `job`.`status` LIMIT ? OFFSET ?)");
    CHECK(binds(full) == "text:x, int:2, real:9.5, int:5, int:10");
    CHECK(placeholders_match(full));

    // Grouping by an expression that is selected (here under a label), and having() on the label.
    auto bucket = (job::status / 10).as<"bucket">();
    auto by_expr = sf::select(bucket, sf::count()).group_by(job::status / 10).having(bucket > 0);
    static_assert(
        by_expr.sql<L>() ==
        R"(SELECT "job"."status" / ? AS "bucket", COUNT(*) FROM "job" GROUP BY "job"."status" / ? HAVING "bucket" > ?)");
    static_assert(
        by_expr.sql<M>() ==
        R"(SELECT `job`.`status` DIV ? AS `bucket`, COUNT(*) FROM `job` GROUP BY `job`.`status` DIV ? HAVING `bucket` > ?)");
    CHECK(binds(by_expr) == "int:10, int:10, int:0");
    CHECK(placeholders_match(by_expr));

    // Only aggregates (or no columns at all): no group_by() needed.
    auto totals = sf::select(sf::count(), sf::sum(job::status) * 2);
    static_assert(totals.sql<L>() == R"(SELECT COUNT(*), SUM("job"."status") * ? FROM "job")");
    static_assert(totals.sql<M>() == R"(SELECT COUNT(*), SUM(`job`.`status`) * ? FROM `job`)");
}

TEST_CASE("row_type: scalar for one item, tuple for several, T for all_of<T>, optional where nullable") {
    static_assert(std::is_same_v<decltype(sf::select(job::name))::row_type, std::string>);
    static_assert(std::is_same_v<decltype(sf::select(job::status))::row_type, int>);
    static_assert(std::is_same_v<decltype(sf::select(job::note))::row_type, std::optional<std::string>>);
    static_assert(std::is_same_v<decltype(sf::select(job::priority))::row_type, std::optional<int>>);
    static_assert(std::is_same_v<decltype(sf::select(job::done))::row_type, bool>);
    static_assert(std::is_same_v<decltype(sf::select(job::name, job::note))::row_type,
                                 std::tuple<std::string, std::optional<std::string>>>);
    static_assert(std::is_same_v<decltype(sf::select(sf::all_of<Job>))::row_type, Job>);
    static_assert(std::is_same_v<decltype(sf::select(job::name.as<"x">()))::row_type, std::string>);
    static_assert(std::is_same_v<decltype(sf::select(job::status > 1))::row_type, bool>);
    static_assert(std::is_same_v<decltype(sf::select(job::priority > 1))::row_type, std::optional<bool>>);
    static_assert(std::is_same_v<decltype(sf::select(sf::count()))::row_type, std::int64_t>);
    static_assert(std::is_same_v<decltype(sf::select(sf::count(job::note)))::row_type, std::int64_t>);
    static_assert(std::is_same_v<decltype(sf::select(sf::sum(job::id)))::row_type, std::optional<std::int64_t>>);
    static_assert(std::is_same_v<decltype(sf::select(sf::sum(job::priority)))::row_type, std::optional<std::int64_t>>);
    static_assert(std::is_same_v<decltype(sf::select(sf::sum(job::price)))::row_type, std::optional<double>>);
    static_assert(std::is_same_v<decltype(sf::select(sf::avg(job::status)))::row_type, std::optional<double>>);
    static_assert(std::is_same_v<decltype(sf::select(sf::min(job::name)))::row_type, std::optional<std::string>>);
    static_assert(std::is_same_v<decltype(sf::select(sf::max(job::price)))::row_type, std::optional<double>>);
    // The row type does not depend on the clauses.
    static_assert(std::is_same_v<decltype(sf::select(job::name).where(job::id > 1).order_by(job::id).limit(1))::row_type,
                                 std::string>);
}

// A function parameter is not a constant, and neither is anything built from it.
void check_runtime_statement(const std::string& who, int min_status) {
    auto q = sf::select(job::id, job::name).where(job::name == who && job::status >= min_status).limit(who.size());
    static_assert(q.sql<L>() == R"(SELECT "job"."id", "job"."name" FROM "job" WHERE "job"."name" = ? AND "job"."status" >= ? LIMIT ?)");
    static_assert(decltype(q)::sql<M>() ==
                  R"(SELECT `job`.`id`, `job`.`name` FROM `job` WHERE `job`.`name` = ? AND `job`.`status` >= ? LIMIT ?)");
    CHECK(binds(q) == "text:" + who + ", int:" + std::to_string(min_status) + ", int:" + std::to_string(who.size()));
}

TEST_CASE("q.sql<D>() is a constant even when q holds run-time values") {
    check_runtime_statement("Ann", 2);
    check_runtime_statement("Bartholomew", -1);

    // A named std::string is referred to (like a literal); a temporary one is moved in.
    std::string who = "first";
    auto q = sf::select(job::id).where(job::name == who || job::name == std::string("temp") || job::name == "lit");
    static_assert(std::is_same_v<decltype((job::name == who).rhs), sf::parameter<std::string_view>>);
    static_assert(std::is_same_v<decltype((job::name == std::string("temp")).rhs), sf::parameter<std::string>>);
    static_assert(std::is_same_v<decltype((job::name == "lit").rhs), sf::parameter<std::string_view>>);
    static_assert(q.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."name" = ? OR "job"."name" = ? OR "job"."name" = ?)");
    CHECK(binds(q) == "text:first, text:temp, text:lit");
}

}  // namespace dsl_select
