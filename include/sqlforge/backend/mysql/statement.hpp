#pragma once
// A prepared statement on the MySQL / MariaDB C API (MYSQL_STMT), following
// docs/backend-protocol.md. Statements are created and owned by a connection's cache
// (connection::prepare / prepare_cached) and reused: bind, step/execute, read, reset.
//
// Parameters: one zero-initialised MYSQL_BIND per `?` (sized from mysql_stmt_param_count)
// with the numeric values stored inside this object, so binding a number allocates nothing;
// strings and blobs point at the caller's buffer, which must stay alive until reset().
// reset() forgets every binding: bind all parameters again before the next run.
//
// Results: the first step() executes the statement and reads the whole result set into the
// client library's memory (mysql_stmt_store_result). So a statement can be read while other
// statements run on the same connection (no "commands out of sync"), and reset() of a
// half-read result costs no round trip. A caller that reads every row at once, with nothing
// else running on the connection in between (result::all()), calls stream_next_run() first:
// that run's rows are then fetched straight from the network as they are read, without the
// copy into client memory (what hand-written unbuffered C API code does); reset() of such a
// half-read result reads and drops the rest. Columns are bound in their native C type (integers
// of each width with their signedness, FLOAT, DOUBLE); everything else (DECIMAL, strings,
// blobs, dates and times, BIT, JSON) is fetched as bytes into a per-column buffer that starts
// small and grows: a value longer than the buffer is re-read with mysql_stmt_fetch_column,
// so nothing is ever truncated. Dates and times arrive as text ("2024-01-31 12:34:56.123456").
//
// Readers convert: get_int64/get_uint64/get_double accept any numeric column, DECIMAL text
// and numeric text; a value that does not fit the requested type (BIGINT UNSIGNED above
// INT64_MAX read as int64, a negative number read as uint64, a fractional value read as an
// integer, text that is not a number) raises data_error. Reading a NULL gives 0 / "" (check
// is_null() first), like sqlite3_column_*.
//
// Not thread-safe: a statement belongs to its connection, which one thread uses at a time.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <mysql.h>

#include "sqlforge/backend/mysql/errors.hpp"

namespace sqlforge::backend::mysql {

class connection;

namespace detail {

// my_bool (char) in MariaDB Connector/C, bool in MySQL 8's libmysqlclient.
using c_bool = std::remove_pointer_t<decltype(MYSQL_BIND::is_null)>;

// What a connection shares with its statements. Lives on the heap so that moving the
// connection object does not move it.
struct connection_state {
    MYSQL* db = nullptr;
    std::int64_t last_insert_id = 0;  // of the last statement that generated one
    std::int64_t changes = 0;         // rows affected by the last statement without a result set
};

inline MYSQL_FIELD* statement_fields(MYSQL_STMT* stmt) noexcept {
#if defined(MARIADB_PACKAGE_VERSION_ID)
    return mariadb_stmt_fetch_fields(stmt);
#else
    return stmt->fields;  // MySQL's libmysqlclient: MYSQL_STMT is not opaque (untested here)
#endif
}

}  // namespace detail

class statement {
public:
    statement(const statement&) = delete;
    statement& operator=(const statement&) = delete;
    ~statement() {
        if (stmt_) mysql_stmt_close(stmt_);
    }

    // ---- lifecycle ---------------------------------------------------------------------

    // Ready to bind again: drops a half-read result (client memory only, no round trip) and
    // forgets every parameter binding. Never throws.
    void reset() noexcept {
        if (phase_ == phase::rows) mysql_stmt_free_result(stmt_);
        phase_ = phase::ready;
        readable_ = 0;
        stream_ = false;
        for (auto& p : param_slots_) p.bound = false;
        for (std::size_t i = 0; i < columns_.size(); ++i) {
            column& c = columns_[i];
            if (c.is_bytes() && c.capacity > shrink_threshold) {
                // A cached statement keeps no huge buffer; the next run allocates a small one.
                c.data.reset();
                c.capacity = 0;
                result_binds_[i].buffer = nullptr;
                result_binds_[i].buffer_length = 0;
                rebind_results_ = true;
            }
        }
    }

    // ---- parameters (0-based) ----------------------------------------------------------

