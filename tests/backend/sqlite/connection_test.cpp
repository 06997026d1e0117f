// sqlite::connection: opening, exec, the statement cache, transactions, busy timeouts.
#include <doctest/doctest.h>

#include <sqlforge/backend/sqlite/connection.hpp>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <utility>

namespace sq = sqlforge::backend::sqlite;
namespace fs = std::filesystem;

namespace {

// A file name in the temp directory, removed (with its journal) when the test ends.
struct temp_db {
    fs::path path;
    temp_db() {
        std::random_device rd;
        path = fs::temp_directory_path() /
               ("sqlforge_conn_test_" + std::to_string(rd()) + std::to_string(rd()) + ".db");
    }
    ~temp_db() {
        std::error_code ec;
        for (const char* suffix : {"", "-journal", "-wal", "-shm"})
            fs::remove(path.string() + suffix, ec);
    }
    temp_db(const temp_db&) = delete;
    temp_db& operator=(const temp_db&) = delete;
};

sq::connection memory() { return sq::connection{{.path = ":memory:"}}; }

std::int64_t scalar(sq::connection& c, std::string_view sql) {
    auto& s = c.prepare(sql);
    REQUIRE(s.step());
    std::int64_t v = s.get_int64(0);
    s.reset();
    return v;
}

}  // namespace

TEST_CASE("open :memory: and run statements") {
    auto c = memory();
    CHECK(c.is_open());
    CHECK(c.native_handle() != nullptr);
    CHECK(c.ping());
    c.exec(
        "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES ('a');"
        " INSERT INTO t (v) VALUES ('b'); -- a trailing comment");
    CHECK(c.last_insert_id() == 2);
    CHECK(scalar(c, "SELECT count(*) FROM t") == 2);

    auto& upd = c.prepare("UPDATE t SET v = 'z'");
    CHECK(upd.execute() == 2);
    CHECK(c.changes() == 2);
    CHECK(scalar(c, "PRAGMA foreign_keys") == 1);  // on by default
}

TEST_CASE("open a temp file, reopen it, and open read-only") {
    temp_db f;
    {
        sq::connection c{{.path = f.path.string()}};
        c.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42)");
    }
    CHECK(fs::exists(f.path));
    sq::connection again{{.path = f.path.string()}};
    CHECK(scalar(again, "SELECT x FROM t") == 42);

    sq::connection ro{{.path = f.path.string(), .read_only = true}};
    CHECK(scalar(ro, "SELECT x FROM t") == 42);
    CHECK_THROWS_AS(ro.exec("INSERT INTO t VALUES (1)"), sqlforge::operational_error);  // READONLY

    sq::connection no_fk{{.path = ":memory:", .foreign_keys = false}};
    CHECK(scalar(no_fk, "PRAGMA foreign_keys") == 0);
}

TEST_CASE("a missing file: read-only or create=false give operational_error naming the path") {
    temp_db f;
    try {
        sq::connection c{{.path = f.path.string(), .read_only = true}};
        FAIL("opened a missing file read-only");
    } catch (const sqlforge::operational_error& e) {
        CHECK(std::string(e.what()).find(f.path.string()) != std::string::npos);
        CHECK((e.code() & 0xff) == SQLITE_CANTOPEN);
    }
    CHECK_THROWS_AS((sq::connection({.path = f.path.string(), .create = false})),
                    sqlforge::operational_error);
    CHECK_FALSE(fs::exists(f.path));
    CHECK_THROWS_AS(sq::connection({.path = "/nonexistent-dir/sub/x.db"}),
                    sqlforge::operational_error);
}

TEST_CASE("connections move; the moved-from one is closed") {
    auto a = memory();
    a.exec("CREATE TABLE t (x)");
    auto& s = a.prepare("SELECT count(*) FROM t");
    sq::connection b = std::move(a);
    CHECK_FALSE(a.is_open());  // NOLINT(bugprone-use-after-move): checking the moved-from state
    CHECK_FALSE(a.ping());
    CHECK(&b.prepare("SELECT count(*) FROM t") == &s);  // statements moved along
    CHECK(b.ping());

    auto c = memory();
    c = std::move(b);
    CHECK(c.is_open());
    CHECK(scalar(c, "SELECT count(*) FROM t") == 0);
}

TEST_CASE("statement cache: same key or text -> same object, reset and unbound") {
    auto c = memory();
    c.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1), (2), (3)");
    static constexpr char sql[] = "SELECT x FROM t WHERE x >= ? ORDER BY x";

    auto& s1 = c.prepare_cached(sql, sql);
    s1.bind(0, 1);
    REQUIRE(s1.step());
    CHECK(s1.get_int64(0) == 1);  // half-read: rows 2 and 3 are still pending

    auto& s2 = c.prepare_cached(sql, sql);
    CHECK(&s1 == &s2);
    CHECK_FALSE(s2.step());  // from the start, binding cleared: x >= NULL matches nothing
    s2.reset();
    s2.bind(0, 2);
    REQUIRE(s2.step());
    CHECK(s2.get_int64(0) == 2);

    // Raw SQL of the same text shares the statement; other texts do not.
    CHECK(&c.prepare(sql) == &s1);
    CHECK(&c.prepare("SELECT x FROM t") != &s1);
    CHECK(c.cached_statements() == 2);

    // A different key with the same text: one more key, still one statement.
    static constexpr char same_text[] = "SELECT x FROM t WHERE x >= ? ORDER BY x";
    CHECK(&c.prepare_cached(same_text, same_text) == &s1);
    CHECK(c.cached_statements() == 2);
}

