#pragma once
// A connection to MySQL / MariaDB through libmysqlclient's C API (on Debian:
// default-libmysqlclient-dev = MariaDB Connector/C; link `pkg-config --libs libmariadb`
// or `mysql_config --libs`), following docs/backend-protocol.md.
//
// What the connection does on open:
//  - mysql_library_init() once per process (std::call_once). mysql_library_end() is never
//    called: the library stays initialised until the process exits.
//  - TCP is forced (MYSQL_OPT_PROTOCOL) unless connect_options::unix_socket is set, so
//    host "localhost" means TCP to localhost, not the client's default unix socket.
//  - connect / read / write timeouts, the character set (utf8mb4 by default), no
//    LOAD DATA LOCAL, and MYSQL_OPT_RECONNECT explicitly off: a silent reconnect would lose
//    the session's transaction and prepared statements; reconnecting is the pool's job.
//  - CLIENT_FOUND_ROWS: an UPDATE reports matched rows, not changed rows (as SQLAlchemy's
//    MySQL dialects and SQLite do), so "0 rows" really means "no such row".
//  - SET SESSION sql_mode to strict (STRICT_ALL_TABLES, NO_ZERO_DATE, NO_ZERO_IN_DATE,
//    ERROR_FOR_DIVISION_BY_ZERO, NO_ENGINE_SUBSTITUTION, ONLY_FULL_GROUP_BY): a string too
//    long or a number out of range is an error, never a silent truncation; autocommit on.
//  A failure is an operational_error (argument_error for a bad option) whose message says
//  user, host, port and database, and never contains the password.
//
// Threads: a connection and its statements are used by one thread at a time (the pool hands
// them out). With MariaDB Connector/C nothing else is needed: mysql_thread_init() /
// mysql_thread_end() are no-ops there. MySQL's own libmysqlclient wants mysql_thread_init()
// in each thread that uses a connection it did not open, and mysql_thread_end() before that
// thread exits (else it leaks a little per-thread memory): thread_scope below does both.
//
// Statements are cached per connection and never evicted while the connection lives
// (references returned by prepare() stay valid); clear_statement_cache() drops them all.
// Feed prepare() a bounded set of texts: each cached statement holds a server-side handle
// (the server's max_prepared_stmt_count is global, 16382 by default).
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <mysql.h>

#include "sqlforge/backend/mysql/errors.hpp"
#include "sqlforge/backend/mysql/statement.hpp"
#include "sqlforge/orm/errors.hpp"

namespace sqlforge::backend::mysql {

struct connect_options {
    std::string host = "127.0.0.1";
    unsigned port = 3306;
    std::string user, password, database;
    std::string charset = "utf8mb4";
    unsigned connect_timeout = 10, read_timeout = 30, write_timeout = 30;  // seconds; 0 = library default
    std::string ssl_mode;  // "", "disabled", "required", "verify_ca", "verify_identity"
    std::string ssl_ca, ssl_cert, ssl_key;
    std::string unix_socket;  // if set: connect through this socket instead of TCP host:port
};
using connection_options = connect_options;  // the name docs/backend-protocol.md uses

// The session's SQL mode, set on every new connection.
inline constexpr std::string_view session_sql_mode =
    "STRICT_ALL_TABLES,NO_ZERO_DATE,NO_ZERO_IN_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
    "NO_ENGINE_SUBSTITUTION,ONLY_FULL_GROUP_BY";

// RAII mysql_thread_init() / mysql_thread_end() for a thread that uses connections it did
// not open (needed with MySQL's libmysqlclient; harmless no-ops with MariaDB Connector/C).
struct thread_scope {
    thread_scope() { mysql_thread_init(); }
    ~thread_scope() { mysql_thread_end(); }
    thread_scope(const thread_scope&) = delete;
    thread_scope& operator=(const thread_scope&) = delete;
};

namespace detail {

// mysql_library_init is not thread-safe: the first connection of the process calls it once.
inline void library_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (mysql_library_init(0, nullptr, nullptr) != 0)
            throw operational_error(2000, "MySQL error 2000 (HY000): mysql_library_init failed", "");
    });
}

struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

