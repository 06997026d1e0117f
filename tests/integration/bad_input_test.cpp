// Bad input at the API (issue 8, item 8): every public entry point with its worst inputs, on
// both backends. Each must give a clear sqlforge exception (or a documented, well-defined
// result), never undefined behaviour or an abort; the ASan+UBSan run of the test command runs
// this file too. docs/reliability.md ("Hostile input") lists the cases and the decisions.
#include "backends.hpp"

#include <chrono>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace bad_input_test {

namespace sf = sqlforge;
using namespace std::chrono_literals;

struct BadRow {
    std::int64_t id;
    std::string name;
    double real;
    std::optional<double> maybe_real;
    std::uint64_t big;
};

struct BadTime {
    std::int64_t id;
    std::optional<std::chrono::sys_seconds> at;
    std::optional<std::chrono::sys_time<std::chrono::microseconds>> at_us;
    std::optional<std::chrono::sys_days> day;
    std::optional<std::chrono::hh_mm_ss<std::chrono::microseconds>> tod;
};

SQLFORGE_COLUMNS(bad_row, BadRow, id, name, real, maybe_real, big)
SQLFORGE_COLUMNS(bad_time, BadTime, id, at, at_us, day, tod)

// The message of the sqlforge error `f` throws; fails the test if it throws nothing or
// something that is not a sqlforge::error.
template <class E = sf::error, class F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    } catch (const std::exception& e) {
        FAIL("expected a sqlforge error, got std::exception: " << e.what());
        return {};
    }
    FAIL("expected a sqlforge error, nothing was thrown");
    return {};
}

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

template <class B>
sf::engine fresh() {
    sf::engine e = B::engine();
    sf::drop_all<BadRow, BadTime>(e);
    sf::create_all<BadRow, BadTime>(e);
    return e;
}

template <class B>
constexpr bool is_mysql = std::is_same_v<B, test::mysql_backend>;

// The test server's URL with another password, port or database.
std::string mysql_url_with(std::string_view user_part, std::string_view host_part) {
    std::string url = "mysql://";
    url += user_part;
    url += '@';
    url += host_part;
    return url;
}

}  // namespace bad_input_test

using namespace bad_input_test;

TEST_CASE("bad input: malformed and empty URLs are argument_error, and a password is never shown") {
    for (std::string_view url : {"", "   ", "://", "sqlite", "sqlite:/x.db", "postgres://u@h/db", "mysql://",
                                 "mysql://u:p@h:99999/db", "mysql://u:p@h:0/db", "mysql://u:p@h:x/db",
                                 "mysql://u:p@[::1/db", "mysql+/x", "sqlite://host/x.db", "mysql://u:p@h/db?opt",
                                 "mysql://u:p@h/db?a=1&a=2", "mysql://u:p@h/%zz", "mysql://u:p%0@h/db"}) {
        CAPTURE(url);
        const std::string msg = error_of<sf::argument_error>([&] { (void)sf::create_engine(url); });
        CHECK(contains(msg, "sqlforge: "));
    }
    // Options: a bad value is refused at create_engine(), before anything opens.
    for (std::string_view url : {"sqlite:///x.db?mode=bogus", "sqlite:///x.db?timeout=-1", "sqlite:///x.db?timeout=1e3",
                                 "sqlite:///x.db?timeout=99999999999", "sqlite:///x.db?timeout=4294967295",
                                 "mysql://u:hunter2@h/db?connect_timeout=-5", "mysql://u:hunter2@h/db?read_timeout=x",
                                 "sqlite:///x.db?begin=later", "sqlite:///x.db?timout=5", "sqlite:///x.db?Mode=ro",
                                 "sqlite:///x.db?charset=utf8", "mysql://u:hunter2@h/db?conect_timeout=1",
                                 "mysql://u:hunter2@h/db?mode=ro"}) {
        CAPTURE(url);
        const std::string msg = error_of<sf::argument_error>([&] { (void)sf::create_engine(url); });
        CHECK(contains(msg, "sqlforge: "));
        CHECK_FALSE(contains(msg, "hunter2"));
    }
    CHECK_FALSE(contains(error_of<sf::argument_error>([] { (void)sf::create_engine("mysql://u:hunter2@h:port/db"); }),
                         "hunter2"));
    // An unknown option (a typo, another backend's) is named, with the ones that exist.
    const std::string typo = error_of<sf::argument_error>([] { (void)sf::create_engine("sqlite:///x.db?timout=5"); });
    CHECK(contains(typo, "unknown URL option 'timout' for sqlite"));
    CHECK(contains(typo, "known: mode, timeout, begin"));
    const std::string other =
        error_of<sf::argument_error>([] { (void)sf::create_engine("mysql://u:hunter2@h/db?timeout=5"); });
    CHECK(contains(other, "unknown URL option 'timeout' for mysql"));
    CHECK(contains(other, "unix_socket"));
    CHECK_FALSE(contains(other, "hunter2"));
}

