// Issue 7's workloads, measured in one run for sqlforge, the raw C APIs (sqlite3, MariaDB
// Connector/C) and SOCI, on SQLite :memory: and on MariaDB (SQLFORGE_TEST_MYSQL_URL or
// --mysql=URL), with each workload's time as a ratio to the raw C API printed at the end.
//
//   workloads [--rows=N] [--smoke] [--mysql=URL | --no-mysql] [Google Benchmark flags]
//
//   W1 insert N rows in one transaction          W2 select all N rows into std::vector<Job>
//   W3 N point lookups by primary key            W4 SELECT status, COUNT(*) ... GROUP BY status
//   W5 N/100 UPDATE ... SET status = status + 1 WHERE id BETWEEN ? AND ? over ranges of 100
//
// Every iteration of every workload is one transaction, for every library. The raw C API
// code prepares each statement once and reuses it; sqlforge is written as users write it
// (session, add, query<T>().all(), get<T>(id), execute(...)); SOCI uses its prepared
// statement objects (statement + use/into), its fastest row-at-a-time form.
// --smoke: N = 200 and one iteration each, well under a second (what ctest runs, so that
// this cannot rot). Every run checks what it read (row counts, a checksum of ids and names).
#include "common.hpp"

#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#if SQLFORGE_HAS_MYSQL
#include <mysql.h>
#endif
// Under `valgrind --tool=callgrind --collect-atstart=no` (benchmarks/run.sh) only the timed
// workload calls are counted: not the set-up, the warm-up or Google Benchmark itself.
#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define SQLFORGE_BENCH_COUNT_BEGIN() CALLGRIND_TOGGLE_COLLECT
#define SQLFORGE_BENCH_COUNT_END() CALLGRIND_TOGGLE_COLLECT
#else
#define SQLFORGE_BENCH_COUNT_BEGIN() ((void)0)
#define SQLFORGE_BENCH_COUNT_END() ((void)0)
#endif
#if SQLFORGE_BENCH_HAS_SOCI
#include <soci/soci.h>
// The backends' factories, declared here rather than by including soci/sqlite3/soci-sqlite3.h
// and soci/mysql/soci-mysql.h: those wrap <sqlite3.h> / <mysql.h> in a namespace, which
// breaks (and is broken by) the global C APIs this file also uses.
namespace soci {
extern "C" backend_factory const* factory_sqlite3();
#if SQLFORGE_BENCH_HAS_SOCI_MYSQL && SQLFORGE_HAS_MYSQL
extern "C" backend_factory const* factory_mysql();
#define SQLFORGE_BENCH_SOCI_MYSQL 1
#endif
}  // namespace soci
#endif

namespace {

using namespace bench;

// ---- sizes ---------------------------------------------------------------------------------
struct config {
    std::size_t rows = 100'000;  // W1 inserts, W2 reads, W3 looks up this many
    std::size_t range = 100;     // W5: rows per UPDATE; rows / range updates
    bool smoke = false;
};
config cfg;

const std::vector<Job>& template_rows() {
    static const std::vector<Job> rows = make_rows(cfg.rows);
    return rows;
}

// W3 looks the ids up in a fixed shuffled order (the same for every library), so that no
// library gets the benefit of a sequential scan through the B-tree.
const std::vector<std::int64_t>& lookup_ids() {
    static const std::vector<std::int64_t> ids = [] {
        std::vector<std::int64_t> v(cfg.rows);
        std::iota(v.begin(), v.end(), std::int64_t{1});
        std::uint64_t x = 0x9E3779B97F4A7C15ull;  // xorshift: deterministic, no <random> state
        for (std::size_t i = v.size(); i > 1; --i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            std::swap(v[i - 1], v[x % i]);
        }
        return v;
    }();
    return ids;
}

// ---- what each library implements ------------------------------------------------------------
// One client per (library, database). A virtual call per workload run, never per row.
struct client {
    virtual ~client() = default;
    virtual void clear() = 0;                                  // empty the table (not timed)
    virtual void w1_insert(std::vector<Job>& rows) = 0;        // ids written back
    virtual std::vector<Job> w2_select_all() = 0;
    virtual std::int64_t w3_lookups(const std::vector<std::int64_t>& ids) = 0;  // a checksum
    virtual std::int64_t w4_group_by() = 0;                    // sum of the counts
    virtual std::int64_t w5_updates(std::size_t n, std::size_t range) = 0;  // rows changed

    bool* loaded = nullptr;  // does the table hold exactly template_rows() with ids 1..N?

