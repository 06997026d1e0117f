// Raw SQL on every backend: engine.connect() and session, sf::text() with named parameters, sf::row,
// raw_result (streaming, all / first / one / scalar, rows affected), transactions on a Core
// connection, and the errors: argument_error before anything is sent, programming_error
// with the SQL, data_error naming the column.
#include "backends.hpp"
#include "models.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using test::Job;

namespace {

template <class B>
sf::engine fresh_jobs() {
    sf::engine e = B::engine();
    sf::drop_all<Job>(e);
    sf::create_all<Job>(e);
    return e;
}

const sf::text insert_job{"INSERT INTO job (name, status, note) VALUES (:name, :status, :note)"};

template <class B>
sf::engine jobs_abc() {
    sf::engine e = fresh_jobs<B>();
    auto conn = e.connect();
    conn.execute(insert_job, {{"name", "a"}, {"status", 1}, {"note", std::nullopt}});
    conn.execute(insert_job, {{"name", "b"}, {"status", 2}, {"note", "bee"}});
    conn.execute(insert_job, {{"name", "c"}, {"status", 2}, {"note", std::optional<std::string>{}}});
    conn.commit();
    return e;
}

std::int64_t count_jobs(sf::engine& e) {
    auto conn = e.connect();
    return conn.execute(sf::text("SELECT COUNT(*) FROM job")).scalar<std::int64_t>().value();
}

}  // namespace

TEST_CASE_TEMPLATE("text: values are bound, never spliced; the hostile value comes back verbatim", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh_jobs<B>();
    const std::string evil = "'; DROP TABLE job; --";
    const std::string quotes = "it's \"quoted\" `tick` \\ :name ? -- /* */";
    {
        auto conn = e.connect();
        auto r = conn.execute(insert_job, {{"name", evil}, {"status", 0}, {"note", quotes}});
        CHECK_FALSE(r.returns_rows());
        CHECK(r.rows_affected() == 1);
        conn.commit();
    }
    auto conn = e.connect();
    auto row = conn.execute(sf::text("SELECT name, note FROM job WHERE name = :name"), {{"name", evil}}).one();
    CHECK(row.get<std::string>("name") == evil);
    CHECK(row.get<std::string>(1) == quotes);
    // The table is still there, with its one row.
    CHECK(conn.execute(sf::text("SELECT COUNT(*) FROM job")).scalar<int>() == 1);
    conn.close();  // a sqlite://:memory: engine has a pool of one connection
    sf::session s{e};
    CHECK(s.query<Job>().count() == 1);
}

TEST_CASE_TEMPLATE("text: a name used twice is bound twice; one text object runs many times", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh_jobs<B>();
    const sf::text twice{"INSERT INTO job (name, status, note) VALUES (:n, :s, :n)"};
    CHECK(twice.sql() == "INSERT INTO job (name, status, note) VALUES (?, ?, ?)");
    CHECK(twice.names() == std::vector<std::string>{"n", "s"});
    CHECK(twice.placeholder_count() == 3);

    auto conn = e.connect();
    for (int i = 0; i < 50; ++i) conn.execute(twice, {{"s", i}, {"n", "job " + std::to_string(i)}});
    conn.commit();
    CHECK(count_jobs(e) == 50);

    auto same = e.connect();
    auto rows = same.execute(sf::text("SELECT name, note FROM job WHERE status = :s OR status = :s + 1 ORDER BY status"),
                             {{"s", 7}})
                    .all();
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].get<std::string>("name") == "job 7");
    CHECK(rows[0].get<std::string>("note") == "job 7");
    CHECK(rows[1].get<std::string>("note") == "job 8");
}

