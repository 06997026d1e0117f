// The engine's connection pool on every backend: sharing under contention (8 threads x 1000
// sessions, a pool of 4), checkout timeout, overflow, null_pool, recycle, reset on return,
// dispose, and (MySQL) a connection killed under the pool, with and without pre_ping.
// SQLite runs on a WAL file database in a scratch directory: a :memory: engine has a pool
// of exactly one connection.
#include "backends.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace pooltest {
struct PoolRow {
    std::int64_t id;
    std::int32_t worker;
    std::int32_t seq;
};
}  // namespace pooltest

namespace sf = sqlforge;
SQLFORGE_COLUMNS(pool_row, pooltest::PoolRow, id, worker, seq)

using pooltest::PoolRow;
using namespace std::chrono_literals;

namespace {

using clock_type = std::chrono::steady_clock;

long long ms_since(clock_type::time_point t0) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - t0).count();
}

// A directory of its own under the system temp dir, removed with everything in it.
struct scratch_dir {
    std::filesystem::path path;
    scratch_dir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("sqlforge_pool_test_" + std::to_string(rd()));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    scratch_dir(const scratch_dir&) = delete;
    scratch_dir& operator=(const scratch_dir&) = delete;
    ~scratch_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
};

// The URL of an empty pool_row table: a WAL file database in `dir` for SQLite, the test
// server for MySQL. Prepared through an engine of its own, so the counters of the engine
// under test start at zero.
template <class B>
std::string fresh_url(const scratch_dir& dir) {
    std::string url;
    if constexpr (std::is_same_v<B, test::sqlite_backend>) {
        url = "sqlite:///" + (dir.path / "pool.db").string() + "?timeout=20000";
    } else {
        url = B::url();
    }
    auto setup = sf::create_engine(url, {.null_pool = true});
#if SQLFORGE_HAS_SQLITE
    if constexpr (std::is_same_v<B, test::sqlite_backend>) {
        auto c = setup.acquire();
        std::get<sf::backend::sqlite::connection>(*c).exec("PRAGMA journal_mode=WAL");  // persists in the file
        setup.release(std::move(c));
    }
#endif
    sf::drop_all<PoolRow>(setup);
    sf::create_all<PoolRow>(setup);
    return url;
}

std::int64_t count_rows(const sf::engine& e) {
    sf::session s{e};
    return s.query<PoolRow>().count();
}

void add_row(sf::session& s, int worker, int seq) {
    PoolRow r{.worker = worker, .seq = seq};
    s.add(r);
}

// Opened minus closed is what is open now: idle plus checked out.
void check_no_leak(const sf::engine& e) {
    auto st = e.pool_status();
    CHECK(st.checked_out == 0);
    CHECK(st.opened - st.closed == st.idle);
}

#if SQLFORGE_HAS_MYSQL
sf::backend::mysql::connection& as_mysql(sf::backend_connection& c) {
    return std::get<sf::backend::mysql::connection>(c);
}

// The server's id of the connection the pool would hand out next.
unsigned long next_thread_id(sf::engine& e) {
    auto c = e.acquire();
    const unsigned long id = as_mysql(*c).thread_id();
    e.release(std::move(c));
    return id;
}

// KILL CONNECTION id from a connection of its own, then waits until the server dropped it.
void kill_connection(const std::string& url, unsigned long id) {
    auto admin = sf::create_engine(url, {.null_pool = true});
    auto c = admin.acquire();
    auto& m = as_mysql(*c);
    m.exec("KILL CONNECTION " + std::to_string(id));
    auto& alive = m.prepare("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ?");
    std::int64_t n = 1;
    for (int i = 0; i < 500 && n != 0; ++i) {
        alive.bind(0, static_cast<std::int64_t>(id));
        REQUIRE(alive.step());
        n = alive.get_int64(0);
        alive.reset();
        if (n != 0) std::this_thread::sleep_for(10ms);
    }
    REQUIRE(n == 0);
    admin.release(std::move(c));
}
#endif

}  // namespace