TEST_CASE("bad input: a database that cannot be opened is operational_error at first use") {
    // A directory that does not exist; a read-only open of a file that does not exist.
    for (std::string_view url : {"sqlite:////nonexistent-sqlforge-dir/x.db", "sqlite:///nonexistent-sqlforge.db?mode=ro",
                                 "sqlite:///nonexistent-sqlforge.db?mode=rw"}) {
        CAPTURE(url);
        sf::engine e = sf::create_engine(url);
        sf::session s{e};
        error_of<sf::operational_error>([&] { (void)s.query<BadRow>().count(); });
        CHECK(e.pool_status().checked_out == 0);
    }
    // Nothing listens on port 1 of the loopback: refused at once.
    sf::engine e = sf::create_engine("mysql://u:hunter2@127.0.0.1:1/db?connect_timeout=2");
    sf::session s{e};
    const std::string msg = error_of<sf::operational_error>([&] { (void)s.query<BadRow>().count(); });
    CHECK_FALSE(contains(msg, "hunter2"));
    CHECK(e.pool_status().checked_out == 0);
}

#if SQLFORGE_HAS_MYSQL
TEST_CASE("MariaDB through ?unix_socket=: the socket is used, and a missing one is named in the error") {
    const std::string url = test::mysql_backend::url();
    if (url.empty()) return;
    const sf::url u = sf::parse_url(url);
    std::string socket;
    {
        sf::engine tcp = sf::create_engine(url);
        sf::session s{tcp};
        socket = s.execute(sf::text("SELECT @@socket")).scalar<std::string>().value_or("");
    }
    REQUIRE_FALSE(socket.empty());
    const std::string user_part = url.substr(8, url.rfind('@') - 8);  // "mysql://" cut; still percent-encoded
    sf::engine e = sf::create_engine(mysql_url_with(user_part, "/" + u.database + "?unix_socket=" + socket));
    {
        auto c = e.acquire();
        // (before the option was passed on, this connected to 127.0.0.1:3306 over TCP)
        CHECK(contains(mysql_get_host_info(std::get<sf::backend::mysql::connection>(*c).handle()), "socket"));
        e.release(std::move(c));
    }
    {
        sf::session s{e};
        CHECK(s.execute(sf::text("SELECT DATABASE()")).scalar<std::string>() == u.database);
    }
    sf::engine missing =
        sf::create_engine(mysql_url_with(user_part, "/" + u.database + "?unix_socket=/nonexistent-sqlforge/x.sock"));
    sf::session s{missing};
    const std::string msg = error_of<sf::operational_error>([&] { (void)s.execute(sf::text("SELECT 1")); });
    CHECK(contains(msg, "/nonexistent-sqlforge/x.sock"));
    CHECK(missing.pool_status().checked_out == 0);
}
#endif

TEST_CASE("bad input: wrong password and unknown database on MariaDB are operational_error without the password") {
    const std::string url = test::mysql_backend::url();
    if (url.empty()) return;
    const sf::url u = sf::parse_url(url);
    const std::string host = u.host + ":" + std::to_string(u.port.value_or(3306));
    {
        sf::engine e = sf::create_engine(mysql_url_with(u.username + ":not-the-pw-x9", host + "/" + u.database));
        sf::session s{e};
        const std::string msg = error_of<sf::operational_error>([&] { (void)s.query<BadRow>().count(); });
        CHECK_FALSE(contains(msg, "not-the-pw-x9"));
    }
    {
        sf::engine e = sf::create_engine(url + "_no_such_database_x");
        sf::session s{e};
        error_of<sf::dbapi_error>([&] { (void)s.query<BadRow>().count(); });
    }
}