TEST_CASE_TEMPLATE("text: a missing, unknown or repeated value is an argument_error before anything is sent", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = jobs_abc<B>();
    const sf::text t{"SELECT id FROM job WHERE id > :min AND name = :name"};
    auto conn = e.connect();
    CHECK_THROWS_WITH_AS(conn.execute(t, {{"min", 1}}), doctest::Contains(":name"), sf::argument_error);
    CHECK_THROWS_WITH_AS(conn.execute(t), doctest::Contains(":min"), sf::argument_error);
    CHECK_THROWS_WITH_AS(conn.execute(t, {{"min", 1}, {"name", "a"}, {"max", 9}}), doctest::Contains("'max'"),
                         sf::argument_error);
    CHECK_THROWS_WITH_AS(conn.execute(t, {{"min", 1}, {"name", "a"}, {"min", 2}}), doctest::Contains("twice"),
                         sf::argument_error);
    CHECK_THROWS_WITH_AS(conn.execute(sf::text("SELECT 1"), {{"x", 1}}), doctest::Contains("no parameters"),
                         sf::argument_error);
    // Nothing was sent: the connection was never checked out of the pool.
    CHECK(e.status().checked_out == 0);

    CHECK(conn.execute(t, {{"min", 1}, {"name", "c"}}).scalar<int>() == 3);
    CHECK(e.status().checked_out == 1);
    conn.close();
    CHECK(e.status().checked_out == 0);
}

TEST_CASE_TEMPLATE("text: quotes, comments, casts and escapes are not parameters", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    CHECK(sf::text("SELECT ':a', \":b\", `:c` -- :d\n/* :e */ FROM t WHERE x = :f").sql() ==
          "SELECT ':a', \":b\", `:c` -- :d\n/* :e */ FROM t WHERE x = ?");
    CHECK(sf::text("SELECT '12:30', a:b, x::int, \\:lit, ':''x' FROM t WHERE y=:y").sql() ==
          "SELECT '12:30', a:b, x::int, :lit, ':''x' FROM t WHERE y=?");
    CHECK(sf::text("SELECT :名前, :a_1").names() == std::vector<std::string>{"名前", "a_1"});
    CHECK_THROWS_WITH_AS(sf::text("SELECT * FROM job WHERE id = ?"), doctest::Contains(":name"), sf::argument_error);
    CHECK_THROWS_WITH_AS(sf::text("SELECT 'open :x"), doctest::Contains("unterminated"), sf::argument_error);
    CHECK_THROWS_WITH_AS(sf::text("SELECT 1 /* open"), doctest::Contains("unterminated"), sf::argument_error);

    sf::engine e = B::engine();
    auto conn = e.connect();
    auto r = conn.execute(sf::text("SELECT ':skip' AS s, :p AS p -- :c\n /* :d */"), {{"p", 5}}).one();
    CHECK(r.get<std::string>("s") == ":skip");
    CHECK(r.get<int>("p") == 5);

    // A backslash inside quotes: MySQL reads it as an escape, SQLite as itself; each backend
    // gets the form it reads the same way.
    const sf::text backslash{"SELECT 'a\\' AS s, :p AS p"};
    const sf::text escaped{"SELECT 'it\\'s :x' AS s, :p AS p"};
    if constexpr (std::is_same_v<B, test::sqlite_backend>) {
        CHECK(conn.execute(backslash, {{"p", 1}}).one().get<std::string>("s") == "a\\");
        CHECK_THROWS_AS(conn.execute(escaped, {{"p", 1}}), sf::argument_error);
    } else {
        CHECK_THROWS_AS(conn.execute(backslash, {{"p", 1}}), sf::argument_error);
        CHECK(conn.execute(escaped, {{"p", 1}}).one().get<std::string>("s") == "it's :x");
    }
}