TEST_CASE_TEMPLATE("pool: 8 threads x 1000 sessions share a pool of 4; every row is there, nothing leaks", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    scratch_dir dir;
    auto e = sf::create_engine(fresh_url<B>(dir), {.size = 4, .max_overflow = 0, .timeout = 60s});
    constexpr int threads = 8;
    constexpr int per_thread = 1000;

    const auto t0 = clock_type::now();
    std::mutex m;
    std::vector<std::string> failures;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t) {
        pool.emplace_back([&, t] {
            try {
                for (int i = 0; i < per_thread; ++i) {
                    sf::session s{e};
                    add_row(s, t, i);
                    s.commit();
                }
            } catch (const std::exception& ex) {
                std::lock_guard lock(m);
                failures.push_back(ex.what());
            }
        });
    }
    for (auto& th : pool) th.join();
    MESSAGE(B::name, ": ", threads * per_thread, " sessions in ", ms_since(t0), " ms");
    for (const auto& f : failures) FAIL_CHECK(f);

    sf::session s{e};
    const auto rows = s.query<PoolRow>().all();
    CHECK(rows.size() == threads * per_thread);
    std::vector<int> seen(threads * per_thread, 0);
    for (const auto& r : rows) {
        REQUIRE((r.worker >= 0 && r.worker < threads && r.seq >= 0 && r.seq < per_thread));
        ++seen[static_cast<std::size_t>(r.worker * per_thread + r.seq)];
    }
    CHECK(std::count(seen.begin(), seen.end(), 1) == threads * per_thread);
    s.close();

    const auto st = e.pool_status();
    CHECK(st.checked_out == 0);
    CHECK(st.idle <= 4);
    CHECK(st.opened <= 4);  // no overflow, nothing broken: the same four all along
    check_no_leak(e);
    CHECK(e.status().idle == st.idle);  // status() is pool_status()
}

TEST_CASE_TEMPLATE("pool: a checkout that finds every connection out waits, then throws timeout_error", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    scratch_dir dir;
    const std::string url = fresh_url<B>(dir);
    auto e = sf::create_engine(url, {.size = 1, .max_overflow = 0, .timeout = 100ms});
    sf::session holder{e};
    // Holds the only connection, checked out by another thread: a wait in this one could end.
    std::thread([&] { add_row(holder, 1, 1); }).join();

    sf::session waiter{e};
    const auto t0 = clock_type::now();
    try {
        waiter.query<PoolRow>().count();
        FAIL("a second connection was handed out");
    } catch (const sf::timeout_error& err) {
        const auto waited = ms_since(t0);
        CHECK(waited >= 95);
        CHECK(waited < 1000);
        const std::string what = err.what();
        CHECK(what.find("100 ms") != std::string::npos);
        CHECK(what.find("size 1") != std::string::npos);
        CHECK(what.find("max_overflow 0") != std::string::npos);
    }
    CHECK_FALSE(waiter.in_transaction());
    CHECK(e.pool_status().checked_out == 1);

    // A connection given back while someone waits goes to the waiter.
    holder.commit();
    auto e2 = sf::create_engine(url, {.size = 1, .max_overflow = 0, .timeout = 5s});
    sf::session first{e2};
    std::thread([&] { CHECK(first.query<PoolRow>().count() == 1); }).join();
    std::thread giver([&] {
        std::this_thread::sleep_for(50ms);
        first.commit();
    });
    sf::session second{e2};
    const auto t1 = clock_type::now();
    CHECK(second.query<PoolRow>().count() == 1);
    CHECK(ms_since(t1) < 4000);
    giver.join();
    second.close();
    CHECK(e2.pool_status().opened == 1);

    CHECK(waiter.query<PoolRow>().count() == 1);  // the first engine's connection is free again
    waiter.close();
    check_no_leak(e);
    check_no_leak(e2);
}