TEST_CASE("bad input: a pool with nothing to give times out with timeout_error") {
    sf::pool_options o;
    o.size = 0;
    o.max_overflow = 0;
    o.timeout = 0ms;
    sf::engine e = sf::create_engine("sqlite:///bad_input_pool.db", o);
    sf::session s{e};
    CHECK(contains(error_of<sf::timeout_error>([&] { (void)s.query<BadRow>().count(); }), "sqlforge: "));
    o.timeout = -5ms;
    sf::engine e2 = sf::create_engine("sqlite:///bad_input_pool.db", o);
    sf::session s2{e2};
    error_of<sf::timeout_error>([&] { (void)s2.query<BadRow>().count(); });
}

TEST_CASE_TEMPLATE("bad input: session lifecycle: commit with nothing, rollback twice, close twice, use after close",
                   B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    s.commit();  // nothing to commit: a no-op
    s.rollback();
    s.rollback();
    s.close();
    s.close();
    BadRow r{.name = "after close", .real = 1.5, .maybe_real = std::nullopt, .big = 7};
    s.add(r);  // a closed session starts over, as SQLAlchemy's does
    s.commit();
    s.commit();
    CHECK(s.query<BadRow>().count() == 1);
    s.rollback();
    s.rollback();
    // Transaction guards: begin() twice, commit() of an ended guard.
    auto tx = s.begin();
    error_of<sf::invalid_request_error>([&] { (void)s.begin(); });
    tx.commit();
    error_of<sf::invalid_request_error>([&] { tx.commit(); });
    tx.rollback();  // inactive: nothing happens
    auto sp = s.begin_nested();
    sp.rollback();
    sp.rollback();
    s.rollback();
    CHECK(e.pool_status().checked_out == 0);
}

TEST_CASE_TEMPLATE("bad input: moved-from session, connection, engine and results", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    {
        sf::session a{e};
        BadRow r{.name = "in a", .real = 0, .maybe_real = std::nullopt, .big = 0};
        a.add(r);
        sf::session b{std::move(a)};  // b has the transaction; a is a fresh session of the same engine
        CHECK(b.in_transaction());
        CHECK_FALSE(a.in_transaction());
        b.commit();  // (first: a sqlite://:memory: pool has one connection)
        CHECK(a.query<BadRow>().count() == 1);
        a.rollback();
    }
    {
        auto c = e.connect();
        auto d = std::move(c);
        CHECK(d.execute(sf::text("SELECT 1")).scalar<int>() == 1);
        d.commit();
        CHECK(c.execute(sf::text("SELECT 2")).scalar<int>() == 2);
        c.commit();
    }
    {
        sf::session s{e};
        auto r = s.execute(sf::select(bad_row::name));
        auto r2 = std::move(r);
        CHECK(r.all().empty());  // a moved-from result has no rows
        CHECK_FALSE(r.first());
        CHECK(r2.all().size() == 1);
        auto raw = s.execute(sf::text("SELECT name FROM bad_row"));
        auto raw2 = std::move(raw);
        CHECK(raw.all().empty());
        CHECK_FALSE(raw.scalar<std::string>());
        CHECK(raw2.all().size() == 1);
    }
    {
        sf::engine moved = B::engine();
        sf::engine target{std::move(moved)};
        CHECK(target.pool_status().checked_out == 0);
        // A moved-from engine is empty: every use is an invalid_request_error, never a crash.
        CHECK(contains(error_of<sf::invalid_request_error>([&] { (void)moved.pool_status(); }), "moved from"));
        error_of<sf::invalid_request_error>([&] { (void)moved.kind(); });
        error_of<sf::invalid_request_error>([&] { moved.dispose(); });
        error_of<sf::invalid_request_error>([&] { (void)moved.acquire(); });
        error_of<sf::invalid_request_error>([&] {
            sf::session s{moved};
            (void)s.query<BadRow>().count();
        });
        error_of<sf::invalid_request_error>([&] { (void)moved.connect().execute(sf::text("SELECT 1")); });
        moved = target;  // assigning makes it usable again
        CHECK(moved.pool_status().checked_out == 0);
    }
}