TEST_CASE_TEMPLATE("row: get by index and by name, column names, is_null", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = jobs_abc<B>();
    auto conn = e.connect();
    auto result = conn.execute(sf::text("SELECT id, name, status, note FROM job WHERE id > :min ORDER BY id"), {{"min", 1}});
    CHECK(result.returns_rows());
    CHECK(result.column_count() == 4);
    CHECK(result.rows_affected() == -1);
    CHECK(result.keys() == std::vector<std::string>{"id", "name", "status", "note"});

    std::vector<std::string> seen;
    for (const sf::row& r : result) {
        CHECK(r.size() == 4);
        CHECK(r.column_name(2) == "status");
        CHECK(r.get<std::int64_t>("id") == r.get<std::int64_t>(0));
        CHECK(r.get<int>("status") == 2);
        CHECK(r.get<double>(2) == 2.0);
        seen.push_back(r.get<std::string>(1));
        if (r.get<std::string>("name") == "b") {
            CHECK_FALSE(r.is_null(3));
            CHECK(r.get<std::string>("note") == "bee");
            CHECK(r.get<std::optional<std::string>>(3) == "bee");
        } else {
            CHECK(r.is_null("note"));
            CHECK(r.get<std::optional<std::string>>("note") == std::nullopt);
            CHECK(r["note"].is_null());
        }
    }
    CHECK(seen == std::vector<std::string>{"b", "c"});
}

TEST_CASE_TEMPLATE("row: NULL, out of range, unknown names and values that do not fit are errors", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = jobs_abc<B>();
    auto conn = e.connect();
    auto r = conn.execute(sf::text("SELECT id, name, note, 300 AS big FROM job WHERE name = :n"), {{"n", "a"}}).one();
    CHECK_THROWS_WITH_AS(r.get<std::string>("note"), doctest::Contains("'note'"), sf::data_error);
    CHECK_THROWS_WITH_AS(r.get<std::string>(2), doctest::Contains("NULL"), sf::data_error);
    CHECK_THROWS_AS(r.get<int>(4), sf::data_error);
    CHECK_THROWS_AS(r.get<int>(-1), sf::data_error);
    CHECK_THROWS_WITH_AS(r.get<int>("nope"), doctest::Contains("'id' 'name' 'note' 'big'"), sf::argument_error);
    CHECK_THROWS_WITH_AS(r.get<std::int8_t>("big"), doctest::Contains("'big'"), sf::data_error);
    CHECK(r.get<std::int16_t>("big") == 300);
    CHECK_THROWS_AS(r.get<int>("name"), sf::data_error);  // text 'a' is not a number
    try {
        (void)r.get<std::string>("note");
    } catch (const sf::data_error& err) {
        CHECK(err.sql().find("SELECT id, name, note") != std::string::npos);
    }
    auto dup = conn.execute(sf::text("SELECT 1 AS x, 2 AS x")).one();
    CHECK_THROWS_WITH_AS(dup.get<int>("x"), doctest::Contains("2 columns are named 'x'"), sf::argument_error);
    CHECK(dup.get<int>(1) == 2);
}

