#pragma once
// Loads the real Chinook database (tests/data/chinook) into a test engine through run_script:
// the SQLite script as it is; the MySQL script into the test database (its own DROP / CREATE
// / USE DATABASE lines removed) after dropping any Chinook tables other tests left. On MySQL
// call drop_chinook() at the end: other tests reuse some of the table names.
#include "backends.hpp"

#include <sqlforge/orm/script.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace test {

inline std::string read_chinook_script(const char* name) {
    std::ifstream in(std::string(SQLFORGE_TEST_DATA_DIR) + "/chinook/" + name);
    REQUIRE(in.good());
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline const std::string chinook_drop_sql =
    "SET FOREIGN_KEY_CHECKS = 0; DROP TABLE IF EXISTS `PlaylistTrack`, `Playlist`, `InvoiceLine`, `Invoice`, "
    "`Customer`, `Employee`, `Track`, `Album`, `Artist`, `Genre`, `MediaType`; SET FOREIGN_KEY_CHECKS = 1;\n";

template <class B>
void load_chinook(const sqlforge::engine& e) {
    if constexpr (std::is_same_v<B, sqlite_backend>) {
        sqlforge::run_script(e, read_chinook_script("Chinook_Sqlite.sql"));
    } else {
        std::string sql = read_chinook_script("Chinook_MySql.sql");
        for (const char* line : {"DROP DATABASE IF EXISTS `Chinook`;", "CREATE DATABASE `Chinook`;", "USE `Chinook`;"})
            if (auto at = sql.find(line); at != std::string::npos) sql.erase(at, std::string_view(line).size());
        sqlforge::run_script(e, chinook_drop_sql + sql);
    }
}

template <class B>
void drop_chinook(const sqlforge::engine& e) {
    if constexpr (std::is_same_v<B, mysql_backend>) sqlforge::run_script(e, chinook_drop_sql);
}

}  // namespace test