TEST_CASE_TEMPLATE("bad input: a session used after its engine is disposed or destroyed", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    std::optional<sf::engine> e = fresh<B>();
    sf::session s{*e};
    BadRow r{.name = "x", .real = 1, .maybe_real = 2.0, .big = 3};
    s.add(r);
    e->dispose();  // the session's connection is closed when it comes back
    s.commit();
    if constexpr (is_mysql<B>) {
        CHECK(s.query<BadRow>().count() == 1);  // a new connection
    } else {
        // sqlite://:memory: lives in its one connection: dispose() dropped the database.
        CHECK(contains(error_of<sf::programming_error>([&] { (void)s.query<BadRow>().count(); }), "bad_row"));
        s.rollback();
    }
    e.reset();  // the session keeps the engine's state alive
    sf::session s2{s.get_engine()};
    if constexpr (is_mysql<B>) CHECK(s2.query<BadRow>().count() == 1);
    s.close();
    s2.close();
}

TEST_CASE_TEMPLATE("bad input: huge and negative limit / offset", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    for (int i = 0; i < 3; ++i) {
        BadRow r{.name = "r", .real = static_cast<double>(i), .maybe_real = std::nullopt, .big = 0};
        s.add(r);
    }
    constexpr auto i64max = std::numeric_limits<std::int64_t>::max();
    CHECK(s.query<BadRow>().limit(i64max).all().size() == 3);
    CHECK(s.query<BadRow>().offset(i64max).all().empty());
    CHECK(s.query<BadRow>().limit(i64max).offset(1).all().size() == 2);
    CHECK(s.execute(sf::select(bad_row::id).limit(std::numeric_limits<std::uint64_t>::max())).all().size() == 3);
    CHECK(s.query<BadRow>().limit(0).all().empty());
    // Negative numbers mean nothing in SQL (SQLite reads LIMIT -1 as "no limit", MySQL refuses
    // them): argument_error before anything is sent.
    CHECK(contains(error_of<sf::argument_error>([&] { (void)s.query<BadRow>().limit(-1).all(); }), "limit"));
    CHECK(contains(error_of<sf::argument_error>([&] { (void)s.query<BadRow>().offset(-5).all(); }), "offset"));
    error_of<sf::argument_error>([&] { (void)s.execute(sf::select(bad_row::id).limit(std::int64_t{-1})); });
    error_of<sf::argument_error>([&] { (void)s.execute(sf::select(bad_row::id).limit(1).offset(std::numeric_limits<int>::min())); });
    CHECK(s.query<BadRow>().count() == 3);
}

TEST_CASE_TEMPLATE("bad input: NaN and infinities", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    constexpr double inf = std::numeric_limits<double>::infinity();
    // NaN has no SQL value (SQLite would store NULL, MySQL refuses it): data_error before it is sent,
    // in every position.
    for (double bad : {nan, -nan}) {
        BadRow r{.name = "nan", .real = bad, .maybe_real = std::nullopt, .big = 0};
        CHECK(contains(error_of<sf::data_error>([&] { s.add(r); }), "NaN"));
        BadRow r2{.name = "nan", .real = 0, .maybe_real = bad, .big = 0};
        error_of<sf::data_error>([&] { s.add(r2); });
        error_of<sf::data_error>([&] { (void)s.query<BadRow>().where(bad_row::real == bad).count(); });
        error_of<sf::data_error>([&] { (void)s.execute(sf::text("SELECT :x"), {{"x", bad}}); });
    }
    // Infinities: SQLite stores and returns them; MySQL/MariaDB DOUBLE cannot hold them.
    for (double big : {inf, -inf}) {
        BadRow r{.name = "inf", .real = big, .maybe_real = big, .big = 0};
        if constexpr (is_mysql<B>) {
            error_of<sf::data_error>([&] { s.add(r); });
        } else {
            s.add(r);
            auto back = s.get<BadRow>(r.id);
            REQUIRE(back);
            CHECK(back->real == big);
            CHECK(back->maybe_real == big);
        }
    }
    // The largest finite values and -0.0 round-trip on both.
    for (double edge : {std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
                        std::numeric_limits<double>::denorm_min(), -0.0}) {
        BadRow r{.name = "edge", .real = edge, .maybe_real = edge, .big = 0};
        s.add(r);
        auto back = s.get<BadRow>(r.id);
        REQUIRE(back);
        CHECK(back->real == edge);
    }
    s.rollback();
    CHECK(s.query<BadRow>().count() == 0);
}

