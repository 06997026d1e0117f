// Tests of the MySQL / MariaDB backend (include/sqlforge/backend/mysql/) against a live
// server. The server comes from SQLFORGE_TEST_MYSQL_URL, e.g. the last line printed by
// `scripts/mariadb.sh start`:
//     mysql://sqlforge:s3cr%3At%40pw@127.0.0.1:33306/sqlforge_test
// Without it every test FAILS (never skips): a MySQL backend that was not tested is not
// a passing MySQL backend.
//
// Tables: TEMPORARY tables where one connection suffices (private to the connection, so
// tests running concurrently against the same database cannot collide); real tables
// named be_mysql_* where a second connection must see them (foreign keys, commit, KILL).
#include <doctest/doctest.h>

#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "sqlforge/backend/mysql/connection.hpp"
#include "sqlforge/backend/mysql/errors.hpp"
#include "sqlforge/backend/mysql/statement.hpp"

namespace my = sqlforge::backend::mysql;

namespace {

// ---- a tiny URL parser, until include/sqlforge/orm/url.hpp lands ---------------------------

std::string percent_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            auto hex = [](char c) -> int {
                if (c >= '0' && c <= '9') return c - '0';
                if (c >= 'a' && c <= 'f') return c - 'a' + 10;
                if (c >= 'A' && c <= 'F') return c - 'A' + 10;
                return -1;
            };
            const int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

// mysql://user:password@host:port/database  (password percent-encoded)
std::optional<my::connect_options> parse_url(std::string_view url) {
    constexpr std::string_view scheme = "mysql://";
    if (url.substr(0, scheme.size()) != scheme) return std::nullopt;
    url.remove_prefix(scheme.size());
    my::connect_options o;
    const auto at = url.rfind('@');
    if (at != std::string_view::npos) {
        const std::string_view cred = url.substr(0, at);
        const auto colon = cred.find(':');
        o.user = percent_decode(cred.substr(0, colon));
        if (colon != std::string_view::npos) o.password = percent_decode(cred.substr(colon + 1));
        url.remove_prefix(at + 1);
    }
    const auto slash = url.find('/');
    std::string_view hostport = url.substr(0, slash);
    if (slash != std::string_view::npos) {
        std::string_view db = url.substr(slash + 1);
        db = db.substr(0, db.find('?'));
        o.database = percent_decode(db);
    }
    const auto colon = hostport.rfind(':');
    if (colon != std::string_view::npos) {
        o.port = static_cast<unsigned>(std::stoul(std::string(hostport.substr(colon + 1))));
        hostport = hostport.substr(0, colon);
    }
    if (!hostport.empty()) o.host = std::string(hostport);
    return o;
}

my::connect_options test_options() {
    const char* url = std::getenv("SQLFORGE_TEST_MYSQL_URL");
    if (url == nullptr || *url == '\0')
        FAIL("SQLFORGE_TEST_MYSQL_URL is not set. Start a throwaway server with `scripts/mariadb.sh start` "
             "and export the SQLFORGE_TEST_MYSQL_URL=... line it prints.");
    auto o = parse_url(url);
    if (!o) FAIL("SQLFORGE_TEST_MYSQL_URL is not a mysql:// URL: " << url);
    o->connect_timeout = 5;
    return *o;
}

my::connection connect() { return my::connection(test_options()); }

// The message of the exception `f` throws as E (fails the test if it throws nothing / another).
template <class E, class F>
std::string message_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.what();
    }
    FAIL("expected an exception");
    return {};
}

template <class E, class F>
int code_of(F&& f) {
    try {
        f();
    } catch (const E& e) {
        return e.code();
    }
    FAIL("expected an exception");
    return 0;
}

std::string scalar_text(my::connection& c, std::string_view sql) {
    my::statement& s = c.prepare(sql);
    s.reset();
    REQUIRE(s.step());
    std::string v(s.get_text(0));
    s.reset();
    return v;
}

std::int64_t scalar_int(my::connection& c, std::string_view sql) {
    my::statement& s = c.prepare(sql);
    s.reset();
    REQUIRE(s.step());
    const auto v = s.get_int64(0);
    s.reset();
    return v;
}

}  // namespace