    void bind_null(int i) { set_param(param(i), MYSQL_TYPE_NULL, nullptr, 0, false); }
    void bind(int i, std::int64_t v) {
        MYSQL_BIND& b = param(i);
        param_slot& s = param_slots_[static_cast<std::size_t>(i)];
        s.i = static_cast<long long>(v);
        set_param(b, MYSQL_TYPE_LONGLONG, &s.i, sizeof(long long), false);
    }
    void bind(int i, std::uint64_t v) {
        MYSQL_BIND& b = param(i);
        param_slot& s = param_slots_[static_cast<std::size_t>(i)];
        s.u = static_cast<unsigned long long>(v);
        set_param(b, MYSQL_TYPE_LONGLONG, &s.u, sizeof(unsigned long long), true);
    }
    void bind(int i, double v) {
        MYSQL_BIND& b = param(i);
        param_slot& s = param_slots_[static_cast<std::size_t>(i)];
        s.d = v;
        set_param(b, MYSQL_TYPE_DOUBLE, &s.d, sizeof(double), false);
    }
    // Text in the connection's character set (utf8mb4). Up to 64 bytes are copied; a longer
    // value is not: keep it alive until reset().
    void bind(int i, std::string_view v) { bind_bytes(i, MYSQL_TYPE_STRING, v.data(), v.size()); }
    // Text the statement copies and keeps until the next bind of this parameter: for values
    // converted just for binding (dates, custom types). The copy's buffer is reused, so a
    // warm statement does not allocate for it.
    void bind_copy(int i, std::string_view v) {
        param_slot& slot = param_slots_.at(static_cast<std::size_t>(i));
        slot.text.assign(v.data(), v.size());
        bind_bytes(i, MYSQL_TYPE_STRING, slot.text.data(), slot.text.size());
        slot.copied = true;
    }
    // Binary data. Up to 64 bytes are copied; longer data is not: keep it alive until reset().
    void bind_blob(int i, const void* p, std::size_t n) {
        bind_bytes(i, MYSQL_TYPE_BLOB, static_cast<const char*>(p), n);
    }
    // Other integer types (int, unsigned, long long, bool...) without an ambiguous overload.
    template <std::integral T>
        requires(!std::same_as<T, std::int64_t> && !std::same_as<T, std::uint64_t>)
    void bind(int i, T v) {
        if constexpr (std::is_signed_v<T>)
            bind(i, static_cast<std::int64_t>(v));
        else
            bind(i, static_cast<std::uint64_t>(v));
    }
    void bind(int i, float v) { bind(i, static_cast<double>(v)); }
    void bind(int i, const char* v) {
        if (v)
            bind(i, std::string_view{v});
        else
            bind_null(i);
    }
    void bind(int i, const std::string& v) { bind(i, std::string_view{v}); }

    int parameter_count() const noexcept { return static_cast<int>(params_.size()); }

    // ---- running -----------------------------------------------------------------------

    // The next run's rows are read from the network one by one as step() asks for them,
    // instead of all at once into client memory first: for a caller that reads them all
    // without running anything else on this connection meanwhile. Until reset().
    void stream_next_run() noexcept { stream_ = true; }

    // First call: executes the statement and reads its result. Then: the next row.
    // Returns true while a row is there; false for a statement without a result set.
    bool step() {
        if (phase_ == phase::ready) {
            run();
            if (phase_ != phase::rows) return false;
        } else if (phase_ == phase::done) {
            return false;
        }
        if (rebind_results_) {
            if (mysql_stmt_bind_result(stmt_, result_binds_.data())) throw_error(stmt_, sql_);
            rebind_results_ = false;
        }
        const int rc = mysql_stmt_fetch(stmt_);
        if (rc == 1) {
            readable_ = 0;
            phase_ = phase::done;
            fetch_failed();
        }
        if (rc == MYSQL_NO_DATA) {
            readable_ = 0;
            phase_ = phase::done;
            mysql_stmt_free_result(stmt_);
            return false;
        }
        // 0 or MYSQL_DATA_TRUNCATED. A byte column longer than its buffer makes the fetch
        // return MYSQL_DATA_TRUNCATED (the connection sets MYSQL_REPORT_DATA_TRUNCATION), so
        // the lengths are only looked at then. The flag alone is not trusted (Connector/C 3.3
        // can report it for DOUBLE columns): a byte column is long exactly when its length
        // says so.
        if (rc == MYSQL_DATA_TRUNCATED) [[unlikely]] {
            for (std::size_t c = 0; c < columns_.size(); ++c) {
                column& col = columns_[c];
                if (col.is_bytes() && !col.is_null && col.length > col.capacity) fetch_long_value(c);
            }
        }
        readable_ = ncols_;
        return true;
    }