// "s3cr:t@pw" never appears in a message we build, even if a server were to echo it.
inline std::string scrub(std::string msg, const std::string& secret) {
    if (secret.size() < 3) return msg;  // too short to tell from ordinary text
    for (std::size_t at = msg.find(secret); at != std::string::npos; at = msg.find(secret, at + 3))
        msg.replace(at, secret.size(), "***");
    return msg;
}

inline bool valid_identifier(std::string_view name) noexcept {
    if (name.empty() || name.size() > 64) return false;
    for (char ch : name) {
        const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_';
        if (!ok) return false;
    }
    return true;
}

struct connection_impl : connection_state {
    std::unordered_map<std::string, std::unique_ptr<statement>, string_hash, std::equal_to<>> by_text;
    std::unordered_map<const char*, statement*> by_key;

    connection_impl() = default;
    connection_impl(const connection_impl&) = delete;
    connection_impl& operator=(const connection_impl&) = delete;
    ~connection_impl() {
        by_key.clear();
        by_text.clear();  // statements close before their connection
        if (db) mysql_close(db);
    }
};

}  // namespace detail

class connection {
public:
    explicit connection(const connect_options& o) : impl_(std::make_unique<detail::connection_impl>()) {
        detail::library_init();
        MYSQL* db = mysql_init(nullptr);
        if (!db) throw operational_error(2008, "MySQL error 2008 (HY000): mysql_init failed: out of memory", "");
        impl_->db = db;  // closed by ~connection_impl if anything below throws

        set_option(MYSQL_OPT_CONNECT_TIMEOUT, o.connect_timeout);
        set_option(MYSQL_OPT_READ_TIMEOUT, o.read_timeout);
        set_option(MYSQL_OPT_WRITE_TIMEOUT, o.write_timeout);
        if (!o.charset.empty() && mysql_options(db, MYSQL_SET_CHARSET_NAME, o.charset.c_str()) != 0)
            throw argument_error("mysql: cannot use character set '" + o.charset + "'");
        {
            detail::c_bool off = 0;
            mysql_options(db, MYSQL_OPT_RECONNECT, &off);
            // A fetch into a buffer too short for the value says so (statement::step relies
            // on it to find long values without looking at every column of every row).
            detail::c_bool on = 1;
            mysql_options(db, MYSQL_REPORT_DATA_TRUNCATION, &on);
        }
        {
            unsigned int no_local_infile = 0;
            mysql_options(db, MYSQL_OPT_LOCAL_INFILE, &no_local_infile);
        }
        if (o.unix_socket.empty()) {
            unsigned int tcp = MYSQL_PROTOCOL_TCP;
            mysql_options(db, MYSQL_OPT_PROTOCOL, &tcp);
        }
        apply_ssl(o);

        const char* host = o.unix_socket.empty() ? o.host.c_str() : nullptr;
        const char* socket = o.unix_socket.empty() ? nullptr : o.unix_socket.c_str();
        if (!mysql_real_connect(db, host, o.user.c_str(), o.password.c_str(),
                                o.database.empty() ? nullptr : o.database.c_str(), o.port, socket,
                                CLIENT_FOUND_ROWS)) {
            const unsigned code = mysql_errno(db);
            std::string where = "cannot connect to MySQL as '" + o.user + "' at " +
                                (socket ? std::string(socket) : o.host + ":" + std::to_string(o.port)) +
                                (o.database.empty() ? std::string() : ", database '" + o.database + "'") + ": ";
            std::string msg = where + format_error(code, mysql_sqlstate(db), mysql_error(db));
            throw operational_error(static_cast<int>(code), detail::scrub(std::move(msg), o.password), "");
        }

        // Connector/C 3.3 falls back to clear text when the server has no TLS unless the
        // certificate is verified: "required" is checked here, after the handshake.
        if ((o.ssl_mode == "required" || o.ssl_mode == "verify_ca" || o.ssl_mode == "verify_identity") &&
            mysql_get_ssl_cipher(db) == nullptr) {
            throw operational_error(2026,
                                    "cannot connect to MySQL as '" + o.user + "' at " + o.host + ":" +
                                        std::to_string(o.port) + ": MySQL error 2026 (HY000): ssl_mode=" +
                                        o.ssl_mode + " but the connection is not encrypted (does the server have TLS?)",
                                    "");
        }

        std::string init = "SET SESSION sql_mode='";
        init += session_sql_mode;
        init += "', autocommit=1";
        if (mysql_real_query(db, init.data(), static_cast<unsigned long>(init.size())) != 0) {
            const unsigned code = mysql_errno(db);
            throw operational_error(static_cast<int>(code), format_error(code, mysql_sqlstate(db), mysql_error(db)),
                                    init);
        }
    }

