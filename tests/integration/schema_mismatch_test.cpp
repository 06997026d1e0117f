// A statement on a table whose struct does not match it fails with schema_mismatch: the
// original error (no such column, NULL into a non-optional field) followed by verify_schema's
// list of differences, on both backends. Errors the structs do not explain stay as they were.
#include "backends.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace mm {
struct Item {  // the table as it is
    std::int64_t id;
    std::string name;
    std::optional<std::string> note;
    std::int32_t qty;
};
struct ItemWithColor {  // a field the table lacks
    std::int64_t id;
    std::string name;
    std::optional<std::string> color;
};
struct StrictItem {  // note is nullable in the table
    std::int64_t id;
    std::string name;
    std::string note;
};
struct TinyItem {  // matches the table's types, but qty does not fit in an int8_t
    std::int64_t id;
    std::string name;
    std::int8_t qty;
};
}  // namespace mm

template <>
struct sqlforge::table_traits<mm::Item> {
    static constexpr auto name = sqlforge::fixed_string{"mm_item"};
    static constexpr std::tuple constraints{sqlforge::default_value<&mm::Item::qty, 0>{}};  // may be left out
};
template <>
struct sqlforge::table_traits<mm::ItemWithColor> {
    static constexpr auto name = sqlforge::fixed_string{"mm_item"};
};
template <>
struct sqlforge::table_traits<mm::StrictItem> {
    static constexpr auto name = sqlforge::fixed_string{"mm_item"};
};
template <>
struct sqlforge::table_traits<mm::TinyItem> {
    static constexpr auto name = sqlforge::fixed_string{"mm_item"};
};

namespace sf = sqlforge;
SQLFORGE_COLUMNS(mm_color, mm::ItemWithColor, id, name, color)
SQLFORGE_COLUMNS(mm_strict, mm::StrictItem, id, name, note)

namespace {
bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

template <class B>
sf::engine items() {
    auto e = B::engine();
    sf::drop_all<mm::Item>(e);
    sf::create_all<mm::Item>(e);
    sf::session s{e};
    s.add_all(std::vector<mm::Item>{{0, "pen", "blue", 3}, {0, "ink", std::nullopt, 1000}});
    s.commit();
    return e;
}
}  // namespace

TEST_CASE_TEMPLATE("schema mismatch: a field without a column is reported with the original error", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = items<B>();
    sf::session s{e};
    try {
        (void)s.query<mm::ItemWithColor>().all();
        FAIL("no error");
    } catch (const sf::schema_mismatch& x) {
        const std::string what = x.what();
        CHECK((contains(what, "no such column") || contains(what, "Unknown column")));  // the original error
        CHECK(contains(what, "[SQL: SELECT "));
        REQUIRE(x.differences().size() == 1);
        CHECK(x.differences()[0] == "ItemWithColor: column 'mm_item.color' does not exist");
        CHECK(contains(what, x.differences()[0]));
    }
    // The same through get(), execute(), a where() on the missing column, an insert, iteration.
    CHECK_THROWS_AS(s.get<mm::ItemWithColor>(1), sf::schema_mismatch);
    CHECK_THROWS_AS(s.execute(sf::select(mm_color::name, mm_color::color)), sf::schema_mismatch);
    CHECK(s.query<mm::Item>().count() == 2);
    CHECK_THROWS_AS(s.execute(sf::update<mm::ItemWithColor>().set(mm_color::color = "red")), sf::schema_mismatch);
    mm::ItemWithColor c{0, "pad", "red"};
    CHECK_THROWS_AS(s.add(c), sf::schema_mismatch);
    auto loop = [&] {
        for (const auto& r : s.query<mm::ItemWithColor>()) (void)r;
    };
    CHECK_THROWS_AS(loop(), sf::schema_mismatch);
    s.rollback();
    sf::drop_all<mm::Item>(e);
}

TEST_CASE_TEMPLATE("schema mismatch: NULL read into a field that is not optional names the column", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = items<B>();
    sf::session s{e};
    // The first row reads fine; the second holds the NULL.
    try {
        (void)s.query<mm::StrictItem>().order_by(mm_strict::id).all();
        FAIL("no error");
    } catch (const sf::schema_mismatch& x) {
        REQUIRE(x.differences().size() == 1);
        CHECK(x.differences()[0] ==
              "StrictItem: column 'mm_item.note' may be NULL in the database but the field is not std::optional");
        CHECK(contains(x.what(), "mm_item.note"));
    }
    CHECK_THROWS_AS(s.query<mm::StrictItem>().where(mm_strict::id == 2).one(), sf::schema_mismatch);
    CHECK(s.query<mm::StrictItem>().where(mm_strict::id == 1).one().note == "blue");  // a matching row still reads
    // Rows read after execute() returned are explained too: iterating past the first row, a
    // result's all(), a later ++ (they raised the plain data_error before).
    auto iterate = [&] {
        for (const auto& r : s.query<mm::StrictItem>().order_by(mm_strict::id)) (void)r;
    };
    CHECK_THROWS_AS(iterate(), sf::schema_mismatch);
    const auto every = sf::select(sf::all_of<mm::StrictItem>).order_by(mm_strict::id);
    CHECK_THROWS_AS(s.execute(every).all(), sf::schema_mismatch);
    {
        auto r = s.execute(every);
        auto it = r.begin();
        CHECK(it->note == "blue");
        try {
            ++it;
            FAIL("no error");
        } catch (const sf::schema_mismatch& x) {
            CHECK(contains(x.what(), "mm_item.note"));
            CHECK(x.differences().size() == 1);
        }
        CHECK(r.all().empty());  // the result let go of its statement
    }
    CHECK(s.query<mm::StrictItem>().where(mm_strict::id == 1).one().note == "blue");  // and the session goes on
    // A value out of range for a struct that otherwise matches: no difference to report, the
    // data_error stays.
    CHECK_THROWS_AS(s.query<mm::TinyItem>().all(), sf::data_error);
    s.rollback();
    sf::drop_all<mm::Item>(e);
}
