#pragma once
// Database URLs, in SQLAlchemy's forms (sqlalchemy.engine.make_url):
//
//   sqlite://                 sqlite://:memory:          sqlite:///:memory:   in-memory database
//   sqlite:///relative.db     sqlite:////abs/path.db     sqlite:///jobs.db?mode=ro
//   mysql://user:password@host:3306/db?charset=utf8mb4&connect_timeout=5
//   mysql+mysqldb://..., mariadb://..., mysql://u:p@[::1]:3306/db
//
// Username, password, database and query keys and values are percent-decoded ("%40" is '@');
// in the query '+' is a space, as in HTML forms (parse_qsl). A password may contain raw ':',
// '/', '?' and '@' (the last '@' that can end the user part ends it), but '@' in a database
// name or query value must be written %40 when the URL has a user part.
//
// Errors are argument_error("sqlforge: malformed URL: <what is wrong> in '<url>'"): the URL
// is shown with its password replaced by ***, so a message can be logged as it is.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sqlforge/orm/errors.hpp"

namespace sqlforge {

struct url {
    std::string drivername;  // "sqlite", "mysql" or "mariadb"; a "+driver" suffix is dropped
    std::string username;
    std::string password;
    std::string host;  // an IPv6 address without its brackets
    std::optional<int> port;
    std::string database;  // sqlite: the file name or ":memory:"
    // In URL order; keys are unique.
    std::vector<std::pair<std::string, std::string>> query;

    // The backend that serves this URL: "sqlite" or "mysql" (MariaDB speaks MySQL's protocol).
    std::string_view backend() const noexcept {
        return drivername == "mariadb" ? std::string_view{"mysql"} : std::string_view{drivername};
    }

    // The value of query option `key`, or `fallback` if the URL does not set it.
    std::string option(std::string_view key, std::string_view fallback = {}) const {
        for (const auto& [k, v] : query)
            if (k == key) return v;
        return std::string(fallback);
    }
    bool has_option(std::string_view key) const noexcept {
        for (const auto& kv : query)
            if (kv.first == key) return true;
        return false;
    }