    void ensure_loaded() {
        if (*loaded) return;
        clear();
        std::vector<Job> rows = template_rows();
        w1_insert(rows);
        *loaded = true;
    }
};

// What W3 adds up per row: the id and the name's length (not the status: W5 changes it).
std::int64_t checksum(const Job& j) { return j.id + static_cast<std::int64_t>(j.name.size()); }

// W3's sum when every row was read right: every id once, with its name.
std::int64_t expected_w3_sum() {
    static const std::int64_t sum = [] {
        std::int64_t s = 0;
        const auto& rows = template_rows();
        for (std::size_t i = 0; i < rows.size(); ++i) s += checksum(Job{static_cast<std::int64_t>(i + 1), rows[i].name, 0, 0});
        return s;
    }();
    return sum;
}

// Each SQL text, as the raw API and SOCI send it (sqlforge renders the same statements, with
// quoted and qualified names). W4 groups by status and selects status: `SELECT name, ...
// GROUP BY status` as the issue wrote it is not valid SQL under ONLY_FULL_GROUP_BY (MariaDB
// with sqlforge's session sql_mode rejects it, and sqlforge's DSL refuses it at compile time).
constexpr const char* insert_sql = "INSERT INTO bench_job (name, status, score) VALUES (?, ?, ?)";
constexpr const char* select_all_sql = "SELECT id, name, status, score FROM bench_job";
constexpr const char* select_one_sql = "SELECT id, name, status, score FROM bench_job WHERE id = ?";
constexpr const char* group_sql = "SELECT status, COUNT(*) FROM bench_job GROUP BY status";
constexpr const char* update_sql = "UPDATE bench_job SET status = status + 1 WHERE id BETWEEN ? AND ?";

// ==== sqlforge ==================================================================================
struct sqlforge_client final : client {
    sf::engine engine;
    std::string clear_sql;

    sqlforge_client(const std::string& url, bool create, std::string clear_text)
        : engine(sf::create_engine(url)), clear_sql(std::move(clear_text)) {
        if (create) sf::create_all<Job>(engine);
    }

    void clear() override {
        auto c = engine.acquire();
        sf::with_backend(*c, [&](auto& b) { b.exec(clear_sql); });
        engine.release(std::move(c));
    }

    void w1_insert(std::vector<Job>& rows) override {
        sf::session s{engine};
        for (Job& j : rows) s.add(j);
        s.commit();
    }

    std::vector<Job> w2_select_all() override {
        sf::session s{engine};
        std::vector<Job> rows = s.query<Job>().all();
        s.commit();
        return rows;
    }

    std::int64_t w3_lookups(const std::vector<std::int64_t>& ids) override {
        sf::session s{engine};
        std::int64_t sum = 0;
        for (std::int64_t id : ids) {
            std::optional<Job> j = s.get<Job>(id);
            if (!j) fail("sqlforge: no row " + std::to_string(id));
            sum += checksum(*j);
        }
        s.commit();
        return sum;
    }

    std::int64_t w4_group_by() override {
        sf::session s{engine};
        std::int64_t sum = 0;
        for (auto [status, n] : s.execute(sf::select(job::status, sf::count()).group_by(job::status)))
            sum += status + n;
        s.commit();
        return sum;
    }

    std::int64_t w5_updates(std::size_t n, std::size_t range) override {
        sf::session s{engine};
        std::int64_t changed = 0;
        for (std::size_t k = 0; k < n; ++k) {
            const auto a = static_cast<std::int64_t>(k * range + 1);
            const auto b = static_cast<std::int64_t>((k + 1) * range);
            changed += s.execute(sf::update<Job>().set(job::status = job::status + 1).where(job::id.between(a, b)));
        }
        s.commit();
        return changed;
    }
};

// ==== raw sqlite3 ===============================================================================
// The fastest honest C: NOMUTEX (the connection is used by one thread, as sqlforge opens
// it), every statement prepared once (SQLITE_PREPARE_PERSISTENT) and reset after use, text
// bound SQLITE_STATIC, every return code checked.
struct raw_sqlite_client final : client {
    sqlite3* db = nullptr;
    sqlite3_stmt *begin = nullptr, *commit = nullptr, *ins = nullptr, *all = nullptr, *one = nullptr, *grp = nullptr,
                 *upd = nullptr;

