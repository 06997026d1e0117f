// INSERT, UPDATE and DELETE, golden SQL for both dialects: insert(obj) (the autoincrement
// key left to the database; a model without one, a composite key, autoincrement = false),
// insert_into<T>().values(...) with a column subset, default_values(), update().set().where()
// with expressions, delete_from(). The bound values are checked against the text's '?'.
#include <doctest/doctest.h>

#include <sqlforge/dsl.hpp>

#include "dsl_test_support.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace dsl_write {

struct Job {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
    double price;
    bool done;
};

// No integral `id`: no autoincrement key, every column is inserted.
struct Setting {
    std::string key;
    std::string value;
    std::optional<std::int64_t> version;
};

// A composite primary key: never autoincrement.
struct InvoiceLine {
    std::int64_t invoice_id;
    std::int64_t line_no;
    std::string item;
    int quantity;
};

// An `id` the application chooses (table_traits: autoincrement = false).
struct Ticket {
    std::int64_t id;
    std::string code;
};

// Defaults let insert_into() leave columns out; a custom table name.
struct Counter {
    std::int64_t id;
    int hits;
    bool active;
    std::optional<std::string> label;
};

struct Attachment {
    std::int64_t id;
    std::vector<std::byte> data;
    std::uint8_t kind;
};

}  // namespace dsl_write

template <>
struct sqlforge::table_traits<dsl_write::InvoiceLine> {
    static constexpr auto primary_key =
        sqlforge::primary_key<&dsl_write::InvoiceLine::invoice_id, &dsl_write::InvoiceLine::line_no>{};
};
template <>
struct sqlforge::table_traits<dsl_write::Ticket> {
    static constexpr bool autoincrement = false;
};
template <>
struct sqlforge::table_traits<dsl_write::Counter> {
    static constexpr auto name = sqlforge::fixed_string{"counters"};
    static constexpr std::tuple constraints{sqlforge::default_value<&dsl_write::Counter::hits, 0>{},
                                            sqlforge::default_value<&dsl_write::Counter::active, true>{}};
};