    // Runs a statement to completion (a result set, if any, is discarded) and returns the
    // number of rows affected -- matched rows for UPDATE (the connection sets
    // CLIENT_FOUND_ROWS, as SQLAlchemy does). Runs again if the statement ran already;
    // the bindings stay until reset().
    std::int64_t execute() {
        if (phase_ == phase::rows) mysql_stmt_free_result(stmt_);
        readable_ = 0;
        run();
        if (phase_ == phase::rows) {
            mysql_stmt_free_result(stmt_);
            phase_ = phase::done;
            return 0;
        }
        return affected_;
    }

    // Runs to completion and counts nothing (the protocol's cheaper execute(); on MySQL the
    // count comes with the reply, so it is execute() itself).
    void run_to_completion() { (void)execute(); }

    // Rows affected by the last run of this statement.
    std::int64_t affected_rows() const noexcept { return affected_; }

    // ---- columns (0-based) -------------------------------------------------------------

    int column_count() const noexcept { return static_cast<int>(columns_.size()); }
    std::string_view column_name(int i) const { return columns_[index(i)].name; }

    bool is_null(int i) const { return current(i).is_null != 0; }

    // Each getter has an inline fast path for a non-NULL column of the matching C type (what
    // the ORM reads, row after row) and the conversions out of line.
    std::int64_t get_int64(int i) const {
        const column& c = current(i);
        if (c.k == kind::integer && !c.is_unsigned && !c.is_null) [[likely]]
            return c.signed_value();
        return get_int64_slow(i, c);
    }

    std::uint64_t get_uint64(int i) const {
        const column& c = current(i);
        if (c.k == kind::integer && c.is_unsigned && !c.is_null) [[likely]]
            return c.unsigned_value();
        return get_uint64_slow(i, c);
    }

    double get_double(int i) const {
        const column& c = current(i);
        if (c.k == kind::floating && !c.is_null) [[likely]]
            return c.floating_value();
        return get_double_slow(i, c);
    }

    // Text of any column; a number is rendered (shortest round-trip form). Valid until the
    // next step() / reset().
    std::string_view get_text(int i) const {
        const column& c = current(i);
        if (c.is_bytes() && !c.is_null) [[likely]]
            return c.text();
        return get_text_slow(c);
    }

    std::span<const std::byte> get_blob(int i) const {
        const std::string_view t = get_text(i);
        return {reinterpret_cast<const std::byte*>(t.data()), t.size()};
    }

    std::string_view sql() const noexcept { return sql_; }
    MYSQL_STMT* native_handle() noexcept { return stmt_; }

private:
    friend class connection;

    enum class phase { ready, rows, done };
    // (order matters: is_bytes() is k >= decimal)
    enum class kind { integer, floating, decimal, bit, bytes };

    struct column;

    [[gnu::noinline]] std::int64_t get_int64_slow(int i, const column& c) const {
        if (c.is_null) return 0;
        switch (c.k) {
            case kind::integer:
                if (c.is_unsigned) {
                    const std::uint64_t u = c.unsigned_value();
                    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                        not_a(i, "std::int64_t");
                    return static_cast<std::int64_t>(u);
                }
                return c.signed_value();
            case kind::floating: {
                std::int64_t v = 0;
                if (!exact_integer(c.floating_value(), v)) not_a(i, "std::int64_t");
                return v;
            }
            case kind::bit: {
                const std::uint64_t u = c.bit_value();
                if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
                    not_a(i, "std::int64_t");
                return static_cast<std::int64_t>(u);
            }
            case kind::decimal:
            case kind::bytes: break;
        }
        std::int64_t v = 0;
        if (!parse_integer(c.text(), v)) not_a(i, "std::int64_t");
        return v;
    }