    raw_sqlite_client() {
        if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                            nullptr) != SQLITE_OK)
            fail("sqlite3_open_v2 failed");
        exec(std::string(sf::create_table_if_not_exists<Job>().sql<sf::sqlite_dialect>()));
        begin = prepare("BEGIN");
        commit = prepare("COMMIT");
        ins = prepare(insert_sql);
        all = prepare(select_all_sql);
        one = prepare(select_one_sql);
        grp = prepare(group_sql);
        upd = prepare(update_sql);
    }
    ~raw_sqlite_client() override {
        for (sqlite3_stmt* s : {begin, commit, ins, all, one, grp, upd}) sqlite3_finalize(s);
        sqlite3_close(db);
    }

    [[noreturn]] void error() { fail(std::string("sqlite3: ") + sqlite3_errmsg(db)); }
    sqlite3_stmt* prepare(const char* sql) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK) error();
        return s;
    }
    void exec(const std::string& sql) {
        if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) error();
    }
    void run(sqlite3_stmt* s) {
        if (sqlite3_step(s) != SQLITE_DONE) error();
        sqlite3_reset(s);
    }
    void read(sqlite3_stmt* s, Job& j) {
        j.id = sqlite3_column_int64(s, 0);
        j.name.assign(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)),
                      static_cast<std::size_t>(sqlite3_column_bytes(s, 1)));
        j.status = sqlite3_column_int(s, 2);
        j.score = sqlite3_column_double(s, 3);
    }

    void clear() override { exec("DELETE FROM bench_job"); }

    void w1_insert(std::vector<Job>& rows) override {
        run(begin);
        for (Job& j : rows) {
            if (sqlite3_bind_text(ins, 1, j.name.data(), static_cast<int>(j.name.size()), SQLITE_STATIC) != SQLITE_OK ||
                sqlite3_bind_int(ins, 2, j.status) != SQLITE_OK || sqlite3_bind_double(ins, 3, j.score) != SQLITE_OK)
                error();
            run(ins);
            j.id = sqlite3_last_insert_rowid(db);
        }
        run(commit);
    }

    std::vector<Job> w2_select_all() override {
        run(begin);
        std::vector<Job> rows;
        int rc;
        while ((rc = sqlite3_step(all)) == SQLITE_ROW) {
            Job& j = rows.emplace_back();
            read(all, j);
        }
        if (rc != SQLITE_DONE) error();
        sqlite3_reset(all);
        run(commit);
        return rows;
    }

    std::int64_t w3_lookups(const std::vector<std::int64_t>& ids) override {
        run(begin);
        std::int64_t sum = 0;
        for (std::int64_t id : ids) {
            if (sqlite3_bind_int64(one, 1, id) != SQLITE_OK) error();
            if (sqlite3_step(one) != SQLITE_ROW) error();
            Job j;
            read(one, j);
            sum += checksum(j);
            sqlite3_reset(one);
        }
        run(commit);
        return sum;
    }

    std::int64_t w4_group_by() override {
        run(begin);
        std::int64_t sum = 0;
        int rc;
        while ((rc = sqlite3_step(grp)) == SQLITE_ROW) sum += sqlite3_column_int(grp, 0) + sqlite3_column_int64(grp, 1);
        if (rc != SQLITE_DONE) error();
        sqlite3_reset(grp);
        run(commit);
        return sum;
    }

    std::int64_t w5_updates(std::size_t n, std::size_t range) override {
        run(begin);
        std::int64_t changed = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (sqlite3_bind_int64(upd, 1, static_cast<sqlite3_int64>(k * range + 1)) != SQLITE_OK ||
                sqlite3_bind_int64(upd, 2, static_cast<sqlite3_int64>((k + 1) * range)) != SQLITE_OK)
                error();
            run(upd);
            changed += sqlite3_changes(db);
        }
        run(commit);
        return changed;
    }
};

// ==== raw MariaDB Connector/C ===================================================================
#if SQLFORGE_HAS_MYSQL
// Server-side prepared statements (MYSQL_STMT), each prepared once with its MYSQL_BINDs bound
// once to fixed buffers that the loop fills; results fetched row by row into bound buffers
// (unbuffered: no mysql_stmt_store_result copy of the whole result first).
struct raw_mysql_client final : client {
    MYSQL* db = nullptr;
    MYSQL_STMT *ins = nullptr, *all = nullptr, *one = nullptr, *grp = nullptr, *upd = nullptr;

    // parameter and result buffers
    char name[1024] = {};
    unsigned long name_len = 0;
    long long id = 0, key = 0, lo = 0, hi = 0, count = 0;
    int status = 0;
    double score = 0;

