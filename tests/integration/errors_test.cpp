// Bad input gets a clear error and loses nothing: malformed URLs, a missing read-only file,
// NULL into a non-optional field, an integer that does not fit, a unique violation.
#include "backends.hpp"
#include "models.hpp"

#include <cstdio>
#include <filesystem>

using test::Job;
using test::Tag;

namespace {
// A model that reads the job table with narrower and non-optional fields.
struct NarrowJob {
    std::int64_t id;
    std::string name;
    std::int8_t status;
    std::string note;  // NOT NULL here, nullable in the table
};
// Matches the job table but for the width of status.
struct TinyStatusJob {
    std::int64_t id;
    std::string name;
    std::int8_t status;
    std::optional<std::string> note;
};
}  // namespace

template <>
struct sqlforge::table_traits<NarrowJob> {
    static constexpr auto name = sqlforge::fixed_string{"job"};
};
template <>
struct sqlforge::table_traits<TinyStatusJob> {
    static constexpr auto name = sqlforge::fixed_string{"job"};
};

TEST_CASE("malformed URLs and unknown schemes throw argument_error naming the problem") {
    CHECK_THROWS_WITH_AS(sf::create_engine("postgresx://u@h/db"), doctest::Contains("postgresx"), sf::argument_error);
    CHECK_THROWS_WITH_AS(sf::create_engine("no scheme at all"), doctest::Contains("://"), sf::argument_error);
    CHECK_THROWS_WITH_AS(sf::create_engine("mysql://u:secret@h:notaport/db"), doctest::Contains("port"),
                         sf::argument_error);
    try {
        sf::create_engine("mysql://u:secret@h:notaport/db");
    } catch (const sf::argument_error& e) {
        CHECK(std::string(e.what()).find("secret") == std::string::npos);
    }
    CHECK_THROWS_WITH_AS(sf::create_engine("sqlite:///x.db?mode=sideways"), doctest::Contains("mode"),
                         sf::argument_error);
    CHECK_THROWS_WITH_AS(sf::create_engine("sqlite:///x.db?timeout=soon"), doctest::Contains("timeout"),
                         sf::argument_error);
}