TEST_SUITE("mysql backend") {

TEST_CASE("the test URL parser") {
    auto o = parse_url("mysql://sqlforge:s3cr%3At%40pw@127.0.0.1:33306/sqlforge_test");
    REQUIRE(o);
    CHECK(o->user == "sqlforge");
    CHECK(o->password == "s3cr:t@pw");
    CHECK(o->host == "127.0.0.1");
    CHECK(o->port == 33306);
    CHECK(o->database == "sqlforge_test");
    CHECK_FALSE(parse_url("sqlite://:memory:"));
}

TEST_CASE("connect: session settings") {
    auto c = connect();
    CHECK(c.is_open());
    CHECK(c.ping());
    CHECK(c.thread_id() != 0);
    CHECK_FALSE(c.server_version().empty());
    CHECK(c.native_handle() != nullptr);
    const std::string mode = scalar_text(c, "SELECT @@SESSION.sql_mode");
    CHECK(mode.find("STRICT_ALL_TABLES") != std::string::npos);
    CHECK(mode.find("ONLY_FULL_GROUP_BY") != std::string::npos);
    CHECK(mode.find("NO_ZERO_DATE") != std::string::npos);
    CHECK(scalar_int(c, "SELECT @@SESSION.autocommit") == 1);
    CHECK(scalar_text(c, "SELECT @@SESSION.character_set_client") == "utf8mb4");
    CHECK(scalar_text(c, "SELECT DATABASE()") == test_options().database);
    CHECK(scalar_int(c, "SELECT CONNECTION_ID()") == static_cast<std::int64_t>(c.thread_id()));
}

TEST_CASE("connect: host localhost goes over TCP, not the default unix socket") {
    auto o = test_options();
    o.host = "localhost";
    my::connection c(o);  // the default socket (/run/mysqld/...) does not exist here
    CHECK(c.ping());
}

TEST_CASE("connect: wrong password is an operational_error without the password") {
    auto o = test_options();
    o.password = "wr0ng-p4ssw0rd-xyzzy";
    std::string msg;
    int code = 0;
    try {
        my::connection c(o);
        FAIL("connected with a wrong password");
    } catch (const sqlforge::operational_error& e) {
        msg = e.what();
        code = e.code();
    }
    CHECK(code == 1045);
    CHECK(msg.find("1045") != std::string::npos);
    CHECK(msg.find(o.user) != std::string::npos);
    CHECK(msg.find("wr0ng-p4ssw0rd-xyzzy") == std::string::npos);
    CHECK(msg.find(test_options().password) == std::string::npos);
}

TEST_CASE("connect: unknown database, refused port, bad options") {
    auto o = test_options();
    o.database = "no_such_database_sqlforge";
    const int unknown_db = code_of<sqlforge::operational_error>([&] { my::connection c(o); });
    CHECK((unknown_db == 1044 || unknown_db == 1049));  // 1044 when the user may not see it

    auto refused = test_options();
    refused.port = 1;  // nothing listens there
    refused.connect_timeout = 2;
    const int code = code_of<sqlforge::operational_error>([&] { my::connection c(refused); });
    CHECK((code == 2002 || code == 2003));

    auto bad = test_options();
    bad.ssl_mode = "sometimes";
    CHECK_THROWS_AS(my::connection{bad}, sqlforge::argument_error);

    auto contradictory = test_options();
    contradictory.ssl_mode = "disabled";
    contradictory.ssl_ca = "/nonexistent/ca.pem";
    CHECK_THROWS_AS(my::connection{contradictory}, sqlforge::argument_error);

    // The test server has no TLS: "required" must refuse to go on in clear text.
    auto tls = test_options();
    tls.ssl_mode = "required";
    CHECK_THROWS_AS(my::connection{tls}, sqlforge::operational_error);

    auto charset = test_options();
    charset.charset = "no-such-charset";
    CHECK_THROWS_AS(my::connection{charset}, sqlforge::error);
}

TEST_CASE("bind and read every type, NULL included") {
    auto c = connect();
    c.exec(
        "CREATE TEMPORARY TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, i BIGINT, u BIGINT UNSIGNED, "
        "d DOUBLE, s VARCHAR(100), b BLOB, n INT NULL) CHARACTER SET utf8mb4");
    auto& ins = c.prepare("INSERT INTO t (i, u, d, s, b, n) VALUES (?, ?, ?, ?, ?, ?)");
    CHECK(ins.parameter_count() == 6);

    const std::string blob("\x00\x01\xff\x7f\x00z", 6);
    const std::string text = "1号工作 😀";
    ins.bind(0, std::numeric_limits<std::int64_t>::min());
    ins.bind(1, std::numeric_limits<std::uint64_t>::max());
    ins.bind(2, 3.25);
    ins.bind(3, std::string_view{text});
    ins.bind_blob(4, blob.data(), blob.size());
    ins.bind_null(5);
    CHECK(ins.execute() == 1);
    CHECK(c.last_insert_id() == 1);
    CHECK(c.changes() == 1);
    ins.reset();

    ins.bind(0, std::int64_t{0});
    ins.bind(1, std::uint64_t{0});
    ins.bind(2, -0.5);
    ins.bind(3, std::string_view{});  // empty, not NULL
    ins.bind_blob(4, nullptr, 0);    // empty, not NULL
    ins.bind(5, 42);                 // int, through the integral template
    CHECK(ins.execute() == 1);
    CHECK(c.last_insert_id() == 2);
    ins.reset();

    auto& sel = c.prepare("SELECT i, u, d, s, b, n FROM t ORDER BY id");
    CHECK(sel.column_count() == 6);
    CHECK(sel.column_name(0) == "i");
    CHECK(sel.column_name(5) == "n");
    REQUIRE(sel.step());
    CHECK(sel.get_int64(0) == std::numeric_limits<std::int64_t>::min());
    CHECK(sel.get_text(0) == "-9223372036854775808");
    CHECK(sel.get_uint64(1) == std::numeric_limits<std::uint64_t>::max());
    CHECK(sel.get_text(1) == "18446744073709551615");
    CHECK(sel.get_double(2) == 3.25);
    CHECK(sel.get_text(2) == "3.25");
    CHECK(sel.get_text(3) == text);
    const auto bytes = sel.get_blob(4);
    CHECK(std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size()) == blob);
    CHECK(sel.is_null(5));
    CHECK_FALSE(sel.is_null(4));
    CHECK(sel.get_int64(5) == 0);
    CHECK(sel.get_text(5).empty());

    REQUIRE(sel.step());
    CHECK(sel.get_int64(0) == 0);
    CHECK(sel.get_uint64(1) == 0);
    CHECK(sel.get_double(2) == -0.5);
    CHECK_FALSE(sel.is_null(3));
    CHECK(sel.get_text(3).empty());
    CHECK_FALSE(sel.is_null(4));
    CHECK(sel.get_blob(4).empty());
    CHECK(sel.get_int64(5) == 42);
    CHECK(sel.get_uint64(5) == 42);
    CHECK(sel.get_double(5) == 42.0);
    CHECK_FALSE(sel.step());
    CHECK_FALSE(sel.step());  // stays done
    sel.reset();

    // Parameters in a WHERE clause, and other C++ integer types.
    auto& where = c.prepare("SELECT COUNT(*) FROM t WHERE u = ? AND s = ?");
    where.bind(0, std::numeric_limits<std::uint64_t>::max());
    where.bind(1, text);
    REQUIRE(where.step());
    CHECK(where.get_int64(0) == 1);
    where.reset();
    where.bind(0, 0u);
    where.bind(1, "");
    REQUIRE(where.step());
    CHECK(where.get_int64(0) == 1);
    where.reset();
}

