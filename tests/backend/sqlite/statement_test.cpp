// sqlite::statement: binding and reading every type, round trips through a real table.
#include <doctest/doctest.h>

#include <sqlforge/backend/sqlite/connection.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace sq = sqlforge::backend::sqlite;
using namespace std::string_view_literals;

namespace {

// One row per test value: v holds whatever was bound, so typeof(v) shows what SQLite stored.
sq::connection with_table() {
    sq::connection c{{.path = ":memory:"}};
    c.exec("CREATE TABLE v (id INTEGER PRIMARY KEY, v)");
    return c;
}

// Inserts through `bind_it`, reads the row back into `s` (left on the row).
template <class Bind>
sq::statement& round_trip(sq::connection& c, Bind bind_it) {
    c.exec("DELETE FROM v");
    auto& ins = c.prepare("INSERT INTO v (v) VALUES (?)");
    bind_it(ins);
    REQUIRE(ins.execute() == 1);
    auto& sel = c.prepare("SELECT v, typeof(v) FROM v");
    REQUIRE(sel.step());
    return sel;
}

}  // namespace

TEST_CASE("integers: int64 min/max, small types, uint64 in range") {
    auto c = with_table();
    constexpr auto lo = std::numeric_limits<std::int64_t>::min();
    constexpr auto hi = std::numeric_limits<std::int64_t>::max();
    for (std::int64_t x : {lo, hi, std::int64_t{0}, std::int64_t{-1}}) {
        auto& s = round_trip(c, [&](sq::statement& st) { st.bind(0, x); });
        CHECK(s.get_int64(0) == x);
        CHECK(s.get_text(1) == "integer");
        CHECK_FALSE(s.is_null(0));
    }
    CHECK(round_trip(c, [](sq::statement& st) { st.bind(0, 42); }).get_int64(0) == 42);  // int
    CHECK(round_trip(c, [](sq::statement& st) { st.bind(0, 7u); }).get_uint64(0) == 7);
    CHECK(round_trip(c, [](sq::statement& st) { st.bind(0, true); }).get_int64(0) == 1);
    auto& small = round_trip(c, [](sq::statement& st) { st.bind(0, std::int16_t{-5}); });
    CHECK(small.get_int64(0) == -5);

    constexpr auto max_ok = static_cast<std::uint64_t>(hi);
    CHECK(round_trip(c, [&](sq::statement& st) { st.bind(0, max_ok); }).get_uint64(0) == max_ok);
}

TEST_CASE("uint64 above INT64_MAX is rejected with data_error; negatives do not read as uint64") {
    auto c = with_table();
    auto& ins = c.prepare("INSERT INTO v (v) VALUES (?)");
    constexpr auto too_big =
        static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + 1;
    try {
        ins.bind(0, too_big);
        FAIL("bound a uint64 SQLite cannot hold");
    } catch (const sqlforge::data_error& e) {
        std::string what = e.what();
        CHECK(what.find("9223372036854775808") != std::string::npos);
        CHECK(what.find("INSERT INTO v (v) VALUES (?)") != std::string::npos);
    }
    CHECK_THROWS_AS(ins.bind(0, std::numeric_limits<std::uint64_t>::max()), sqlforge::data_error);

    auto& s = round_trip(c, [](sq::statement& st) { st.bind(0, std::int64_t{-3}); });
    CHECK_THROWS_AS(s.get_uint64(0), sqlforge::data_error);
}

TEST_CASE("doubles") {
    auto c = with_table();
    for (double x : {0.0, -1.5, 3.141592653589793, 1e308, -1e-308}) {
        auto& s = round_trip(c, [&](sq::statement& st) { st.bind(0, x); });
        CHECK(s.get_double(0) == x);
        CHECK(s.get_text(1) == "real");
    }
    CHECK(round_trip(c, [](sq::statement& st) { st.bind(0, 2.5f); }).get_double(0) == 2.5);
}

TEST_CASE("NULL, and NULL is not the empty string") {
    auto c = with_table();
    auto& n = round_trip(c, [](sq::statement& st) { st.bind_null(0); });
    CHECK(n.is_null(0));
    CHECK(n.get_text(1) == "null");
    CHECK(n.get_text(0).empty());
    CHECK(n.get_blob(0).empty());
    CHECK(n.get_int64(0) == 0);

    auto& e = round_trip(
        c, [](sq::statement& st) { st.bind(0, std::string_view{}); });  // data() == nullptr
    CHECK_FALSE(e.is_null(0));
    CHECK(e.get_text(1) == "text");
    CHECK(e.get_text(0).empty());

    auto& eb = round_trip(c, [](sq::statement& st) { st.bind_blob(0, nullptr, 0); });
    CHECK_FALSE(eb.is_null(0));
    CHECK(eb.get_text(1) == "blob");
    CHECK(eb.get_blob(0).empty());
}

