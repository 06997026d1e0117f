// Issue 7's zero-allocation check: how many heap allocations one W3 point lookup (get by
// primary key into a struct) makes once warm, for an all-numeric row, in sqlforge and in the
// raw C API, on SQLite :memory: and on MariaDB (SQLFORGE_TEST_MYSQL_URL or --mysql=URL).
//
//   alloc_count [--lookups=N] [--smoke] [--mysql=URL | --no-mysql]
//
// Two counters: calls of the global operator new (replaced below: what C++ code, sqlforge's
// included, allocates) and calls of malloc / calloc / realloc (interposed below, forwarding to
// glibc's own: everything, the C libraries' allocations and operator new's included). Both
// only count between the marks around the measured loop. The target is 0 operator new per
// lookup for sqlforge; the exit code is 1 if it is not met (ctest runs this with --smoke).
#include "common.hpp"

#include <sqlite3.h>

#include <atomic>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <new>
#include <optional>
#include <string>
#include <vector>

#if SQLFORGE_HAS_MYSQL
#include <mysql.h>
#endif

// Under AddressSanitizer malloc belongs to the sanitizer: not replaced, not counted.
#if defined(__SANITIZE_ADDRESS__)
#define SQLFORGE_BENCH_COUNT_MALLOC 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SQLFORGE_BENCH_COUNT_MALLOC 0
#endif
#endif
#ifndef SQLFORGE_BENCH_COUNT_MALLOC
#define SQLFORGE_BENCH_COUNT_MALLOC 1
#endif

namespace {
std::atomic<bool> counting{false};
std::atomic<long> news{0};
std::atomic<long> mallocs{0};
}  // namespace

// ---- malloc: glibc lets a program replace it (malloc, free, calloc, realloc are the
// required set); the replacements count and call glibc's own allocator. ------------------
#if SQLFORGE_BENCH_COUNT_MALLOC
extern "C" {
void* __libc_malloc(std::size_t);
void* __libc_calloc(std::size_t, std::size_t);
void* __libc_realloc(void*, std::size_t);
void __libc_free(void*);

void* malloc(std::size_t n) noexcept {
    if (counting.load(std::memory_order_relaxed)) mallocs.fetch_add(1, std::memory_order_relaxed);
    return __libc_malloc(n);
}
void* calloc(std::size_t n, std::size_t size) noexcept {
    if (counting.load(std::memory_order_relaxed)) mallocs.fetch_add(1, std::memory_order_relaxed);
    return __libc_calloc(n, size);
}
void* realloc(void* p, std::size_t n) noexcept {
    if (counting.load(std::memory_order_relaxed)) mallocs.fetch_add(1, std::memory_order_relaxed);
    return __libc_realloc(p, n);
}
void free(void* p) noexcept { __libc_free(p); }
}
#endif

// ---- operator new (noinline: see tests/backend/sqlite/hot_path_test.cpp) -----------------
[[gnu::noinline]] void* operator new(std::size_t n) {
    if (counting.load(std::memory_order_relaxed)) news.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc{};
}
[[gnu::noinline]] void* operator new[](std::size_t n) { return operator new(n); }
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace {

namespace sf = sqlforge;

// An all-numeric row: nothing in it needs the heap.
struct Reading {
    std::int64_t id;
    int sensor;
    double value;
    std::int64_t taken_at;
};
}  // namespace

// bench_reading: out of the way of the tests' tables in the shared MariaDB test database.
template <>
struct sqlforge::table_traits<Reading> {
    static constexpr auto name = sqlforge::fixed_string{"bench_reading"};
};

