#pragma once
// The backends every integration test runs on. Write a test once as
//   TEST_CASE_TEMPLATE("...", B, SQLFORGE_BACKENDS) { auto engine = B::engine(); ... }
// and it runs on SQLite (in memory) and on the MariaDB server the test command started.
// The MySQL URL comes from SQLFORGE_TEST_MYSQL_URL; when it is missing the MySQL cases FAIL
// (never skip) unless SQLFORGE_TEST_BACKENDS=sqlite says on purpose to run SQLite only.
#include <sqlforge/sqlforge.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <string>
#include <string_view>

namespace test {

struct sqlite_backend {
    static constexpr std::string_view name = "sqlite";
    static sqlforge::engine engine() { return sqlforge::create_engine("sqlite://:memory:"); }
    static std::string url() { return "sqlite://:memory:"; }
};

struct mysql_backend {
    static constexpr std::string_view name = "mysql";
    static std::string url() {
        const char* u = std::getenv("SQLFORGE_TEST_MYSQL_URL");
        if (!u || !*u) {
            const char* only = std::getenv("SQLFORGE_TEST_BACKENDS");
            if (only && std::string_view(only) == "sqlite") return {};
            FAIL("SQLFORGE_TEST_MYSQL_URL is not set: run the tests through scripts/test.sh, which starts "
                 "MariaDB, or set SQLFORGE_TEST_BACKENDS=sqlite to run SQLite only on purpose");
        }
        return u;
    }
    static sqlforge::engine engine() { return sqlforge::create_engine(url()); }
};

// True when this backend is switched off on purpose; the test returns early (and says so).
template <class B>
bool skipped() {
    if constexpr (std::is_same_v<B, mysql_backend>) {
        if (mysql_backend::url().empty()) {
            MESSAGE("MySQL switched off by SQLFORGE_TEST_BACKENDS=sqlite");
            return true;
        }
    }
    return false;
}

}  // namespace test

#define SQLFORGE_BACKENDS test::sqlite_backend, test::mysql_backend
