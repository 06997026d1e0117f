#pragma once
// One prepared SQLite statement: bind parameters, step, read columns.
//
// Statements are created and owned by a connection's cache (connection::prepare /
// prepare_cached) and live as long as the connection, so a statement& stays valid and is
// reused. Indexes are 0-based for parameters and columns alike (SQLite's parameters are
// 1-based: the +1 happens here, once). Binding, stepping and reading never allocate: they
// are the hot path of every query.
#include <sqlite3.h>

#include <climits>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>

#include "sqlforge/backend/sqlite/errors.hpp"

namespace sqlforge::backend::sqlite {

static_assert(SQLITE_VERSION_NUMBER >= 3037000,
              "sqlforge: the SQLite backend needs SQLite 3.37 or newer (sqlite3_changes64)");

class connection;

namespace detail {
template <class T>
concept other_integral = std::is_integral_v<T> && !std::is_same_v<T, std::int64_t> &&
                         !std::is_same_v<T, std::uint64_t>;
}  // namespace detail

class statement {
public:
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;
    ~statement() { sqlite3_finalize(stmt_); }

    // Ready to bind and run again: drops a half-read result and forgets every binding: no
    // value bound before reset() is read again, and a parameter that is not bound again runs
    // as NULL. (SQLite is told at the next step(), and only about the parameters that were
    // not bound again: a statement bound again in full, as every execution does, never pays
    // for sqlite3_clear_bindings. Until then SQLite holds the old pointers of bind(string_view)
    // and bind_blob() but never reads them: only a step() would.)
    void reset() noexcept {
        if (!dirty_) return;
        sqlite3_reset(stmt_);  // returns the last step's error, which step() already threw
        if (unbound_check_) {
            stale_ = true;
            bound_ = 0;
        } else {
            sqlite3_clear_bindings(stmt_);  // more than 64 parameters: no mask, clear now
        }
        dirty_ = false;
    }

    // --- parameters (0-based) ------------------------------------------------------------
    void bind_null(int i) { check_bind(sqlite3_bind_null(stmt_, i + 1), i); }

    void bind(int i, std::int64_t v) { check_bind(sqlite3_bind_int64(stmt_, i + 1, v), i); }

    // SQLite integers are signed 64-bit: a larger value would come back negative, so refuse it.
    void bind(int i, std::uint64_t v) {
        if (v > static_cast<std::uint64_t>(INT64_MAX)) [[unlikely]]
            fail(SQLITE_MISMATCH, "parameter " + std::to_string(i) + ": " + std::to_string(v) +
                                      " is above INT64_MAX, the largest SQLite integer");
        bind(i, static_cast<std::int64_t>(v));
    }

    void bind(int i, double v) { check_bind(sqlite3_bind_double(stmt_, i + 1, v), i); }

    // The other integral types (int, unsigned, bool, ...) so that bind(0, 42) is not ambiguous.
    template <detail::other_integral T>
    void bind(int i, T v) {
        if constexpr (std::is_signed_v<T>)
            bind(i, static_cast<std::int64_t>(v));
        else
            bind(i, static_cast<std::uint64_t>(v));
    }

    // Text is bound SQLITE_STATIC, i.e. not copied: the caller keeps `v` alive and unchanged
    // until the statement is reset (or rebound). Embedded NULs are kept (the length is passed).
    void bind(int i, std::string_view v) {
        // A null data() would bind SQL NULL; an empty string_view must stay ''.
        const char* p = v.data() ? v.data() : "";
        // sqlite3_bind_text (int length) below 2 GiB: the 64-bit entry point is one more call
        // and its code one more cache line per insert (W1 in benchmarks/).
        const int rc = v.size() <= static_cast<std::size_t>(std::numeric_limits<int>::max())
                           ? sqlite3_bind_text(stmt_, i + 1, p, static_cast<int>(v.size()), SQLITE_STATIC)
                           : sqlite3_bind_text64(stmt_, i + 1, p, v.size(), SQLITE_STATIC, SQLITE_UTF8);
        check_bind(rc, i);
    }