TEST_CASE("integers of every width, signed and unsigned, and the other numeric types") {
    auto c = connect();
    c.exec(
        "CREATE TEMPORARY TABLE w (t TINYINT, tu TINYINT UNSIGNED, sm SMALLINT, smu SMALLINT UNSIGNED, "
        "me MEDIUMINT, meu MEDIUMINT UNSIGNED, i INT, iu INT UNSIGNED, b BIGINT, bu BIGINT UNSIGNED, "
        "y YEAR, f FLOAT, bo BOOL, bits BIT(16))");
    c.exec(
        "INSERT INTO w VALUES (-128, 255, -32768, 65535, -8388608, 16777215, -2147483648, 4294967295, "
        "-9223372036854775808, 18446744073709551615, 2024, 1.5, TRUE, b'0000000100000010')");
    c.exec("INSERT INTO w VALUES (127, 0, 32767, 0, 8388607, 0, 2147483647, 0, 9223372036854775807, 0, "
           "1901, -0.25, FALSE, b'0')");
    auto& s = c.prepare("SELECT * FROM w ORDER BY t");
    REQUIRE(s.step());
    CHECK(s.get_int64(0) == -128);
    CHECK(s.get_int64(1) == 255);
    CHECK(s.get_int64(2) == -32768);
    CHECK(s.get_int64(3) == 65535);
    CHECK(s.get_int64(4) == -8388608);
    CHECK(s.get_int64(5) == 16777215);
    CHECK(s.get_int64(6) == -2147483648LL);
    CHECK(s.get_int64(7) == 4294967295LL);
    CHECK(s.get_uint64(7) == 4294967295ULL);
    CHECK(s.get_int64(8) == std::numeric_limits<std::int64_t>::min());
    CHECK(s.get_uint64(9) == std::numeric_limits<std::uint64_t>::max());
    CHECK(s.get_double(9) == 18446744073709551615.0);
    CHECK(s.get_int64(10) == 2024);
    CHECK(s.get_double(11) == 1.5);
    CHECK(s.get_text(11) == "1.5");
    CHECK(s.get_int64(12) == 1);
    CHECK(s.get_int64(13) == 0x0102);
    CHECK(s.get_text(1) == "255");
    CHECK(s.get_text(6) == "-2147483648");

    // Values that do not fit the requested type.
    CHECK_THROWS_AS(s.get_int64(9), sqlforge::data_error);   // 2^64-1 as int64
    CHECK_THROWS_AS(s.get_uint64(0), sqlforge::data_error);  // -128 as uint64
    CHECK_THROWS_AS(s.get_uint64(8), sqlforge::data_error);
    const std::string msg = message_of<sqlforge::data_error>([&] { (void)s.get_int64(9); });
    CHECK(msg.find("18446744073709551615") != std::string::npos);
    CHECK(msg.find("`bu`") != std::string::npos);
    CHECK(msg.find("SELECT * FROM w") != std::string::npos);

    REQUIRE(s.step());
    CHECK(s.get_int64(0) == 127);
    CHECK(s.get_int64(8) == std::numeric_limits<std::int64_t>::max());
    CHECK(s.get_uint64(8) == 9223372036854775807ULL);
    CHECK(s.get_int64(10) == 1901);
    CHECK(s.get_double(11) == -0.25);
    CHECK_THROWS_AS(s.get_int64(11), sqlforge::data_error);  // -0.25 is not an integer
    CHECK(s.get_int64(12) == 0);
    CHECK_FALSE(s.step());
    s.reset();

    // Floating point read as an integer when it is one; text read as a number when it is one.
    auto& e = c.prepare("SELECT CAST(3 AS DOUBLE), '123', 'abc', ' 5', '-17', '2.5e3'");
    REQUIRE(e.step());
    CHECK(e.get_int64(0) == 3);
    CHECK(e.get_int64(1) == 123);
    CHECK(e.get_uint64(1) == 123);
    CHECK(e.get_double(1) == 123.0);
    CHECK_THROWS_AS(e.get_int64(2), sqlforge::data_error);
    CHECK_THROWS_AS(e.get_double(2), sqlforge::data_error);
    CHECK_THROWS_AS(e.get_int64(3), sqlforge::data_error);
    CHECK(e.get_int64(4) == -17);
    CHECK_THROWS_AS(e.get_uint64(4), sqlforge::data_error);
    CHECK(e.get_double(5) == 2500.0);
    e.reset();
}

