// sf::table_view: the exact text printed for models, tuples, single values, NULLs, UTF-8,
// doubles, blobs and escapes (rows of a raw result: tests/integration/raw_sql_test.cpp).
#include <sqlforge/orm/table_view.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace sf = sqlforge;

namespace {
struct Pet {
    std::int64_t id;
    std::string name;
    double weight;
    std::optional<int> age;
    bool ok;
};
}  // namespace

TEST_CASE("table_view: a vector of models, names from the table, numbers right and text left") {
    std::vector<Pet> pets{{1, "Rex", 12.5, 3, true}, {10, "Mittens", 4.0, std::nullopt, false}};
    std::ostringstream os;
    os << sf::table_view(pets);
    CHECK(os.str() ==
          "   id  name     weight   age     ok\n"
          "0   1  Rex        12.5     3   True\n"
          "1  10  Mittens     4.0  None  False\n");
    CHECK(sf::table_view(pets).index(false).str() ==
          "id  name     weight   age     ok\n"
          " 1  Rex        12.5     3   True\n"
          "10  Mittens     4.0  None  False\n");
    // No rows: the header alone.
    CHECK(sf::table_view(std::vector<Pet>{}).str() == "id  name  weight  age  ok\n");
}

TEST_CASE("table_view: tuples, named or numbered, with UTF-8 aligned by code points") {
    std::vector<std::tuple<std::string, std::int64_t>> counts{{"John", 2}, {"1号工作", 10}};
    CHECK(sf::table_view(counts, {"name", "n"}).str() ==
          "   name   n\n"
          "0  John   2\n"
          "1  1号工作  10\n");
    CHECK(sf::table_view(counts).str() ==
          "   0      1\n"
          "0  John   2\n"
          "1  1号工作  10\n");
    std::vector<std::pair<std::string, std::string>> accents{{"é", "a"}, {"ü€", "日本語テキスト"}};
    CHECK(sf::table_view(accents, {"k", "v"}).str() ==
          "   k   v\n"
          "0  é   a\n"
          "1  ü€  日本語テキスト\n");
    CHECK_THROWS_AS(sf::table_view(counts, {"only one"}), sf::argument_error);
}

TEST_CASE("table_view: NULL prints as None; a column of NULLs keeps its type's alignment") {
    std::vector<std::tuple<int, std::optional<std::string>>> rows{{1, "a"}, {22, std::nullopt}};
    CHECK(sf::table_view(rows).index(false).str() ==
          " 0  1\n"
          " 1  a\n"
          "22  None\n");
    std::vector<std::tuple<std::optional<int>, std::string>> null_numbers{{std::nullopt, "x"}};
    CHECK(sf::table_view(null_numbers).str() ==
          "      0  1\n"
          "0  None  x\n");
    std::vector<std::optional<double>> values{std::nullopt, 5.0};
    CHECK(sf::table_view(values).str() ==
          "      0\n"
          "0  None\n"
          "1   5.0\n");
}

TEST_CASE("table_view: doubles, blobs, escapes and raw values") {
    std::vector<std::tuple<double, std::vector<std::byte>, std::string>> rows{
        {0.1, {std::byte{0x00}, std::byte{0xff}}, "tab\there"},
        {1e20, {}, "line\nbreak"},
        {-0.5, {std::byte{0x10}}, ""},
    };
    CHECK(sf::table_view(rows, {"d", "b", "t"}).str() ==
          "       d  b        t\n"
          "0    0.1  x'00ff'  tab\\there\n"
          "1  1e+20  x''      line\\nbreak\n"
          "2   -0.5  x'10'\n");
    std::vector<sf::param_value> raw{sf::param_value{7}, sf::param_value{"text"}, sf::param_value{std::nullopt},
                                     sf::param_value{2.5}, sf::param_value{std::uint64_t{18446744073709551615u}}};
    CHECK(sf::table_view(raw).str() ==
          "   0\n"
          "0  7\n"
          "1  text\n"
          "2  None\n"
          "3  2.5\n"
          "4  18446744073709551615\n");
}
