#pragma once
// Dates and times through type_traits: SQLite stores them as ISO-8601 text
// ("2024-05-06 07:08:09.123456"), which sorts and compares correctly as text; MySQL as
// DATETIME(6), DATETIME, DATE and TIME(6), which it parses from and prints as the same text.
//   std::chrono::sys_seconds                  DATETIME     "YYYY-MM-DD HH:MM:SS"
//   std::chrono::sys_time<microseconds>       DATETIME(6)  "YYYY-MM-DD HH:MM:SS.ffffff"
//   std::chrono::sys_days, year_month_day    DATE         "YYYY-MM-DD"
//   std::chrono::hh_mm_ss<microseconds>       TIME(6)      "HH:MM:SS.ffffff"
// Reading accepts a 'T' separator, a missing fraction and a trailing 'Z'.
#include <sqlforge/schema/type_traits.hpp>

#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace sqlforge::detail {

inline void put_digits(std::string& out, long long v, int width) {
    char buf[24];
    int n = 0;
    bool neg = v < 0;
    unsigned long long u = neg ? static_cast<unsigned long long>(-(v + 1)) + 1 : static_cast<unsigned long long>(v);
    do {
        buf[n++] = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u);
    if (neg) out += '-';
    for (int k = n; k < width; ++k) out += '0';
    while (n) out += buf[--n];
}

// std::chrono::year holds -32767 .. 32767; a day outside would wrap into another date.
inline void check_day_range(std::chrono::sys_days d) {
    constexpr std::chrono::sys_days first{std::chrono::year::min() / 1 / 1};
    constexpr std::chrono::sys_days last{std::chrono::year::max() / 12 / 31};
    if (d < first || d > last) throw std::out_of_range("the date is out of range (years -32767 to 32767)");
}

inline std::string format_date(std::chrono::year_month_day d) {
    if (!d.ok()) throw std::invalid_argument("not a valid calendar date");
    std::string s;
    s.reserve(26);
    put_digits(s, static_cast<int>(d.year()), 4);
    s += '-';
    put_digits(s, static_cast<unsigned>(d.month()), 2);
    s += '-';
    put_digits(s, static_cast<unsigned>(d.day()), 2);
    return s;
}

inline void append_time(std::string& s, std::chrono::microseconds since_midnight, bool fraction) {
    std::chrono::hh_mm_ss<std::chrono::microseconds> t{since_midnight};
    put_digits(s, t.hours().count(), 2);
    s += ':';
    put_digits(s, t.minutes().count(), 2);
    s += ':';
    put_digits(s, t.seconds().count(), 2);
    if (fraction) {
        s += '.';
        put_digits(s, t.subseconds().count(), 6);
    }
}

// A cursor over stored text that throws std::invalid_argument naming what it expected.
struct text_reader {
    std::string_view s;
    std::size_t pos = 0;

    long long number(int min_digits, int max_digits, const char* what) {
        bool neg = pos < s.size() && s[pos] == '-' && min_digits == 4;
        if (neg) ++pos;
        long long v = 0;
        int n = 0;
        while (pos < s.size() && n < max_digits && s[pos] >= '0' && s[pos] <= '9') {
            v = v * 10 + (s[pos++] - '0');
            ++n;
        }
        if (n < min_digits) throw std::invalid_argument(std::string("expected ") + what + " in '" + std::string(s) + "'");
        return neg ? -v : v;
    }
    void expect(char c, const char* what) {
        if (pos >= s.size() || s[pos] != c)
            throw std::invalid_argument(std::string("expected ") + what + " in '" + std::string(s) + "'");
        ++pos;
    }
    bool at(char c) const { return pos < s.size() && s[pos] == c; }
    void end() {
        if (at('Z')) ++pos;
        if (pos != s.size()) throw std::invalid_argument("unexpected text after the value in '" + std::string(s) + "'");
    }
};

inline std::chrono::year_month_day read_date(text_reader& r) {
    auto y = r.number(4, 6, "a year");
    if (y < static_cast<int>(std::chrono::year::min()) || y > static_cast<int>(std::chrono::year::max()))
        throw std::invalid_argument("the year is out of range (-32767 to 32767) in '" + std::string(r.s) + "'");
    r.expect('-', "'-' after the year");
    auto m = r.number(2, 2, "a month");
    r.expect('-', "'-' after the month");
    auto d = r.number(2, 2, "a day");
    std::chrono::year_month_day ymd{std::chrono::year{static_cast<int>(y)}, std::chrono::month{static_cast<unsigned>(m)},
                                    std::chrono::day{static_cast<unsigned>(d)}};
    if (!ymd.ok()) throw std::invalid_argument("not a valid calendar date: '" + std::string(r.s) + "'");
    return ymd;
}