TEST_CASE("DECIMAL arrives as text and reads as double; SUM and AVG too") {
    auto c = connect();
    c.exec("CREATE TEMPORARY TABLE m (price DECIMAL(10,2), qty INT)");
    auto& ins = c.prepare("INSERT INTO m VALUES (?, ?)");
    ins.bind(0, 12345.67);
    ins.bind(1, 2);
    ins.execute();
    ins.reset();
    ins.bind(0, "-0.05");  // text into DECIMAL: exact
    ins.bind(1, 3);
    ins.execute();
    ins.reset();

    auto& s = c.prepare("SELECT price FROM m ORDER BY price DESC");
    REQUIRE(s.step());
    CHECK(s.get_double(0) == doctest::Approx(12345.67));
    CHECK(s.get_text(0) == "12345.67");
    CHECK_THROWS_AS(s.get_int64(0), sqlforge::data_error);  // has a fraction
    REQUIRE(s.step());
    CHECK(s.get_double(0) == doctest::Approx(-0.05));
    s.reset();

    // SUM of an INT is a DECIMAL in MySQL: it must still read as an integer.
    auto& agg = c.prepare("SELECT SUM(qty), AVG(qty), SUM(price), CAST(7 AS DECIMAL(10,3)) FROM m");
    REQUIRE(agg.step());
    CHECK(agg.get_int64(0) == 5);
    CHECK(agg.get_uint64(0) == 5);
    CHECK(agg.get_double(1) == doctest::Approx(2.5));
    CHECK(agg.get_double(2) == doctest::Approx(12345.62));
    CHECK(agg.get_int64(3) == 7);  // "7.000"
    agg.reset();
}

TEST_CASE("DATETIME(6), DATE and TIME round trip as text") {
    auto c = connect();
    c.exec("CREATE TEMPORARY TABLE ts (dt DATETIME(6), d DATE, t TIME, dt0 DATETIME)");
    auto& ins = c.prepare("INSERT INTO ts VALUES (?, ?, ?, ?)");
    ins.bind(0, "2024-01-31 12:34:56.123456");
    ins.bind(1, "1999-12-31");
    ins.bind(2, "-12:00:01");
    ins.bind(3, "2024-02-29 23:59:59");
    ins.execute();
    ins.reset();
    auto& s = c.prepare("SELECT dt, d, t, dt0 FROM ts");
    REQUIRE(s.step());
    CHECK(s.get_text(0) == "2024-01-31 12:34:56.123456");
    CHECK(s.get_text(1) == "1999-12-31");
    CHECK(s.get_text(2) == "-12:00:01");
    CHECK(s.get_text(3) == "2024-02-29 23:59:59");
    s.reset();

    // strict mode: an impossible date is an error, not 0000-00-00
    ins.bind(0, "2024-02-30 00:00:00");
    ins.bind(1, "1999-12-31");
    ins.bind(2, "00:00:00");
    ins.bind(3, "2024-01-01 00:00:00");
    CHECK_THROWS_AS(ins.execute(), sqlforge::data_error);
    ins.reset();
}

TEST_CASE("long values: 100 KB text and a 4 MB BLOB, no truncation") {
    auto c = connect();
    c.exec("CREATE TEMPORARY TABLE big (id INT PRIMARY KEY, txt MEDIUMTEXT, bin LONGBLOB) CHARACTER SET utf8mb4");
    std::string text;
    while (text.size() < 100 * 1024) text += "1号工作 abcdefghij ";
    std::string blob(4 * 1024 * 1024, '\0');
    for (std::size_t i = 0; i < blob.size(); ++i) blob[i] = static_cast<char>((i * 131 + i / 7) & 0xff);

    auto& ins = c.prepare("INSERT INTO big VALUES (?, ?, ?)");
    const std::vector<std::pair<std::string, std::string>> rows = {
        {"short", "x"}, {text, blob}, {"", std::string(1000, 'q')}, {text + text, std::string(300000, 'z')}};
    for (std::size_t r = 0; r < rows.size(); ++r) {
        ins.bind(0, static_cast<std::int64_t>(r));
        ins.bind(1, rows[r].first);
        ins.bind_blob(2, rows[r].second.data(), rows[r].second.size());
        CHECK(ins.execute() == 1);
        ins.reset();
    }

    auto& sel = c.prepare("SELECT id, txt, bin, LENGTH(bin) FROM big ORDER BY id");
    for (int pass = 0; pass < 2; ++pass) {  // the second pass reuses (then shrinks) grown buffers
        for (std::size_t r = 0; r < rows.size(); ++r) {
            REQUIRE(sel.step());
            CHECK(sel.get_int64(0) == static_cast<std::int64_t>(r));
            CHECK(sel.get_text(1).size() == rows[r].first.size());
            CHECK(sel.get_text(1) == rows[r].first);
            const auto b = sel.get_blob(2);
            CHECK(b.size() == rows[r].second.size());
            CHECK(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()) == rows[r].second);
            CHECK(sel.get_int64(3) == static_cast<std::int64_t>(rows[r].second.size()));
        }
        CHECK_FALSE(sel.step());
        sel.reset();
    }

    // A long value looked up by a long parameter.
    auto& find = c.prepare("SELECT id FROM big WHERE bin = ?");
    find.bind_blob(0, blob.data(), blob.size());
    REQUIRE(find.step());
    CHECK(find.get_int64(0) == 1);
    find.reset();
}