    [[gnu::noinline]] std::uint64_t get_uint64_slow(int i, const column& c) const {
        if (c.is_null) return 0;
        switch (c.k) {
            case kind::integer:
                if (c.is_unsigned) return c.unsigned_value();
                if (c.signed_value() < 0) not_a(i, "std::uint64_t");
                return static_cast<std::uint64_t>(c.signed_value());
            case kind::floating: {
                std::uint64_t v = 0;
                if (!exact_integer(c.floating_value(), v)) not_a(i, "std::uint64_t");
                return v;
            }
            case kind::bit: return c.bit_value();
            case kind::decimal:
            case kind::bytes: break;
        }
        std::uint64_t v = 0;
        if (!parse_integer(c.text(), v)) not_a(i, "std::uint64_t");
        return v;
    }

    [[gnu::noinline]] double get_double_slow(int i, const column& c) const {
        if (c.is_null) return 0.0;
        switch (c.k) {
            case kind::integer:
                return c.is_unsigned ? static_cast<double>(c.unsigned_value())
                                     : static_cast<double>(c.signed_value());
            case kind::floating: return c.floating_value();
            case kind::bit: return static_cast<double>(c.bit_value());
            case kind::decimal:
            case kind::bytes: break;
        }
        const std::string_view t = c.text();
        double v = 0.0;
        const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
        if (t.empty() || ec != std::errc{} || end != t.data() + t.size()) not_a(i, "double");
        return v;
    }

    [[gnu::noinline]] std::string_view get_text_slow(const column& c) const {
        if (c.is_null) return {};
        if (c.is_bytes()) return c.text();
        char* first = c.scratch;
        char* last = c.scratch + sizeof(c.scratch);
        std::to_chars_result r{};
        switch (c.k) {
            case kind::integer:
                r = c.is_unsigned ? std::to_chars(first, last, c.unsigned_value())
                                  : std::to_chars(first, last, c.signed_value());
                break;
            case kind::floating:
                r = c.is_float ? std::to_chars(first, last, c.float_value())
                               : std::to_chars(first, last, c.floating_value());
                break;
            default: return c.text();
        }
        return {first, static_cast<std::size_t>(r.ptr - first)};
    }

    static constexpr std::size_t shrink_threshold = std::size_t{1} << 20;  // 1 MiB

    struct param_slot {
        long long i = 0;
        unsigned long long u = 0;
        double d = 0.0;
        bool bound = false;
        bool copied = false;  // the bind points at `text` below
        std::string text;
        // Short text is copied here and bound with a length pointer: the MYSQL_BIND then does
        // not change from one execution to the next, so mysql_stmt_bind_param (~170
        // instructions, more inside Connector/C) is not called again for every row of a loop
        // of inserts whose strings live at other addresses. Copying 64 bytes costs less.
        unsigned long length = 0;
        char small[64] = {};
    };

    struct column {
        std::string name;
        enum_field_types type = MYSQL_TYPE_NULL;  // as reported by the server
        unsigned flags = 0;
        unsigned long declared_length = 0;
        kind k = kind::bytes;
        bool is_unsigned = false;
        bool is_float = false;  // FLOAT (4 bytes) rather than DOUBLE
        enum_field_types bound_type = MYSQL_TYPE_STRING;

        alignas(8) unsigned char number[8] = {};  // native numeric value, written by the driver
        std::unique_ptr<char[]> data;             // byte columns
        unsigned long capacity = 0;
        unsigned long length = 0;
        detail::c_bool is_null = 0;
        detail::c_bool error = 0;
        mutable char scratch[32] = {};  // get_text of a number

        bool is_bytes() const noexcept { return k >= kind::decimal; }  // decimal, bit, bytes
        std::string_view text() const noexcept {
            return data ? std::string_view{data.get(), length} : std::string_view{};
        }
        template <class T>
        T load() const noexcept {
            T v;
            std::memcpy(&v, number, sizeof(T));
            return v;
        }
        std::int64_t signed_value() const noexcept {
            switch (bound_type) {
                case MYSQL_TYPE_TINY: return load<signed char>();
                case MYSQL_TYPE_SHORT: return load<short>();
                case MYSQL_TYPE_LONG: return load<int>();
                default: return load<long long>();
            }
        }
        std::uint64_t unsigned_value() const noexcept {
            switch (bound_type) {
                case MYSQL_TYPE_TINY: return load<unsigned char>();
                case MYSQL_TYPE_SHORT: return load<unsigned short>();
                case MYSQL_TYPE_LONG: return load<unsigned int>();
                default: return load<unsigned long long>();
            }
        }
        float float_value() const noexcept { return load<float>(); }
        double floating_value() const noexcept {
            return is_float ? static_cast<double>(load<float>()) : load<double>();
        }
        std::uint64_t bit_value() const noexcept {  // BIT(n): big-endian bytes
            std::uint64_t v = 0;
            for (char ch : text()) v = (v << 8) | static_cast<unsigned char>(ch);
            return v;
        }
    };

