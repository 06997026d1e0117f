// Insert forms, upsert, RETURNING and into<Agg>(), golden SQL for both dialects:
// insert_many() (a std::array as one multi-row statement, any other range in batches),
// insert_into<T>().select(...) (every inserted column, or the columns of assignments),
// on_conflict(...).do_update(...) / do_nothing() on insert(obj), values() and insert_many(),
// sf::excluded(col), .returning(...) on insert / update / delete / upsert (SQLite), and the
// row types and checks into<Agg>() works from. Bound values are checked against the '?'.
#include <doctest/doctest.h>

#include <sqlforge/dsl.hpp>
#include <sqlforge/orm/result.hpp>

#include "dsl_test_support.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace dsl_insert_forms {

struct Job {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
};

// Rows copied from Job; `kept` has a default.
struct Archive {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
    bool kept;
};

// A composite primary key and a unique pair.
struct Stock {
    std::int64_t shop;
    std::int64_t item;
    std::string code;
    std::string region;
    int quantity;
};

// Twenty inserted columns: fewer rows per batch so that a statement stays under 999 values.
struct Wide {
    std::int64_t id;
    int c01, c02, c03, c04, c05, c06, c07, c08, c09, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20;
};

}  // namespace dsl_insert_forms

template <>
struct sqlforge::table_traits<dsl_insert_forms::Job> {
    static constexpr std::tuple constraints{sqlforge::unique<&dsl_insert_forms::Job::name>{}};
};
template <>
struct sqlforge::table_traits<dsl_insert_forms::Archive> {
    static constexpr std::tuple constraints{sqlforge::default_value<&dsl_insert_forms::Archive::kept, true>{}};
};
template <>
struct sqlforge::table_traits<dsl_insert_forms::Stock> {
    static constexpr auto primary_key =
        sqlforge::primary_key<&dsl_insert_forms::Stock::shop, &dsl_insert_forms::Stock::item>{};
    static constexpr std::tuple constraints{
        sqlforge::unique<&dsl_insert_forms::Stock::region, &dsl_insert_forms::Stock::code>{}};
};

