// SQLite result codes -> sqlforge errors: every message carries the code, SQLite's message
// and the SQL text.
#include <doctest/doctest.h>

#include <sqlforge/backend/sqlite/connection.hpp>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>

namespace sq = sqlforge::backend::sqlite;
using namespace std::string_view_literals;

namespace {

sq::connection jobs() {
    sq::connection c{{.path = ":memory:"}};
    c.exec(R"(
        CREATE TABLE job (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,
                          status INTEGER CHECK (status >= 0));
        CREATE TABLE run (id INTEGER PRIMARY KEY, job_id INTEGER NOT NULL REFERENCES job(id));
        INSERT INTO job (name, status) VALUES ('a', 0);
    )");
    return c;
}

bool has(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

// Runs `sql` with the text parameters in `args`, expects Error, returns it.
template <class Error>
Error run_expecting(sq::connection& c, std::string_view sql,
                    std::initializer_list<std::string_view> args = {}) {
    auto& s = c.prepare(sql);
    int i = 0;
    for (auto a : args)
        s.bind(i++, a);
    try {
        s.execute();
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error from " << sql);
    return Error{0, "", ""};
}

}  // namespace

TEST_CASE("prepare errors are programming_error carrying the SQL text") {
    auto c = jobs();
    const char* bad[] = {"SELEC 1", "SELECT * FROM no_such_table", "SELECT no_such_column FROM job",
                         "INSERT INTO job (name) VALUES (?, ?)"};
    for (const char* sql : bad) {
        try {
            c.prepare(sql);
            FAIL("prepared " << sql);
        } catch (const sqlforge::programming_error& e) {
            INFO(e.what());
            CHECK(e.sql() == sql);
            CHECK(has(e.what(), sql));
            CHECK(has(e.what(), "SQLITE_ERROR, code 1"));
            CHECK(e.code() == SQLITE_ERROR);
        }
    }
    try {
        c.prepare("SELECT * FROM no_such_table");
    } catch (const sqlforge::programming_error& e) {
        CHECK(has(e.backend_message(), "no such table: no_such_table"));
    }
    CHECK_THROWS_AS(c.prepare(""), sqlforge::programming_error);
    CHECK_THROWS_AS(c.prepare("  -- only a comment"), sqlforge::programming_error);
    CHECK_THROWS_AS(c.prepare("SELECT 1; SELECT 2"), sqlforge::programming_error);
    CHECK(c.prepare("SELECT 1; -- one statement and a comment ;").step());
    CHECK_THROWS_AS(c.exec("CREATE TABLE x (a); SELEC 1"), sqlforge::programming_error);
}

TEST_CASE("UNIQUE violation: integrity_error naming job.name") {
    auto c = jobs();
    auto e = run_expecting<sqlforge::integrity_error>(
        c, "INSERT INTO job (name, status) VALUES (?, 1)", {"a"sv});
    std::string what = e.what();
    INFO(what);
    CHECK(has(what, "UNIQUE constraint failed: job.name"));
    CHECK(has(what, "SQLITE_CONSTRAINT_UNIQUE"));
    CHECK(has(what, "INSERT INTO job (name, status) VALUES (?, 1)"));
    CHECK(e.code() == SQLITE_CONSTRAINT_UNIQUE);
    CHECK(e.sql() == "INSERT INTO job (name, status) VALUES (?, 1)");
}

TEST_CASE("FOREIGN KEY, NOT NULL, CHECK and PRIMARY KEY violations") {
    auto c = jobs();
    auto fk = run_expecting<sqlforge::integrity_error>(c, "INSERT INTO run (job_id) VALUES (99)");
    CHECK(has(fk.what(), "FOREIGN KEY constraint failed"));
    CHECK(fk.code() == SQLITE_CONSTRAINT_FOREIGNKEY);

    auto nn = run_expecting<sqlforge::integrity_error>(c, "INSERT INTO job (name) VALUES (NULL)");
    CHECK(has(nn.what(), "NOT NULL constraint failed: job.name"));
    CHECK(nn.code() == SQLITE_CONSTRAINT_NOTNULL);

    auto ck = run_expecting<sqlforge::integrity_error>(
        c, "INSERT INTO job (name, status) VALUES ('b', -1)");
    CHECK(has(ck.what(), "CHECK constraint failed"));

    auto pk =
        run_expecting<sqlforge::integrity_error>(c, "INSERT INTO job (id, name) VALUES (1, 'c')");
    CHECK(has(pk.what(), "UNIQUE constraint failed: job.id"));

    // The statement was reset by the failure and can run again with other values.
    auto& ins = c.prepare("INSERT INTO job (name, status) VALUES (?, 1)");
    ins.bind(0, "a"sv);
    CHECK_THROWS_AS(ins.execute(), sqlforge::integrity_error);
    ins.reset();
    ins.bind(0, "fresh"sv);
    CHECK(ins.execute() == 1);
}

TEST_CASE("foreign keys off: the same insert goes through") {
    sq::connection c{{.path = ":memory:", .foreign_keys = false}};
    c.exec("CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE ch (p_id REFERENCES p(id))");
    c.exec("INSERT INTO ch VALUES (5)");
    CHECK(c.changes() == 1);
}

TEST_CASE("result code mapping") {
    using sq::throw_error;
    CHECK_THROWS_AS(throw_error(SQLITE_CONSTRAINT_CHECK, "m", "s"), sqlforge::integrity_error);
    CHECK_THROWS_AS(throw_error(SQLITE_ERROR, "m", "s"), sqlforge::programming_error);
    CHECK_THROWS_AS(throw_error(SQLITE_MISUSE, "m", "s"), sqlforge::programming_error);
    for (int rc : {SQLITE_MISMATCH, SQLITE_TOOBIG, SQLITE_RANGE})
        CHECK_THROWS_AS(throw_error(rc, "m", "s"), sqlforge::data_error);
    for (int rc : {SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN, SQLITE_IOERR_WRITE, SQLITE_FULL,
                   SQLITE_READONLY, SQLITE_NOTADB, SQLITE_CORRUPT, SQLITE_BUSY_SNAPSHOT})
        CHECK_THROWS_AS(throw_error(rc, "m", "s"), sqlforge::operational_error);

    CHECK(sq::code_name(SQLITE_CONSTRAINT_NOTNULL) == "SQLITE_CONSTRAINT_NOTNULL");
    CHECK(sq::code_name(SQLITE_IOERR_WRITE) == "SQLITE_IOERR");  // falls back to the primary
    CHECK(sq::describe(SQLITE_BUSY, "database is locked") ==
          "(sqlite3 SQLITE_BUSY, code 5) database is locked");
    try {
        throw_error(SQLITE_BUSY, "database is locked", "COMMIT");
    } catch (const sqlforge::dbapi_error& e) {
        CHECK(std::string(e.what()) ==
              "(sqlite3 SQLITE_BUSY, code 5) database is locked\n  [SQL: COMMIT]");
        CHECK(e.code() == SQLITE_BUSY);
        CHECK(e.sql() == "COMMIT");
    }
}

TEST_CASE("a file that is not a database: operational_error on first use") {
    std::random_device rd;
    auto path = std::filesystem::temp_directory_path() /
                ("sqlforge_notadb_" + std::to_string(rd()) + std::to_string(rd()) + ".db");
    std::ofstream(path) << std::string(4096, 'x');
    {
        sq::connection c{{.path = path.string()}};  // SQLite opens lazily: no read yet
        try {
            c.exec("SELECT * FROM sqlite_master");
            FAIL("read a text file as a database");
        } catch (const sqlforge::operational_error& e) {
            CHECK(e.code() == SQLITE_NOTADB);
            CHECK(has(e.what(), "file is not a database"));
        }
    }
    std::filesystem::remove(path);
}