TEST_CASE("statement cache: many keys (the table grows) stay distinct") {
    auto c = memory();
    static char keys[300];  // 300 distinct addresses
    std::vector<sq::statement*> seen;
    for (int i = 0; i < 300; ++i)
        seen.push_back(&c.prepare_cached(&keys[i], "SELECT " + std::to_string(i)));
    for (int i = 0; i < 300; ++i) {
        auto& s = c.prepare_cached(&keys[i], "ignored once cached");
        CHECK(&s == seen[static_cast<std::size_t>(i)]);
        REQUIRE(s.step());
        CHECK(s.get_int64(0) == i);
    }
}

TEST_CASE("a reset statement releases its read lock") {
    temp_db f;
    sq::connection reader{{.path = f.path.string()}};
    reader.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1), (2)");
    sq::connection writer{{.path = f.path.string(), .busy_timeout_ms = 50}};
    auto& s = reader.prepare("SELECT x FROM t");
    REQUIRE(s.step());  // holds a shared lock while half-read
    s.reset();
    writer.exec("INSERT INTO t VALUES (3)");  // would be SQLITE_BUSY on commit without the reset
    CHECK(scalar(reader, "SELECT count(*) FROM t") == 3);
}

TEST_CASE("transactions and savepoints") {
    auto c = memory();
    c.exec("CREATE TABLE t (x INTEGER)");
    CHECK_FALSE(c.in_transaction());

    c.begin();
    CHECK(c.in_transaction());
    c.exec("INSERT INTO t VALUES (1)");
    c.rollback();
    CHECK_FALSE(c.in_transaction());
    CHECK(scalar(c, "SELECT count(*) FROM t") == 0);

    c.begin();
    c.exec("INSERT INTO t VALUES (1)");
    c.savepoint("sp one");  // any name: it is quoted
    c.exec("INSERT INTO t VALUES (2)");
    c.savepoint("in\"ner");
    c.exec("INSERT INTO t VALUES (3)");
    c.rollback_to("in\"ner");
    CHECK(scalar(c, "SELECT count(*) FROM t") == 2);
    c.release("in\"ner");
    c.rollback_to("sp one");
    c.release("sp one");
    CHECK(c.in_transaction());
    c.commit();
    CHECK_FALSE(c.in_transaction());
    CHECK(scalar(c, "SELECT count(*) FROM t") == 1);

    // A savepoint outside a transaction starts one (SQLite's rule); RELEASE ends it.
    c.savepoint("outer");
    CHECK(c.in_transaction());
    c.release("outer");
    CHECK_FALSE(c.in_transaction());

    c.begin_immediate();
    CHECK(c.in_transaction());
    c.commit();

    CHECK_THROWS_AS(c.commit(), sqlforge::programming_error);         // no transaction
    CHECK_THROWS_AS(c.release("nope"), sqlforge::programming_error);  // no such savepoint
    CHECK_THROWS_AS(c.savepoint(""), sqlforge::programming_error);
    c.begin();
    CHECK_THROWS_AS(c.begin(), sqlforge::programming_error);  // nested BEGIN
    c.rollback();
}

TEST_CASE("busy: a second writer gets operational_error after busy_timeout, not a hang") {
    temp_db f;
    sq::connection holder{{.path = f.path.string()}};
    holder.exec("CREATE TABLE t (x)");
    holder.begin_immediate();  // takes the write lock and keeps it
    holder.exec("INSERT INTO t VALUES (1)");

    sq::connection waiter{{.path = f.path.string(), .busy_timeout_ms = 100}};
    auto& ins = waiter.prepare("INSERT INTO t VALUES (2)");
    auto start = std::chrono::steady_clock::now();
    try {
        ins.execute();
        FAIL("the write went through a held lock");
    } catch (const sqlforge::operational_error& e) {
        auto waited = std::chrono::steady_clock::now() - start;
        CHECK((e.code() & 0xff) == SQLITE_BUSY);
        CHECK(std::string(e.what()).find("database is locked") != std::string::npos);
        CHECK(std::string(e.what()).find("INSERT INTO t VALUES (2)") != std::string::npos);
        CHECK(waited >= std::chrono::milliseconds(80));
        CHECK(waited < std::chrono::seconds(3));
    }

    // The failed statement was reset: once the lock is gone it runs as it is.
    holder.commit();
    CHECK(ins.execute() == 1);
    CHECK(scalar(waiter, "SELECT count(*) FROM t") == 2);
}