TEST_CASE("errors map to the hierarchy and carry errno, sqlstate, message and SQL") {
    auto c = connect();
    c.exec(
        "CREATE TEMPORARY TABLE e (id INT PRIMARY KEY, name VARCHAR(5) NOT NULL, "
        "tiny TINYINT, req INT NOT NULL, pos INT CHECK (pos >= 0))");
    c.exec("INSERT INTO e (id, name, req) VALUES (1, 'a', 0)");

    SUBCASE("duplicate key -> integrity_error") {
        auto& s = c.prepare("INSERT INTO e (id, name, req) VALUES (?, ?, 0)");
        s.bind(0, 1);
        s.bind(1, "b");
        std::string msg;
        try {
            s.execute();
            FAIL("no error");
        } catch (const sqlforge::integrity_error& e) {
            CHECK(e.code() == 1062);
            CHECK(e.sql() == "INSERT INTO e (id, name, req) VALUES (?, ?, 0)");
            CHECK(e.backend_message().find("Duplicate entry") != std::string::npos);
            msg = e.what();
        }
        CHECK(msg.find("1062") != std::string::npos);
        CHECK(msg.find("23000") != std::string::npos);
        CHECK(msg.find("INSERT INTO e (id, name, req) VALUES (?, ?, 0)") != std::string::npos);
        // the statement is usable after the error
        s.reset();
        s.bind(0, 2);
        s.bind(1, "b");
        CHECK(s.execute() == 1);
        s.reset();
    }
    SUBCASE("NULL into NOT NULL -> integrity_error") {
        auto& s = c.prepare("INSERT INTO e (id, name, req) VALUES (?, ?, 0)");
        s.bind(0, 3);
        s.bind_null(1);
        CHECK(code_of<sqlforge::integrity_error>([&] { s.execute(); }) == 1048);
        s.reset();
    }
    SUBCASE("missing value without default -> integrity_error") {
        CHECK(code_of<sqlforge::integrity_error>([&] { c.exec("INSERT INTO e (id, name) VALUES (4, 'x')"); }) ==
              1364);
    }
    SUBCASE("CHECK constraint -> integrity_error") {
        CHECK_THROWS_AS(c.exec("INSERT INTO e (id, name, req, pos) VALUES (5, 'x', 0, -1)"),
                        sqlforge::integrity_error);
    }
    SUBCASE("too long string -> data_error (strict mode)") {
        auto& s = c.prepare("INSERT INTO e (id, name, req) VALUES (?, ?, 0)");
        s.bind(0, 6);
        s.bind(1, "abcdef");
        const std::string msg = message_of<sqlforge::data_error>([&] { s.execute(); });
        CHECK(msg.find("1406") != std::string::npos);
        CHECK(msg.find("22001") != std::string::npos);
        CHECK(msg.find("name") != std::string::npos);
        s.reset();
        CHECK(scalar_int(c, "SELECT COUNT(*) FROM e WHERE id = 6") == 0);  // nothing truncated in
    }
    SUBCASE("out of range -> data_error") {
        CHECK(code_of<sqlforge::data_error>(
                  [&] { c.exec("INSERT INTO e (id, name, req, tiny) VALUES (7, 'x', 0, 300)"); }) == 1264);
        auto& s = c.prepare("UPDATE e SET tiny = ? WHERE id = 1");
        s.bind(0, std::int64_t{1000});
        CHECK(code_of<sqlforge::data_error>([&] { s.execute(); }) == 1264);
        s.reset();
    }
    SUBCASE("incorrect value -> data_error") {
        auto& s = c.prepare("UPDATE e SET req = ? WHERE id = 1");
        s.bind(0, "not a number");
        CHECK(code_of<sqlforge::data_error>([&] { s.execute(); }) == 1366);
        s.reset();
    }
    SUBCASE("syntax error -> programming_error with the SQL text") {
        const std::string bad = "SELEC id FROM e";
        const std::size_t cached = c.statement_cache_size();
        std::string msg;
        try {
            c.prepare(bad);
            FAIL("no error");
        } catch (const sqlforge::programming_error& e) {
            CHECK(e.code() == 1064);
            CHECK(e.sql() == bad);
            msg = e.what();
        }
        CHECK(msg.find("1064") != std::string::npos);
        CHECK(msg.find("42000") != std::string::npos);
        CHECK(msg.find(bad) != std::string::npos);
        CHECK(c.statement_cache_size() == cached);                      // nothing broken was cached
        CHECK_THROWS_AS(c.prepare(bad), sqlforge::programming_error);   // and it fails again
        CHECK(code_of<sqlforge::programming_error>([&] { c.exec(bad); }) == 1064);
    }
    SUBCASE("unknown table / column -> programming_error") {
        CHECK(code_of<sqlforge::programming_error>([&] { c.prepare("SELECT * FROM be_mysql_no_such_table"); }) ==
              1146);
        CHECK(code_of<sqlforge::programming_error>([&] { c.prepare("SELECT nope FROM e"); }) == 1054);
    }
    SUBCASE("ONLY_FULL_GROUP_BY is on") {
        CHECK_THROWS_AS(c.prepare("SELECT id, COUNT(*) FROM e GROUP BY name"), sqlforge::programming_error);
    }
    SUBCASE("parameter misuse -> programming_error") {
        auto& s = c.prepare("SELECT id FROM e WHERE id = ? AND name = ?");
        CHECK_THROWS_AS(s.bind(2, 1), sqlforge::programming_error);
        CHECK_THROWS_AS(s.bind(-1, 1), sqlforge::programming_error);
        s.bind(0, 1);
        CHECK(code_of<sqlforge::programming_error>([&] { s.step(); }) == 2031);  // parameter 1 unbound
        s.reset();
        CHECK_THROWS_AS(s.get_int64(0), sqlforge::programming_error);   // no current row
        CHECK_THROWS_AS(s.column_name(5), sqlforge::programming_error);  // no such column
    }
    CHECK(c.ping());  // none of this hurt the connection
}