    explicit raw_mysql_client(const mysql_target& t) {
        db = mysql_init(nullptr);
        if (!db) fail("mysql_init failed");
        mysql_options(db, MYSQL_SET_CHARSET_NAME, "utf8mb4");
        if (!mysql_real_connect(db, t.host.c_str(), t.user.c_str(), t.password.c_str(), t.database.c_str(), t.port,
                                nullptr, CLIENT_FOUND_ROWS))
            error();
        ins = prepare(insert_sql);
        all = prepare(select_all_sql);
        one = prepare(select_one_sql);
        grp = prepare(group_sql);
        upd = prepare(update_sql);

        MYSQL_BIND p[3] = {};
        p[0].buffer_type = MYSQL_TYPE_STRING, p[0].buffer = name, p[0].buffer_length = sizeof name, p[0].length = &name_len;
        p[1].buffer_type = MYSQL_TYPE_LONG, p[1].buffer = &status;
        p[2].buffer_type = MYSQL_TYPE_DOUBLE, p[2].buffer = &score;
        if (mysql_stmt_bind_param(ins, p)) error(ins);

        MYSQL_BIND r[4] = {};
        r[0].buffer_type = MYSQL_TYPE_LONGLONG, r[0].buffer = &id;
        r[1].buffer_type = MYSQL_TYPE_STRING, r[1].buffer = name, r[1].buffer_length = sizeof name, r[1].length = &name_len;
        r[2].buffer_type = MYSQL_TYPE_LONG, r[2].buffer = &status;
        r[3].buffer_type = MYSQL_TYPE_DOUBLE, r[3].buffer = &score;
        if (mysql_stmt_bind_result(all, r)) error(all);
        if (mysql_stmt_bind_result(one, r)) error(one);

        MYSQL_BIND k[1] = {};
        k[0].buffer_type = MYSQL_TYPE_LONGLONG, k[0].buffer = &key;
        if (mysql_stmt_bind_param(one, k)) error(one);

        MYSQL_BIND g[2] = {};
        g[0].buffer_type = MYSQL_TYPE_LONG, g[0].buffer = &status;
        g[1].buffer_type = MYSQL_TYPE_LONGLONG, g[1].buffer = &count;
        if (mysql_stmt_bind_result(grp, g)) error(grp);

        MYSQL_BIND u[2] = {};
        u[0].buffer_type = MYSQL_TYPE_LONGLONG, u[0].buffer = &lo;
        u[1].buffer_type = MYSQL_TYPE_LONGLONG, u[1].buffer = &hi;
        if (mysql_stmt_bind_param(upd, u)) error(upd);
    }
    ~raw_mysql_client() override {
        for (MYSQL_STMT* s : {ins, all, one, grp, upd})
            if (s) mysql_stmt_close(s);
        mysql_close(db);
    }

    [[noreturn]] void error() { fail(std::string("mysql: ") + mysql_error(db)); }
    [[noreturn]] void error(MYSQL_STMT* s) { fail(std::string("mysql: ") + mysql_stmt_error(s)); }
    MYSQL_STMT* prepare(const char* sql) {
        MYSQL_STMT* s = mysql_stmt_init(db);
        if (!s) error();
        if (mysql_stmt_prepare(s, sql, static_cast<unsigned long>(std::strlen(sql)))) error(s);
        return s;
    }
    void query(const char* sql) {
        if (mysql_real_query(db, sql, static_cast<unsigned long>(std::strlen(sql)))) error();
    }
    void begin() { query("START TRANSACTION"); }
    void commit() {
        if (mysql_commit(db)) error();
    }
    // The next row into the bound buffers: false at the end.
    bool fetch(MYSQL_STMT* s) {
        const int rc = mysql_stmt_fetch(s);
        if (rc == MYSQL_NO_DATA) return false;
        if (rc != 0) error(s);  // 1, or MYSQL_DATA_TRUNCATED: cannot happen with these buffers
        return true;
    }
    Job row() const { return Job{id, std::string(name, name_len), status, score}; }

    void clear() override { query("TRUNCATE TABLE bench_job"); }

    void w1_insert(std::vector<Job>& rows) override {
        begin();
        for (Job& j : rows) {
            name_len = static_cast<unsigned long>(j.name.size());
            std::memcpy(name, j.name.data(), j.name.size());
            status = j.status;
            score = j.score;
            if (mysql_stmt_execute(ins)) error(ins);
            j.id = static_cast<std::int64_t>(mysql_stmt_insert_id(ins));
        }
        commit();
    }