namespace dsl_insert_forms {

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;
using dsl_test::binds;
using dsl_test::placeholders_match;

SQLFORGE_COLUMNS(job, Job, id, name, status, note)
SQLFORGE_COLUMNS(archive, Archive, id, name, status, note, kept)
SQLFORGE_COLUMNS(stock, Stock, shop, item, code, region, quantity)

// ---- insert_many ----------------------------------------------------------------------------

TEST_CASE("insert_many(std::array): one statement of N rows, bound row after row") {
    std::array<Job, 3> jobs{Job{.name = "a", .status = 1}, Job{.name = "b", .status = 2, .note = "n"},
                            Job{.name = "c", .status = 3}};
    auto i = sf::insert_many(jobs);
    static_assert(i.sql<L>() ==
                  R"(INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?))");
    static_assert(i.sql<M>() ==
                  R"(INSERT INTO `job` (`name`, `status`, `note`) VALUES (?, ?, ?), (?, ?, ?), (?, ?, ?))");
    CHECK(binds(i) == "text:a, int:1, null, text:b, int:2, text:n, text:c, int:3, null");
    CHECK(placeholders_match(i));

    // A named array is referred to, a temporary one is held; a C array and a fixed-size span too.
    static_assert(std::is_same_v<decltype(i), sf::insert_rows_stmt<Job, 3, const std::array<Job, 3>&>>);
    jobs[0].status = 9;
    CHECK(binds(i) == "text:a, int:9, null, text:b, int:2, text:n, text:c, int:3, null");
    auto t = sf::insert_many(std::array<Job, 1>{Job{.name = "x", .status = 0}});
    static_assert(std::is_same_v<decltype(t), sf::insert_rows_stmt<Job, 1, std::array<Job, 1>>>);
    static_assert(t.sql<L>() == R"(INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?))");
    CHECK(binds(t) == "text:x, int:0, null");
    Stock c_array[2] = {{.shop = 1, .item = 2, .code = "c", .region = "r", .quantity = 3},
                        {.shop = 1, .item = 3, .code = "d", .region = "r", .quantity = 4}};
    auto c = sf::insert_many(c_array);
    static_assert(
        c.sql<L>() ==
        R"(INSERT INTO "stock" ("shop", "item", "code", "region", "quantity") VALUES (?, ?, ?, ?, ?), (?, ?, ?, ?, ?))");
    CHECK(binds(c) == "int:1, int:2, text:c, text:r, int:3, int:1, int:3, text:d, text:r, int:4");
    auto sp = sf::insert_many(std::span<const Stock, 2>(c_array));
    CHECK(binds(sp) == binds(c));
    static_assert(sp.sql<M>() == c.sql<M>());
}

TEST_CASE("insert_many(range) of run-time size: batches of a power of two rows, the rest in halves") {
    static_assert(sf::insert_batch_rows<Job> == 64);    // 3 values a row
    static_assert(sf::insert_batch_rows<Stock> == 64);  // 5
    static_assert(sf::insert_batch_rows<Wide> == 32);   // 20 values a row: 32 rows = 640 values <= 999
    static_assert(sf::insert_rows_sql<Job, 2>::sql<L>() ==
                  R"(INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?), (?, ?, ?))");
    static_assert(sf::insert_rows_sql<Job, 2>::sql<M>() ==
                  R"(INSERT INTO `job` (`name`, `status`, `note`) VALUES (?, ?, ?), (?, ?, ?))");
    static_assert(sf::insert_rows_sql<Job, 64>::sql<L>().size() == sf::insert_rows_sql<Job, 1>::sql<L>().size() + 63 * 11);
    static_assert(sf::rendered<L, sf::insert_rows_sql<Job, 64>>::param_count == 192);

    std::vector<Job> jobs;
    for (int k = 0; k < 64 + 64 + 37; ++k) {
        std::string name = "j";  // not "j" + std::to_string(k): g++ 12 -O3 warns wrongly (-Wrestrict)
        name += std::to_string(k);
        jobs.push_back({.name = name, .status = k});
    }
    auto many = sf::insert_many(jobs);
    static_assert(sf::batched_statement<decltype(many)>);
    static_assert(std::is_same_v<decltype(many), sf::insert_many_stmt<Job, const std::vector<Job>&>>);

    // Which texts run, and with which values: 64, 64, then 37 = 32 + 4 + 1.
    std::vector<std::size_t> rows;
    std::vector<std::string> first_values;
    many.each_batch([&]<class Sql>(std::type_identity<Sql>, const auto& bind) {
        std::size_t values = 0;
        std::string first;
        bind([&](const auto& v) {
            if (values++ == 0) first = dsl_test::param_text(v);
        });
        CHECK(values == sf::rendered<L, Sql>::param_count);
        rows.push_back(values / 3);
        first_values.push_back(first);
    });
    CHECK(rows == std::vector<std::size_t>{64, 64, 32, 4, 1});
    CHECK(first_values == std::vector<std::string>{"text:j0", "text:j64", "text:j128", "text:j160", "text:j164"});

    std::size_t batches = 0;
    sf::insert_many(std::vector<Job>{}).each_batch([&](auto, const auto&) { ++batches; });
    CHECK(batches == 0);
}

// ---- INSERT ... SELECT ----------------------------------------------------------------------

TEST_CASE("insert_into<T>().select(q): every inserted column, in field order") {
    auto i = sf::insert_into<Archive>().select(
        sf::select(job::name, job::status, job::note, job::status > 0).where(job::status > 1));
    static_assert(
        i.sql<L>() ==
        R"(INSERT INTO "archive" ("name", "status", "note", "kept") SELECT "job"."name", "job"."status", "job"."note", "job"."status" > ? FROM "job" WHERE "job"."status" > ?)");
    static_assert(
        i.sql<M>() ==
        R"(INSERT INTO `archive` (`name`, `status`, `note`, `kept`) SELECT `job`.`name`, `job`.`status`, `job`.`note`, `job`.`status` > ? FROM `job` WHERE `job`.`status` > ?)");
    CHECK(binds(i) == "int:0, int:1");

    // A copy of a table into one of the same shape: the autoincrement key is left out on both sides.
    auto copy = sf::insert_into<Job>().select(sf::select(archive::name, archive::status, archive::note).from<Archive>());
    static_assert(
        copy.sql<L>() ==
        R"(INSERT INTO "job" ("name", "status", "note") SELECT "archive"."name", "archive"."status", "archive"."note" FROM "archive")");
    CHECK(binds(copy).empty());
    CHECK(placeholders_match(i));
}

TEST_CASE("insert_into<T>().select(assignments...): the columns named, then the select's clauses") {
    auto i = sf::insert_into<Archive>()
                 .select(archive::name = job::name, archive::status = job::status + 1, archive::kept = false)
                 .where(job::status > 1)
                 .order_by(job::id)
                 .limit(10);
    static_assert(
        i.sql<L>() ==
        R"(INSERT INTO "archive" ("name", "status", "kept") SELECT "job"."name", "job"."status" + ?, ? FROM "job" WHERE "job"."status" > ? ORDER BY "job"."id" LIMIT ?)");
    static_assert(
        i.sql<M>() ==
        R"(INSERT INTO `archive` (`name`, `status`, `kept`) SELECT `job`.`name`, `job`.`status` + ?, ? FROM `job` WHERE `job`.`status` > ? ORDER BY `job`.`id` LIMIT ?)");
    CHECK(binds(i) == "int:1, bool:false, int:1, int:10");
    CHECK(placeholders_match(i));

    // Joins and grouping go on the select as well; a value may come from any joined table.
    auto g = sf::insert_into<Job>()
                 .select(job::name = archive::name, job::status = sf::count())
                 .from<Archive>()
                 .group_by(archive::name)
                 .having(sf::count() > 1);
    static_assert(
        g.sql<L>() ==
        R"(INSERT INTO "job" ("name", "status") SELECT "archive"."name", COUNT(*) FROM "archive" GROUP BY "archive"."name" HAVING COUNT(*) > ?)");
    CHECK(binds(g) == "int:1");
}

// ---- upsert -----------------------------------------------------------------------------------

TEST_CASE("insert(obj).on_conflict(col).do_update(col = excluded(col), ...)") {
    Job j{.name = "a", .status = 2};
    auto u = sf::insert(j).on_conflict(job::name).do_update(job::status = sf::excluded(job::status),
                                                           job::note = sf::excluded(job::note));
    static_assert(
        u.sql<L>() ==
        R"(INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?) ON CONFLICT ("name") DO UPDATE SET "status" = excluded."status", "note" = excluded."note")");
    static_assert(
        u.sql<M>() ==
        R"(INSERT INTO `job` (`name`, `status`, `note`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `status` = VALUES(`status`), `note` = VALUES(`note`))");
    CHECK(binds(u) == "text:a, int:2, null");
    CHECK(placeholders_match(u));

    // Values of the update are bound after the inserted row; the old row is read qualified.
    auto e = sf::insert(j).on_conflict(job::name).do_update(job::status = job::status + sf::excluded(job::status) * 10,
                                                           job::note = "merged");
    static_assert(
        e.sql<L>() ==
        R"(INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?) ON CONFLICT ("name") DO UPDATE SET "status" = "job"."status" + excluded."status" * ?, "note" = ?)");
    static_assert(
        e.sql<M>() ==
        R"(INSERT INTO `job` (`name`, `status`, `note`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `status` = `job`.`status` + VALUES(`status`) * ?, `note` = ?)");
    CHECK(binds(e) == "text:a, int:2, null, int:10, text:merged");
    CHECK(placeholders_match(e));
}

TEST_CASE("on_conflict(...).do_nothing(); on values() and on a composite or unique key") {
    auto n = sf::insert(Job{.name = "a", .status = 1}).on_conflict(job::name).do_nothing();
    static_assert(n.sql<L>() ==
                  R"(INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?) ON CONFLICT ("name") DO NOTHING)");
    // MySQL has no DO NOTHING: a conflict column set to itself (not INSERT IGNORE, which would
    // also turn other errors into warnings).
    static_assert(
        n.sql<M>() ==
        R"(INSERT INTO `job` (`name`, `status`, `note`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `name` = `name`)");
    CHECK(binds(n) == "text:a, int:1, null");

    // The primary key given by values(); conflict columns in any order.
    auto v = sf::insert_into<Stock>()
                 .values(stock::shop = 1, stock::item = 2, stock::code = "c", stock::region = "eu", stock::quantity = 5)
                 .on_conflict(stock::item, stock::shop)
                 .do_update(stock::quantity = stock::quantity + sf::excluded(stock::quantity));
    static_assert(
        v.sql<L>() ==
        R"(INSERT INTO "stock" ("shop", "item", "code", "region", "quantity") VALUES (?, ?, ?, ?, ?) ON CONFLICT ("item", "shop") DO UPDATE SET "quantity" = "stock"."quantity" + excluded."quantity")");
    static_assert(
        v.sql<M>() ==
        R"(INSERT INTO `stock` (`shop`, `item`, `code`, `region`, `quantity`) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE `quantity` = `stock`.`quantity` + VALUES(`quantity`))");
    CHECK(binds(v) == "int:1, int:2, text:c, text:eu, int:5");
    CHECK(placeholders_match(v));

    auto w = sf::insert_into<Stock>()
                 .values(stock::shop = 1, stock::item = 2, stock::code = "c", stock::region = "eu", stock::quantity = 5)
                 .on_conflict(stock::code, stock::region)
                 .do_nothing();
    static_assert(
        w.sql<L>() ==
        R"(INSERT INTO "stock" ("shop", "item", "code", "region", "quantity") VALUES (?, ?, ?, ?, ?) ON CONFLICT ("code", "region") DO NOTHING)");
    static_assert(
        w.sql<M>() ==
        R"(INSERT INTO `stock` (`shop`, `item`, `code`, `region`, `quantity`) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE `code` = `code`)");
}

TEST_CASE("upsert over insert_many(): one statement for an array, the clause on every batch otherwise") {
    std::array<Job, 2> two{Job{.name = "a", .status = 1}, Job{.name = "b", .status = 2}};
    auto a = sf::insert_many(two).on_conflict(job::name).do_update(job::status = sf::excluded(job::status) + 1);
    static_assert(
        a.sql<L>() ==
        R"(INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT ("name") DO UPDATE SET "status" = excluded."status" + ?)");
    static_assert(
        a.sql<M>() ==
        R"(INSERT INTO `job` (`name`, `status`, `note`) VALUES (?, ?, ?), (?, ?, ?) ON DUPLICATE KEY UPDATE `status` = VALUES(`status`) + ?)");
    CHECK(binds(a) == "text:a, int:1, null, text:b, int:2, null, int:1");
    CHECK(placeholders_match(a));

    std::vector<Job> jobs(67, Job{.name = "x", .status = 0});
    auto b = sf::insert_many(jobs).on_conflict(job::name).do_update(job::status = sf::excluded(job::status) + 7);
    static_assert(sf::batched_statement<decltype(b)>);
    std::vector<std::string> texts;
    std::vector<std::string> last_values;
    b.each_batch([&]<class Sql>(std::type_identity<Sql>, const auto& bind) {
        texts.emplace_back(Sql::template sql<M>());
        std::string last;
        std::size_t n = 0;
        bind([&](const auto& v) {
            last = dsl_test::param_text(v);
            ++n;
        });
        CHECK(n == sf::rendered<M, Sql>::param_count);
        last_values.push_back(last);
    });
    REQUIRE(texts.size() == 3);  // 64 + 2 + 1
    CHECK(texts[2] ==
          "INSERT INTO `job` (`name`, `status`, `note`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `status` = "
          "VALUES(`status`) + ?");
    CHECK(last_values == std::vector<std::string>{"int:7", "int:7", "int:7"});
}

template <class S>
concept has_rows = requires { typename S::row_type; };

// ---- RETURNING --------------------------------------------------------------------------------

TEST_CASE("returning(...) on insert, update, delete and upsert (SQLite); its row type") {
    Job j{.name = "a", .status = 1};
    auto i = sf::insert(j).returning(job::id);
    static_assert(i.sql<L>() == R"(INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?) RETURNING "job"."id")");
    static_assert(std::is_same_v<decltype(i)::row_type, std::int64_t>);
    CHECK(binds(i) == "text:a, int:1, null");

    auto v = sf::insert_into<Job>().values(job::name = "b", job::status = 2).returning(job::id, job::note);
    static_assert(v.sql<L>() ==
                  R"(INSERT INTO "job" ("name", "status") VALUES (?, ?) RETURNING "job"."id", "job"."note")");
    static_assert(std::is_same_v<decltype(v)::row_type, std::tuple<std::int64_t, std::optional<std::string>>>);

    auto u = sf::update<Job>()
                 .set(job::status = job::status + 1)
                 .where(job::name.like("a%"))
                 .returning(job::id, (job::status * 2).as<"double_status">());
    static_assert(
        u.sql<L>() ==
        R"(UPDATE "job" SET "status" = "job"."status" + ? WHERE "job"."name" LIKE ? RETURNING "job"."id", "job"."status" * ? AS "double_status")");
    static_assert(std::is_same_v<decltype(u)::row_type, std::tuple<std::int64_t, std::int64_t>>);
    CHECK(binds(u) == "int:1, text:a%, int:2");
    CHECK(dsl_test::placeholders(u.sql<L>()) == 3);

    auto d = sf::delete_from<Job>().where(job::status == 0).returning(sf::all_of<Job>);
    static_assert(
        d.sql<L>() ==
        R"(DELETE FROM "job" WHERE "job"."status" = ? RETURNING "job"."id", "job"."name", "job"."status", "job"."note")");
    static_assert(std::is_same_v<decltype(d)::row_type, Job>);

    auto up = sf::insert(j).on_conflict(job::name).do_update(job::status = sf::excluded(job::status)).returning(job::id);
    static_assert(
        up.sql<L>() ==
        R"(INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?) ON CONFLICT ("name") DO UPDATE SET "status" = excluded."status" RETURNING "job"."id")");

    std::array<Job, 2> two{Job{.name = "a", .status = 1}, Job{.name = "b", .status = 2}};
    auto m = sf::insert_many(two).returning(job::id);
    static_assert(m.sql<L>() ==
                  R"(INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?), (?, ?, ?) RETURNING "job"."id")");

    auto s = sf::insert_into<Archive>().select(archive::name = job::name, archive::status = job::status).returning(archive::id);
    static_assert(
        s.sql<L>() ==
        R"(INSERT INTO "archive" ("name", "status") SELECT "job"."name", "job"."status" FROM "job" RETURNING "archive"."id")");

    // No row type without returning(): execute() gives the rows affected.
    static_assert(!has_rows<decltype(sf::insert(j))>);
    static_assert(has_rows<decltype(i)>);
}

// ---- into<Agg>() ------------------------------------------------------------------------------

struct NameCount {
    std::string name;
    std::int64_t n;
};
struct MaybeNote {
    std::int64_t id;
    std::optional<std::string> note;
};
struct OnlyName {
    std::string name;
};
struct JobView {
    std::int64_t key;
    std::string label;
    int state;
    std::optional<std::string> remark;
};

TEST_CASE("into<Agg>(): which rows map to which aggregates") {
    using sf::detail::check_into;
    auto q = sf::select(job::name, sf::count(job::id)).group_by(job::name);
    static_assert(check_into<NameCount, decltype(q)::row_type>());
    static_assert(check_into<MaybeNote, decltype(sf::select(job::id, job::note))::row_type>());
    static_assert(check_into<OnlyName, decltype(sf::select(job::name))::row_type>());   // one value
    static_assert(check_into<JobView, decltype(sf::select(sf::all_of<Job>))::row_type>());  // a model's fields
    static_assert(check_into<OnlyName, decltype(sf::delete_from<Job>().returning(job::name))::row_type>());

    // Rows are copied field by field, by position.
    std::tuple<std::string, std::int64_t> row{"x", 3};
    NameCount out{};
    sf::detail::assign_into(out, row, false, std::make_index_sequence<2>{});
    CHECK(out.name == "x");
    CHECK(out.n == 3);
    CHECK(std::get<0>(row) == "x");
    Job j{.id = 1, .name = "a", .status = 2, .note = "n"};
    JobView v{};
    sf::detail::assign_into(v, j, true, std::make_index_sequence<4>{});
    CHECK(v.key == 1);
    CHECK(v.label == "a");
    CHECK(v.state == 2);
    CHECK(v.remark == std::optional<std::string>{"n"});
}

}  // namespace dsl_insert_forms