namespace dsl_write {

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;
using dsl_test::binds;
using dsl_test::placeholders_match;

SQLFORGE_COLUMNS(job, Job, id, name, status, note, price, done)
SQLFORGE_COLUMNS(setting, Setting, key, value, version)
SQLFORGE_COLUMNS(line, InvoiceLine, invoice_id, line_no, item, quantity)
SQLFORGE_COLUMNS(ticket, Ticket, id, code)
SQLFORGE_COLUMNS(counter, Counter, id, hits, active, label)

TEST_CASE("insert(obj): every column but the autoincrement key, in field order") {
    Job j{.name = "a", .status = 1, .note = std::nullopt, .price = 2.5, .done = true};
    auto i = sf::insert(j);
    static_assert(i.sql<L>() == R"(INSERT INTO "job" ("name", "status", "note", "price", "done") VALUES (?, ?, ?, ?, ?))");
    static_assert(i.sql<M>() == R"(INSERT INTO `job` (`name`, `status`, `note`, `price`, `done`) VALUES (?, ?, ?, ?, ?))");
    CHECK(binds(i) == "text:a, int:1, null, real:2.5, bool:true");
    CHECK(placeholders_match(i));

    // An lvalue is referred to, a temporary is held by value.
    static_assert(std::is_same_v<decltype(i), sf::insert_object_stmt<Job, const Job&>>);
    j.note = "later";
    CHECK(binds(i) == "text:a, int:1, text:later, real:2.5, bool:true");
    auto t = sf::insert(Job{.id = 99, .name = "tmp", .status = 2, .note = "n", .price = 0, .done = false});
    static_assert(std::is_same_v<decltype(t), sf::insert_object_stmt<Job, Job>>);
    CHECK(binds(t) == "text:tmp, int:2, text:n, real:0, bool:false");
}

TEST_CASE("insert(obj): no id, composite key, autoincrement = false, custom name") {
    auto s = sf::insert(Setting{.key = "k", .value = "v", .version = 3});
    static_assert(s.sql<L>() == R"(INSERT INTO "setting" ("key", "value", "version") VALUES (?, ?, ?))");
    static_assert(s.sql<M>() == R"(INSERT INTO `setting` (`key`, `value`, `version`) VALUES (?, ?, ?))");
    CHECK(binds(s) == "text:k, text:v, int:3");

    auto l = sf::insert(InvoiceLine{.invoice_id = 7, .line_no = 2, .item = "pen", .quantity = 10});
    static_assert(l.sql<L>() ==
                  R"(INSERT INTO "invoice_line" ("invoice_id", "line_no", "item", "quantity") VALUES (?, ?, ?, ?))");
    static_assert(l.sql<M>() ==
                  R"(INSERT INTO `invoice_line` (`invoice_id`, `line_no`, `item`, `quantity`) VALUES (?, ?, ?, ?))");
    CHECK(binds(l) == "int:7, int:2, text:pen, int:10");

    auto k = sf::insert(Ticket{.id = 1234, .code = "T-1"});
    static_assert(k.sql<L>() == R"(INSERT INTO "ticket" ("id", "code") VALUES (?, ?))");
    static_assert(k.sql<M>() == R"(INSERT INTO `ticket` (`id`, `code`) VALUES (?, ?))");
    CHECK(binds(k) == "int:1234, text:T-1");

    auto c = sf::insert(Counter{.id = 5, .hits = 3, .active = false, .label = std::nullopt});
    static_assert(c.sql<L>() == R"(INSERT INTO "counters" ("hits", "active", "label") VALUES (?, ?, ?))");
    static_assert(c.sql<M>() == R"(INSERT INTO `counters` (`hits`, `active`, `label`) VALUES (?, ?, ?))");
    CHECK(binds(c) == "int:3, bool:false, null");

    auto a = sf::insert(Attachment{.id = 1, .data = {std::byte{1}, std::byte{2}, std::byte{3}}, .kind = 7});
    static_assert(a.sql<L>() == R"(INSERT INTO "attachment" ("data", "kind") VALUES (?, ?))");
    static_assert(a.sql<M>() == R"(INSERT INTO `attachment` (`data`, `kind`) VALUES (?, ?))");
    CHECK(binds(a) == "blob:3, int:7");
    CHECK(placeholders_match(a));
}

TEST_CASE("insert_into<T>().values(...): a column subset, in the order given") {
    auto i = sf::insert_into<Job>().values(job::name = "x", job::status = 1, job::price = 0.5, job::done = false);
    static_assert(i.sql<L>() == R"(INSERT INTO "job" ("name", "status", "price", "done") VALUES (?, ?, ?, ?))");
    static_assert(i.sql<M>() == R"(INSERT INTO `job` (`name`, `status`, `price`, `done`) VALUES (?, ?, ?, ?))");
    CHECK(binds(i) == "text:x, int:1, real:0.5, bool:false");
    CHECK(placeholders_match(i));

    auto reordered = sf::insert_into<Job>().values(job::done = true, job::price = 2, job::status = 3, job::name = "y",
                                                   job::note = std::nullopt, job::id = 40);
    static_assert(reordered.sql<L>() ==
                  R"(INSERT INTO "job" ("done", "price", "status", "name", "note", "id") VALUES (?, ?, ?, ?, ?, ?))");
    static_assert(reordered.sql<M>() ==
                  R"(INSERT INTO `job` (`done`, `price`, `status`, `name`, `note`, `id`) VALUES (?, ?, ?, ?, ?, ?))");
    CHECK(binds(reordered) == "bool:true, int:2, int:3, text:y, null, int:40");

    std::optional<std::string> maybe{"n"};
    auto opt = sf::insert_into<Job>().values(job::name = "z", job::status = 0, job::price = 1.0, job::done = false,
                                             job::note = maybe);
    CHECK(binds(opt) == "text:z, int:0, real:1, bool:false, text:n");

    // Columns with a DEFAULT may be left out.
    auto c = sf::insert_into<Counter>().values(counter::label = "x");
    static_assert(c.sql<L>() == R"(INSERT INTO "counters" ("label") VALUES (?))");
    static_assert(c.sql<M>() == R"(INSERT INTO `counters` (`label`) VALUES (?))");
    CHECK(binds(c) == "text:x");

    auto s = sf::insert_into<Setting>().values(setting::key = "k", setting::value = std::string("v"));
    static_assert(s.sql<L>() == R"(INSERT INTO "setting" ("key", "value") VALUES (?, ?))");
    static_assert(s.sql<M>() == R"(INSERT INTO `setting` (`key`, `value`) VALUES (?, ?))");
    CHECK(binds(s) == "text:k, text:v");
}

TEST_CASE("insert_into<T>().default_values()") {
    auto d = sf::insert_into<Counter>().default_values();
    static_assert(d.sql<L>() == R"(INSERT INTO "counters" DEFAULT VALUES)");
    // MySQL and MariaDB have no DEFAULT VALUES: an empty column list and an empty row.
    static_assert(d.sql<M>() == R"(INSERT INTO `counters` () VALUES ())");
    CHECK(binds(d).empty());
    CHECK(placeholders_match(d));
}

TEST_CASE("update().set(...).where(...)") {
    auto u = sf::update<Job>().set(job::status = 35).where(job::name == "John");
    static_assert(u.sql<L>() == R"(UPDATE "job" SET "status" = ? WHERE "job"."name" = ?)");
    static_assert(u.sql<M>() == R"(UPDATE `job` SET `status` = ? WHERE `job`.`name` = ?)");
    CHECK(binds(u) == "int:35, text:John");

    // Values computed from columns; SET names the column bare, the value reads it qualified.
    auto e = sf::update<Job>()
                 .set(job::status = job::status + 1, job::price = job::price * 1.5, job::note = std::nullopt,
                      job::done = !job::done)
                 .where(job::id.between(10, 20));
    static_assert(
        e.sql<L>() ==
        R"(UPDATE "job" SET "status" = "job"."status" + ?, "price" = "job"."price" * ?, "note" = ?, "done" = NOT "job"."done" WHERE "job"."id" BETWEEN ? AND ?)");
    static_assert(
        e.sql<M>() ==
        R"(UPDATE `job` SET `status` = `job`.`status` + ?, `price` = `job`.`price` * ?, `note` = ?, `done` = NOT `job`.`done` WHERE `job`.`id` BETWEEN ? AND ?)");
    CHECK(binds(e) == "int:1, real:1.5, null, int:10, int:20");
    CHECK(placeholders_match(e));

    // where() before set(): the text and the bind order are SQL's (SET, then WHERE).
    auto w = sf::update<Job>().where(job::id == 3).set(job::done = true);
    static_assert(w.sql<L>() == R"(UPDATE "job" SET "done" = ? WHERE "job"."id" = ?)");
    static_assert(w.sql<M>() == R"(UPDATE `job` SET `done` = ? WHERE `job`.`id` = ?)");
    CHECK(binds(w) == "bool:true, int:3");

    auto all = sf::update<Job>().set(job::note = job::name, job::price = job::status, job::status = job::status / 2);
    static_assert(all.sql<L>() ==
                  R"(UPDATE "job" SET "note" = "job"."name", "price" = "job"."status", "status" = "job"."status" / ?)");
    static_assert(all.sql<M>() ==
                  R"(UPDATE `job` SET `note` = `job`.`name`, `price` = `job`.`status`, `status` = `job`.`status` DIV ?)");
    CHECK(binds(all) == "int:2");

    auto c = sf::update<Counter>().set(counter::hits = counter::hits + 1).where(counter::label.is_null());
    static_assert(c.sql<L>() == R"(UPDATE "counters" SET "hits" = "counters"."hits" + ? WHERE "counters"."label" IS NULL)");
    static_assert(c.sql<M>() == R"(UPDATE `counters` SET `hits` = `counters`.`hits` + ? WHERE `counters`.`label` IS NULL)");

    auto l = sf::update<InvoiceLine>().set(line::quantity = 2).where(line::invoice_id == 1 && line::line_no == 2);
    static_assert(l.sql<L>() ==
                  R"(UPDATE "invoice_line" SET "quantity" = ? WHERE "invoice_line"."invoice_id" = ? AND "invoice_line"."line_no" = ?)");
    static_assert(l.sql<M>() ==
                  R"(UPDATE `invoice_line` SET `quantity` = ? WHERE `invoice_line`.`invoice_id` = ? AND `invoice_line`.`line_no` = ?)");
    CHECK(binds(l) == "int:2, int:1, int:2");
    CHECK(placeholders_match(l));
}

TEST_CASE("delete_from<T>()") {
    auto all = sf::delete_from<Job>();
    static_assert(all.sql<L>() == R"(DELETE FROM "job")");
    static_assert(all.sql<M>() == R"(DELETE FROM `job`)");
    CHECK(binds(all).empty());

    auto d = sf::delete_from<Job>().where(job::note.is_null() || job::id.in({1, 2, 3}));
    static_assert(d.sql<L>() == R"(DELETE FROM "job" WHERE "job"."note" IS NULL OR "job"."id" IN (?, ?, ?))");
    static_assert(d.sql<M>() == R"(DELETE FROM `job` WHERE `job`.`note` IS NULL OR `job`.`id` IN (?, ?, ?))");
    CHECK(binds(d) == "int:1, int:2, int:3");

    auto d2 = sf::delete_from<Job>().where(job::status > 1 && (job::name.like("x%") || !job::done));
    static_assert(d2.sql<L>() ==
                  R"(DELETE FROM "job" WHERE "job"."status" > ? AND ("job"."name" LIKE ? OR NOT "job"."done"))");
    static_assert(d2.sql<M>() ==
                  R"(DELETE FROM `job` WHERE `job`.`status` > ? AND (`job`.`name` LIKE ? OR NOT `job`.`done`))");
    CHECK(binds(d2) == "int:1, text:x%");
    CHECK(placeholders_match(d2));

    auto c = sf::delete_from<Counter>().where(counter::hits == 0);
    static_assert(c.sql<L>() == R"(DELETE FROM "counters" WHERE "counters"."hits" = ?)");
    static_assert(c.sql<M>() == R"(DELETE FROM `counters` WHERE `counters`.`hits` = ?)");
}

}  // namespace dsl_write