TEST_CASE_TEMPLATE("pool: a checkout this thread would wait for itself throws invalid_request_error at once", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    scratch_dir dir;
    // A minute of timeout: a wait instead of the error would fail as a timeout_error.
    auto e = sf::create_engine(fresh_url<B>(dir), {.size = 1, .max_overflow = 1, .timeout = 60s});
    sf::session a{e}, b{e}, c{e};
    CHECK(a.query<PoolRow>().count() == 0);
    CHECK(b.query<PoolRow>().count() == 0);  // overflow: both connections are this thread's now
    try {
        (void)c.query<PoolRow>().count();
        FAIL("a third connection was handed out");
    } catch (const sf::invalid_request_error& err) {
        const std::string what = err.what();
        CHECK(what.find("checked out by this thread") != std::string::npos);
        CHECK(what.find("size 1, max_overflow 1") != std::string::npos);
    }
    CHECK_FALSE(c.in_transaction());
    a.commit();  // one comes back: c gets it
    CHECK(c.query<PoolRow>().count() == 0);
    c.close();
    b.rollback();

    // One connection this thread's, one another thread's: that one may come back, so c waits.
    auto e2 = sf::create_engine(fresh_url<B>(dir), {.size = 1, .max_overflow = 1, .timeout = 100ms});
    sf::session mine{e2}, theirs{e2}, waiter{e2};
    CHECK(mine.query<PoolRow>().count() == 0);
    std::thread([&] { CHECK(theirs.query<PoolRow>().count() == 0); }).join();
    CHECK_THROWS_AS((void)waiter.query<PoolRow>().count(), sf::timeout_error);
    mine.close();
    theirs.close();
    waiter.close();
    check_no_leak(e);
    check_no_leak(e2);
}

TEST_CASE("pool: two sessions of one thread on a sqlite :memory: engine: the second is told at once") {
    auto e = sf::create_engine("sqlite://:memory:");
    sf::create_all<PoolRow>(e);
    sf::session writer{e};
    add_row(writer, 1, 1);  // writer holds the engine's one connection until it commits
    sf::session reader{e};
    CHECK_THROWS_WITH_AS((void)reader.query<PoolRow>().count(), doctest::Contains("sqlite://:memory:"),
                         sf::invalid_request_error);
    writer.commit();
    CHECK(reader.query<PoolRow>().count() == 1);
}

TEST_CASE_TEMPLATE("pool: overflow connections open under load and are closed on return when the pool is full", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    scratch_dir dir;
    auto e = sf::create_engine(fresh_url<B>(dir), {.size = 1, .max_overflow = 1, .timeout = 100ms});
    sf::session a{e}, b{e}, c{e};
    std::thread([&] {  // (checked out by another thread: c's wait could end)
        CHECK(a.query<PoolRow>().count() == 0);
        CHECK(b.query<PoolRow>().count() == 0);
    }).join();
    auto st = e.pool_status();
    CHECK(st.checked_out == 2);
    CHECK(st.opened == 2);
    CHECK_THROWS_AS(c.query<PoolRow>().count(), sf::timeout_error);
    b.commit();  // back into the empty pool
    st = e.pool_status();
    CHECK(st.idle == 1);
    CHECK(st.closed == 0);
    a.commit();  // the pool is full: closed
    st = e.pool_status();
    CHECK(st.idle == 1);
    CHECK(st.closed == 1);
    CHECK(c.query<PoolRow>().count() == 0);
    c.close();
    CHECK(e.pool_status().opened == 2);
    check_no_leak(e);
}

TEST_CASE_TEMPLATE("pool: null_pool opens a new connection for each session and closes it after", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    scratch_dir dir;
    auto e = sf::create_engine(fresh_url<B>(dir), {.null_pool = true});
    for (int i = 0; i < 3; ++i) {
        sf::session s{e};
        add_row(s, 0, i);
        s.commit();
        const auto st = e.pool_status();
        CHECK(st.opened == static_cast<std::size_t>(i + 1));
        CHECK(st.closed == static_cast<std::size_t>(i + 1));
        CHECK(st.idle == 0);
    }
    sf::session a{e}, b{e};
    CHECK(a.query<PoolRow>().count() == 3);
    CHECK(b.query<PoolRow>().count() == 3);
    CHECK(e.pool_status().checked_out == 2);
    a.close();
    b.close();
    CHECK(e.pool_status().opened == 5);
    check_no_leak(e);
}