TEST_CASE("classify_error by number and by SQLSTATE") {
    using my::classify_error;
    using my::error_kind;
    CHECK(classify_error(1062) == error_kind::integrity);
    CHECK(classify_error(1452) == error_kind::integrity);
    CHECK(classify_error(1451) == error_kind::integrity);
    CHECK(classify_error(1048) == error_kind::integrity);
    CHECK(classify_error(1364) == error_kind::integrity);
    CHECK(classify_error(3819) == error_kind::integrity);
    CHECK(classify_error(4025) == error_kind::integrity);
    for (unsigned op : {2006u, 2013u, 2055u, 1205u, 1213u, 2002u, 2003u, 1040u, 1045u})
        CHECK(classify_error(op) == error_kind::operational);
    CHECK(classify_error(1064) == error_kind::programming);
    CHECK(classify_error(1146) == error_kind::programming);
    CHECK(classify_error(1054) == error_kind::programming);
    CHECK(classify_error(1406) == error_kind::data);
    CHECK(classify_error(1264) == error_kind::data);
    CHECK(classify_error(1366) == error_kind::data);
    CHECK(classify_error(9999, "23000") == error_kind::integrity);
    CHECK(classify_error(9999, "22003") == error_kind::data);
    CHECK(classify_error(9999, "42S02") == error_kind::programming);
    CHECK(classify_error(1142, "42000") == error_kind::operational);  // command denied
    CHECK(classify_error(9999, "HY000") == error_kind::operational);
}

TEST_CASE("foreign keys -> integrity_error (1452 child, 1451 parent)") {
    auto c = connect();
    c.exec("DROP TABLE IF EXISTS be_mysql_fk_child");
    c.exec("DROP TABLE IF EXISTS be_mysql_fk_parent");
    c.exec("CREATE TABLE be_mysql_fk_parent (id INT PRIMARY KEY) ENGINE=InnoDB");
    c.exec(
        "CREATE TABLE be_mysql_fk_child (id INT PRIMARY KEY, parent INT NOT NULL, "
        "FOREIGN KEY (parent) REFERENCES be_mysql_fk_parent(id)) ENGINE=InnoDB");
    c.exec("INSERT INTO be_mysql_fk_parent VALUES (1)");
    auto& s = c.prepare("INSERT INTO be_mysql_fk_child VALUES (?, ?)");
    s.bind(0, 1);
    s.bind(1, 1);
    CHECK(s.execute() == 1);
    s.reset();
    s.bind(0, 2);
    s.bind(1, 99);
    CHECK(code_of<sqlforge::integrity_error>([&] { s.execute(); }) == 1452);
    s.reset();
    CHECK(code_of<sqlforge::integrity_error>([&] { c.exec("DELETE FROM be_mysql_fk_parent WHERE id = 1"); }) == 1451);
    c.exec("DROP TABLE be_mysql_fk_child");
    c.exec("DROP TABLE be_mysql_fk_parent");
}

TEST_CASE("statement cache: same text, same statement; key lookups") {
    auto c = connect();
    static constexpr const char* key_sql = "SELECT 1 + ?";
    const std::size_t before = c.statement_cache_size();
    my::statement& a = c.prepare("SELECT 1 + ?");
    my::statement& b = c.prepare(std::string("SELECT 1 + ") + "?");  // equal text, other buffer
    CHECK(&a == &b);
    my::statement& k1 = c.prepare_cached(key_sql, key_sql);
    my::statement& k2 = c.prepare_cached(key_sql, key_sql);
    CHECK(&k1 == &k2);
    CHECK(&k1 == &a);  // keyed and text caches share statements
    my::statement& other = c.prepare("SELECT 2 + ?");
    CHECK(&other != &a);
    CHECK(c.statement_cache_size() == before + 2);
    CHECK(a.sql() == "SELECT 1 + ?");

    k1.bind(0, 41);
    REQUIRE(k1.step());
    CHECK(k1.get_int64(0) == 42);
    k1.reset();
    // `SELECT 1 + ?` with a double parameter: the column's type changes between runs.
    k1.bind(0, 0.5);
    REQUIRE(k1.step());
    CHECK(k1.get_double(0) == 1.5);
    k1.reset();
    k1.bind(0, "2");
    REQUIRE(k1.step());
    CHECK(k1.get_double(0) == 3.0);
    k1.reset();

    c.clear_statement_cache();
    CHECK(c.statement_cache_size() == 0);
    my::statement& again = c.prepare_cached(key_sql, key_sql);
    again.bind(0, 1);
    REQUIRE(again.step());
    CHECK(again.get_int64(0) == 2);
    again.reset();
}

