// libFuzzer target: the URL parser (include/sqlforge/orm/url.hpp).
// Any input either parses or throws sqlforge::argument_error; nothing else may escape, and
// nothing may crash, leak or hit undefined behaviour. A URL that parses must survive the
// round trip through render_safe(): parsing the rendered text again gives the same URL
// with the password replaced by ***.
#include <sqlforge/orm/url.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

[[noreturn]] void broken(const char* what) {
    __builtin_trap();  // libFuzzer reports it with the input
    (void)what;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    sqlforge::url u;
    try {
        u = sqlforge::parse_url(text);
    } catch (const sqlforge::argument_error& e) {
        if (std::string_view(e.what()).substr(0, 10) != "sqlforge: ") broken("message without the sqlforge: prefix");
        return 0;
    }
    if (u.backend() != "sqlite" && u.backend() != "mysql") broken("unknown backend accepted");
    (void)u.option("mode");
    (void)u.has_option("timeout");

    const std::string safe = u.render_safe();
    sqlforge::url again;
    try {
        again = sqlforge::parse_url(safe);
    } catch (const sqlforge::argument_error&) {
        broken("render_safe() gave a URL that does not parse");
    }
    const std::string expected_password = u.password.empty() ? "" : "***";
    if (again.drivername != u.drivername || again.username != u.username || again.password != expected_password ||
        again.host != u.host || again.port != u.port || again.database != u.database || again.query != u.query)
        broken("render_safe() does not parse back to the same URL");
    return 0;
}
