// verify_schema<T...>(engine) on both backends: a struct that matches passes, and every kind
// of difference is listed in one schema_mismatch.
#include "backends.hpp"
#include "chinook_models.hpp"

#include <sqlforge/orm/verify_schema.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <cstdint>
#include <optional>
#include <string>

namespace vs {
struct Item {
    std::int64_t id;
    std::string name;
    std::optional<std::string> note;
    double price;
    std::chrono::sys_seconds added;
    bool active;
};
// The same table as another program might see it wrongly.
struct WrongItem {
    std::int64_t id;
    std::int64_t name;                    // text in the database
    std::string note;                     // nullable in the database
    double price;
    std::optional<std::string> colour;    // no such column
};
struct Narrow {  // lacks NOT NULL columns the table has (price, added, active)
    std::int64_t id;
    std::string name;
};
struct Ghost {
    std::int64_t id;
};
}  // namespace vs

template <>
struct sqlforge::table_traits<vs::WrongItem> {
    static constexpr auto name = sqlforge::fixed_string{"item"};
};
template <>
struct sqlforge::table_traits<vs::Narrow> {
    static constexpr auto name = sqlforge::fixed_string{"item"};
};
template <>
struct sqlforge::table_traits<vs::Ghost> {
    static constexpr auto name = sqlforge::fixed_string{"no_such_table"};
};

TEST_CASE_TEMPLATE("verify_schema passes for matching structs and lists every difference", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = B::engine();
    sf::drop_all<vs::Item>(e);
    sf::create_all<vs::Item>(e);
    CHECK_NOTHROW(sf::verify_schema<vs::Item>(e));

    try {
        sf::verify_schema<vs::Item, vs::WrongItem, vs::Narrow, vs::Ghost>(e);
        FAIL("verify_schema accepted mismatching structs");
    } catch (const sf::schema_mismatch& err) {
        std::string what = err.what();
        CHECK(what.find("WrongItem: column 'item.name' is") != std::string::npos);
        CHECK(what.find("Narrow: column 'item.price' is NOT NULL") != std::string::npos);
        CHECK(what.find("'item.note' may be NULL") != std::string::npos);
        CHECK(what.find("'item.colour' does not exist") != std::string::npos);
        CHECK(what.find("'item.price' is NOT NULL without a default") != std::string::npos);
        CHECK(what.find("table 'no_such_table' does not exist") != std::string::npos);
        INFO(what);
        CHECK(what.find("(9 differences)") != std::string::npos);  // 5 in WrongItem, 3 in Narrow, 1 in Ghost
    }
}

TEST_CASE("verify_schema accepts the Chinook slice against the real Chinook tables (SQLite affinities)") {
    // The real script declares NVARCHAR(160), INTEGER, NUMERIC(10,2): compared by affinity.
    auto path = std::filesystem::temp_directory_path() / "sqlforge_verify_chinook.db";
    std::filesystem::remove(path);
    {
        std::ifstream in(std::string(SQLFORGE_TEST_DATA_DIR) + "/chinook/Chinook_Sqlite.sql");
        std::stringstream script;
        script << in.rdbuf();
        sf::backend::sqlite::connection c({.path = path.string()});
        c.exec(script.str());
    }
    auto e = sf::create_engine("sqlite:///" + path.string() + "?mode=ro");
    CHECK_NOTHROW(sf::verify_schema<chinook::Artist, chinook::Album>(e));
    // The Track and Employee slices leave out NOT NULL columns: inserting through them would fail.
    CHECK_THROWS_WITH_AS(sf::verify_schema<chinook::Track>(e), doctest::Contains("'Track.MediaTypeId' is NOT NULL"),
                         sf::schema_mismatch);
    CHECK_THROWS_WITH_AS(sf::verify_schema<chinook::Employee>(e), doctest::Contains("'Employee.FirstName'"),
                         sf::schema_mismatch);
    std::filesystem::remove(path);
}