    connection(connection&&) noexcept = default;
    connection& operator=(connection&&) noexcept = default;
    ~connection() = default;

    // Closes the connection now (also done by the destructor); statements die with it.
    void close() noexcept { impl_.reset(); }
    bool is_open() const noexcept { return impl_ != nullptr; }

    // ---- statements --------------------------------------------------------------------

    // The cached statement for this text (prepared on first use). Throws programming_error
    // for SQL the server rejects.
    statement& prepare(std::string_view sql) {
        detail::connection_impl& c = impl();
        if (auto it = c.by_text.find(sql); it != c.by_text.end()) return *it->second;
        std::unique_ptr<statement> s{new statement(c, sql)};
        statement& ref = *s;
        c.by_text.emplace(std::string(sql), std::move(s));
        return ref;
    }

    // Fast path: key is the address of a static text (the DSL's compile-time SQL); after the
    // first call the lookup hashes a pointer and allocates nothing.
    statement& prepare_cached(const char* key, std::string_view sql) {
        detail::connection_impl& c = impl();
        if (auto it = c.by_key.find(key); it != c.by_key.end()) return *it->second;
        statement& s = prepare(sql);
        c.by_key.emplace(key, &s);
        return s;
    }

    std::size_t statement_cache_size() const noexcept { return impl_ ? impl_->by_text.size() : 0; }

    // Closes every cached statement: references from prepare() become invalid.
    void clear_statement_cache() noexcept {
        if (!impl_) return;
        impl_->by_key.clear();
        impl_->by_text.clear();
    }

    // One-shot statement through the text protocol: no parameters; a result set, if any, is
    // read and discarded (BEGIN, DDL, SET ...).
    void exec(std::string_view sql) {
        detail::connection_impl& c = impl();
        if (mysql_real_query(c.db, sql.data(), static_cast<unsigned long>(sql.size())) != 0) throw_error(c.db, sql);
        for (;;) {
            if (mysql_field_count(c.db) > 0) {
                MYSQL_RES* r = mysql_store_result(c.db);
                if (!r) throw_error(c.db, sql);
                mysql_free_result(r);
            } else {
                const auto affected = mysql_affected_rows(c.db);
                c.changes = affected == ~0ULL ? 0 : static_cast<std::int64_t>(affected);
                if (const auto id = mysql_insert_id(c.db); id != 0) c.last_insert_id = static_cast<std::int64_t>(id);
            }
            if (!mysql_more_results(c.db)) break;
            if (const int rc = mysql_next_result(c.db); rc > 0) throw_error(c.db, sql);
            else if (rc < 0) break;
        }
    }

    // The AUTO_INCREMENT value generated by the last statement that generated one.
    std::int64_t last_insert_id() const noexcept { return impl_ ? impl_->last_insert_id : 0; }
    // Rows affected by the last statement without a result set (matched rows for UPDATE).
    std::int64_t changes() const noexcept { return impl_ ? impl_->changes : 0; }

    // ---- transactions ------------------------------------------------------------------

    // START TRANSACTION. MySQL would silently COMMIT an open transaction first; this throws
    // programming_error instead.
    void begin() {
        if (in_transaction())
            throw programming_error(0, "a transaction is already in progress", "START TRANSACTION");
        exec("START TRANSACTION");
    }
    void commit() { exec("COMMIT"); }
    void rollback() { exec("ROLLBACK"); }
    void savepoint(std::string_view name) { exec(savepoint_sql("SAVEPOINT ", name)); }
    void release(std::string_view name) { exec(savepoint_sql("RELEASE SAVEPOINT ", name)); }
    void rollback_to(std::string_view name) { exec(savepoint_sql("ROLLBACK TO SAVEPOINT ", name)); }