    statement(detail::connection_state& state, std::string_view sql) : state_(&state), sql_(sql) {
        stmt_ = mysql_stmt_init(state_->db);
        if (!stmt_) throw_error(state_->db, sql_);
        try {
            prepare();
        } catch (...) {
            mysql_stmt_close(stmt_);
            throw;
        }
    }

    // mysql_stmt_prepare (again on the same handle after CR_NEW_STMT_METADATA) and the
    // parameter / column set-up.
    void prepare() {
        if (mysql_stmt_prepare(stmt_, sql_.data(), static_cast<unsigned long>(sql_.size())))
            throw_error(stmt_, sql_);
        const auto n = static_cast<std::size_t>(mysql_stmt_param_count(stmt_));
        params_.assign(n, MYSQL_BIND{});
        param_slots_.assign(n, param_slot{});
        params_changed_ = true;  // a new prepare forgets the bindings
        setup_columns();
        phase_ = phase::ready;
        readable_ = 0;
    }

    static unsigned long initial_capacity(unsigned long declared) noexcept {
        return std::clamp<unsigned long>(declared + 1, 64, 512);
    }

    void setup_columns() {
        const auto n = static_cast<std::size_t>(mysql_stmt_field_count(stmt_));
        MYSQL_FIELD* fields = n ? detail::statement_fields(stmt_) : nullptr;
        if (columns_.size() != n) {
            columns_.clear();
            columns_.resize(n);  // never resized again until the next setup: binds point into it
            ncols_ = static_cast<unsigned>(n);
            result_binds_.assign(n, MYSQL_BIND{});
        }
        for (std::size_t i = 0; i < n; ++i) {
            columns_[i].name.assign(fields[i].name ? fields[i].name : "", fields[i].name_length);
            setup_column(i, fields[i]);
        }
        rebind_results_ = n != 0;
    }

    // Chooses the C type a column is fetched into and binds it (zero-initialised MYSQL_BIND,
    // is_null / length / error pointing into the column).
    void setup_column(std::size_t i, const MYSQL_FIELD& f) {
        column& c = columns_[i];
        c.type = f.type;
        c.flags = f.flags;
        c.declared_length = f.length;
        c.is_unsigned = (f.flags & UNSIGNED_FLAG) != 0;
        c.is_float = false;
        switch (f.type) {
            case MYSQL_TYPE_TINY: c.k = kind::integer; c.bound_type = MYSQL_TYPE_TINY; break;
            case MYSQL_TYPE_SHORT:
            case MYSQL_TYPE_YEAR: c.k = kind::integer; c.bound_type = MYSQL_TYPE_SHORT; break;
            case MYSQL_TYPE_INT24:
            case MYSQL_TYPE_LONG: c.k = kind::integer; c.bound_type = MYSQL_TYPE_LONG; break;
            case MYSQL_TYPE_LONGLONG: c.k = kind::integer; c.bound_type = MYSQL_TYPE_LONGLONG; break;
            case MYSQL_TYPE_FLOAT:
                c.k = kind::floating; c.is_float = true; c.bound_type = MYSQL_TYPE_FLOAT;
                break;
            case MYSQL_TYPE_DOUBLE: c.k = kind::floating; c.bound_type = MYSQL_TYPE_DOUBLE; break;
            case MYSQL_TYPE_DECIMAL:
            case MYSQL_TYPE_NEWDECIMAL: c.k = kind::decimal; c.bound_type = MYSQL_TYPE_STRING; break;
            case MYSQL_TYPE_BIT: c.k = kind::bit; c.bound_type = MYSQL_TYPE_STRING; break;
            default: c.k = kind::bytes; c.bound_type = MYSQL_TYPE_STRING; break;
        }
        if (c.k == kind::integer) c.is_float = false;
        std::memset(c.number, 0, sizeof(c.number));
        c.length = 0;
        c.is_null = 0;
        c.error = 0;

        MYSQL_BIND& b = result_binds_[i];
        b = MYSQL_BIND{};
        rebind_results_ = true;
        b.buffer_type = c.bound_type;
        b.is_null = &c.is_null;
        b.length = &c.length;
        b.error = &c.error;
        if (c.is_bytes()) {
            ensure_capacity(i, initial_capacity(c.declared_length));
            b.buffer = c.data.get();
            b.buffer_length = c.capacity;
        } else {
            c.data.reset();  // only byte columns own a buffer
            c.capacity = 0;
            b.buffer = c.number;
            b.buffer_length = sizeof(c.number);
            b.is_unsigned = c.is_unsigned ? 1 : 0;
        }
    }

