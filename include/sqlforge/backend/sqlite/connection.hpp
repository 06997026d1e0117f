#pragma once
// A SQLite connection: opens the database, owns every statement prepared on it (a cache, so
// the same SQL is compiled once per connection), and runs transactions.
//
// A connection is used by one thread at a time (the pool hands it out), so it is opened with
// SQLITE_OPEN_NOMUTEX: SQLite's per-call mutex would only cost time.
#include <sqlite3.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sqlforge/backend/sqlite/errors.hpp"
#include "sqlforge/backend/sqlite/statement.hpp"

namespace sqlforge::backend::sqlite {

// How a transaction begins: DEFERRED (SQLite's default) takes the write lock at the first
// write, so a transaction that reads and then writes can meet SQLITE_BUSY in its middle, where
// the busy timeout cannot help (another writer holds the lock and waits for this reader).
// IMMEDIATE takes it at BEGIN, which waits for the busy timeout instead; EXCLUSIVE also keeps
// readers out in rollback-journal mode.
enum class begin_mode { deferred, immediate, exclusive };

struct open_options {
    std::string path;             // file name, or ":memory:" for a private in-memory database
    bool read_only = false;       // SQLITE_OPEN_READONLY; the file must exist
    bool create = true;           // create the file if missing (ignored when read_only)
    int busy_timeout_ms = 5000;   // how long a statement waits for another writer's lock
    bool foreign_keys = true;     // PRAGMA foreign_keys (SQLite's default is off)
    begin_mode begin = begin_mode::deferred;  // what begin() sends (URL option ?begin=)
};
using connection_options = open_options;  // the name docs/backend-protocol.md uses

namespace detail {

// Statements keyed by the address of a static SQL text. Open addressing with linear probing
// over a power-of-two table: a lookup is one multiply, a shift and (almost always) one
// compare, and never allocates. The DSL has a few hundred statements at most, so the table
// only grows during warm-up.
class pointer_table {
public:
    statement* find(const void* key) const noexcept {
        if (slots_.empty()) [[unlikely]]
            return nullptr;
        for (std::size_t i = slot_of(key);; i = (i + 1) & mask()) {
            const slot& s = slots_[i];
            if (s.key == key) return s.value;
            if (!s.key) return nullptr;
        }
    }

    void insert(const void* key, statement* value) {
        if ((size_ + 1) * 2 > slots_.size()) grow();  // keep the load at or below 1/2
        place(key, value);
        ++size_;
    }

    void clear() noexcept {
        slots_.clear();
        size_ = 0;
        shift_ = 64;
    }

private:
    struct slot {
        const void* key = nullptr;
        statement* value = nullptr;
    };

    std::size_t mask() const noexcept { return slots_.size() - 1; }

    // Fibonacci hashing: the multiply spreads the (aligned, clustered) addresses and the top
    // bits are the best mixed.
    std::size_t slot_of(const void* key) const noexcept {
        auto h = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(key)) *
                 0x9E3779B97F4A7C15ull;
        return static_cast<std::size_t>(h >> shift_);
    }

    void place(const void* key, statement* value) noexcept {
        std::size_t i = slot_of(key);
        while (slots_[i].key) i = (i + 1) & mask();
        slots_[i] = {key, value};
    }

    void grow() {
        std::size_t n = slots_.empty() ? 64 : slots_.size() * 2;
        std::vector<slot> old = std::exchange(slots_, std::vector<slot>(n));
        shift_ = 64 - std::countr_zero(n);
        for (const slot& s : old)
            if (s.key) place(s.key, s.value);
    }

    std::vector<slot> slots_;
    std::size_t size_ = 0;
    int shift_ = 64;  // 64 - log2(slots_.size()): the hash's top bits index the table
};

// Heterogeneous lookup: find(std::string_view) without building a std::string.
struct text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
        return std::hash<std::string_view>{}(s);
    }
};

// Statement texts of the transaction helpers; their addresses are the cache keys.
inline constexpr char begin_sql[] = "BEGIN";
inline constexpr char begin_immediate_sql[] = "BEGIN IMMEDIATE";
inline constexpr char begin_exclusive_sql[] = "BEGIN EXCLUSIVE";
inline constexpr char commit_sql[] = "COMMIT";
inline constexpr char rollback_sql[] = "ROLLBACK";
inline constexpr char ping_sql[] = "SELECT 1";

}  // namespace detail

