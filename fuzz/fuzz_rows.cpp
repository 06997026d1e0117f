// libFuzzer target: decoding rows of arbitrary column types and values into structs.
// The input bytes describe tables (each column with a random declared type: SQLite's type
// affinity then converts, or not, what is stored) and rows of random values of random storage
// classes (NULL, integers at and past every width's limits, reals with NaN / inf / -0,
// text that is random bytes or almost a date, blobs), written with sf::text() binds into an
// in-memory SQLite database. Then every table is read back through s.query<T>() (all(),
// first(), streaming), session.get<T>(), a DSL select of single columns, and text() rows
// read with row.get<X>() for every X. Any sqlforge::error is a correct answer; a crash,
// undefined behaviour, a leak or another exception is not.
#include <sqlforge/sqlforge.hpp>

#include <fuzzer/FuzzedDataProvider.h>

#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace sf = sqlforge;

namespace fz {

enum class Level : std::int16_t { low = -3, mid = 0, high = 7 };
enum class Color { red, green };

struct FzInts {
    std::int64_t id;
    std::int8_t a;
    std::uint8_t b;
    std::int16_t c;
    std::uint32_t d;
    std::uint64_t e;
    bool f;
    Level level;
};
struct FzMixed {
    std::int64_t id;
    std::string s;
    double d;
    float f;
    std::vector<std::byte> blob;
    std::optional<int> oi;
    std::optional<std::string> os;
    std::optional<bool> ob;
};
struct FzTime {
    std::int64_t id;
    std::chrono::sys_seconds t;
    std::chrono::sys_days day;
    std::optional<std::chrono::sys_time<std::chrono::microseconds>> tm;
    std::chrono::hh_mm_ss<std::chrono::microseconds> tod;
    std::optional<std::chrono::year_month_day> ymd;
    Color color;
};

}  // namespace fz

template <>
struct sqlforge::enum_traits<fz::Color> {
    static constexpr std::array names{std::pair{fz::Color::red, std::string_view{"red"}},
                                      std::pair{fz::Color::green, std::string_view{"green"}}};
};