    // Byte column i gets a buffer of at least n bytes (rebinding the results if it moved).
    void ensure_capacity(std::size_t i, unsigned long n) {
        column& c = columns_[i];
        if (c.data && c.capacity >= n) return;
        c.data = std::make_unique_for_overwrite<char[]>(n);
        c.capacity = n;
        MYSQL_BIND& b = result_binds_[i];
        b.buffer = c.data.get();
        b.buffer_length = n;
        rebind_results_ = true;
    }

    // The value of byte column i is longer than its buffer: grow the buffer and read the
    // whole value again from the current row.
    void fetch_long_value(std::size_t i) {
        column& c = columns_[i];
        const unsigned long full = c.length;
        ensure_capacity(i, full + 1);
        MYSQL_BIND b{};
        unsigned long len = 0;
        detail::c_bool null = 0;
        detail::c_bool err = 0;
        b.buffer_type = c.bound_type;
        b.buffer = c.data.get();
        b.buffer_length = c.capacity;
        b.length = &len;
        b.is_null = &null;
        b.error = &err;
        if (mysql_stmt_fetch_column(stmt_, &b, static_cast<unsigned>(i), 0)) throw_error(stmt_, sql_);
        c.length = full;
    }

    // Executes; reads the result set into client memory if there is one.
    void run() {
        for (std::size_t p = 0; p < param_slots_.size(); ++p) {
            if (!param_slots_[p].bound)
                throw programming_error(2031,
                                        "parameter " + std::to_string(p) + " (0-based) of " +
                                            std::to_string(param_slots_.size()) + " was not bound",
                                        sql_);
        }
        for (int attempt = 0;; ++attempt) {
            if (params_changed_) {
                // Only when a binding changed (a string at a new address, another type): the
                // numbers live in this object's slots, so re-running with other numbers needs
                // no new mysql_stmt_bind_param (and the types are not sent again).
                if (!params_.empty() && mysql_stmt_bind_param(stmt_, params_.data())) throw_error(stmt_, sql_);
                params_changed_ = false;
            }
            if (mysql_stmt_execute(stmt_) == 0) break;
            // A table was altered under this statement (ALTER TABLE ... ADD COLUMN): the server
            // re-prepared it and sent a result with another number of columns, which
            // Connector/C refuses (CR_NEW_STMT_METADATA). Prepare again on the same handle,
            // keep the bindings, and run once more.
            if (mysql_stmt_errno(stmt_) == 2057 /* CR_NEW_STMT_METADATA */ && attempt == 0) {
                reprepare();
                continue;
            }
            phase_ = phase::done;
            throw_error(stmt_, sql_);
        }
        const auto fields = static_cast<std::size_t>(mysql_stmt_field_count(stmt_));
        if (fields == 0) {
            const auto affected = mysql_stmt_affected_rows(stmt_);
            affected_ = affected == ~0ULL ? 0 : static_cast<std::int64_t>(affected);
            state_->changes = affected_;
            if (const auto id = mysql_stmt_insert_id(stmt_); id != 0)
                state_->last_insert_id = static_cast<std::int64_t>(id);
            phase_ = phase::done;
            return;
        }
        // The column types of a result can change between runs (SELECT ? follows the
        // parameter's type; ALTER TABLE ... MODIFY): re-derive the columns that changed.
        if (fields != columns_.size()) {
            setup_columns();
        } else {
            MYSQL_FIELD* f = detail::statement_fields(stmt_);
            for (std::size_t c = 0; c < fields; ++c) {
                if (f[c].type != columns_[c].type || f[c].flags != columns_[c].flags) {
                    setup_column(c, f[c]);
                } else if (columns_[c].is_bytes() && !columns_[c].data) {  // released by reset()
                    ensure_capacity(c, initial_capacity(columns_[c].declared_length));
                }
            }
        }
        // The result buffers stay bound across runs: again only when one moved or changed.
        if (rebind_results_) {
            if (mysql_stmt_bind_result(stmt_, result_binds_.data())) throw_error(stmt_, sql_);
            rebind_results_ = false;
        }
        if (!stream_ && mysql_stmt_store_result(stmt_)) {
            phase_ = phase::done;
            fetch_failed();
        }
        affected_ = 0;
        phase_ = phase::rows;
    }

