#pragma once
// create_engine(url): the URL picks the backend and its options; the engine owns the pool.
// Engines are cheap to copy (they share one state) and safe to use from many threads.
//   sqlite:///relative.db  sqlite:////abs/path.db  sqlite://:memory:
//       ?mode=ro|rw|rwc  ?timeout=<ms>  ?begin=deferred|immediate|exclusive
//   mysql://user:password@127.0.0.1:3306/db?charset=utf8mb4&connect_timeout=5
//       ?charset  ?connect_timeout / read_timeout / write_timeout=<s>  ?unix_socket=<path>
//       ?ssl_mode  ?ssl_ca  ?ssl_cert  ?ssl_key
// An option the backend does not know is an argument_error (a typo must not pass unnoticed).
// A SQLite :memory: database lives in one connection, so its pool holds exactly one.
#include <sqlforge/orm/backends.hpp>
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/orm/pool.hpp>
#include <sqlforge/orm/url.hpp>

#include <charconv>
#include <initializer_list>
#include <chrono>
#include <limits>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace sqlforge {

namespace detail {

inline unsigned url_number(const url& u, std::string_view key, unsigned fallback) {
    std::string v = u.option(key, "");
    if (v.empty()) return fallback;
    unsigned n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    // Up to INT_MAX: the SQLite busy timeout is an int (a larger value would turn negative,
    // which SQLite reads as "no timeout").
    if (ec != std::errc{} || p != v.data() + v.size() || n > static_cast<unsigned>(std::numeric_limits<int>::max()))
        throw argument_error("sqlforge: URL option '" + std::string(key) + "' must be a whole number from 0 to " +
                             std::to_string(std::numeric_limits<int>::max()) + ", not '" + v + "' in " + u.render_safe());
    return n;
}

// Throws argument_error for a query option of u that is not in `known`.
inline void check_url_options(const url& u, std::initializer_list<std::string_view> known) {
    for (const auto& kv : u.query) {
        bool ok = false;
        for (std::string_view k : known) ok = ok || kv.first == k;
        if (ok) continue;
        std::string list;
        for (std::string_view k : known) {
            if (!list.empty()) list += ", ";
            list += k;
        }
        throw argument_error("sqlforge: unknown URL option '" + kv.first + "' for " + u.drivername + " in " +
                             u.render_safe() + " (known: " + list + ")");
    }
}

struct engine_state {
    url address;
    backend_kind kind;
    connection_pool pool;

    engine_state(url u, backend_kind k, connection_pool::factory f, pool_options o)
        : address(std::move(u)), kind(k), pool(std::move(f), o) {}
};

}  // namespace detail

class connection;

class engine {
public:
    explicit engine(std::shared_ptr<detail::engine_state> s) : state_(std::move(s)) {}

    // Every member but release() throws invalid_request_error on an engine that was moved
    // from (it has no pool); assigning another engine to it makes it usable again.
    backend_kind kind() const { return state().kind; }
    const url& address() const { return state().address; }
    // The pool's counters: idle, checked out, opened and closed so far. status() is the same.
    sqlforge::pool_status pool_status() const { return state().pool.status(); }
    sqlforge::pool_status status() const { return state().pool.status(); }
    const pool_options& options() const { return state().pool.options(); }
    // Closes the pooled connections (checked-out ones when they come back); new ones open
    // on demand. For a sqlite://:memory: engine that also drops the database.
    void dispose() { state().pool.dispose(); }

    // A Core connection (SQLAlchemy's engine.connect()); defined in orm/connection.hpp.
    connection connect() const;

    // Low level: a connection out of the pool and back (see orm/connection.hpp for the
    // user-facing connect()). `broken`: a lost connection, to be closed rather than pooled.
    std::unique_ptr<backend_connection> acquire() { return state().pool.acquire(); }
    void release(std::unique_ptr<backend_connection> c, bool broken = false) noexcept {
        if (state_) state_->pool.release(std::move(c), broken);
    }

private:
    detail::engine_state& state() const {
        if (!state_) [[unlikely]]
            throw invalid_request_error("sqlforge: this engine was moved from: it has no pool; assign an engine to it "
                                        "or use the one it was moved to");
        return *state_;
    }