TEST_CASE_TEMPLATE("bad input: integers at the limits", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    constexpr auto u64max = std::numeric_limits<std::uint64_t>::max();
    BadRow r{.name = "u64", .real = 0, .maybe_real = std::nullopt, .big = u64max};
    if constexpr (is_mysql<B>) {
        s.add(r);  // BIGINT UNSIGNED
        CHECK(s.get<BadRow>(r.id)->big == u64max);
    } else {
        // SQLite integers are signed 64-bit: refused, not wrapped.
        error_of<sf::data_error>([&] { s.add(r); });
    }
    BadRow ok{.name = "i64", .real = 0, .maybe_real = std::nullopt,
              .big = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())};
    s.add(ok);
    CHECK(s.get<BadRow>(ok.id)->big == ok.big);
    // A value that does not fit the field on read.
    if constexpr (is_mysql<B>) {
        // BIGINT UNSIGNED refuses it (strict mode).
        error_of<sf::data_error>([&] { s.execute(sf::text("UPDATE bad_row SET big = -1 WHERE id = :id"), {{"id", ok.id}}); });
    } else {
        s.execute(sf::text("UPDATE bad_row SET big = -1 WHERE id = :id"), {{"id", ok.id}});
        error_of<sf::data_error>([&] { (void)s.get<BadRow>(ok.id); });
    }
    CHECK_FALSE(s.get<BadRow>(std::numeric_limits<std::int64_t>::min()));
    s.rollback();
}

TEST_CASE_TEMPLATE("bad input: dates and times out of range", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    using namespace std::chrono;
    // Outside std::chrono::year's range (-32767 .. 32767): refused, never wrapped into another date.
    for (sys_seconds t : {sys_seconds::max(), sys_seconds::min(), sys_seconds{sys_days{year{32767} / 12 / 31}} + days{1},
                          sys_seconds{sys_days{year{-32767} / 1 / 1}} - seconds{1}}) {
        BadTime row{.at = t};
        CHECK(contains(error_of<sf::data_error>([&] { s.add(row); }), "out of range"));
    }
    for (auto t : {sys_time<microseconds>::max(), sys_time<microseconds>::min()}) {
        BadTime row{.at_us = t};
        error_of<sf::data_error>([&] { s.add(row); });
    }
    BadTime bad_day{.day = sys_days::max()};
    error_of<sf::data_error>([&] { s.add(bad_day); });
    BadTime bad_tod{.tod = hh_mm_ss<microseconds>{-1s}};
    error_of<sf::data_error>([&] { s.add(bad_tod); });
    BadTime long_tod{.tod = hh_mm_ss<microseconds>{25h}};
    error_of<sf::data_error>([&] { s.add(long_tod); });
    // Years std::chrono handles but the server's DATETIME does not (MySQL: 1000-9999, MariaDB 0-9999).
    BadTime far{.at = sys_seconds{sys_days{year{20000} / 1 / 1}}};
    if constexpr (is_mysql<B>) {
        error_of<sf::data_error>([&] { s.add(far); });
    } else {
        s.add(far);
        CHECK(s.get<BadTime>(far.id)->at == far.at);
    }
    // Stored text that is not a date, or a date out of range, is a data_error on read.
    if constexpr (!is_mysql<B>) {
        for (std::string_view text : {"2024-02-30 00:00:00", "999999-01-01 00:00:00", "-99999-01-01", "2024-01-01 25:00:00",
                                      "not a date", ""}) {
            CAPTURE(text);
            s.execute(sf::text("DELETE FROM bad_time"));
            s.execute(sf::text("INSERT INTO bad_time (id, at) VALUES (1, :t)"), {{"t", text}});
            error_of<sf::data_error>([&] { (void)s.get<BadTime>(1); });
        }
    }
    s.rollback();
}