    void reprepare() {
        std::vector<MYSQL_BIND> keep_binds = params_;
        std::vector<param_slot> keep_slots = param_slots_;
        prepare();
        if (keep_binds.size() != params_.size()) return;  // cannot happen for the same text
        param_slots_ = std::move(keep_slots);
        params_ = std::move(keep_binds);
        params_changed_ = true;
        for (std::size_t p = 0; p < params_.size(); ++p) {  // numbers point at this object's slots
            MYSQL_BIND& b = params_[p];
            if (b.buffer_type == MYSQL_TYPE_LONGLONG)
                b.buffer = b.is_unsigned ? static_cast<void*>(&param_slots_[p].u) : static_cast<void*>(&param_slots_[p].i);
            else if (b.buffer_type == MYSQL_TYPE_DOUBLE)
                b.buffer = &param_slots_[p].d;
            else if (b.length) {  // short text, copied into the slot
                b.buffer = param_slots_[p].small;
                b.length = &param_slots_[p].length;
            } else if (param_slots_[p].copied)
                b.buffer = param_slots_[p].text.data();
        }
    }

    // Every bind goes through here: the checks are one compare each, their work out of line,
    // so that the whole of it inlines into the bind.
    MYSQL_BIND& param(int i) {
        if (static_cast<std::size_t>(i) >= params_.size()) [[unlikely]]  // (a negative i too)
            bad_param_index(i);
        if (phase_ != phase::ready) [[unlikely]]
            drop_result();
        param_slots_[static_cast<std::size_t>(i)].bound = true;
        param_slots_[static_cast<std::size_t>(i)].copied = false;
        return params_[static_cast<std::size_t>(i)];
    }
    // Reading rows failed (mysql_stmt_fetch or mysql_stmt_store_result). Connector/C leaves
    // the statement's error at 0 when a streamed fetch loses the connection (KILL while all()
    // reads: it was thrown as "MySQL error 0 (00000): "): the error is then on the connection
    // handle, and if that has none either, the connection is gone.
    [[noreturn]] [[gnu::noinline]] void fetch_failed() const {
        if (mysql_stmt_errno(stmt_) != 0) throw_error(stmt_, sql_);
        if (state_->db && mysql_errno(state_->db) != 0) throw_error(state_->db, sql_);
        throw_error(2013, "HY000", "Lost connection to server while fetching rows", sql_);
    }

    [[noreturn]] [[gnu::noinline]] void bad_param_index(int i) const {
        throw programming_error(2034,
                                "parameter index " + std::to_string(i) + " out of range: the statement has " +
                                    std::to_string(params_.size()) + " parameter(s)",
                                sql_);
    }
    // Binding after a run without reset(): the old result goes.
    [[gnu::noinline]] void drop_result() noexcept {
        if (phase_ == phase::rows) mysql_stmt_free_result(stmt_);
        phase_ = phase::ready;
        readable_ = 0;
    }