TEST_CASE_TEMPLATE("raw_result: scalar, first, one, one_or_none, all", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = jobs_abc<B>();
    auto conn = e.connect();
    const sf::text by_status{"SELECT name FROM job WHERE status = :s ORDER BY name"};
    CHECK(conn.execute(sf::text("SELECT COUNT(*) FROM job")).scalar<std::int64_t>() == 3);
    CHECK(conn.execute(by_status, {{"s", 2}}).scalar<std::string>() == "b");
    CHECK(conn.execute(by_status, {{"s", 9}}).scalar<std::string>() == std::nullopt);                  // no row
    CHECK(conn.execute(sf::text("SELECT note FROM job WHERE name = 'a'")).scalar<std::string>() == std::nullopt);  // NULL
    CHECK(conn.execute(sf::text("SELECT note FROM job WHERE name = 'b'")).scalar<std::optional<std::string>>() == "bee");
    auto raw = conn.execute(sf::text("SELECT status FROM job WHERE name = 'c'")).scalar();
    REQUIRE(raw.has_value());
    CHECK(std::get<std::int64_t>(*raw) == 2);

    auto first = conn.execute(by_status, {{"s", 2}}).first();
    REQUIRE(first.has_value());
    CHECK(first->get<std::string>(0) == "b");
    CHECK_FALSE(conn.execute(by_status, {{"s", 9}}).first().has_value());
    CHECK_THROWS_AS(conn.execute(by_status, {{"s", 2}}).one(), sf::multiple_results_found);
    CHECK_THROWS_AS(conn.execute(by_status, {{"s", 9}}).one(), sf::no_result_found);
    CHECK_FALSE(conn.execute(by_status, {{"s", 9}}).one_or_none().has_value());
    CHECK(conn.execute(by_status, {{"s", 1}}).one_or_none()->get<std::string>(0) == "a");

    std::vector<sf::row> all;
    {
        auto r = conn.execute(by_status, {{"s", 2}});
        all = r.all();
    }  // the rows are copies: they outlive their result, and the statement is reused below
    CHECK(conn.execute(by_status, {{"s", 1}}).all().size() == 1);
    REQUIRE(all.size() == 2);
    CHECK(all[0].get<std::string>("name") == "b");
    CHECK(all[1].get<std::string>("name") == "c");

    // A query that finds nothing still returns rows (none) and knows its columns.
    auto none = conn.execute(by_status, {{"s", 9}});
    CHECK(none.returns_rows());
    CHECK(none.keys() == std::vector<std::string>{"name"});
    CHECK(none.all().empty());
}

TEST_CASE_TEMPLATE("raw_result: rows affected by UPDATE and DELETE; no rows to read", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = jobs_abc<B>();
    auto conn = e.connect();
    auto up = conn.execute(sf::text("UPDATE job SET status = :new WHERE status = :old"), {{"new", 35}, {"old", 2}});
    CHECK_FALSE(up.returns_rows());
    CHECK(up.column_count() == 0);
    CHECK(up.rows_affected() == 2);
    CHECK(up.all().empty());
    CHECK_FALSE(up.first().has_value());
    CHECK(conn.execute(sf::text("UPDATE job SET status = 0 WHERE id = :id"), {{"id", 99}}).rows_affected() == 0);
    CHECK(conn.execute(sf::text("DELETE FROM job WHERE status = :s"), {{"s", 35}}).rows_affected() == 2);
    CHECK(conn.execute(sf::text("SELECT COUNT(*) FROM job")).scalar<int>() == 1);
}

TEST_CASE_TEMPLATE("engine.connect(): commit, rollback, close and the destructor", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh_jobs<B>();
    {
        auto conn = e.connect();
        conn.execute(insert_job, {{"name", "committed"}, {"status", 0}, {"note", std::nullopt}});
        conn.commit();
        conn.execute(insert_job, {{"name", "rolled back"}, {"status", 0}, {"note", std::nullopt}});
        conn.rollback();
        conn.execute(insert_job, {{"name", "closed"}, {"status", 0}, {"note", std::nullopt}});
        conn.close();
        conn.execute(insert_job, {{"name", "committed 2"}, {"status", 0}, {"note", std::nullopt}});
        conn.commit();
        conn.execute(insert_job, {{"name", "destroyed"}, {"status", 0}, {"note", std::nullopt}});
    }
    CHECK(e.status().checked_out == 0);
    auto conn = e.connect();
    std::vector<std::string> names;
    for (const sf::row& r : conn.execute(sf::text("SELECT name FROM job ORDER BY id")))
        names.push_back(r.get<std::string>(0));
    CHECK(names == std::vector<std::string>{"committed", "committed 2"});
    conn.close();

    // DSL statements and raw SQL on the same connection.
    auto mixed = e.connect();
    CHECK(mixed.execute(sf::update<Job>().set(job::status = 5).where(job::name == "committed")) == 1);
    CHECK(mixed.execute(sf::text("SELECT status FROM job WHERE name = :n"), {{"n", "committed"}}).scalar<int>() == 5);
    mixed.rollback();
}