    // The server's own flag (SERVER_STATUS_IN_TRANS), as of the last reply.
    bool in_transaction() const noexcept {
        return impl_ && impl_->db && (impl_->db->server_status & SERVER_STATUS_IN_TRANS) != 0;
    }

    // ---- health and identity -----------------------------------------------------------

    // mysql_ping with auto-reconnect off: false if the connection is dead (it stays dead).
    bool ping() noexcept { return impl_ && impl_->db && mysql_ping(impl_->db) == 0; }

    // The server's id for this connection (for KILL, SHOW PROCESSLIST).
    unsigned long thread_id() const noexcept { return impl_ ? mysql_thread_id(impl_->db) : 0; }

    std::string_view server_version() const noexcept {
        const char* v = impl_ ? mysql_get_server_info(impl_->db) : nullptr;
        return v ? std::string_view{v} : std::string_view{};
    }

    void* native_handle() noexcept { return impl_ ? impl_->db : nullptr; }
    MYSQL* handle() noexcept { return impl_ ? impl_->db : nullptr; }

private:
    detail::connection_impl& impl() {
        if (!impl_) throw operational_error(2006, "MySQL error 2006 (HY000): the connection is closed", "");
        return *impl_;
    }

    void set_option(mysql_option opt, unsigned seconds) {
        if (seconds == 0) return;
        unsigned int v = seconds;
        mysql_options(impl_->db, opt, &v);
    }

    static std::string savepoint_sql(std::string_view verb, std::string_view name) {
        if (!detail::valid_identifier(name))
            throw argument_error("mysql: invalid savepoint name '" + std::string(name) +
                                 "' (letters, digits and _ only, at most 64)");
        std::string s(verb);
        s += '`';
        s += name;
        s += '`';
        return s;
    }

    void apply_ssl(const connect_options& o) {
        MYSQL* db = impl_->db;
        const std::string& m = o.ssl_mode;
        const bool files = !o.ssl_ca.empty() || !o.ssl_cert.empty() || !o.ssl_key.empty();
        if (m != "" && m != "disabled" && m != "required" && m != "verify_ca" && m != "verify_identity")
            throw argument_error("mysql: unknown ssl_mode '" + m +
                                 "' (expected disabled, required, verify_ca or verify_identity)");
        if (m == "disabled" && files)
            throw argument_error("mysql: ssl_mode=disabled contradicts ssl_ca / ssl_cert / ssl_key");
        if (!o.ssl_ca.empty()) mysql_options(db, MYSQL_OPT_SSL_CA, o.ssl_ca.c_str());
        if (!o.ssl_cert.empty()) mysql_options(db, MYSQL_OPT_SSL_CERT, o.ssl_cert.c_str());
        if (!o.ssl_key.empty()) mysql_options(db, MYSQL_OPT_SSL_KEY, o.ssl_key.c_str());
#if defined(MARIADB_PACKAGE_VERSION_ID)
        // Connector/C 3.3 has no CA-only check: verify_ca also verifies the host name
        // (MYSQL_OPT_SSL_VERIFY_SERVER_CERT does both), i.e. it is as strict as verify_identity.
        if (m == "required" || m == "verify_ca" || m == "verify_identity") {
            detail::c_bool on = 1;
            mysql_options(db, MYSQL_OPT_SSL_ENFORCE, &on);
            detail::c_bool verify = m == "required" ? 0 : 1;
            mysql_options(db, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify);
        }
        // "disabled": Connector/C 3.3 uses TLS only when asked to, and nothing asked.
#else
        // MySQL's libmysqlclient (untested here).
        if (!m.empty()) {
            unsigned int mode = m == "disabled"   ? SSL_MODE_DISABLED
                                : m == "required" ? SSL_MODE_REQUIRED
                                : m == "verify_ca" ? SSL_MODE_VERIFY_CA
                                                   : SSL_MODE_VERIFY_IDENTITY;
            mysql_options(db, MYSQL_OPT_SSL_MODE, &mode);
        }
#endif
    }

    std::unique_ptr<detail::connection_impl> impl_;
};

}  // namespace sqlforge::backend::mysql