    std::vector<Job> w2_select_all() override {
        begin();
        std::vector<Job> rows;
        if (mysql_stmt_execute(all)) error(all);
        while (fetch(all)) rows.push_back(row());
        commit();
        return rows;
    }

    std::int64_t w3_lookups(const std::vector<std::int64_t>& ids) override {
        begin();
        std::int64_t sum = 0;
        for (std::int64_t i : ids) {
            key = i;
            if (mysql_stmt_execute(one)) error(one);
            if (!fetch(one)) fail("mysql: no row " + std::to_string(i));
            sum += checksum(row());
            if (fetch(one)) fail("mysql: two rows");
        }
        commit();
        return sum;
    }

    std::int64_t w4_group_by() override {
        begin();
        std::int64_t sum = 0;
        if (mysql_stmt_execute(grp)) error(grp);
        while (fetch(grp)) sum += status + count;
        commit();
        return sum;
    }

    std::int64_t w5_updates(std::size_t n, std::size_t range) override {
        begin();
        std::int64_t changed = 0;
        for (std::size_t k = 0; k < n; ++k) {
            lo = static_cast<long long>(k * range + 1);
            hi = static_cast<long long>((k + 1) * range);
            if (mysql_stmt_execute(upd)) error(upd);
            changed += static_cast<std::int64_t>(mysql_stmt_affected_rows(upd));
        }
        commit();
        return changed;
    }
};
#endif

// ==== SOCI ======================================================================================
#if SQLFORGE_BENCH_HAS_SOCI
// SOCI's prepared statements: each `soci::statement` is prepared once with use()/into()
// bound to members, and run with execute(true) / fetch(). (SOCI's plain `sql << "...",
// use(x)` form prepares the statement again on every call, so it would only be slower.)
struct soci_connection {
    soci::session sql;
    soci_connection(const soci::backend_factory& f, const std::string& connect, const std::string& ddl)
        : sql(f, connect) {
        if (!ddl.empty()) sql << ddl;
    }
};

struct soci_client final : client, soci_connection {
    std::string clear_sql;
    // bound variables
    std::string name;
    long long id = 0, key = 0, lo = 0, hi = 0, count = 0;
    int status = 0;
    double score = 0;
    soci::statement ins, all, one, grp, upd;

    // ddl: the CREATE TABLE to run first, or "" when the table exists.
    soci_client(const soci::backend_factory& f, const std::string& connect, const std::string& ddl,
                std::string clear_text)
        : soci_connection(f, connect, ddl),
          clear_sql(std::move(clear_text)),
          ins((sql.prepare << "INSERT INTO bench_job (name, status, score) VALUES (:n, :s, :c)", soci::use(name),
               soci::use(status), soci::use(score))),
          all((sql.prepare << select_all_sql, soci::into(id), soci::into(name), soci::into(status), soci::into(score))),
          one((sql.prepare << "SELECT id, name, status, score FROM bench_job WHERE id = :k", soci::use(key), soci::into(id),
               soci::into(name), soci::into(status), soci::into(score))),
          grp((sql.prepare << group_sql, soci::into(status), soci::into(count))),
          upd((sql.prepare << "UPDATE bench_job SET status = status + 1 WHERE id BETWEEN :a AND :b", soci::use(lo),
               soci::use(hi))) {}

    void clear() override { sql << clear_sql; }

    void w1_insert(std::vector<Job>& rows) override {
        soci::transaction tr(sql);
        for (Job& j : rows) {
            name = j.name;
            status = j.status;
            score = j.score;
            ins.execute(true);
            long long generated = 0;
            if (!sql.get_last_insert_id("bench_job", generated)) fail("soci: no generated id");
            j.id = generated;
        }
        tr.commit();
    }

    std::vector<Job> w2_select_all() override {
        soci::transaction tr(sql);
        std::vector<Job> rows;
        all.execute();
        while (all.fetch()) rows.push_back(Job{id, name, status, score});
        tr.commit();
        return rows;
    }

    std::int64_t w3_lookups(const std::vector<std::int64_t>& ids) override {
        soci::transaction tr(sql);
        std::int64_t sum = 0;
        for (std::int64_t i : ids) {
            key = i;
            if (!one.execute(true)) fail("soci: no row " + std::to_string(i));
            sum += checksum(Job{id, name, status, score});
        }
        tr.commit();
        return sum;
    }

    std::int64_t w4_group_by() override {
        soci::transaction tr(sql);
        std::int64_t sum = 0;
        grp.execute();
        while (grp.fetch()) sum += status + count;
        tr.commit();
        return sum;
    }