TEST_CASE("a missing file opened read-only is an operational_error naming the path") {
    auto path = std::filesystem::temp_directory_path() / "sqlforge_no_such_file.db";
    std::filesystem::remove(path);
    auto e = sf::create_engine("sqlite:///" + path.string() + "?mode=ro");
    sf::session s{e};
    CHECK_THROWS_WITH_AS(s.query<Job>().count(), doctest::Contains("sqlforge_no_such_file.db"),
                         sf::operational_error);
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("a file database keeps committed rows across engines") {
    auto path = std::filesystem::temp_directory_path() / "sqlforge_persist_test.db";
    std::filesystem::remove(path);
    {
        auto e = sf::create_engine("sqlite:///" + path.string());
        sf::create_all<Job>(e);
        sf::session s{e};
        Job j{.name = "durable", .status = 1};
        s.add(j);
        s.commit();
    }
    auto e = sf::create_engine("sqlite:///" + path.string() + "?mode=ro");
    sf::session s{e};
    CHECK(s.query<Job>().one().name == "durable");
    std::filesystem::remove(path);
}

// The struct does not match the table (note is nullable there), so the session reports the
// difference: a schema_mismatch carrying the data_error's message (orm/mismatch_report.hpp).
TEST_CASE_TEMPLATE("NULL read into a non-optional field is a schema_mismatch naming the column", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = B::engine();
    sf::drop_all<Job>(e);
    sf::create_all<Job>(e);
    sf::session s{e};
    Job j{.name = "n", .status = 1};
    s.add(j);
    CHECK_THROWS_WITH_AS(s.get<NarrowJob>(j.id), doctest::Contains("job.note"), sf::schema_mismatch);
    try {
        s.get<NarrowJob>(j.id);
    } catch (const sf::schema_mismatch& err) {
        CHECK(std::string(err.what()).find("NULL read into a field") != std::string::npos);
        CHECK(std::string(err.what()).find("[SQL: SELECT") != std::string::npos);
        CHECK(err.differences().size() == 1);
    }
    // The session and its statement cache still work after the error.
    CHECK(s.get<Job>(j.id)->name == "n");
}

TEST_CASE_TEMPLATE("an integer that does not fit the field is a data_error, never a silent wrap", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = B::engine();
    sf::drop_all<Job>(e);
    sf::create_all<Job>(e);
    sf::session s{e};
    Job j{.name = "big", .status = 300, .note = "x"};
    s.add(j);
    CHECK_THROWS_WITH_AS(s.get<TinyStatusJob>(j.id), doctest::Contains("300"), sf::data_error);
    try {
        s.get<TinyStatusJob>(j.id);
    } catch (const sf::data_error& err) {
        CHECK(std::string(err.what()).find("job.status") != std::string::npos);
    }
    CHECK_THROWS_AS(s.execute(sf::select(sf::all_of<TinyStatusJob>)).all(), sf::data_error);
    CHECK(s.query<Job>().count() == 1);
}

TEST_CASE_TEMPLATE("a unique violation is an integrity_error naming the constraint; nothing else is lost", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = B::engine();
    sf::drop_all<Tag>(e);
    sf::create_all<Tag>(e);
    sf::session s{e};
    Tag a{.label = "red"};
    s.add(a);
    s.commit();
    Tag dup{.label = "red"};
    try {
        s.add(dup);
        FAIL("a duplicate label was inserted");
    } catch (const sf::integrity_error& err) {
        std::string what = err.what();
        CHECK((what.find("label") != std::string::npos || what.find("Duplicate") != std::string::npos));
        CHECK(err.sql().find("INSERT INTO") == 0);
    }
    s.rollback();
    sf::session check{e};
    CHECK(check.query<Tag>().count() == 1);
    Tag b{.label = "blue"};
    check.add(b);
    check.commit();
    CHECK(check.query<Tag>().count() == 2);
}

namespace {
// Two views of one table: the strict one creates it (name NOT NULL, VARCHAR(5) on MySQL),
// the loose one tries to write what the strict one forbids.
struct Strict {
    std::int64_t id;
    std::string code;
};
struct Loose {
    std::int64_t id;
    std::optional<std::string> code;
};
}  // namespace

template <>
struct sqlforge::table_traits<Strict> {
    static constexpr auto name = sqlforge::fixed_string{"strict_codes"};
    static constexpr std::tuple constraints{sqlforge::column_type<&Strict::code, "VARCHAR(5)">{}};
};
template <>
struct sqlforge::table_traits<Loose> {
    static constexpr auto name = sqlforge::fixed_string{"strict_codes"};
};

TEST_CASE_TEMPLATE("NULL into a NOT NULL column is an integrity_error; the transaction survives", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = B::engine();
    sf::drop_all<Strict>(e);
    sf::create_all<Strict>(e);
    sf::session s{e};
    Strict ok{.code = "abc"};
    s.add(ok);
    Loose bad{.code = std::nullopt};
    CHECK_THROWS_WITH_AS(s.add(bad), doctest::Contains("code"), sf::integrity_error);
    s.commit();  // the good row is kept: a failed statement does not end the transaction
    sf::session check{e};
    CHECK(check.query<Strict>().count() == 1);
}

TEST_CASE("MySQL strict mode: a string longer than VARCHAR(n) is a data_error, never truncated") {
    if (test::skipped<test::mysql_backend>()) return;
    auto e = test::mysql_backend::engine();
    sf::drop_all<Strict>(e);
    sf::create_all<Strict>(e);
    sf::session s{e};
    Strict too_long{.code = "abcdefgh"};
    CHECK_THROWS_WITH_AS(s.add(too_long), doctest::Contains("code"), sf::data_error);
    s.rollback();
    CHECK(s.query<Strict>().count() == 0);
}