    // The URL with the password shown as ***, for logs and messages. Parsing it back gives
    // the same URL except for the password.
    std::string render_safe() const;
};

url parse_url(std::string_view text);

namespace detail::url_text {

inline bool is_alnum(char c) noexcept {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

inline int hex_value(char c) noexcept {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// Percent-encodes everything but RFC 3986's unreserved characters, the bytes of UTF-8
// sequences (kept readable) and `keep`.
inline void encode(std::string& out, std::string_view s, std::string_view keep = {}) {
    static constexpr char digits[] = "0123456789ABCDEF";
    for (char c : s) {
        auto b = static_cast<unsigned char>(c);
        if (is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || b >= 0x80 ||
            keep.find(c) != std::string_view::npos) {
            out += c;
        } else {
            out += '%';
            out += digits[b >> 4];
            out += digits[b & 0xF];
        }
    }
}

// The parts of one URL text, found in the order that keeps the password out of every
// message: the user part (and so the password) is located first, before anything can fail.
class parser {
public:
    explicit parser(std::string_view text) : text_(text) {}

    url run() {
        url u;
        std::size_t sep = text_.find("://");
        std::size_t rest_at = sep == std::string_view::npos ? 0 : sep + 3;
        if (sep == std::string_view::npos) {
            // No structure to trust: hide whatever lies between the last ':' and '@'.
            std::size_t at = text_.rfind('@');
            std::size_t colon = at == std::string_view::npos ? at : text_.rfind(':', at);
            if (colon != std::string_view::npos) hide(colon + 1, at);
            fail("missing '://' after the scheme (e.g. sqlite:///file.db, mysql://user@host/db)");
        }
        std::string_view rest = text_.substr(rest_at);
        find_user_part(rest, rest_at);
        // A raw NUL byte is refused as %00 is: the C client libraries would cut the value there.
        if (text_.find('\0') != std::string_view::npos) fail("a NUL byte");
        parse_scheme(text_.substr(0, sep), u);
        std::size_t after_at = rest_at + (has_user_ ? user_end_ + 1 : 0);
        std::string_view after = text_.substr(after_at);
        if (u.drivername == "sqlite")
            parse_sqlite(after, after_at, u);
        else
            parse_server(after, after_at, u);
        return u;
    }

private:
    [[noreturn]] void fail(std::string_view what) const {
        std::string msg = "sqlforge: malformed URL: ";
        msg += what;
        msg += " in '";
        msg += redacted();
        msg += "'";
        throw argument_error(msg);
    }

    void hide(std::size_t begin, std::size_t end) noexcept {
        hide_begin_ = begin;
        hide_end_ = end;
    }

    // The input with the password (or text that may be one, see parse_port) as ***.
    std::string redacted() const {
        std::string out{text_};
        if (hide_end_ > hide_begin_) out.replace(hide_begin_, hide_end_ - hide_begin_, "***");
        for (std::size_t i = out.find('\0'); i != std::string::npos; i = out.find('\0', i + 2)) out.replace(i, 1, "\\0");
        return out;
    }

    // "user[:password]@": ends at the last '@' whose user name (the text before the first
    // ':') holds no '/' or '?'. So "u:p@ss@host" has the password "p@ss", while the '@' in
    // "sqlite:////home/a@b/x.db" or "mysql://h/db?x=a@b" starts no user part.
    void find_user_part(std::string_view rest, std::size_t offset) {
        for (std::size_t at = rest.rfind('@'); at != std::string_view::npos;
             at = at == 0 ? std::string_view::npos : rest.rfind('@', at - 1)) {
            std::string_view user = rest.substr(0, at);
            std::string_view name = user.substr(0, user.find(':'));
            if (name.find_first_of("/?") != std::string_view::npos) continue;
            has_user_ = true;
            user_end_ = at;
            user_ = user;
            if (std::size_t colon = user.find(':'); colon != std::string_view::npos) {
                has_password_ = true;
                hide(offset + colon + 1, offset + at);
            }
            return;
        }
    }

    void parse_scheme(std::string_view scheme, url& u) const {
        if (scheme.empty()) fail("empty scheme before '://'");
        for (char c : scheme)
            if (!is_alnum(c) && c != '_' && c != '+')
                fail("scheme '" + std::string(scheme) +
                     "' may only hold letters, digits, '_' and '+'");
        std::string name;
        for (char c : scheme)
            name += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        std::size_t plus = name.find('+');
        if (plus != std::string::npos &&
            (plus == 0 || plus + 1 == name.size() || name.find('+', plus + 1) != std::string::npos))
            fail("scheme '" + std::string(scheme) + "' is not of the form backend+driver");
        name = name.substr(0, plus);
        if (name != "sqlite" && name != "mysql" && name != "mariadb")
            fail("unknown scheme '" + std::string(scheme) +
                 "' (expected sqlite, mysql or mariadb)");
        u.drivername = std::move(name);
    }

    // sqlite://[:memory:] | sqlite:///<path>  (so sqlite:////abs is the absolute path /abs)
    void parse_sqlite(std::string_view after, std::size_t offset, url& u) {
        if (has_user_) fail("sqlite URLs take no user name or password");
        std::size_t q = after.find('?');
        std::string_view head = after.substr(0, q);
        if (head.empty() || head == ":memory:") {
            u.database = ":memory:";
        } else if (head.front() == '/') {
            u.database = decode(head.substr(1), "database", false);
            if (u.database.empty()) u.database = ":memory:";
        } else {
            // As in parse_port: "sqlite://u:secret/x.db" may hold a password after the ':'.
            std::string_view host = head.substr(0, head.find('/'));
            if (std::size_t colon = host.find(':'); colon != std::string_view::npos) {
                hide(offset + colon + 1, offset + host.size());
                host = host.substr(0, colon);
            }
            fail("sqlite URLs take no host or port, got host '" + std::string(host) +
                 "' (write sqlite:///relative.db or sqlite:////absolute/path.db)");
        }
        if (q != std::string_view::npos) parse_query(after.substr(q + 1), u);
    }

    // [user[:password]@]host[:port][/database][?query]; `offset` is where `after` starts.
    void parse_server(std::string_view after, std::size_t offset, url& u) {
        if (has_user_) {
            std::string_view name = user_.substr(0, user_.find(':'));
            u.username = decode(name, "user name", false);
            if (has_password_) u.password = decode(user_.substr(name.size() + 1), "password", true);
        }
        std::size_t end = after.find_first_of("/?");
        std::string_view hostport = after.substr(0, end);
        std::string_view tail =
            end == std::string_view::npos ? std::string_view{} : after.substr(end);

        std::string_view port;
        bool has_port = false;
        if (!hostport.empty() && hostport.front() == '[') {
            std::size_t close = hostport.find(']');
            if (close == std::string_view::npos)
                fail("IPv6 host '" + std::string(hostport) + "' has no closing ']'");
            std::string_view ip = hostport.substr(1, close - 1);
            if (ip.empty()) fail("empty IPv6 host '[]'");
            for (char c : ip)
                if (hex_value(c) < 0 && c != ':' && c != '.')
                    fail("IPv6 host '[" + std::string(ip) +
                         "]' may only hold hex digits, ':' and '.'");
            u.host = ip;
            std::string_view after_ip = hostport.substr(close + 1);
            if (!after_ip.empty()) {
                if (after_ip.front() != ':')
                    fail("unexpected '" + std::string(after_ip) + "' after IPv6 host '[" +
                         std::string(ip) + "]'");
                has_port = true;
                port = after_ip.substr(1);
            }
        } else {
            std::size_t colon = hostport.find(':');
            u.host = hostport.substr(0, colon);
            if (colon != std::string_view::npos) {
                has_port = true;
                port = hostport.substr(colon + 1);
            }
            if (u.host.find_first_of("[]@") != std::string::npos)
                fail("host '" + u.host + "' holds '[', ']' or '@'");
            for (char c : u.host)
                if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
                    fail("host holds a space or a control character");
        }
        if (has_port) {
            std::size_t port_at = offset + static_cast<std::size_t>(port.data() - after.data());
            u.port = parse_port(port, port_at);
        }

        if (!tail.empty() && tail.front() == '/') {
            std::size_t q = tail.find('?');
            u.database =
                decode(tail.substr(1, q == std::string_view::npos ? q : q - 1), "database", false);
            tail = q == std::string_view::npos ? std::string_view{} : tail.substr(q);
        }
        if (!tail.empty()) parse_query(tail.substr(1), u);  // tail is "?..."

        // A server needs somewhere to connect to; a local socket counts (MySQL's default).
        if (u.host.empty() && !u.has_option("unix_socket"))
            fail("empty host (write " + u.drivername +
                 "://user:password@host/db, or give ?unix_socket=/path)");
    }

    int parse_port(std::string_view port, std::size_t at) {
        if (port.empty()) fail("empty port after ':'");
        bool digits = true;
        for (char c : port)
            digits = digits && c >= '0' && c <= '9';
        if (!digits) {
            if (port.find(':') != std::string_view::npos)
                fail("an IPv6 host must be written in brackets, e.g. [::1]");
            // Without an '@', "user:secret/db" reads as host "user", port "secret": that
            // "port" may be a password, so it is neither quoted nor shown.
            if (!has_user_) {
                hide(at, at + port.size());
                fail("port is not a number (if this is user:password, add '@host' after it)");
            }
            fail("port '" + std::string(port) + "' is not a number");
        }
        long value = 0;
        for (char c : port)
            value = value > 65535 ? value : value * 10 + (c - '0');
        if (value < 1 || value > 65535)
            fail("port " + std::string(port) + " is out of range 1-65535");
        return static_cast<int>(value);
    }

    // key=value&key=value; empty segments ("a=1&&b=2", a trailing '&') are skipped.
    void parse_query(std::string_view q, url& u) const {
        while (!q.empty()) {
            std::size_t amp = q.find('&');
            std::string_view item = q.substr(0, amp);
            q = amp == std::string_view::npos ? std::string_view{} : q.substr(amp + 1);
            if (item.empty()) continue;
            std::size_t eq = item.find('=');
            if (eq == std::string_view::npos)
                fail("query option '" + std::string(item) + "' has no '=value'");
            if (eq == 0) fail("query option with an empty name");
            std::string key = decode(item.substr(0, eq), "query option name", false, true);
            std::string value =
                decode(item.substr(eq + 1), "query option '" + key + "'", false, true);
            if (u.has_option(key)) fail("duplicate query option '" + key + "'");
            u.query.emplace_back(std::move(key), std::move(value));
        }
    }

    // %XY -> the byte 0xXY; '+' -> ' ' in the query. A bad escape in the password is
    // reported without showing it.
    std::string decode(std::string_view s, std::string_view part, bool secret,
                       bool plus_is_space = false) const {
        std::string out;
        out.reserve(s.size());
        for (std::size_t i = 0; i < s.size(); ++i) {
            char c = s[i];
            if (c == '+' && plus_is_space) {
                out += ' ';
            } else if (c != '%') {
                out += c;
            } else {
                int hi = i + 1 < s.size() ? hex_value(s[i + 1]) : -1;
                int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
                if (hi < 0 || lo < 0) {
                    if (secret) fail("invalid percent-escape in the password");
                    fail("invalid percent-escape '" + std::string(s.substr(i, 3)) + "' in the " +
                         std::string(part) + " (write '%' as %25)");
                }
                if (hi == 0 && lo == 0)
                    fail("percent-escape %00 (a NUL byte) in the " + std::string(part));
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
            }
        }
        return out;
    }

    std::string_view text_;
    bool has_user_ = false;
    bool has_password_ = false;
    std::size_t user_end_ = 0;  // index of the '@' in the text after "://"
    std::string_view user_;     // "user[:password]", still encoded
    std::size_t hide_begin_ = 0;
    std::size_t hide_end_ = 0;
};

}  // namespace detail::url_text

// Surrounding spaces are dropped (URLs often come from files and environment variables).
inline url parse_url(std::string_view text) {
    constexpr std::string_view space = " \t\r\n";
    std::size_t first = text.find_first_not_of(space);
    text = first == std::string_view::npos
               ? std::string_view{}
               : text.substr(first, text.find_last_not_of(space) - first + 1);
    return detail::url_text::parser{text}.run();
}

inline std::string url::render_safe() const {
    using detail::url_text::encode;
    std::string out = drivername + "://";
    if (drivername == "sqlite") {
        if (database != ":memory:") {
            out += '/';
            encode(out, database, "/:");
        }
    } else {
        if (!username.empty() || !password.empty()) {
            encode(out, username);
            if (!password.empty()) out += ":***";
            out += '@';
        }
        if (host.find(':') != std::string::npos)
            out += '[' + host + ']';
        else
            out += host;
        if (port) out += ':' + std::to_string(*port);
        if (!database.empty()) {
            out += '/';
            encode(out, database);
        }
    }
    for (std::size_t i = 0; i < query.size(); ++i) {
        out += i == 0 ? '?' : '&';
        encode(out, query[i].first);
        out += '=';
        encode(out, query[i].second);
    }
    return out;
}

}  // namespace sqlforge
