// Every C++ type of the schema layer, written and read back on every backend, NULL included.
#include "backends.hpp"
#include "models.hpp"

#include <limits>

using test::AllTypes;

TEST_CASE_TEMPLATE("every mapped type round-trips, extremes and NULL included", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = B::engine();
    sf::drop_all<AllTypes>(e);
    sf::create_all<AllTypes>(e);
    sf::session s{e};

    // SQLite integers are signed 64-bit: its largest unsigned value is INT64_MAX.
    constexpr bool is_sqlite = std::is_same_v<B, test::sqlite_backend>;
    const std::uint64_t u64_max = is_sqlite ? std::uint64_t(std::numeric_limits<std::int64_t>::max())
                                            : std::numeric_limits<std::uint64_t>::max();
    AllTypes hi{.i8 = std::numeric_limits<std::int8_t>::max(),
                .i16 = std::numeric_limits<std::int16_t>::max(),
                .i32 = std::numeric_limits<std::int32_t>::max(),
                .i64 = std::numeric_limits<std::int64_t>::max(),
                .u8 = std::numeric_limits<std::uint8_t>::max(),
                .u16 = std::numeric_limits<std::uint16_t>::max(),
                .u32 = std::numeric_limits<std::uint32_t>::max(),
                .u64 = u64_max,
                .flag = true,
                .f = 1.5f,
                .d = 3.141592653589793,
                .text = "1号工作 – ünïcödé",
                .blob = {std::byte{0}, std::byte{0xff}, std::byte{0x27}, std::byte{0}},
                .maybe_int = -7,
                .maybe_double = 0.25,
                .maybe_text = std::string("it's \"quoted\""),
                .maybe_flag = false};
    AllTypes lo{.i8 = std::numeric_limits<std::int8_t>::min(),
                .i16 = std::numeric_limits<std::int16_t>::min(),
                .i32 = std::numeric_limits<std::int32_t>::min(),
                .i64 = std::numeric_limits<std::int64_t>::min(),
                .u8 = 0,
                .u16 = 0,
                .u32 = 0,
                .u64 = 0,
                .flag = false,
                .f = -0.0f,
                .d = -1e300,
                .text = "",
                .blob = {}};
    s.add(hi);
    s.add(lo);
    s.commit();

    auto h = s.get<AllTypes>(hi.id);
    auto l = s.get<AllTypes>(lo.id);
    REQUIRE(h.has_value());
    REQUIRE(l.has_value());
    CHECK(h->i8 == hi.i8);
    CHECK(h->i16 == hi.i16);
    CHECK(h->i32 == hi.i32);
    CHECK(h->i64 == hi.i64);
    CHECK(h->u8 == hi.u8);
    CHECK(h->u16 == hi.u16);
    CHECK(h->u32 == hi.u32);
    CHECK(h->u64 == hi.u64);
    CHECK(h->flag == true);
    CHECK(h->f == 1.5f);
    CHECK(h->d == hi.d);
    CHECK(h->text == hi.text);
    CHECK(h->blob == hi.blob);
    CHECK(h->maybe_int == hi.maybe_int);
    CHECK(h->maybe_double == hi.maybe_double);
    CHECK(h->maybe_text == hi.maybe_text);
    CHECK(h->maybe_flag == std::optional<bool>{false});

    CHECK(l->i8 == lo.i8);
    CHECK(l->i16 == lo.i16);
    CHECK(l->i32 == lo.i32);
    CHECK(l->i64 == lo.i64);
    CHECK(l->u64 == 0);
    CHECK(l->flag == false);
    CHECK(l->d == lo.d);
    CHECK(l->text.empty());
    CHECK(l->blob.empty());
    CHECK_FALSE(l->maybe_int.has_value());
    CHECK_FALSE(l->maybe_double.has_value());
    CHECK_FALSE(l->maybe_text.has_value());
    CHECK_FALSE(l->maybe_flag.has_value());

    // Filtering on those values binds them the same way.
    CHECK(s.query<AllTypes>().where(all_types::i64 == std::numeric_limits<std::int64_t>::min()).count() == 1);
    CHECK(s.query<AllTypes>().where(all_types::text == "1号工作 – ünïcödé").count() == 1);
    CHECK(s.query<AllTypes>().where(all_types::maybe_text.is_null()).count() == 1);
}