inline std::chrono::microseconds read_time(text_reader& r) {
    auto h = r.number(2, 3, "hours");
    r.expect(':', "':' after the hours");
    auto m = r.number(2, 2, "minutes");
    r.expect(':', "':' after the minutes");
    auto sec = r.number(2, 2, "seconds");
    long long micros = 0;
    if (r.at('.')) {
        ++r.pos;
        std::size_t start = r.pos;
        long long frac = r.number(1, 9, "a fraction of a second");
        std::size_t digits = r.pos - start;
        while (digits < 6) { frac *= 10; ++digits; }
        while (digits > 6) { frac /= 10; --digits; }
        micros = frac;
    }
    if (m > 59 || sec > 60) throw std::invalid_argument("not a valid time of day: '" + std::string(r.s) + "'");
    return std::chrono::hours{h} + std::chrono::minutes{m} + std::chrono::seconds{sec} + std::chrono::microseconds{micros};
}

template <class Duration>
std::string format_datetime(std::chrono::sys_time<Duration> t, bool fraction) {
    auto day = std::chrono::floor<std::chrono::days>(t);
    check_day_range(day);
    std::string s = format_date(std::chrono::year_month_day{day});
    s += ' ';
    append_time(s, std::chrono::duration_cast<std::chrono::microseconds>(t - day), fraction);
    return s;
}

inline std::chrono::sys_time<std::chrono::microseconds> parse_datetime(std::string_view text) {
    text_reader r{text};
    auto ymd = read_date(r);
    std::chrono::microseconds tod{0};
    if (r.at(' ') || r.at('T')) {
        ++r.pos;
        tod = read_time(r);
        if (tod >= std::chrono::days{1})  // TIME may count past 24 hours; a time of day may not
            throw std::invalid_argument("not a valid time of day: '" + std::string(r.s) + "'");
    }
    r.end();
    return std::chrono::sys_days{ymd} + tod;
}

}  // namespace sqlforge::detail

namespace sqlforge {

template <>
struct type_traits<std::chrono::sys_time<std::chrono::microseconds>> {
    using value = std::chrono::sys_time<std::chrono::microseconds>;
    using storage = std::string;
    static constexpr std::string_view sqlite_type = "TEXT";
    static constexpr std::string_view mysql_type = "DATETIME(6)";
    static storage to_storage(const value& t) { return detail::format_datetime(t, true); }
    static value from_storage(const storage& s) { return detail::parse_datetime(s); }
};

template <>
struct type_traits<std::chrono::sys_seconds> {
    using value = std::chrono::sys_seconds;
    using storage = std::string;
    static constexpr std::string_view sqlite_type = "TEXT";
    static constexpr std::string_view mysql_type = "DATETIME";
    static storage to_storage(const value& t) { return detail::format_datetime(t, false); }
    static value from_storage(const storage& s) {
        return std::chrono::floor<std::chrono::seconds>(detail::parse_datetime(s));
    }
};

template <>
struct type_traits<std::chrono::sys_days> {
    using value = std::chrono::sys_days;
    using storage = std::string;
    static constexpr std::string_view sqlite_type = "TEXT";
    static constexpr std::string_view mysql_type = "DATE";
    static storage to_storage(const value& d) {
        detail::check_day_range(d);
        return detail::format_date(std::chrono::year_month_day{d});
    }
    static value from_storage(const storage& s) {
        detail::text_reader r{s};
        auto ymd = detail::read_date(r);
        r.end();
        return std::chrono::sys_days{ymd};
    }
};

template <>
struct type_traits<std::chrono::year_month_day> {
    using value = std::chrono::year_month_day;
    using storage = std::string;
    static constexpr std::string_view sqlite_type = "TEXT";
    static constexpr std::string_view mysql_type = "DATE";
    static storage to_storage(const value& d) { return detail::format_date(d); }
    static value from_storage(const storage& s) {
        return std::chrono::year_month_day{type_traits<std::chrono::sys_days>::from_storage(s)};
    }
};

template <>
struct type_traits<std::chrono::hh_mm_ss<std::chrono::microseconds>> {
    using value = std::chrono::hh_mm_ss<std::chrono::microseconds>;
    using storage = std::string;
    static constexpr std::string_view sqlite_type = "TEXT";
    static constexpr std::string_view mysql_type = "TIME(6)";
    static storage to_storage(const value& t) {
        if (t.is_negative() || t.hours().count() > 23) throw std::out_of_range("a time of day must be within 00:00-24:00");
        std::string s;
        detail::append_time(s, t.to_duration(), true);
        return s;
    }
    static value from_storage(const storage& s) {
        detail::text_reader r{s};
        auto d = detail::read_time(r);
        r.end();
        return value{d};
    }
};

}  // namespace sqlforge