TEST_CASE("text: UTF-8, embedded NUL, 1 MB") {
    auto c = with_table();
    for (std::string_view x : {"John"sv, "1号工作"sv, "a\0b\0"sv, "'; DROP TABLE v; --"sv}) {
        auto& s = round_trip(c, [&](sq::statement& st) { st.bind(0, x); });
        CHECK(s.get_text(0) == x);
        CHECK(s.get_text(0).size() == x.size());
        CHECK(s.get_text(1) == "text");
    }
    std::string big(1 << 20, 'x');
    big[12345] = '\0';
    big.back() = 'y';
    auto& s = round_trip(c, [&](sq::statement& st) { st.bind(0, big); });
    CHECK(s.get_text(0) == big);
    CHECK(c.prepare("SELECT length(CAST(v AS BLOB)) FROM v").step());
}

TEST_CASE("blobs: bytes with NUL, span overload") {
    auto c = with_table();
    const std::array<std::byte, 5> bytes{std::byte{0}, std::byte{1}, std::byte{0xff}, std::byte{0},
                                         std::byte{'z'}};
    auto& s =
        round_trip(c, [&](sq::statement& st) { st.bind_blob(0, bytes.data(), bytes.size()); });
    CHECK(s.get_text(1) == "blob");
    auto got = s.get_blob(0);
    REQUIRE(got.size() == bytes.size());
    CHECK(std::equal(got.begin(), got.end(), bytes.begin()));

    auto& s2 = round_trip(
        c, [&](sq::statement& st) { st.bind_blob(0, std::span<const std::byte>{bytes}); });
    CHECK(s2.get_blob(0).size() == 5);
}

TEST_CASE("several parameters, names, column metadata") {
    auto c = sq::connection{{.path = ":memory:"}};
    auto& s = c.prepare("SELECT ?1 + ?2 AS total, :name AS who, ?2 AS again");
    CHECK(s.parameter_count() == 3);
    CHECK(s.parameter_name(0) == "?1");
    CHECK(s.parameter_name(2) == ":name");
    s.bind(0, 40);
    s.bind(1, std::int64_t{2});
    s.bind(2, "ann"sv);
    REQUIRE(s.step());
    CHECK(s.column_count() == 3);
    CHECK(s.column_name(0) == "total");
    CHECK(s.column_name(1) == "who");
    CHECK(s.get_int64(0) == 42);
    CHECK(s.get_text(1) == "ann");
    CHECK(s.get_int64(2) == 2);
    CHECK_FALSE(s.step());
    CHECK(s.sql() == "SELECT ?1 + ?2 AS total, :name AS who, ?2 AS again");
    CHECK(s.native_handle() != nullptr);
}

TEST_CASE("binding errors: index out of range, binding a running statement") {
    auto c = with_table();
    c.exec("INSERT INTO v (v) VALUES (1), (2)");
    auto& s = c.prepare("SELECT v FROM v WHERE v > ?");
    CHECK_THROWS_AS(s.bind(1, 1), sqlforge::data_error);  // SQLITE_RANGE: only parameter 0
    CHECK_THROWS_AS(s.bind(-1, 1), sqlforge::data_error);
    s.bind(0, 0);
    REQUIRE(s.step());
    try {
        s.bind(0, 1);
        FAIL("rebound a running statement");
    } catch (const sqlforge::programming_error& e) {
        CHECK(std::string(e.what()).find("reset()") != std::string::npos);
    }
    s.reset();
    s.bind(0, 1);
    REQUIRE(s.step());
    CHECK(s.get_int64(0) == 2);
}

TEST_CASE("execute() skips rows and reports changes") {
    auto c = with_table();
    c.exec("INSERT INTO v (v) VALUES (1), (2), (3)");
    CHECK(c.prepare("SELECT v FROM v").execute() == 0);
    CHECK(c.prepare("DELETE FROM v WHERE v >= 2").execute() == 2);
    CHECK(c.changes() == 2);
    auto& ins = c.prepare("INSERT INTO v (v) VALUES (?)");
    ins.bind(0, 9);
    CHECK(ins.execute() == 1);
    CHECK(c.last_insert_id() == 2);  // rowid = max(rowid) + 1, and 2 and 3 were deleted
    CHECK(c.prepare("CREATE TABLE other (x)").execute() == 0);  // not the last DML's count
    CHECK(c.prepare("UPDATE v SET v = 0 WHERE v > 100").execute() == 0);
}