    // Sets a parameter's binding; marks the bindings changed only if it is not what it was.
    // (`length`: where Connector/C reads the value's length at each execution, or null to
    // take buffer_length.)
    void set_param(MYSQL_BIND& b, enum_field_types type, void* buffer, unsigned long buffer_length,
                   bool is_unsigned, unsigned long* length = nullptr) {
        if (b.buffer_type == type && b.buffer == buffer && b.buffer_length == buffer_length &&
            (b.is_unsigned != 0) == is_unsigned && b.length == length)
            return;
        b = MYSQL_BIND{};
        b.buffer_type = type;
        b.buffer = buffer;
        b.buffer_length = buffer_length;
        b.is_unsigned = is_unsigned ? 1 : 0;
        b.length = length;
        params_changed_ = true;
    }

    void bind_bytes(int i, enum_field_types type, const char* p, std::size_t n) {
        MYSQL_BIND& b = param(i);
        param_slot& s = param_slots_[static_cast<std::size_t>(i)];
        if (n <= sizeof(s.small)) {
            // (never a null buffer, which would be sent as SQL NULL: '' stays '')
            if (n != 0) std::memcpy(s.small, p, n);
            s.length = static_cast<unsigned long>(n);
            set_param(b, type, s.small, sizeof(s.small), false, &s.length);
        } else {
            set_param(b, type, const_cast<char*>(p), static_cast<unsigned long>(n), false);
        }
    }

    std::size_t index(int i) const {
        if (i < 0 || static_cast<std::size_t>(i) >= columns_.size())
            throw programming_error(0,
                                    "column index " + std::to_string(i) + " out of range: the result has " +
                                        std::to_string(columns_.size()) + " column(s)",
                                    sql_);
        return static_cast<std::size_t>(i);
    }

    const column& current(int i) const {
        if (static_cast<unsigned>(i) >= readable_) [[unlikely]]
            no_column(i);
        return columns_[static_cast<std::size_t>(i)];
    }
    [[noreturn]] [[gnu::noinline]] void no_column(int i) const {
        index(i);  // throws for an index out of range
        throw programming_error(0, "no current row: step() did not return true", sql_);
    }

    [[noreturn]] void not_a(int i, const char* type) const {
        const column& c = columns_[static_cast<std::size_t>(i)];
        std::string v(get_text(i));
        if (v.size() > 64) v = v.substr(0, 64) + "...";
        throw data_error(0,
                         "column " + std::to_string(i) + " (`" + c.name + "`): value '" + v + "' does not fit in " +
                             type,
                         sql_);
    }

    template <class Int>
    static bool exact_integer(double d, Int& out) noexcept {
        if (!std::isfinite(d) || std::trunc(d) != d) return false;
        // [min, max] of Int as doubles: 2^63 / 2^64 are exact; compare with < against them.
        constexpr double hi = std::is_signed_v<Int> ? 9223372036854775808.0 : 18446744073709551616.0;
        constexpr double lo = std::is_signed_v<Int> ? -9223372036854775808.0 : 0.0;
        if (d < lo || d >= hi) return false;
        out = static_cast<Int>(d);
        return true;
    }

    // "42", "-7", "42.000" (DECIMAL text of an integral value). Not "4.5", not "", not "12abc".
    template <class Int>
    static bool parse_integer(std::string_view t, Int& out) noexcept {
        const char* first = t.data();
        const char* last = t.data() + t.size();
        const auto [end, ec] = std::from_chars(first, last, out);
        if (ec != std::errc{}) return false;
        if (end == last) return true;
        if (*end != '.' || end + 1 == last) return false;
        return std::all_of(end + 1, last, [](char ch) { return ch == '0'; });
    }

    detail::connection_state* state_;
    std::string sql_;
    MYSQL_STMT* stmt_ = nullptr;
    phase phase_ = phase::ready;
    // Columns readable now: ncols_ while a fetched row is current, else 0, so that every
    // getter checks "is there a row, and is i one of its columns" in one compare.
    unsigned readable_ = 0;
    bool rebind_results_ = false;  // result_binds_ changed since mysql_stmt_bind_result
    bool stream_ = false;          // this run's rows are fetched unbuffered (stream_next_run)
    bool params_changed_ = true;   // params_ differs from what mysql_stmt_bind_param saw last
    std::int64_t affected_ = 0;
    std::vector<MYSQL_BIND> params_;
    std::vector<param_slot> param_slots_;
    std::vector<column> columns_;
    unsigned ncols_ = 0;  // columns_.size()
    std::vector<MYSQL_BIND> result_binds_;
};

}  // namespace sqlforge::backend::mysql