TEST_CASE_TEMPLATE("text: SQL the server rejects is a programming_error carrying the SQL", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh_jobs<B>();
    auto conn = e.connect();
    try {
        conn.execute(sf::text("SELEC name FROM job WHERE id = :id"), {{"id", 1}});
        FAIL("no error");
    } catch (const sf::programming_error& err) {
        CHECK(err.sql() == "SELEC name FROM job WHERE id = ?");
        CHECK(std::string(err.what()).find("[SQL: SELEC name") != std::string::npos);
    }
    CHECK_THROWS_AS(conn.execute(sf::text("SELECT nope FROM job")), sf::programming_error);
    CHECK_THROWS_AS(conn.execute(sf::text("SELECT * FROM no_such_table")), sf::programming_error);
    // The connection is still usable.
    conn.rollback();
    CHECK(conn.execute(sf::text("SELECT COUNT(*) FROM job")).scalar<int>() == 0);
}

TEST_CASE_TEMPLATE("text: every value type binds and reads back", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = B::engine();
    {
        auto conn = e.connect();
        conn.execute(sf::text("DROP TABLE IF EXISTS raw_values"));
        conn.execute(sf::text(std::is_same_v<B, test::sqlite_backend>
                                  ? "CREATE TABLE raw_values (i INTEGER, u INTEGER, d REAL, t TEXT, b BLOB, n INTEGER)"
                                  : "CREATE TABLE raw_values (i BIGINT, u BIGINT UNSIGNED, d DOUBLE, t VARCHAR(255), "
                                    "b LONGBLOB, n INT) DEFAULT CHARSET=utf8mb4"));
        conn.commit();
    }
    const std::vector<std::byte> bytes{std::byte{0}, std::byte{1}, std::byte{0xff}};
    const std::vector<unsigned char> uchars{7, 8};
    auto conn = e.connect();
    conn.execute(sf::text("INSERT INTO raw_values VALUES (:i, :u, :d, :t, :b, :n)"),
                 {{"i", std::int64_t{-9000000000}}, {"u", 42u}, {"d", 0.25}, {"t", std::string_view{"1号工作"}},
                  {"b", bytes}, {"n", std::optional<int>{}}});
    conn.execute(sf::text("INSERT INTO raw_values VALUES (:i, :u, :d, :t, :b, :n)"),
                 {{"i", true}, {"u", std::uint8_t{3}}, {"d", 2.0f}, {"t", std::optional<std::string>{"x"}}, {"b", uchars},
                  {"n", std::optional<int>{4}}});
    auto rows = conn.execute(sf::text("SELECT i, u, d, t, b, n FROM raw_values ORDER BY i")).all();
    REQUIRE(rows.size() == 2);
    const sf::row& a = rows[0];
    CHECK(a.get<std::int64_t>("i") == -9000000000);
    CHECK(a.get<std::uint64_t>("u") == 42);
    CHECK(a.get<double>("d") == 0.25);
    CHECK(a.get<std::string>("t") == "1号工作");
    CHECK(a.get<std::vector<std::byte>>("b") == bytes);
    CHECK(a.get<std::optional<int>>("n") == std::nullopt);
    CHECK(std::holds_alternative<std::string>(a["t"]));
    CHECK(std::holds_alternative<sf::blob>(a["b"]));
    const sf::row& b = rows[1];
    CHECK(b.get<bool>("i"));
    CHECK(b.get<int>("u") == 3);
    CHECK(b.get<int>("d") == 2);  // a whole double reads as an integer
    CHECK(b.get<std::vector<unsigned char>>("b") == uchars);
    CHECK(b.get<std::optional<long>>("n") == 4);
    conn.execute(sf::text("DROP TABLE raw_values"));
    conn.commit();
}