class connection {
public:
    // Opens (and creates, unless told not to) the database. Throws operational_error naming
    // the path when SQLite cannot open it, e.g. a missing file opened read-only.
    explicit connection(const open_options& o) {
        int flags = o.read_only ? SQLITE_OPEN_READONLY
                                : SQLITE_OPEN_READWRITE | (o.create ? SQLITE_OPEN_CREATE : 0);
        flags |= SQLITE_OPEN_NOMUTEX;
#ifdef SQLITE_OPEN_EXRESCODE
        flags |= SQLITE_OPEN_EXRESCODE;  // extended codes from the open itself (3.37+)
#endif
        sqlite3* db = nullptr;
        int rc = sqlite3_open_v2(o.path.c_str(), &db, flags, nullptr);
        if (rc != SQLITE_OK) {
            // sqlite3_open_v2 allocates a handle even when it fails: read it, then free it.
            std::string msg = "cannot open database '" + o.path + "'" +
                              (o.read_only ? " read-only" : "") + ": " +
                              (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
            sqlite3_close(db);
            throw_error(rc, msg, "");
        }
        db_ = db;
        begin_ = o.begin;
        sqlite3_extended_result_codes(db_, 1);
        sqlite3_busy_timeout(db_, o.busy_timeout_ms);
        try {
            exec(o.foreign_keys ? "PRAGMA foreign_keys = ON" : "PRAGMA foreign_keys = OFF");
        } catch (...) {
            close();
            throw;
        }
    }

    connection(const connection&) = delete;
    connection& operator=(const connection&) = delete;

    connection(connection&& o) noexcept
        : db_(std::exchange(o.db_, nullptr)),
          begin_(o.begin_),
          owned_(std::move(o.owned_)),
          by_key_(std::move(o.by_key_)),
          by_text_(std::move(o.by_text_)),
          scratch_(std::move(o.scratch_)) {
        o.forget_statements();
    }

    connection& operator=(connection&& o) noexcept {
        if (this != &o) {
            close();
            db_ = std::exchange(o.db_, nullptr);
            begin_ = o.begin_;
            owned_ = std::move(o.owned_);
            by_key_ = std::move(o.by_key_);
            by_text_ = std::move(o.by_text_);
            scratch_ = std::move(o.scratch_);
            o.forget_statements();
        }
        return *this;
    }

    ~connection() { close(); }

    // Finalizes every statement, then closes the handle. Safe to call twice.
    void close() noexcept {
        forget_statements();  // statements first, so the handle is freed now, not left a zombie
        if (db_) sqlite3_close_v2(db_);  // _v2: never leaks, even if a statement escaped us
        db_ = nullptr;
    }
    bool is_open() const noexcept { return db_ != nullptr; }

    // --- statements ------------------------------------------------------------------------
    // The hot path: `key` is the address of a static SQL text (the DSL's compile-time
    // string), so the lookup hashes a pointer and never allocates once warm. The statement
    // comes back reset with its bindings cleared, even if the last user left it half-read.
    // The same key always gives the same statement object: a caller that is still reading
    // rows from it must finish (or copy) them before running the same statement again.
    // always_inline: the hit is a few instructions, and as a call it was a cache line of its
    // own on every statement (W1 in benchmarks/).
    [[gnu::always_inline]] statement& prepare_cached(const char* key, std::string_view sql) {
        if (statement* s = by_key_.find(key)) [[likely]] {
            s->reset();
            return *s;
        }
        return prepare_and_cache(key, sql);
    }

    // Raw SQL, keyed by its text: the same text gives the same (reset) statement object.
    // The cache grows with every distinct text and is only emptied by close(): raw SQL with
    // values pasted into it (instead of bound) would fill it, which is one more reason to bind.
    statement& prepare(std::string_view sql) {
        if (auto it = by_text_.find(sql); it != by_text_.end()) {
            it->second->reset();
            return *it->second;
        }
        if (!db_) throw_error(SQLITE_MISUSE, "the connection is closed", sql);
        auto s = std::unique_ptr<statement>(new statement(db_, sql));
        statement& ref = *s;
        owned_.push_back(std::move(s));
        by_text_.emplace(std::string(sql), &ref);
        return ref;
    }

    std::size_t cached_statements() const noexcept { return owned_.size(); }

    // One-shot SQL without parameters or rows (DDL, PRAGMA, scripts of several statements),
    // not cached. Runs the statements one by one, so an error names the statement that failed.
    void exec(std::string_view sql) {
        if (!db_) throw_error(SQLITE_MISUSE, "the connection is closed", sql);
        const char* p = sql.data();
        const char* end = p + sql.size();
        while (p < end) {
            sqlite3_stmt* st = nullptr;
            const char* tail = nullptr;
            int rc = sqlite3_prepare_v2(db_, p, static_cast<int>(end - p), &st, &tail);
            if (rc != SQLITE_OK) throw_error(rc, db_, std::string_view{p, end});
            if (!st) {  // a lone ';' or only spaces and comments: nothing to run
                if (tail == p) break;
                p = tail;
                continue;
            }
            do rc = sqlite3_step(st);
            while (rc == SQLITE_ROW);
            if (rc != SQLITE_DONE) {
                std::string msg = sqlite3_errmsg(db_);
                sqlite3_finalize(st);
                throw_error(rc, msg, std::string_view{p, tail});
            }
            sqlite3_finalize(st);
            p = tail;
        }
    }

    std::int64_t last_insert_id() const noexcept { return sqlite3_last_insert_rowid(db_); }
    std::int64_t changes() const noexcept { return sqlite3_changes64(db_); }

    // A local database cannot drop a connection; this checks that the handle is open and
    // answers, i.e. that the pool may hand it out.
    bool ping() noexcept {
        if (!db_) return false;
        try {
            statement& s = prepare_cached(detail::ping_sql, "SELECT 1");
            bool ok = s.step() && s.get_int64(0) == 1;
            s.reset();
            return ok;
        } catch (...) {
            return false;
        }
    }

    void* native_handle() noexcept { return db_; }
    sqlite3* handle() noexcept { return db_; }

    // --- transactions ------------------------------------------------------------------------
    // BEGIN as the connection was opened to (open_options::begin).
    void begin() {
        switch (begin_) {
            case begin_mode::deferred: run(detail::begin_sql); break;
            case begin_mode::immediate: run(detail::begin_immediate_sql); break;
            case begin_mode::exclusive: run(detail::begin_exclusive_sql); break;
        }
    }
    // Takes the write lock now rather than at the first write, so a writer waits for (or
    // fails on) busy_timeout here instead of in the middle of its transaction.
    void begin_immediate() { run(detail::begin_immediate_sql); }
    void commit() { run(detail::commit_sql); }
    void rollback() { run(detail::rollback_sql); }
    // Savepoint names are identifiers: they are quoted here, so any text is safe.
    void savepoint(std::string_view name) { run_named("SAVEPOINT ", name); }
    void release(std::string_view name) { run_named("RELEASE SAVEPOINT ", name); }
    void rollback_to(std::string_view name) { run_named("ROLLBACK TO SAVEPOINT ", name); }
    bool in_transaction() const noexcept { return db_ && sqlite3_get_autocommit(db_) == 0; }

private:
    // prepare_cached's first call for a key, out of the hot path's way.
    [[gnu::noinline]] statement& prepare_and_cache(const char* key, std::string_view sql) {
        statement& s = prepare(sql);  // shares the statement with raw SQL of the same text
        by_key_.insert(key, &s);
        return s;
    }

    template <std::size_t N>
    void run(const char (&sql)[N]) {
        statement& s = prepare_cached(sql, std::string_view{sql, N - 1});
        s.run_to_completion();
        s.reset();
    }

    // Builds `verb "name"` in a reused buffer, so a warm savepoint allocates nothing.
    void run_named(std::string_view verb, std::string_view name) {
        if (name.empty()) throw_error(SQLITE_MISUSE, "empty savepoint name", verb);
        scratch_.assign(verb);
        scratch_ += '"';
        for (char c : name) {
            if (c == '"') scratch_ += '"';  // "" is a quote inside a quoted identifier
            scratch_ += c;
        }
        scratch_ += '"';
        statement& s = prepare(scratch_);
        s.run_to_completion();
        s.reset();
    }

    void forget_statements() noexcept {
        by_key_.clear();
        by_text_.clear();
        owned_.clear();  // finalizes
    }

    sqlite3* db_ = nullptr;
    begin_mode begin_ = begin_mode::deferred;
    std::vector<std::unique_ptr<statement>> owned_;  // stable addresses, finalized on close
    detail::pointer_table by_key_;
    std::unordered_map<std::string, statement*, detail::text_hash, std::equal_to<>> by_text_;
    std::string scratch_;
};

}  // namespace sqlforge::backend::sqlite
