// Inputs the fuzz targets (fuzz/, scripts/fuzz.sh) found that broke an invariant, kept as
// regression tests next to the library fix. Each names the target and what was wrong.
#include <doctest/doctest.h>

#include <sqlforge/orm/url.hpp>

#include <string>
#include <string_view>

using namespace std::string_literals;

namespace {

std::string url_error(std::string_view text) {
    try {
        sqlforge::parse_url(text);
    } catch (const sqlforge::argument_error& e) {
        return e.what();
    }
    FAIL("no argument_error for a URL of " << text.size() << " bytes");
    return {};
}

}  // namespace

// fuzz_url, crash-767bbf83: a raw NUL byte in a query option name was accepted, while %00 is
// refused everywhere; render_safe() then wrote it as %00 and the URL no longer parsed back.
// Worse, the C client libraries take user, password and database as C strings and would
// silently cut them at the NUL. Now a raw NUL anywhere is an argument_error, shown as \0.
TEST_CASE("fuzz_url: a raw NUL byte in a URL is refused like %00, without showing the password") {
    const std::string crash = "mysql://user:pamsword@127.0.0.1/:d6b330?charset://u\0se:cr_timeo\xedt=5"s;
    std::string msg = url_error(crash);
    CHECK(msg.find("sqlforge: malformed URL: a NUL byte") == 0);
    CHECK(msg.find("pamsword") == std::string::npos);
    CHECK(msg.find('\0') == std::string::npos);
    CHECK(msg.find("u\\0se") != std::string::npos);

    msg = url_error("mysql://u:se\0cret@h/db"s);
    CHECK(msg.find("cret") == std::string::npos);
    CHECK(msg.find(":***@h") != std::string::npos);
    CHECK(url_error("mysql://u@h/d\0b"s).find("a NUL byte") != std::string::npos);
    CHECK(url_error("sqlite:///x\0.db"s).find("a NUL byte") != std::string::npos);
    CHECK(url_error("mysql://h\0ost/db"s).find("a NUL byte") != std::string::npos);
}

// fuzz_url, crash-0bab1d52: "mysql+ysd://t\r/" parsed with the host "t\r"; render_safe() wrote
// "mysql://t\r", whose trailing \r parse_url trims as surrounding space, so the host came back
// as "t". A host with a space or a control character is now refused.
TEST_CASE("fuzz_url: a host holding a space or a control character is refused") {
    CHECK(url_error("mysql+ysd://t\r/").find("sqlforge: malformed URL: host holds a space or a control character") == 0);
    for (std::string_view url : {"mysql://u:p@ho st/db", "mysql://h\t:3306/db", "mysql://h\x7f/db"}) {
        CAPTURE(url);
        std::string msg = url_error(url);
        CHECK(msg.find("sqlforge: malformed URL: ") == 0);
    }
    // Spaces around the whole URL are still trimmed.
    CHECK(sqlforge::parse_url(" mysql://h/db\r\n").host == "h");
}