    std::int64_t w5_updates(std::size_t n, std::size_t range) override {
        soci::transaction tr(sql);
        std::int64_t changed = 0;
        for (std::size_t k = 0; k < n; ++k) {
            lo = static_cast<long long>(k * range + 1);
            hi = static_cast<long long>((k + 1) * range);
            upd.execute(true);
            changed += upd.get_affected_rows();
        }
        tr.commit();
        return changed;
    }
};
#endif

// ---- the clients, made on first use and kept for the whole run (warm statement caches) -----
std::optional<std::string> mysql_url;

struct database_state {
    bool loaded = false;
};

std::unique_ptr<client> make_client(const std::string& db, const std::string& lib) {
    const std::string sqlite_ddl(sf::create_table_if_not_exists<Job>().sql<sf::sqlite_dialect>());
    if (db == "sqlite") {
        // Each library has its own :memory: database (a :memory: database is per connection).
        if (lib == "raw") return std::make_unique<raw_sqlite_client>();
        if (lib == "sqlforge") return std::make_unique<sqlforge_client>("sqlite://:memory:", true, "DELETE FROM bench_job");
#if SQLFORGE_BENCH_HAS_SOCI
        if (lib == "soci") return std::make_unique<soci_client>(*soci::factory_sqlite3(), ":memory:", sqlite_ddl,
                                                                "DELETE FROM bench_job");
#endif
    }
#if SQLFORGE_HAS_MYSQL
    if (db == "mariadb") {
        // One table in the test database, shared: the libraries run one after another.
        const mysql_target t = parse_mysql_url(*mysql_url);
        if (lib == "raw") return std::make_unique<raw_mysql_client>(t);
        if (lib == "sqlforge") return std::make_unique<sqlforge_client>(*mysql_url, false, "TRUNCATE TABLE bench_job");
#if SQLFORGE_BENCH_SOCI_MYSQL
        if (lib == "soci") {
            std::string connect = "host=" + t.host + " port=" + std::to_string(t.port) + " db=" + t.database +
                                  " user=" + t.user + " password='" + t.password + "' charset=utf8mb4";
            return std::make_unique<soci_client>(*soci::factory_mysql(), connect, "", "TRUNCATE TABLE bench_job");
        }
#endif
    }
#endif
    fail("no client " + lib + " for " + db);
}

client& get_client(const std::string& db, const std::string& lib) {
    static std::map<std::string, std::unique_ptr<client>> clients;
    static std::map<std::string, database_state> databases;
    auto& c = clients[db + "/" + lib];
    if (!c) {
        c = make_client(db, lib);
        c->loaded = &databases[db == "sqlite" ? db + "/" + lib : db].loaded;
    }
    return *c;
}

// MariaDB: one fresh table for everyone, in sqlforge's DDL (BIGINT AUTO_INCREMENT key,
// VARCHAR(255), INT, DOUBLE, InnoDB, utf8mb4).
void create_mysql_table() {
    auto e = sf::create_engine(*mysql_url);
    sf::drop_all<Job>(e);
    sf::create_all<Job>(e);
}

// ---- the benchmarks ----------------------------------------------------------------------
enum class workload { w1, w2, w3, w4, w5 };