TEST_CASE("a half-read result, then reset and reuse; interleaved statements") {
    auto c = connect();
    c.exec("CREATE TEMPORARY TABLE h (id INT PRIMARY KEY, v VARCHAR(20))");
    c.exec("INSERT INTO h VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    auto& s = c.prepare("SELECT id, v FROM h WHERE id >= ? ORDER BY id");
    s.bind(0, 1);
    REQUIRE(s.step());
    CHECK(s.get_int64(0) == 1);

    // Other statements run while `s` is half-read (the result is in client memory).
    auto& u = c.prepare("UPDATE h SET v = ? WHERE id = ?");
    u.bind(0, "TWO");
    u.bind(1, 2);
    CHECK(u.execute() == 1);
    u.reset();
    c.exec("INSERT INTO h VALUES (4, 'four')");
    REQUIRE(s.step());
    CHECK(s.get_text(1) == "two");  // read before the update

    s.reset();  // abandon the rest
    s.bind(0, 2);
    std::vector<std::string> got;
    while (s.step()) got.emplace_back(s.get_text(1));
    CHECK(got == std::vector<std::string>{"TWO", "three", "four"});
    s.reset();

    // execute() on a query discards its rows; step() on DML returns false.
    auto& q = c.prepare("SELECT id FROM h");
    CHECK(q.execute() == 0);
    q.reset();
    auto& d = c.prepare("DELETE FROM h WHERE id = ?");
    d.bind(0, 4);
    CHECK_FALSE(d.step());
    CHECK(c.changes() == 1);
    CHECK(d.affected_rows() == 1);
    d.reset();
    CHECK(scalar_int(c, "SELECT COUNT(*) FROM h") == 3);
}

TEST_CASE("affected rows, matched rows, last_insert_id, exec") {
    auto c = connect();
    c.exec("CREATE TEMPORARY TABLE a (id BIGINT AUTO_INCREMENT PRIMARY KEY, v INT)");
    auto& ins = c.prepare("INSERT INTO a (v) VALUES (?)");
    for (int i = 0; i < 3; ++i) {
        ins.bind(0, i);
        ins.execute();
        CHECK(c.last_insert_id() == i + 1);
        ins.reset();
    }
    auto& upd = c.prepare("UPDATE a SET v = ? WHERE id <= ?");
    upd.bind(0, 0);
    upd.bind(1, 3);
    // row 1 already has v = 0: CLIENT_FOUND_ROWS counts matched rows, 3, not 2 changed
    CHECK(upd.execute() == 3);
    CHECK(c.changes() == 3);
    upd.reset();
    upd.bind(0, 5);
    upd.bind(1, 0);
    CHECK(upd.execute() == 0);
    upd.reset();

    // A SELECT does not touch changes() or last_insert_id().
    CHECK(scalar_int(c, "SELECT COUNT(*) FROM a") == 3);
    CHECK(c.changes() == 0);
    CHECK(c.last_insert_id() == 3);

    c.exec("INSERT INTO a (v) VALUES (7), (8)");
    CHECK(c.changes() == 2);
    CHECK(c.last_insert_id() == 4);  // MySQL: the first id of a multi-row insert
    c.exec("DELETE FROM a WHERE v >= 7");
    CHECK(c.changes() == 2);
    c.exec("SELECT * FROM a");  // rows read and discarded
    c.exec("SET @x = 1");
    CHECK(c.ping());
}

TEST_CASE("transactions and savepoints") {
    auto c = connect();
    auto other = connect();
    c.exec("DROP TABLE IF EXISTS be_mysql_tx");
    c.exec("CREATE TABLE be_mysql_tx (id INT PRIMARY KEY) ENGINE=InnoDB");
    auto count = [&](my::connection& conn) { return scalar_int(conn, "SELECT COUNT(*) FROM be_mysql_tx"); };
    auto& ins = c.prepare("INSERT INTO be_mysql_tx VALUES (?)");
    auto insert = [&](int id) {
        ins.bind(0, id);
        ins.execute();
        ins.reset();
    };

    CHECK_FALSE(c.in_transaction());
    c.begin();
    CHECK(c.in_transaction());
    CHECK_THROWS_AS(c.begin(), sqlforge::programming_error);  // no silent implicit COMMIT
    insert(1);
    CHECK(count(c) == 1);
    CHECK(count(other) == 0);  // not committed yet
    c.rollback();
    CHECK_FALSE(c.in_transaction());
    CHECK(count(c) == 0);

    c.begin();
    insert(1);
    c.savepoint("sp1");
    insert(2);
    c.savepoint("sp_2");
    insert(3);
    c.rollback_to("sp_2");
    CHECK(count(c) == 2);
    c.rollback_to("sp1");
    CHECK(count(c) == 1);
    c.release("sp1");
    CHECK(c.in_transaction());
    CHECK_THROWS_AS(c.rollback_to("sp1"), sqlforge::error);  // released
    c.commit();
    CHECK_FALSE(c.in_transaction());
    CHECK(count(other) == 1);

    CHECK_THROWS_AS(c.savepoint("bad name"), sqlforge::argument_error);
    CHECK_THROWS_AS(c.savepoint("x`; DROP TABLE be_mysql_tx; --"), sqlforge::argument_error);
    CHECK_THROWS_AS(c.savepoint(""), sqlforge::argument_error);

    // autocommit outside a transaction
    insert(10);
    CHECK(count(other) == 2);
    c.exec("DROP TABLE be_mysql_tx");
}

TEST_CASE("a killed connection: operational_error, then ping() is false") {
    auto victim = connect();
    auto killer = connect();
    auto& s = victim.prepare("SELECT 1");
    REQUIRE(s.step());
    s.reset();
    REQUIRE(victim.ping());
    const unsigned long id = victim.thread_id();
    REQUIRE(id != 0);
    killer.exec("KILL " + std::to_string(id));

    // The server closes the connection; the next statement fails on the dead socket.
    std::string msg;
    int code = 0;
    try {
        (void)s.step();
        FAIL("a statement on a killed connection succeeded");
    } catch (const sqlforge::operational_error& e) {
        msg = e.what();
        code = e.code();
    }
    MESSAGE("after KILL: " << msg);
    CHECK((code == 2013 || code == 2006 || code == 1927 || code == 2055));
    CHECK(msg.find("SELECT 1") != std::string::npos);
    CHECK_FALSE(victim.ping());
    CHECK_THROWS_AS(victim.exec("SELECT 1"), sqlforge::operational_error);
    CHECK_THROWS_AS(victim.prepare("SELECT 2"), sqlforge::operational_error);
    CHECK(killer.ping());  // the other connection is fine
    // victim's cached statements are closed with it at scope exit, on a dead socket
}

TEST_CASE("a table altered under a prepared statement: the statement follows") {
    auto c = connect();
    c.exec("CREATE TEMPORARY TABLE alt (a INT)");
    c.exec("INSERT INTO alt VALUES (1)");
    auto& s = c.prepare("SELECT * FROM alt");
    REQUIRE(s.step());
    CHECK(s.column_count() == 1);
    s.reset();
    c.exec("ALTER TABLE alt ADD COLUMN b VARCHAR(10) DEFAULT 'bee'");
    REQUIRE(s.step());
    CHECK(s.column_count() == 2);
    CHECK(s.column_name(1) == "b");
    CHECK(s.get_text(1) == "bee");
    s.reset();
    c.exec("ALTER TABLE alt MODIFY COLUMN a BIGINT UNSIGNED");
    REQUIRE(s.step());
    CHECK(s.get_uint64(0) == 1);
    s.reset();

    // With parameters: they survive the re-prepare.
    auto& p = c.prepare("SELECT * FROM alt WHERE a >= ? AND b <> ? AND ? > 0.5");
    p.bind(0, 1);
    p.bind(1, "zzz");
    p.bind(2, 1.5);
    REQUIRE(p.step());
    CHECK(p.column_count() == 2);
    p.reset();
    c.exec("ALTER TABLE alt ADD COLUMN c INT DEFAULT 7");
    p.bind(0, 1);
    p.bind(1, "zzz");
    p.bind(2, 1.5);
    REQUIRE(p.step());
    CHECK(p.column_count() == 3);
    CHECK(p.get_int64(2) == 7);
    CHECK_FALSE(p.step());
    p.reset();

    // A short text parameter is copied into the statement: after the re-prepare the binding
    // must point at the statement's new copy (ASan would catch the old one).
    auto& q = c.prepare("SELECT * FROM alt WHERE b = ?");
    q.bind(0, std::string("bee"));
    REQUIRE(q.step());
    q.reset();
    c.exec("ALTER TABLE alt ADD COLUMN d INT DEFAULT 8");
    q.bind(0, std::string("bee"));
    REQUIRE(q.step());
    CHECK(q.column_count() == 4);
    CHECK(q.get_text(1) == "bee");
    q.reset();
    q.bind(0, std::string("bea"));
    CHECK_FALSE(q.step());
    q.reset();
}

TEST_CASE("text parameters: short ones are copied, long ones pointed at; every length round-trips") {
    auto c = connect();
    c.exec("CREATE TEMPORARY TABLE lens (n INT, t MEDIUMTEXT, b MEDIUMBLOB)");
    auto& ins = c.prepare("INSERT INTO lens VALUES (?, ?, ?)");
    // Every length around the 64-byte copy buffer, each from a buffer that dies right after
    // the execution, so a binding that kept an old address would insert the wrong bytes.
    for (int n : {0, 1, 63, 64, 65, 200, 70000}) {
        std::string t(static_cast<std::size_t>(n), 'x');
        for (std::size_t k = 0; k < t.size(); ++k) t[k] = static_cast<char>('a' + (k * 7 + static_cast<std::size_t>(n)) % 26);
        std::string b = t;
        if (!b.empty()) b[0] = '\0';
        ins.bind(0, n);
        ins.bind(1, std::string_view{t});
        ins.bind_blob(2, b.data(), b.size());
        CHECK(ins.execute() == 1);
        ins.reset();
    }
    auto& sel = c.prepare("SELECT n, t, b FROM lens ORDER BY n");
    int rows = 0;
    while (sel.step()) {
        const auto n = static_cast<std::size_t>(sel.get_int64(0));
        std::string t(n, 'x');
        for (std::size_t k = 0; k < t.size(); ++k) t[k] = static_cast<char>('a' + (k * 7 + n) % 26);
        std::string b = t;
        if (!b.empty()) b[0] = '\0';
        CHECK(sel.get_text(1) == t);
        const auto blob = sel.get_blob(2);
        CHECK(std::string_view(reinterpret_cast<const char*>(blob.data()), blob.size()) == b);
        ++rows;
    }
    sel.reset();
    CHECK(rows == 7);
}

TEST_CASE("threads: one connection per thread, opened concurrently") {
    static_assert(noexcept(std::declval<my::statement&>().reset()), "reset() is called from noexcept code");
    const auto opts = test_options();
    std::vector<std::int64_t> got(4, -1);
    std::vector<std::string> errors(4);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            my::thread_scope scope;
            try {
                my::connection c(opts);
                auto& s = c.prepare("SELECT ? * 10");
                s.bind(0, t);
                if (s.step()) got[static_cast<std::size_t>(t)] = s.get_int64(0);
                s.reset();
            } catch (const std::exception& e) {
                errors[static_cast<std::size_t>(t)] = e.what();
            }
        });
    }
    for (auto& th : threads) th.join();
    for (int t = 0; t < 4; ++t) {
        CHECK(errors[static_cast<std::size_t>(t)] == "");
        CHECK(got[static_cast<std::size_t>(t)] == t * 10);
    }
}

TEST_CASE("connections move; a closed connection refuses work") {
    auto a = connect();
    auto& s = a.prepare("SELECT 40 + ?");
    my::connection b = std::move(a);
    CHECK_FALSE(a.is_open());  // NOLINT(bugprone-use-after-move): moved-from state is specified
    CHECK_FALSE(a.ping());
    s.bind(0, 2);
    REQUIRE(s.step());  // statements belong to the moved-to connection
    CHECK(s.get_int64(0) == 42);
    s.reset();
    CHECK(&b.prepare("SELECT 40 + ?") == &s);
    b.close();
    CHECK_FALSE(b.ping());
    CHECK_THROWS_AS(b.prepare("SELECT 1"), sqlforge::operational_error);
    CHECK_THROWS_AS(b.exec("SELECT 1"), sqlforge::operational_error);
}

}  // TEST_SUITE