TEST_CASE_TEMPLATE("pool: recycle closes a connection older than the limit at checkout and opens a new one", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    scratch_dir dir;
    const std::string url = fresh_url<B>(dir);
    auto e = sf::create_engine(url, {.size = 2, .recycle = 150ms});
    CHECK(count_rows(e) == 0);
    CHECK(count_rows(e) == 0);
    CHECK(e.pool_status().opened == 1);  // young enough: reused
    std::this_thread::sleep_for(250ms);
    CHECK(count_rows(e) == 0);
    auto st = e.pool_status();
    CHECK(st.opened == 2);
    CHECK(st.closed == 1);
    CHECK(st.idle == 1);

    auto never = sf::create_engine(url, {.size = 2});  // the default: no recycling
    CHECK(count_rows(never) == 0);
    std::this_thread::sleep_for(200ms);
    CHECK(count_rows(never) == 0);
    CHECK(never.pool_status().opened == 1);
    check_no_leak(e);
    check_no_leak(never);
}

TEST_CASE_TEMPLATE("pool: a connection given back inside a transaction is rolled back before it is pooled", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    scratch_dir dir;
    auto e = sf::create_engine(fresh_url<B>(dir), {.size = 1});
    auto c = e.acquire();
    sf::with_backend(*c, [](auto& k) {
        k.begin();
        CHECK(sf::run_statement(k, sf::insert_into<PoolRow>().values(pool_row::worker = 7, pool_row::seq = 7)) == 1);
        CHECK(k.in_transaction());
    });
    e.release(std::move(c));
    auto st = e.pool_status();
    CHECK(st.idle == 1);
    CHECK(st.closed == 0);

    auto again = e.acquire();
    CHECK_FALSE(sf::with_backend(*again, [](auto& k) { return k.in_transaction(); }));
    e.release(std::move(again));
    CHECK(count_rows(e) == 0);

    // A connection that was closed under the pool is not pooled again.
    auto closed = e.acquire();
    sf::with_backend(*closed, [](auto& k) { k.close(); });
    e.release(std::move(closed));
    st = e.pool_status();
    CHECK(st.idle == 0);
    CHECK(st.closed == 1);
    CHECK(count_rows(e) == 0);
    check_no_leak(e);
}

TEST_CASE_TEMPLATE("pool: dispose closes idle connections now and checked-out ones when they come back", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    scratch_dir dir;
    auto e = sf::create_engine(fresh_url<B>(dir), {.size = 2});
    CHECK(count_rows(e) == 0);
    CHECK(e.pool_status().idle == 1);
    e.dispose();
    auto st = e.pool_status();
    CHECK(st.idle == 0);
    CHECK(st.closed == 1);

    sf::session held{e};
    add_row(held, 1, 1);
    e.dispose();
    held.commit();  // opened before the dispose: closed, not pooled
    st = e.pool_status();
    CHECK(st.idle == 0);
    CHECK(st.closed == 2);
    CHECK(st.opened == 2);

    CHECK(count_rows(e) == 1);  // the engine goes on with new connections
    st = e.pool_status();
    CHECK(st.opened == 3);
    CHECK(st.idle == 1);
    check_no_leak(e);
}

TEST_CASE("pool: a sqlite :memory: engine keeps its one connection whatever the options say") {
    auto e = sf::create_engine("sqlite://:memory:", {.size = 8, .recycle = 0ms, .null_pool = true});
    CHECK(e.options().size == 1);
    CHECK(e.options().max_overflow == 0);
    CHECK_FALSE(e.options().null_pool);
    CHECK(e.options().recycle.count() < 0);
    sf::create_all<PoolRow>(e);
    {
        sf::session s{e};
        add_row(s, 1, 1);
        s.commit();
    }
    CHECK(count_rows(e) == 1);  // same connection, same database
    CHECK(e.pool_status().opened == 1);
}