    std::shared_ptr<detail::engine_state> state_;
};

// Parses the URL and prepares the pool; connections open on first use. A malformed URL, an
// unknown scheme or a bad option throws argument_error; a backend this build lacks too.
inline engine create_engine(std::string_view text, pool_options opts = {}) {
    url u = parse_url(text);
    if (u.drivername == "sqlite") {
#if SQLFORGE_HAS_SQLITE
        detail::check_url_options(u, {"mode", "timeout", "begin"});
        backend::sqlite::open_options o;
        o.path = u.database.empty() ? ":memory:" : u.database;
        std::string mode = u.option("mode", "rwc");
        if (mode == "ro") o.read_only = true;
        else if (mode == "rw") o.create = false;
        else if (mode != "rwc")
            throw argument_error("sqlforge: URL option 'mode' must be ro, rw or rwc, not '" + mode + "' in " +
                                 u.render_safe());
        o.busy_timeout_ms = static_cast<int>(detail::url_number(u, "timeout", 5000));
        const std::string begin = u.option("begin", "deferred");
        if (begin == "immediate") o.begin = backend::sqlite::begin_mode::immediate;
        else if (begin == "exclusive") o.begin = backend::sqlite::begin_mode::exclusive;
        else if (begin != "deferred")
            throw argument_error("sqlforge: URL option 'begin' must be deferred, immediate or exclusive, not '" + begin +
                                 "' in " + u.render_safe());
        if (o.path == ":memory:") {
            opts.size = 1;
            opts.max_overflow = 0;
            opts.null_pool = false;
            opts.recycle = std::chrono::milliseconds{-1};  // recycling would drop the database
        }
        auto make = [o] { return std::make_unique<backend_connection>(std::in_place_type<backend::sqlite::connection>, o); };
        return engine{std::make_shared<detail::engine_state>(std::move(u), backend_kind::sqlite, make, opts)};
#else
        throw argument_error("sqlforge: this build has no SQLite backend (install libsqlite3-dev and rebuild)");
#endif
    }
    if (u.drivername == "mysql" || u.drivername == "mariadb") {
#if SQLFORGE_HAS_MYSQL
        detail::check_url_options(u, {"charset", "connect_timeout", "read_timeout", "write_timeout", "unix_socket",
                                       "ssl_mode", "ssl_ca", "ssl_cert", "ssl_key"});
        backend::mysql::connect_options o;
        o.host = u.host.empty() ? "127.0.0.1" : u.host;
        o.port = u.port ? static_cast<unsigned>(*u.port) : 3306u;
        o.user = u.username;
        o.password = u.password;
        o.database = u.database;
        o.charset = u.option("charset", "utf8mb4");
        o.connect_timeout = detail::url_number(u, "connect_timeout", 10);
        o.read_timeout = detail::url_number(u, "read_timeout", 30);
        o.write_timeout = detail::url_number(u, "write_timeout", 30);
        o.ssl_mode = u.option("ssl_mode", "");
        o.ssl_ca = u.option("ssl_ca", "");
        o.ssl_cert = u.option("ssl_cert", "");
        o.ssl_key = u.option("ssl_key", "");
        o.unix_socket = u.option("unix_socket", "");
        auto make = [o] { return std::make_unique<backend_connection>(std::in_place_type<backend::mysql::connection>, o); };
        return engine{std::make_shared<detail::engine_state>(std::move(u), backend_kind::mysql, make, opts)};
#else
        throw argument_error("sqlforge: this build has no MySQL backend (install default-libmysqlclient-dev and rebuild)");
#endif
    }
    throw argument_error("sqlforge: unknown database '" + u.drivername + "' in " + u.render_safe() +
                         " (use sqlite:// or mysql://)");
}

}  // namespace sqlforge