void run_workload(benchmark::State& state, const std::string& db, const std::string& lib, workload w) {
    try {
        client& c = get_client(db, lib);
        const std::size_t updates = cfg.rows / cfg.range;
        if (w != workload::w1) c.ensure_loaded();
        // One untimed run first where it is cheap, so that every library's statements are
        // prepared before the clock starts (W1 and W3 run 100,000 statements: one prepare
        // more is lost in them).
        if (w == workload::w2) benchmark::DoNotOptimize(c.w2_select_all().size());
        if (w == workload::w4) benchmark::DoNotOptimize(c.w4_group_by());
        if (w == workload::w5) benchmark::DoNotOptimize(c.w5_updates(updates, cfg.range));
        for (auto _ : state) {
            switch (w) {
                case workload::w1: {
                    state.PauseTiming();
                    c.clear();
                    *c.loaded = false;
                    std::vector<Job> rows = template_rows();
                    state.ResumeTiming();
                    SQLFORGE_BENCH_COUNT_BEGIN();
                    c.w1_insert(rows);
                    SQLFORGE_BENCH_COUNT_END();
                    *c.loaded = true;
                    if (rows.back().id != static_cast<std::int64_t>(rows.size())) fail(lib + ": ids not written back");
                    state.PauseTiming();
                    rows = {};  // freeing the rows is not the insert's cost
                    state.ResumeTiming();
                    break;
                }
                case workload::w2: {
                    SQLFORGE_BENCH_COUNT_BEGIN();
                    std::vector<Job> rows = c.w2_select_all();
                    SQLFORGE_BENCH_COUNT_END();
                    if (rows.size() != cfg.rows) fail(lib + ": W2 read " + std::to_string(rows.size()) + " rows");
                    std::int64_t sum = 0;
                    for (const Job& j : rows) sum += checksum(j);
                    if (sum != expected_w3_sum()) fail(lib + ": W2 read wrong rows");
                    benchmark::DoNotOptimize(rows.data());
                    break;
                }
                case workload::w3: {
                    SQLFORGE_BENCH_COUNT_BEGIN();
                    const std::int64_t sum = c.w3_lookups(lookup_ids());
                    SQLFORGE_BENCH_COUNT_END();
                    if (sum != expected_w3_sum()) fail(lib + ": W3 read wrong rows");
                    break;
                }
                case workload::w4: {
                    SQLFORGE_BENCH_COUNT_BEGIN();
                    const std::int64_t sum = c.w4_group_by();
                    SQLFORGE_BENCH_COUNT_END();
                    if (sum < static_cast<std::int64_t>(cfg.rows)) fail(lib + ": W4 counted too few rows");
                    break;
                }
                case workload::w5: {
                    SQLFORGE_BENCH_COUNT_BEGIN();
                    const std::int64_t n = c.w5_updates(updates, cfg.range);
                    SQLFORGE_BENCH_COUNT_END();
                    if (n != static_cast<std::int64_t>(updates * cfg.range)) fail(lib + ": W5 changed " + std::to_string(n));
                    break;
                }
            }
        }
        state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) *
                                static_cast<std::int64_t>(w == workload::w5 ? updates : w == workload::w4 ? 1 : cfg.rows));
    } catch (const std::exception& e) {
        state.SkipWithError(e.what());
    }
}

const char* const workload_names[] = {"W1_insert", "W2_select_all", "W3_get_by_pk", "W4_group_by", "W5_update_range"};

// ---- the ratio table -----------------------------------------------------------------------
// Passes everything on to the console reporter, keeps each benchmark's time (the fastest of
// the repetitions when there are several) and prints lib / raw per workload at the end.
class ratio_reporter : public benchmark::ConsoleReporter {
public:
    explicit ratio_reporter(bool color) : ConsoleReporter(color ? OO_ColorTabular : OO_Tabular) {}

    void ReportRuns(const std::vector<Run>& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& r : runs) {
            if (r.error_occurred) {
                errors_.push_back(r.benchmark_name() + ": " + r.error_message);
                continue;
            }
            const bool best = r.run_type == Run::RT_Aggregate && r.aggregate_name == "min";
            if (r.run_type == Run::RT_Aggregate && !best) continue;
            auto& m = times_[r.run_name.function_name];
            if (best) {
                m.aggregate = true;
                m.real = r.GetAdjustedRealTime();
                m.cpu = r.GetAdjustedCPUTime();
            } else if (!m.aggregate) {  // a single run, or the repetitions before their minimum
                m.real = r.GetAdjustedRealTime();
                m.cpu = r.GetAdjustedCPUTime();
            }
        }
    }

    void Finalize() override {
        ConsoleReporter::Finalize();
        std::ostream& out = GetOutputStream();
        out << "\nsqlforge and SOCI relative to the raw C API (time / raw time; < 1 is faster than raw;\n"
               "the fastest repetition of each when there are several)\n";
        out << "wall = elapsed time, cpu = this process's CPU time (for MariaDB: the client side only)\n\n";
        char line[256];
        std::snprintf(line, sizeof line, "%-8s %-16s %10s %10s %10s %9s %9s %9s %9s\n", "database", "workload",
                      "raw ms", "sqlforge", "soci", "sf/raw", "soci/raw", "sf/raw", "soci/raw");
        out << line;
        std::snprintf(line, sizeof line, "%-8s %-16s %10s %10s %10s %9s %9s %9s %9s\n", "", "", "", "ms", "ms",
                      "wall", "wall", "cpu", "cpu");
        out << line;
        for (const char* db : {"sqlite", "mariadb"}) {
            for (const char* w : workload_names) {
                const std::string base = std::string(w) + "/" + db + "/";
                auto find = [&](const char* lib) -> const entry* {
                    auto it = times_.find(base + lib);
                    return it == times_.end() ? nullptr : &it->second;
                };
                const entry* raw = find("raw");
                if (!raw) continue;
                const entry* sfe = find("sqlforge");
                const entry* soci = find("soci");
                auto ms = [](const entry* e) { return e ? fmt("%.3f", e->real) : std::string("-"); };
                auto ratio = [](const entry* e, double entry::*f, double base_v) {
                    return e && base_v > 0 ? fmt("%.3f", e->*f / base_v) : std::string("-");
                };
                std::snprintf(line, sizeof line, "%-8s %-16s %10.3f %10s %10s %9s %9s %9s %9s\n", db, w, raw->real,
                              ms(sfe).c_str(), ms(soci).c_str(), ratio(sfe, &entry::real, raw->real).c_str(),
                              ratio(soci, &entry::real, raw->real).c_str(), ratio(sfe, &entry::cpu, raw->cpu).c_str(),
                              ratio(soci, &entry::cpu, raw->cpu).c_str());
                out << line;
            }
        }
        for (const std::string& e : errors_) out << "ERROR " << e << '\n';
        out.flush();
    }

    bool failed() const { return !errors_.empty(); }