#if SQLFORGE_HAS_MYSQL
TEST_CASE("pool (mysql): with pre_ping, a connection killed under the pool is replaced at checkout") {
    if (test::skipped<test::mysql_backend>()) return;
    scratch_dir dir;
    const std::string url = fresh_url<test::mysql_backend>(dir);
    auto e = sf::create_engine(url, {.size = 1, .max_overflow = 0, .timeout = 5s, .pre_ping = true});
    CHECK(count_rows(e) == 0);
    const unsigned long killed = next_thread_id(e);
    kill_connection(url, killed);

    sf::session s{e};
    add_row(s, 1, 1);  // no error: the dead connection was replaced before it was handed out
    s.commit();
    CHECK(count_rows(e) == 1);
    CHECK(next_thread_id(e) != killed);
    auto st = e.pool_status();
    CHECK(st.opened == 2);
    CHECK(st.closed == 1);
    check_no_leak(e);
}

TEST_CASE("pool (mysql): without pre_ping, a killed connection fails one statement, is discarded, and the next "
          "session works") {
    if (test::skipped<test::mysql_backend>()) return;
    scratch_dir dir;
    const std::string url = fresh_url<test::mysql_backend>(dir);
    auto e = sf::create_engine(url, {.size = 1, .max_overflow = 0, .timeout = 5s});
    CHECK(count_rows(e) == 0);
    kill_connection(url, next_thread_id(e));
    {
        sf::session s{e};
        try {
            add_row(s, 1, 1);
            FAIL("a statement on a killed connection succeeded");
        } catch (const sf::operational_error& err) {
            CHECK(sf::detail::is_disconnect(sf::backend_kind::mysql, err));
        }
    }  // lost: closed, not pooled
    auto st = e.pool_status();
    CHECK(st.idle == 0);
    CHECK(st.closed == 1);
    {
        sf::session s{e};
        add_row(s, 2, 2);
        s.commit();
    }
    CHECK(count_rows(e) == 1);
    check_no_leak(e);
}

TEST_CASE("pool (mysql): a connection lost inside a transaction must be rolled back before the session goes on") {
    if (test::skipped<test::mysql_backend>()) return;
    scratch_dir dir;
    const std::string url = fresh_url<test::mysql_backend>(dir);
    auto e = sf::create_engine(url, {.size = 1, .max_overflow = 0, .timeout = 5s});
    const unsigned long id = next_thread_id(e);  // the pool's only connection, which s takes
    sf::session s{e};
    add_row(s, 1, 1);
    kill_connection(url, id);
    CHECK_THROWS_AS(add_row(s, 2, 2), sf::operational_error);
    CHECK(s.in_transaction());
    // Row 1 went with the connection: going on as if nothing happened would lose it silently.
    CHECK_THROWS_AS(add_row(s, 3, 3), sf::invalid_request_error);
    CHECK_THROWS_AS(s.commit(), sf::invalid_request_error);
    CHECK_FALSE(s.in_transaction());  // commit() rolled back and discarded
    CHECK(e.pool_status().closed == 1);
    add_row(s, 4, 4);  // a fresh connection
    s.commit();
    sf::session check{e};
    const auto rows = check.query<PoolRow>().all();
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].seq == 4);
    check.close();

    // The same, acknowledged by rollback(): no round trip to the dead connection.
    const unsigned long id2 = next_thread_id(e);
    add_row(s, 5, 5);
    kill_connection(url, id2);
    CHECK_THROWS_AS(add_row(s, 6, 6), sf::operational_error);
    s.rollback();
    CHECK_FALSE(s.in_transaction());
    CHECK(count_rows(e) == 1);
    check_no_leak(e);
    CHECK(e.pool_status().closed == 2);
}
#endif