namespace fz {

SQLFORGE_COLUMNS(fz_ints, FzInts, id, a, b, c, d, e, f, level)
SQLFORGE_COLUMNS(fz_mixed, FzMixed, id, s, d, f, blob, oi, os, ob)

[[noreturn]] void broken() { __builtin_trap(); }

const char* const declared_types[] = {"",        "INTEGER", "INT",      "BIGINT", "TEXT",    "VARCHAR(3)", "REAL",
                                      "DOUBLE",  "BLOB",    "NUMERIC",  "BOOLEAN", "DATETIME", "DATE",      "ANY"};

const std::int64_t interesting_ints[] = {0,
                                         1,
                                         -1,
                                         127,
                                         128,
                                         -128,
                                         -129,
                                         255,
                                         256,
                                         32767,
                                         32768,
                                         -32769,
                                         65535,
                                         65536,
                                         2147483647,
                                         2147483648LL,
                                         -2147483649LL,
                                         4294967295LL,
                                         4294967296LL,
                                         std::numeric_limits<std::int64_t>::max(),
                                         std::numeric_limits<std::int64_t>::min(),
                                         7,
                                         -3};

const double interesting_reals[] = {0.0,
                                    -0.0,
                                    0.5,
                                    2.5,
                                    -1.0,
                                    1e300,
                                    -1e300,
                                    3.5e38,
                                    9223372036854775807.0,
                                    9223372036854775808.0,
                                    -9223372036854775808.0,
                                    18446744073709551616.0,
                                    std::numeric_limits<double>::quiet_NaN(),
                                    std::numeric_limits<double>::infinity(),
                                    -std::numeric_limits<double>::infinity(),
                                    std::numeric_limits<double>::denorm_min(),
                                    1.0};

const char* const interesting_texts[] = {"",
                                         "0",
                                         "42",
                                         "-1",
                                         "42.000",
                                         "1e3",
                                         "nan",
                                         "red",
                                         "green",
                                         "blue",
                                         "2024-05-06 07:08:09.123456",
                                         "2024-05-06T07:08:09Z",
                                         "2024-02-30",
                                         "-32768-01-01",
                                         "999999-12-31 23:59:59",
                                         "-999999-01-01",
                                         "32767-12-31 23:59:60.9999999999",
                                         "0000-00-00 00:00:00",
                                         "23:59:59.999999",
                                         "999:00:00",
                                         "12:61:00",
                                         "2024-05-06 ",
                                         "18446744073709551615",
                                         "18446744073709551616",
                                         "-9223372036854775809"};

sf::param_value random_value(FuzzedDataProvider& in) {
    switch (in.ConsumeIntegralInRange<int>(0, 8)) {
        case 0: return std::nullopt;
        case 1: return in.PickValueInArray(interesting_ints);
        case 2: return in.ConsumeIntegral<std::int64_t>();
        case 3: return in.ConsumeIntegral<std::uint64_t>();
        case 4: return in.PickValueInArray(interesting_reals);
        case 5: return in.ConsumeFloatingPoint<double>();
        case 6: return std::string(in.PickValueInArray(interesting_texts));
        case 7: return in.ConsumeRandomLengthString(64);
        default: {
            std::string s = in.ConsumeRandomLengthString(32);
            return sf::blob(reinterpret_cast<const std::byte*>(s.data()), reinterpret_cast<const std::byte*>(s.data()) + s.size());
        }
    }
}

// CREATE TABLE with random declared types, then rows of random values.
void fill(sf::connection& c, FuzzedDataProvider& in, const char* table, std::initializer_list<const char*> columns) {
    std::string create = "CREATE TABLE ";
    create += table;
    create += " (";
    std::string insert = "INSERT INTO ";
    insert += table;
    insert += " VALUES (";
    bool first = true;
    for (const char* col : columns) {
        if (!first) {
            create += ", ";
            insert += ", ";
        }
        first = false;
        create += col;
        create += ' ';
        create += in.PickValueInArray(declared_types);
        insert += ':';
        insert += col;
    }
    create += ')';
    insert += ')';
    c.execute(sf::text(create));
    const sf::text ins{insert};
    const int rows = in.ConsumeIntegralInRange<int>(0, 4);
    for (int r = 0; r < rows; ++r) {
        sf::params p;
        for (const char* col : columns) p.push_back({col, random_value(in)});
        try {
            c.execute(ins, p);
        } catch (const sf::error&) {
        }
    }
}

template <class F>
void tolerate(F&& f) {
    try {
        f();
    } catch (const sf::error&) {
    }
}

template <class T>
void read_model(sf::engine& e, std::int64_t key) {
    sf::session s{e};
    tolerate([&] { (void)s.query<T>().all(); });
    tolerate([&] { (void)s.query<T>().first(); });
    tolerate([&] {
        for (const T& r : s.query<T>()) (void)r;
    });
    tolerate([&] { (void)s.get<T>(key); });
    tolerate([&] { (void)s.query<T>().count(); });
}

template <class X>
void read_as(const sf::row& r, int i) {
    tolerate([&] { (void)r.get<X>(i); });
    tolerate([&] { (void)r.get<std::optional<X>>(i); });
}

void read_raw(sf::engine& e, const char* sql) {
    auto c = e.connect();
    tolerate([&] {
        for (const sf::row& r : c.execute(sf::text(sql))) {
            for (int i = 0; i < static_cast<int>(r.size()) + 1; ++i) {
                read_as<std::int64_t>(r, i);
                read_as<std::uint64_t>(r, i);
                read_as<std::int8_t>(r, i);
                read_as<std::uint16_t>(r, i);
                read_as<int>(r, i);
                read_as<bool>(r, i);
                read_as<double>(r, i);
                read_as<float>(r, i);
                read_as<std::string>(r, i);
                read_as<sf::blob>(r, i);
                tolerate([&] { (void)r.get<sf::param_value>(i); });
            }
            tolerate([&] { (void)r.get<std::string>("id"); });
        }
    });
    tolerate([&] { (void)c.execute(sf::text(sql)).scalar<double>(); });
    tolerate([&] {
        std::ostringstream out;
        out << sf::table_view(c.execute(sf::text(sql)));
    });
}

}  // namespace fz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace fz;
    FuzzedDataProvider in(data, size);
    try {
        sf::engine e = sf::create_engine("sqlite://:memory:");
        {
            auto c = e.connect();
            fill(c, in, "fz_ints", {"id", "a", "b", "c", "d", "e", "f", "level"});
            fill(c, in, "fz_mixed", {"id", "s", "d", "f", "blob", "oi", "os", "ob"});
            fill(c, in, "fz_time", {"id", "t", "day", "tm", "tod", "ymd", "color"});
            c.commit();
        }
        const std::int64_t key = in.PickValueInArray(interesting_ints);
        read_model<FzInts>(e, key);
        read_model<FzMixed>(e, key);
        read_model<FzTime>(e, key);
        {
            sf::session s{e};
            tolerate([&] { (void)s.execute(sf::select(fz_ints::a, fz_ints::e, fz_ints::level)).all(); });
            tolerate([&] { (void)s.execute(sf::select(fz_mixed::f, fz_mixed::os).where(fz_mixed::oi > 0)).all(); });
            tolerate([&] { (void)s.scalar(sf::select(sf::sum(fz_ints::e))); });
            tolerate([&] { (void)s.scalar(sf::select(sf::max(fz_mixed::d))); });
        }
        read_raw(e, "SELECT * FROM fz_ints");
        read_raw(e, "SELECT * FROM fz_mixed");
        read_raw(e, "SELECT * FROM fz_time");
    } catch (const sf::error&) {
        // e.g. a declared type SQLite refuses; every sqlforge error is an acceptable answer
    }
    return 0;
}