namespace {

constexpr int table_rows = 1000;

struct counts {
    double news = 0, mallocs = 0;  // per lookup
};

// Runs `lookup(i)` n times between the marks; allocations per call.
template <class F>
counts measure(long n, F&& lookup) {
    news = 0;
    mallocs = 0;
    counting = true;
    for (long i = 0; i < n; ++i) lookup(i);
    counting = false;
    return {static_cast<double>(news.load()) / static_cast<double>(n),
            static_cast<double>(mallocs.load()) / static_cast<double>(n)};
}

std::int64_t id_of(long i) { return i % table_rows + 1; }

// Fills the table through sqlforge (the raw clients read the same rows).
void load(sf::engine& e) {
    sf::drop_all<Reading>(e);
    sf::create_all<Reading>(e);
    sf::session s{e};
    for (int i = 0; i < table_rows; ++i) {
        Reading r{0, i % 7, i * 0.25, 1'700'000'000 + i};
        s.add(r);
    }
    s.commit();
}

std::int64_t sink = 0;  // keeps the reads observable

struct result_line {
    std::string database, library;
    counts per_lookup;
    long per_session = -1;  // operator new for a whole W3-shaped session (begin, lookups, commit)
};

// sqlforge: s.get<Reading>(id) in one session, as W3 does.
result_line run_sqlforge(const std::string& database, sf::engine& e, long n) {
    result_line r{database, "sqlforge", {}, -1};
    {
        sf::session s{e};
        auto lookup = [&](long i) {
            std::optional<Reading> row = s.get<Reading>(id_of(i));
            if (!row) bench::fail("sqlforge: no row");
            sink += row->id + row->sensor + row->taken_at;
        };
        for (long i = 0; i < 100; ++i) lookup(i);  // warm-up: prepares and caches the statement
        r.per_lookup = measure(n, lookup);
        s.commit();
    }
    // The whole W3 shape once more, counted: session, begin, n lookups, commit, end.
    news = 0;
    counting = true;
    {
        sf::session s{e};
        for (long i = 0; i < n; ++i) sink += s.get<Reading>(id_of(i))->sensor;
        s.commit();
    }
    counting = false;
    r.per_session = news.load();
    return r;
}

result_line run_raw_sqlite(long n) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK)
        bench::fail("sqlite3_open_v2 failed");
    const std::string ddl(sf::create_table_if_not_exists<Reading>().sql<sf::sqlite_dialect>());
    if (sqlite3_exec(db, ddl.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK ||
        sqlite3_exec(db,
                     "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999) "
                     "INSERT INTO bench_reading (sensor, value, taken_at) SELECT i % 7, i * 0.25, 1700000000 + i FROM n",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        bench::fail(sqlite3_errmsg(db));
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v3(db, "SELECT id, sensor, value, taken_at FROM bench_reading WHERE id = ?", -1,
                           SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
        bench::fail(sqlite3_errmsg(db));
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    auto lookup = [&](long i) {
        sqlite3_bind_int64(st, 1, id_of(i));
        if (sqlite3_step(st) != SQLITE_ROW) bench::fail("sqlite: no row");
        Reading row{sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1), sqlite3_column_double(st, 2),
                    sqlite3_column_int64(st, 3)};
        sink += row.id + row.sensor + row.taken_at;
        sqlite3_reset(st);
    };
    for (long i = 0; i < 100; ++i) lookup(i);
    result_line r{"sqlite", "raw", measure(n, lookup), -1};
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return r;
}

#if SQLFORGE_HAS_MYSQL
result_line run_raw_mysql(const std::string& url, long n) {
    const bench::mysql_target t = bench::parse_mysql_url(url);
    MYSQL* db = mysql_init(nullptr);
    if (!mysql_real_connect(db, t.host.c_str(), t.user.c_str(), t.password.c_str(), t.database.c_str(), t.port,
                            nullptr, 0))
        bench::fail(mysql_error(db));
    MYSQL_STMT* st = mysql_stmt_init(db);
    const char* sql = "SELECT id, sensor, value, taken_at FROM bench_reading WHERE id = ?";
    if (mysql_stmt_prepare(st, sql, static_cast<unsigned long>(std::strlen(sql)))) bench::fail(mysql_stmt_error(st));
    long long key = 0, id = 0, taken_at = 0;
    int sensor = 0;
    double value = 0;
    MYSQL_BIND p[1] = {};
    p[0].buffer_type = MYSQL_TYPE_LONGLONG, p[0].buffer = &key;
    MYSQL_BIND res[4] = {};
    res[0].buffer_type = MYSQL_TYPE_LONGLONG, res[0].buffer = &id;
    res[1].buffer_type = MYSQL_TYPE_LONG, res[1].buffer = &sensor;
    res[2].buffer_type = MYSQL_TYPE_DOUBLE, res[2].buffer = &value;
    res[3].buffer_type = MYSQL_TYPE_LONGLONG, res[3].buffer = &taken_at;
    if (mysql_stmt_bind_param(st, p) || mysql_stmt_bind_result(st, res)) bench::fail(mysql_stmt_error(st));
    mysql_query(db, "START TRANSACTION");
    auto lookup = [&](long i) {
        key = id_of(i);
        if (mysql_stmt_execute(st) || mysql_stmt_fetch(st) != 0) bench::fail(mysql_stmt_error(st));
        sink += id + sensor + taken_at;
        if (mysql_stmt_fetch(st) != MYSQL_NO_DATA) bench::fail("mysql: more than one row");
    };
    for (long i = 0; i < 100; ++i) lookup(i);
    result_line r{"mariadb", "raw", measure(n, lookup), -1};
    mysql_commit(db);
    mysql_stmt_close(st);
    mysql_close(db);
    return r;
}
#endif

}  // namespace

int main(int argc, char** argv) try {
    long n = 100'000;
    std::optional<std::string> mysql_url = bench::mysql_url_from_env();
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--smoke") n = 1000;
        else if (a.starts_with("--lookups=")) n = std::stol(std::string(a.substr(10)));
        else if (a.starts_with("--mysql=")) mysql_url = std::string(a.substr(8));
        else if (a == "--no-mysql") mysql_url.reset();
        else {
            std::cerr << "usage: alloc_count [--lookups=N] [--smoke] [--mysql=URL | --no-mysql]\n";
            return 2;
        }
    }
    if (!SQLFORGE_HAS_MYSQL) mysql_url.reset();

    std::vector<result_line> lines;
    {
        auto e = sf::create_engine("sqlite://:memory:");
        load(e);
        lines.push_back(run_raw_sqlite(n));
        lines.push_back(run_sqlforge("sqlite", e, n));
    }
#if SQLFORGE_HAS_MYSQL
    if (mysql_url) {
        auto e = sf::create_engine(*mysql_url);
        load(e);
        lines.push_back(run_raw_mysql(*mysql_url, n));
        lines.push_back(run_sqlforge("mariadb", e, n));
    } else {
        std::cerr << "alloc_count: SQLFORGE_TEST_MYSQL_URL not set: SQLite only\n";
    }
#endif

    std::printf("Heap allocations per W3 point lookup of an all-numeric row, after warm-up (%ld lookups)\n", n);
    std::printf("%-8s %-9s %14s %14s %24s\n", "database", "library", "operator new", "malloc (all)",
                "operator new, W3 session");
    bool ok = true;
    for (const result_line& l : lines) {
        char session[32] = "-";
        if (l.per_session >= 0) std::snprintf(session, sizeof session, "%ld", l.per_session);
        char mallocs_text[32] = "-";
        if (SQLFORGE_BENCH_COUNT_MALLOC) std::snprintf(mallocs_text, sizeof mallocs_text, "%.3f", l.per_lookup.mallocs);
        std::printf("%-8s %-9s %14.3f %14s %24s\n", l.database.c_str(), l.library.c_str(), l.per_lookup.news,
                    mallocs_text, session);
        if (l.library == "sqlforge" && l.per_lookup.news != 0) ok = false;
    }
    std::printf("(malloc counts every malloc/calloc/realloc, operator new's and the C libraries' included;\n"
                " \"W3 session\": all operator new calls of one session that begins, runs the %ld lookups and commits)\n",
                n);
    if (!ok) std::printf("FAIL: sqlforge allocates with operator new on a warm lookup\n");
    return ok ? 0 : 1;
} catch (const std::exception& e) {
    std::cerr << "alloc_count: " << e.what() << '\n';
    return 1;
}
