// parse_url: SQLAlchemy's URL forms, percent-decoding, and errors that name the bad part
// without ever showing the password.
#include <doctest/doctest.h>

#include <sqlforge/orm/url.hpp>

#include <string>
#include <string_view>

using sqlforge::parse_url;

namespace {

// Parses `text`, expects argument_error, and returns its message.
std::string error_of(std::string_view text) {
    try {
        parse_url(text);
    } catch (const sqlforge::argument_error& e) {
        return e.what();
    }
    FAIL("no argument_error for " << text);
    return {};
}

bool contains(const std::string& s, std::string_view part) {
    return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("sqlite URLs: relative, absolute and in-memory") {
    auto rel = parse_url("sqlite:///relative.db");
    CHECK(rel.drivername == "sqlite");
    CHECK(rel.database == "relative.db");
    CHECK(rel.host.empty());
    CHECK_FALSE(rel.port);

    CHECK(parse_url("sqlite:///dir/sub/jobs.db").database == "dir/sub/jobs.db");
    CHECK(parse_url("sqlite:////abs/path.db").database == "/abs/path.db");

    for (const char* mem : {"sqlite://", "sqlite://:memory:", "sqlite:///:memory:", "sqlite:///"})
        CHECK_MESSAGE(parse_url(mem).database == ":memory:", mem);
}

TEST_CASE("sqlite URLs: query options, decoding, odd paths") {
    auto ro = parse_url("sqlite:///jobs.db?mode=ro");
    CHECK(ro.database == "jobs.db");
    REQUIRE(ro.query.size() == 1);
    CHECK(ro.option("mode") == "ro");
    CHECK(ro.option("cache", "private") == "private");
    CHECK(ro.has_option("mode"));
    CHECK_FALSE(ro.has_option("cache"));

    CHECK(parse_url("sqlite://:memory:?cache=shared").option("cache") == "shared");
    CHECK(parse_url("sqlite:///my%20file%3F.db").database == "my file?.db");
    CHECK(parse_url("sqlite:////home/a@b/x.db").database == "/home/a@b/x.db");  // '@' in a path
    CHECK(parse_url("sqlite:///1号.db").database == "1号.db");
    CHECK(parse_url("  sqlite:///jobs.db\n").database == "jobs.db");  // from an env variable
}

TEST_CASE("mysql URLs: every part") {
    auto u = parse_url(
        "mysql://user:password@db.example.com:3307/shop?charset=utf8mb4&connect_timeout=5");
    CHECK(u.drivername == "mysql");
    CHECK(u.backend() == "mysql");
    CHECK(u.username == "user");
    CHECK(u.password == "password");
    CHECK(u.host == "db.example.com");
    CHECK(u.port == 3307);
    CHECK(u.database == "shop");
    REQUIRE(u.query.size() == 2);
    CHECK(u.query[0] == std::pair<std::string, std::string>{"charset", "utf8mb4"});
    CHECK(u.query[1] == std::pair<std::string, std::string>{"connect_timeout", "5"});
    CHECK(u.option("connect_timeout") == "5");

    auto bare = parse_url("mysql://127.0.0.1");
    CHECK(bare.host == "127.0.0.1");
    CHECK(bare.username.empty());
    CHECK_FALSE(bare.port);
    CHECK(bare.database.empty());

    auto user_only = parse_url("mysql://root@localhost/db");
    CHECK(user_only.username == "root");
    CHECK(user_only.password.empty());

    auto no_db_query = parse_url("mysql://h?charset=utf8mb4");
    CHECK(no_db_query.database.empty());
    CHECK(no_db_query.option("charset") == "utf8mb4");

    auto socket = parse_url("mysql://u:p@/db?unix_socket=/run/mysqld/mysqld.sock");
    CHECK(socket.host.empty());
    CHECK(socket.option("unix_socket") == "/run/mysqld/mysqld.sock");
}

TEST_CASE("mysql URLs: drivers, mariadb, IPv6, case") {
    CHECK(parse_url("mysql+mysqldb://u@h/db").drivername == "mysql");
    CHECK(parse_url("mysql+pymysql://u@h/db").drivername == "mysql");
    auto m = parse_url("mariadb+mariadbconnector://u@h/db");
    CHECK(m.drivername == "mariadb");
    CHECK(m.backend() == "mysql");
    CHECK(parse_url("MySQL://u@h/db").drivername == "mysql");

    auto v6 = parse_url("mysql://u:p@[::1]:3306/db");
    CHECK(v6.host == "::1");
    CHECK(v6.port == 3306);
    CHECK(v6.database == "db");
    CHECK(parse_url("mysql://[fe80::1:2]/db").host == "fe80::1:2");
}

TEST_CASE("percent-decoding of user, password, database and query") {
    auto u = parse_url("mysql://us%40er:p%40ss%3Aw%2Fo%25rd@h/my%2Ddb?init=SET+a%3D1&k%20ey=v");
    CHECK(u.username == "us@er");
    CHECK(u.password == "p@ss:w/o%rd");
    CHECK(u.database == "my-db");
    CHECK(u.option("init") == "SET a=1");  // '+' is a space in the query, as in parse_qsl
    CHECK(u.option("k ey") == "v");
    CHECK(parse_url("mysql://u:a+b@h/db").password == "a+b");  // but not in the password

    // Raw ':', '/', '?' and '@' in a password: the last '@' ends the user part.
    auto raw = parse_url("mysql://u:p@s:s/w?d@host:3306/db?x=1");
    CHECK(raw.username == "u");
    CHECK(raw.password == "p@s:s/w?d");
    CHECK(raw.host == "host");
    CHECK(raw.port == 3306);
    CHECK(raw.option("x") == "1");

    // '@' in a query value without a user part is not a user part.
    CHECK(parse_url("mysql://h/db?x=a@b").option("x") == "a@b");
    CHECK(parse_url("mysql://h/db?empty=").option("empty", "fallback").empty());
    CHECK(parse_url("mysql://h/db?a=1&&b=2&").query.size() == 2);
}

TEST_CASE("render_safe hides the password and parses back") {
    auto u = parse_url("mysql://user:s3cret@h:3306/db?charset=utf8mb4");
    CHECK(u.render_safe() == "mysql://user:***@h:3306/db?charset=utf8mb4");
    CHECK(parse_url("mysql+mysqldb://u@[::1]/db").render_safe() == "mysql://u@[::1]/db");
    CHECK(parse_url("sqlite://").render_safe() == "sqlite://");
    CHECK(parse_url("sqlite:////abs/x.db?mode=ro").render_safe() == "sqlite:////abs/x.db?mode=ro");

    for (const char* text : {"mysql://us%40er:pw@h:1/d%2Fb?a=x%26y&b=c+d", "sqlite:///we%3Fird.db",
                             "mariadb://h", "sqlite:///C:/data/x.db"}) {
        auto first = parse_url(text);
        auto again = parse_url(first.render_safe());
        CHECK(again.drivername == first.drivername);
        CHECK(again.username == first.username);
        CHECK(again.host == first.host);
        CHECK(again.port == first.port);
        CHECK(again.database == first.database);
        CHECK(again.query == first.query);
    }
}

TEST_CASE("malformed URLs: argument_error names the part, never the password") {
    struct bad {
        const char* url;
        const char* names;  // a piece the message must contain
    };
    const bad cases[] = {
        {"mysql://u:hunter2@h:abc/db", "port 'abc' is not a number"},
        {"mysql://u:hunter2@h:70000/db", "port 70000 is out of range"},
        {"mysql://u:hunter2@h:0/db", "port 0 is out of range"},
        {"mysql://u:hunter2@h:99999999999999999999/db", "out of range"},
        {"mysql://u:hunter2@h:/db", "empty port"},
        {"postgresx://u:hunter2@h/db", "unknown scheme 'postgresx'"},
        {"mysql:/u:hunter2@h/db", "missing '://'"},
        {"u:hunter2@h/db", "missing '://'"},
        {"://u:hunter2@h/db", "empty scheme"},
        {"my sql://u:hunter2@h/db", "scheme 'my sql'"},
        {"mysql+://u:hunter2@h/db", "backend+driver"},
        {"mysql://u:hunter2@/db", "empty host"},
        {"mysql://u:hunter2@:3306/db", "empty host"},
        {"mysql://u:hunter2@h/db?charset=a&charset=b", "duplicate query option 'charset'"},
        {"mysql://u:hunter2@h/db?mode", "query option 'mode' has no '=value'"},
        {"mysql://u:hunter2@h/db?=x", "empty name"},
        {"mysql://u%zz:hunter2@h/db", "invalid percent-escape '%zz' in the user name"},
        {"mysql://u:hunter2%zz@h/db", "invalid percent-escape in the password"},
        {"mysql://u:hunter2@h/d%4", "invalid percent-escape '%4' in the database"},
        {"mysql://u:hunter2@h/db?x=%G1", "in the query option 'x'"},
        {"mysql://u:hunter2@h/d%00b", "%00"},
        {"mysql://u:hunter2@[::1/db", "no closing ']'"},
        {"mysql://u:hunter2@[]/db", "empty IPv6 host"},
        {"mysql://u:hunter2@[::1]x/db", "after IPv6 host"},
        {"mysql://u:hunter2@[::g]/db", "IPv6 host '[::g]'"},
        {"mysql://u:hunter2@::1/db", "in brackets"},
        {"sqlite://u:hunter2@/x.db", "no user name or password"},
        {"sqlite://localhost/x.db", "no host or port, got host 'localhost'"},
        // No '@': "hunter2" reads as a port, and might be a password, so it is hidden too.
        {"mysql://u:hunter2/db", "port is not a number"},
        {"sqlite://u:hunter2/x.db", "no host or port, got host 'u'"},
    };
    for (const bad& b : cases) {
        std::string msg = error_of(b.url);
        INFO("url: " << b.url << "\nmessage: " << msg);
        CHECK(msg.rfind("sqlforge: malformed URL: ", 0) == 0);
        CHECK(contains(msg, b.names));
        CHECK_FALSE(contains(msg, "hunter2"));
    }
}

TEST_CASE("malformed URL messages show the URL with the password as ***") {
    CHECK(error_of("mysql://u:abc123@h:abc/db") ==
          "sqlforge: malformed URL: port 'abc' is not a number in 'mysql://u:***@h:abc/db'");
    CHECK(error_of("postgresx://u:pw@h/db") ==
          "sqlforge: malformed URL: unknown scheme 'postgresx' (expected sqlite, mysql or "
          "mariadb) in 'postgresx://u:***@h/db'");
    CHECK(contains(error_of("mysql://u:p@ss@h:x/db"), "'mysql://u:***@h:x/db'"));
    CHECK(contains(error_of("mysql://u:secret/db"), "'mysql://u:***/db'"));
}