TEST_CASE_TEMPLATE("text: a temporary value outlives the statement while rows stream", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh_jobs<B>();
    const std::string long_name(200, 'x');  // longer than any small-string buffer
    auto conn = e.connect();
    for (int i = 0; i < 20; ++i)
        conn.execute(insert_job, {{"name", i % 2 ? long_name : std::string("short")}, {"status", i}, {"note", std::nullopt}});
    int n = 0;
    // The params are a temporary of the for statement: they move into the result, which
    // keeps them bound while SQLite steps through the table.
    for (const sf::row& r : conn.execute(sf::text("SELECT status FROM job WHERE name = :name ORDER BY id"),
                                         {{"name", std::string(200, 'x')}})) {
        CHECK(r.get<int>(0) % 2 == 1);
        ++n;
    }
    CHECK(n == 10);
    // A named params object is referred to, not copied.
    sf::params p{{"name", "short"}};
    CHECK(conn.execute(sf::text("SELECT COUNT(*) FROM job WHERE name = :name"), p).scalar<int>() == 10);
}

TEST_CASE_TEMPLATE("table_view: rows of a raw result print the same on every backend", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = jobs_abc<B>();
    auto conn = e.connect();
    conn.execute(sf::text("UPDATE job SET name = :n WHERE id = 1"), {{"n", "1号工作"}});
    const sf::text q{"SELECT id, name, status, note, CAST(status AS DECIMAL(6,2)) AS price FROM job ORDER BY id"};
    const std::string expected =
        "   id  name  status  note  price\n"
        "0   1  1号工作       1  None   1.00\n"
        "1   2  b          2  bee    2.00\n"
        "2   3  c          2  None   2.00\n";
    if constexpr (std::is_same_v<B, test::mysql_backend>) {
        // MySQL sends DECIMAL as exact text; it is still a number column.
        CHECK(sf::table_view(conn.execute(q).all()).str() == expected);
    } else {
        // SQLite has no DECIMAL: the cast gives a REAL (or an INTEGER when whole).
        CHECK(sf::table_view(conn.execute(q).all()).str() ==
              "   id  name  status  note  price\n"
              "0   1  1号工作       1  None      1\n"
              "1   2  b          2  bee       2\n"
              "2   3  c          2  None      2\n");
    }
    // Printed from the result itself, a query without rows still shows its header.
    auto none = conn.execute(sf::text("SELECT id, name FROM job WHERE id < :n"), {{"n", 0}});
    CHECK(sf::table_view(none).str() == "id  name\n");
}

TEST_CASE_TEMPLATE("session.execute(text): raw SQL inside the session's transaction", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh_jobs<B>();
    {
        sf::session s{e};
        Job j{.name = "orm", .status = 1};
        s.add(j);
        // The raw statement sees the ORM's uncommitted row, and the ORM sees the raw one.
        CHECK(s.execute(sf::text("SELECT name FROM job WHERE id = :id"), {{"id", j.id}}).scalar<std::string>() == "orm");
        CHECK(s.execute(insert_job, {{"name", "raw"}, {"status", 2}, {"note", "n"}}).rows_affected() == 1);
        CHECK(s.query<Job>().where(job::name == "raw").one().note == "n");
        CHECK(s.execute(sf::text("SELECT COUNT(*) FROM job")).scalar<int>() == 2);
        CHECK_THROWS_AS(s.execute(sf::text("SELECT :a")), sf::argument_error);
        s.rollback();
        CHECK(s.execute(sf::text("SELECT COUNT(*) FROM job")).scalar<int>() == 0);
        s.execute(insert_job, {{"name", "kept"}, {"status", 3}, {"note", std::nullopt}});
        s.commit();
    }
    sf::session s{e};
    auto rows = s.execute(sf::text("SELECT name, note FROM job")).all();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].get<std::string>("name") == "kept");
    CHECK(rows[0].get<std::optional<std::string>>("note") == std::nullopt);
}