    // Text SQLite copies (SQLITE_TRANSIENT): for values converted just for binding (dates,
    // custom types), which do not outlive the bind call.
    void bind_copy(int i, std::string_view v) {
        const char* p = v.data() ? v.data() : "";
        check_bind(sqlite3_bind_text64(stmt_, i + 1, p, v.size(), SQLITE_TRANSIENT, SQLITE_UTF8), i);
    }

    // Blobs are bound SQLITE_STATIC too: `p` must stay valid until reset().
    void bind_blob(int i, const void* p, std::size_t n) {
        // sqlite3_bind_blob with a null pointer binds NULL; an empty blob is a zero-length blob.
        int rc = p ? sqlite3_bind_blob64(stmt_, i + 1, p, n, SQLITE_STATIC)
                   : sqlite3_bind_zeroblob64(stmt_, i + 1, 0);
        check_bind(rc, i);
    }
    void bind_blob(int i, std::span<const std::byte> b) { bind_blob(i, b.data(), b.size()); }

    int parameter_count() const noexcept { return sqlite3_bind_parameter_count(stmt_); }
    // ":name", "@name", "$name" or "?NNN" as written in the SQL; "" for a plain "?".
    std::string_view parameter_name(int i) const noexcept {
        const char* n = sqlite3_bind_parameter_name(stmt_, i + 1);
        return n ? n : "";
    }

    // --- running ---------------------------------------------------------------------------
    // Runs (first call) or fetches the next row: true if a row is there, false when done.
    // On an error the statement is reset (bindings kept, so it can be retried) and the
    // mapped error is thrown.
    bool step() {
        dirty_ = true;
        if (stale_) [[unlikely]]
            drop_stale_bindings();
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        fail_step(rc);
    }

    // Runs to completion (skipping any rows) and counts nothing: for the writes whose row
    // count nobody reads (session.add, the transaction verbs), which would otherwise pay for
    // execute()'s three extra calls into SQLite on every row.
    void run_to_completion() {
        while (step()) {
        }
    }

    // Runs to completion (skipping any rows) and returns the rows it inserted, updated or
    // deleted (not counting triggers). sqlite3_changes64 alone would be stale after a SELECT
    // or DDL (it reports the last INSERT/UPDATE/DELETE), hence the total_changes guard.
    std::int64_t execute() {
        sqlite3* db = sqlite3_db_handle(stmt_);
        std::int64_t before = sqlite3_total_changes64(db);
        while (step()) {
        }
        return sqlite3_total_changes64(db) == before ? 0 : sqlite3_changes64(db);
    }

    // --- columns (0-based), valid after step() returned true -------------------------------
    int column_count() const noexcept { return sqlite3_column_count(stmt_); }
    std::string_view column_name(int i) const noexcept {
        const char* n = sqlite3_column_name(stmt_, i);
        return n ? n : "";
    }
    bool is_null(int i) const noexcept { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
    std::int64_t get_int64(int i) const noexcept { return sqlite3_column_int64(stmt_, i); }
    std::uint64_t get_uint64(int i) const {
        std::int64_t v = get_int64(i);
        if (v < 0) [[unlikely]]
            fail(SQLITE_MISMATCH, "column " + std::to_string(i) + " ('" +
                                      std::string(column_name(i)) + "'): " + std::to_string(v) +
                                      " is negative and cannot be read as an unsigned integer");
        return static_cast<std::uint64_t>(v);
    }
    double get_double(int i) const noexcept { return sqlite3_column_double(stmt_, i); }

    // Valid until the next step() or reset(). Text first, then its length: that order is
    // the one SQLite documents (the length call must see the converted value).
    std::string_view get_text(int i) const noexcept {
        auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
        if (!p) return {};
        return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i))};
    }
    std::span<const std::byte> get_blob(int i) const noexcept {
        auto p = static_cast<const std::byte*>(sqlite3_column_blob(stmt_, i));
        if (!p) return {};
        return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i))};
    }

    std::string_view sql() const noexcept { return sql_; }
    sqlite3_stmt* native_handle() const noexcept { return stmt_; }