TEST_CASE_TEMPLATE("bad input: text() with missing, extra, repeated, empty and positional parameters", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    auto c = e.connect();
    const sf::text t{"SELECT :a, :b"};
    CHECK(contains(error_of<sf::argument_error>([&] { (void)c.execute(t, {{"a", 1}}); }), ":b"));
    CHECK(contains(error_of<sf::argument_error>([&] { (void)c.execute(t, {{"a", 1}, {"b", 2}, {"c", 3}}); }), "'c'"));
    CHECK(contains(error_of<sf::argument_error>([&] { (void)c.execute(t, {{"a", 1}, {"b", 2}, {"a", 3}}); }), "twice"));
    error_of<sf::argument_error>([&] { (void)c.execute(t, {{"", 1}, {"a", 1}, {"b", 2}}); });
    error_of<sf::argument_error>([&] { (void)c.execute(t); });
    error_of<sf::argument_error>([&] { (void)c.execute(sf::text("SELECT 1"), {{"a", 1}}); });
    error_of<sf::argument_error>([&] { (void)sf::text("SELECT ?"); });
    error_of<sf::argument_error>([&] { (void)sf::text("SELECT 'open"); });
    error_of<sf::argument_error>([&] { (void)sf::text("SELECT /* open"); });
    // Empty text, two statements: refused by the backend, with the SQL. Only a comment: SQLite
    // refuses it as empty; MariaDB prepares it as a statement that does nothing.
    for (std::string_view sql : {"", "   ", "SELECT 1; SELECT 2", "DELETE FROM bad_row; DROP TABLE bad_row"}) {
        CAPTURE(sql);
        error_of<sf::dbapi_error>([&] { (void)c.execute(sf::text(sql)); });
    }
    if constexpr (is_mysql<B>) {
        CHECK(c.execute(sf::text("-- nothing")).rows_affected() == 0);
    } else {
        error_of<sf::dbapi_error>([&] { (void)c.execute(sf::text("-- nothing")); });
    }
    CHECK(c.execute(sf::text("SELECT COUNT(*) FROM bad_row")).scalar<int>() == 0);
    // Row access out of range.
    auto row = c.execute(sf::text("SELECT 1 AS one, 2 AS one, NULL AS n")).one();
    error_of<sf::data_error>([&] { (void)row.get<int>(3); });
    error_of<sf::data_error>([&] { (void)row.get<int>(-1); });
    error_of<sf::argument_error>([&] { (void)row.get<int>("one"); });
    error_of<sf::argument_error>([&] { (void)row.get<int>("none"); });
    error_of<sf::data_error>([&] { (void)row.get<int>("n"); });
    CHECK_FALSE(row.get<std::optional<int>>("n"));
    sf::row empty;
    error_of<sf::data_error>([&] { (void)empty.get<int>(0); });
    error_of<sf::argument_error>([&] { (void)empty.get<int>("x"); });
}

TEST_CASE_TEMPLATE("bad input: empty strings, empty ranges, missing keys, no rows", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    BadRow empty{.name = "", .real = 0, .maybe_real = std::nullopt, .big = 0};
    s.add(empty);
    CHECK(s.get<BadRow>(empty.id)->name.empty());
    CHECK(s.query<BadRow>().where(bad_row::name == "").count() == 1);
    CHECK(s.query<BadRow>().where(bad_row::name.like("")).count() == 1);
    CHECK(s.execute(sf::insert_many(std::vector<BadRow>{})) == 0);
    CHECK_FALSE(s.get<BadRow>(std::int64_t{-1}));
    BadRow ghost{.id = 999999, .name = "ghost", .real = 0, .maybe_real = std::nullopt, .big = 0};
    CHECK(s.update(ghost) == 0);
    CHECK(s.remove(ghost) == 0);
    CHECK_FALSE(s.refresh(ghost));
    error_of<sf::no_result_found>([&] { (void)s.query<BadRow>().where(bad_row::id < 0).one(); });
    s.add(ghost);
    error_of<sf::multiple_results_found>([&] { (void)s.query<BadRow>().one(); });
    CHECK_FALSE(s.scalar(sf::select(bad_row::name).where(bad_row::id < 0)));
    // A duplicate primary key.
    BadRow again = ghost;
    error_of<sf::integrity_error>([&] { s.add(again); });
    s.rollback();
    // run_script with nothing in it, and with an unterminated string.
    sf::run_script(e, "");
    error_of<sf::error>([&] { sf::run_script(e, "INSERT INTO bad_row (name) VALUES ('open"); });
}