private:
    struct entry {
        double real = 0, cpu = 0;  // in the benchmark's unit (ms)
        bool aggregate = false;
    };
    static std::string fmt(const char* f, double v) {
        char b[32];
        std::snprintf(b, sizeof b, f, v);
        return b;
    }
    std::map<std::string, entry> times_;
    std::vector<std::string> errors_;
};

}  // namespace

int main(int argc, char** argv) {
    // Our own flags first; the rest go to Google Benchmark.
    std::vector<char*> rest{argv[0]};
    bool no_mysql = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--smoke") {
            cfg.smoke = true;
            cfg.rows = 200;
        } else if (a.starts_with("--rows=")) {
            cfg.rows = std::stoul(std::string(a.substr(7)));
        } else if (a.starts_with("--mysql=")) {
            mysql_url = std::string(a.substr(8));
        } else if (a == "--no-mysql") {
            no_mysql = true;
        } else {
            rest.push_back(argv[i]);
        }
    }
    if (cfg.rows < cfg.range || cfg.rows % cfg.range != 0) {
        std::cerr << "workloads: --rows must be a multiple of " << cfg.range << '\n';
        return 2;
    }
    if (!mysql_url) mysql_url = mysql_url_from_env();
    if (no_mysql || !SQLFORGE_HAS_MYSQL) mysql_url.reset();

    int bargc = static_cast<int>(rest.size());
    rest.push_back(nullptr);
    benchmark::Initialize(&bargc, rest.data());
    if (benchmark::ReportUnrecognizedArguments(bargc, rest.data())) return 2;

    std::vector<std::string> dbs{"sqlite"};
    if (mysql_url) {
        try {
            create_mysql_table();
            dbs.push_back("mariadb");
        } catch (const std::exception& e) {
            std::cerr << "workloads: MariaDB at SQLFORGE_TEST_MYSQL_URL not usable: " << e.what() << '\n';
            return 1;
        }
    } else {
        std::cerr << "workloads: SQLFORGE_TEST_MYSQL_URL not set: SQLite only\n";
    }

    for (const std::string& db : dbs) {
        for (int w = 0; w < 5; ++w) {
            std::vector<std::string> libs{"raw", "sqlforge"};
#if SQLFORGE_BENCH_HAS_SOCI
            if (db == "sqlite") libs.push_back("soci");
#if SQLFORGE_BENCH_SOCI_MYSQL
            if (db == "mariadb") libs.push_back("soci");
#endif
#endif
            for (const std::string& lib : libs) {
                const std::string name = std::string(workload_names[w]) + "/" + db + "/" + lib;
                auto* b = benchmark::RegisterBenchmark(name.c_str(), [db, lib, w](benchmark::State& s) {
                    run_workload(s, db, lib, static_cast<workload>(w));
                });
                b->Unit(benchmark::kMillisecond)->UseRealTime();
                // The fastest repetition is the best estimate of what the code costs: the
                // others only add what the rest of the machine was doing at the time.
                b->ComputeStatistics("min", [](const std::vector<double>& v) {
                    return v.empty() ? 0.0 : *std::min_element(v.begin(), v.end());
                });
                if (cfg.smoke) b->Iterations(1);
            }
        }
    }

    ratio_reporter reporter(isatty(STDOUT_FILENO) != 0);
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return reporter.failed() ? 1 : 0;
}