private:
    friend class connection;

    // Only a connection prepares statements (it owns them). Throws programming_error for
    // SQL that SQLite rejects, for empty SQL, and for more than one statement (prepare
    // would silently ignore the rest: scripts go through connection::exec).
    statement(sqlite3* db, std::string_view sql) : sql_(sql) {
        if (sql.size() > static_cast<std::size_t>(INT_MAX))
            throw_error(SQLITE_TOOBIG, "statement text is longer than 2 GiB", sql_.substr(0, 200));
        const char* tail = nullptr;
        int rc = sqlite3_prepare_v3(db, sql_.data(), static_cast<int>(sql_.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt_, &tail);
        if (rc != SQLITE_OK) throw_error(rc, db, sql_);
        if (!stmt_) throw_error(SQLITE_MISUSE, "empty statement (only spaces or comments)", sql_);
        const int n = sqlite3_bind_parameter_count(stmt_);
        unbound_check_ = n <= 64;
        all_ = n >= 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
        // Anything but spaces, ';' and comments after the first statement is a second one.
        std::size_t used = static_cast<std::size_t>(tail - sql_.data());
        if (used < sql_.size()) {
            sqlite3_stmt* extra = nullptr;
            rc =
                sqlite3_prepare_v2(db, tail, static_cast<int>(sql_.size() - used), &extra, nullptr);
            sqlite3_finalize(extra);
            if (rc != SQLITE_OK || extra) {
                sqlite3_finalize(stmt_);
                throw_error(SQLITE_MISUSE,
                            "more than one statement in prepare(); run scripts with exec()", sql_);
            }
        }
    }

    void check_bind(int rc, int i) {
        dirty_ = true;
        if (rc != SQLITE_OK) [[unlikely]]
            fail_bind(rc, i);
        bound_ |= std::uint64_t{1} << (static_cast<unsigned>(i) & 63u);  // used only with <= 64 parameters
    }

    // The first step() after reset(): every parameter not bound since becomes NULL.
    void drop_stale_bindings() noexcept {
        stale_ = false;
        if ((bound_ & all_) == all_) return;  // all bound again: nothing old is left
        if (bound_ == 0) {
            sqlite3_clear_bindings(stmt_);
            return;
        }
        for (int i = 0; i < 64; ++i)
            if ((all_ >> i & 1u) && !(bound_ >> i & 1u)) sqlite3_bind_null(stmt_, i + 1);
    }

    [[noreturn]] void fail_bind(int rc, int i) const {
        std::string what = "cannot bind parameter " + std::to_string(i) + " (0-based) of " +
                           std::to_string(parameter_count());
        if (rc == SQLITE_MISUSE) what += ": the statement is running, call reset() first";
        fail(rc, what + ": " + sqlite3_errstr(rc));
    }

    [[noreturn]] void fail_step(int rc) {
        // Copy the message before reset: SQLite would keep it, but nothing promises that.
        std::string msg = sqlite3_errmsg(sqlite3_db_handle(stmt_));
        sqlite3_reset(stmt_);
        fail(rc, msg);
    }

    [[noreturn]] void fail(int rc, std::string_view msg) const { throw_error(rc, msg, sql_); }

    sqlite3_stmt* stmt_ = nullptr;
    std::string sql_;
    bool dirty_ = false;  // bound or stepped since the last reset: reset() has work to do
    bool stale_ = false;  // reset() since the last step(): parameters not bound since hold old values
    bool unbound_check_ = true;  // at most 64 parameters: bound_ / all_ track them
    std::uint64_t bound_ = 0;    // parameters bound since the last reset (bit i = parameter i)
    std::uint64_t all_ = 0;      // one bit per parameter of the statement
};

}  // namespace sqlforge::backend::sqlite
