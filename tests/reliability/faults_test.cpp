// Server faults on MariaDB (issue 8, item 3): the server stopped and restarted under a run of
// sessions; a connection killed (KILL CONNECTION <id>, the id from SELECT CONNECTION_ID())
// inside a transaction, during a statement and while a result is being read; a lock wait
// that times out; a deadlock between two sessions. Each must give a clear operational_error,
// roll the transaction back, leave the pool with nothing leaked and working, and
// sf::retry_on_deadlock must succeed where running the work again is safe.
//
// The stop/restart test runs its own MariaDB (scripts/mariadb.sh with a directory in the
// build tree and a free port): the shared test server is never stopped. The KILL tests use
// the shared server, killing only connections they opened themselves.
#include "common.hpp"

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>

#include <netinet/in.h>
#include <sys/socket.h>

namespace reltest {
struct RelFaultRow {
    std::int64_t id;
    std::int32_t worker;
    std::int32_t seq;
};
struct RelAccount {
    std::int64_t id;
    std::int64_t balance;
};
}  // namespace reltest

SQLFORGE_COLUMNS(rel_fault_row, reltest::RelFaultRow, id, worker, seq)
SQLFORGE_COLUMNS(rel_account, reltest::RelAccount, id, balance)

#if SQLFORGE_HAS_MYSQL
namespace reltest {
namespace {

bool lost(const sf::dbapi_error& e) { return sf::detail::is_disconnect(sf::backend_kind::mysql, e); }

void add_row(sf::session& s, int worker, int seq) {
    RelFaultRow r{.worker = worker, .seq = seq};
    s.add(r);
}

std::int64_t count_rows(const sf::engine& e) {
    sf::session s{e};
    return s.query<RelFaultRow>().count();
}

std::int64_t connection_id(sf::session& s) {
    return s.execute(sf::text("SELECT CONNECTION_ID()")).scalar<std::int64_t>().value();
}

// Is connection `id` still in the server's process list?
bool alive(const sf::engine& admin, std::int64_t id, const char* info_like = nullptr) {
    sf::connection c = admin.connect();
    std::int64_t n = 0;
    if (info_like)
        n = c.execute(sf::text("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = :id AND INFO LIKE :i"),
                      {{"id", id}, {"i", std::string(info_like)}})
                .scalar<std::int64_t>()
                .value_or(0);
    else
        n = c.execute(sf::text("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = :id"), {{"id", id}})
                .scalar<std::int64_t>()
                .value_or(0);
    c.close();
    return n != 0;
}

// KILL CONNECTION id from a connection of its own (the test user may kill its own
// connections), then waits until the server has dropped it.
void kill_connection(const std::string& url, std::int64_t id) {
    auto admin = sf::create_engine(url, {.null_pool = true});
    {
        auto c = admin.acquire();
        std::string sql = "KILL CONNECTION ";
        sql += std::to_string(id);
        std::get<sf::backend::mysql::connection>(*c).exec(sql);
        admin.release(std::move(c));
    }
    bool still = true;
    for (int i = 0; i < 1000 && still; ++i) {
        still = alive(admin, id);
        if (still) std::this_thread::sleep_for(10ms);
    }
    REQUIRE_MESSAGE(!still, "connection " << id << " was still there 10 s after KILL");
}

template <class... Ts>
std::string fresh_tables(const std::string& url) {
    auto setup = sf::create_engine(url, {.null_pool = true});
    sf::drop_all<Ts...>(setup);
    sf::create_all<Ts...>(setup);
    return url;
}

// ---- a private MariaDB server ---------------------------------------------------------------

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    socklen_t len = sizeof a;
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0);
    ::close(fd);
    return ntohs(a.sin_port);
}

// scripts/mariadb.sh start|stop|restart with a directory in the build tree (the test's working
// directory) and a free port. Start failing is a test failure, never a skip. Stopped at the end.
class private_server {
public:
    private_server() {
        root_ = std::filesystem::path(SQLFORGE_TEST_DATA_DIR).parent_path().parent_path();
        dir_ = std::filesystem::current_path() / "mariadb-restart";
        port_ = free_port();
        run("start");
        std::ifstream in(log_);
        std::string line, last;
        while (std::getline(in, line))
            if (!line.empty()) last = line;
        const std::string prefix = "SQLFORGE_TEST_MYSQL_URL=";
        REQUIRE_MESSAGE(last.rfind(prefix, 0) == 0, "scripts/mariadb.sh start did not print the URL: " << last);
        url_ = last.substr(prefix.size());
        started_ = true;
    }
    private_server(const private_server&) = delete;
    private_server& operator=(const private_server&) = delete;
    ~private_server() {
        if (started_) (void)call("stop");
    }

    const std::string& url() const noexcept { return url_; }
    void stop() { run("stop"); }
    void restart() { run("restart"); }

private:
    int call(const char* what) {
        log_ = (dir_.parent_path() / "mariadb-restart.log").string();
        std::string cmd = "cd '" + root_.string() + "' && SQLFORGE_MARIADB_DIR='" + dir_.string() +
                          "' SQLFORGE_MARIADB_PORT=" + std::to_string(port_) + " bash scripts/mariadb.sh " + what +
                          " >'" + log_ + "' 2>&1";
        return std::system(cmd.c_str());
    }
    void run(const char* what) {
        const int rc = call(what);
        if (rc != 0) {
            std::ifstream in(log_);
            std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            FAIL("scripts/mariadb.sh " << what << " (private server, port " << port_ << ", dir " << dir_.string()
                                       << ") failed with status " << rc << ":\n"
                                       << text);
        }
    }

    std::filesystem::path root_, dir_;
    std::string log_, url_;
    int port_ = 0;
    bool started_ = false;
};

}  // namespace
}  // namespace reltest

using namespace reltest;

TEST_SUITE("faults") {
    TEST_CASE("faults (mysql): the server stopped and restarted under 4 threads of sessions; the pool recovers") {
        if (test::skipped<test::mysql_backend>()) return;
        private_server server;
        const std::string url = fresh_tables<RelFaultRow>(server.url());
        auto e = sf::create_engine(url, {.size = 4, .max_overflow = 0, .timeout = 30s, .pre_ping = true});

        constexpr int threads = 4;
        std::atomic<bool> stop{false};
        std::atomic<int> phase{0};  // 0 up, 1 down, 2 up again
        std::mutex m;
        std::vector<std::string> unexpected;
        std::map<int, int> error_codes;
        std::vector<std::set<int>> acked(threads), uncertain(threads);
        std::vector<std::atomic<int>> ok_after(threads);
        std::atomic<int> ok_before{0}, failed_down{0};
        std::vector<std::thread> pool;
        for (int t = 0; t < threads; ++t) {
            pool.emplace_back([&, t] {
                for (int seq = 0; !stop; ++seq) {
                    const int ph = phase;
                    bool committing = false;
                    try {
                        sf::session s{e};
                        add_row(s, t, seq);
                        committing = true;
                        s.commit();
                        std::lock_guard lock(m);
                        acked[static_cast<std::size_t>(t)].insert(seq);
                        if (ph == 0) ++ok_before;
                        if (ph == 2) ++ok_after[static_cast<std::size_t>(t)];
                    } catch (const sf::operational_error& err) {
                        std::lock_guard lock(m);
                        ++error_codes[err.code()];
                        if (committing) uncertain[static_cast<std::size_t>(t)].insert(seq);
                        if (ph == 1) ++failed_down;
                        if (ph == 2 && phase == 2 && ok_after[static_cast<std::size_t>(t)] > 0)
                            unexpected.push_back(std::string("after the restart and a success: ") + err.what());
                        std::this_thread::sleep_for(5ms);
                    } catch (const std::exception& err) {
                        std::lock_guard lock(m);
                        unexpected.push_back(err.what());
                        std::this_thread::sleep_for(5ms);
                    }
                }
            });
        }
        auto wait_for = [&](auto pred, std::chrono::seconds limit) {
            const auto deadline = clock_type::now() + limit;
            while (!pred() && clock_type::now() < deadline) std::this_thread::sleep_for(10ms);
            return pred();
        };
        CHECK(wait_for([&] { return ok_before >= 50; }, 60s));
        phase = 1;
        server.stop();
        CHECK(wait_for([&] { return failed_down >= threads; }, 60s));
        server.restart();
        phase = 2;
        const bool recovered = wait_for(
            [&] {
                for (auto& n : ok_after)
                    if (n < 20) return false;
                return true;
            },
            60s);
        stop = true;
        for (auto& th : pool) th.join();
        CHECK_MESSAGE(recovered, "a thread did not get 20 sessions through after the restart");
        for (const auto& u : unexpected) FAIL_CHECK("unexpected error: " << u);
        std::string codes;
        for (const auto& [code, n] : error_codes) {
            codes += ' ';
            codes += std::to_string(code);
            codes += " x";
            codes += std::to_string(n);
        }
        MESSAGE("restart: ", ok_before.load(), " commits before the stop, ", failed_down.load(),
                " sessions failed while down (operational_error codes:", codes, ")");

        // Every acknowledged commit survived the restart; nothing that was not committed is there.
        sf::session s{e};
        const auto rows = s.query<RelFaultRow>().all();
        s.commit();
        std::vector<std::set<int>> present(threads);
        for (const auto& r : rows) {
            REQUIRE((r.worker >= 0 && r.worker < threads));
            CHECK(present[static_cast<std::size_t>(r.worker)].insert(r.seq).second);
        }
        for (std::size_t t = 0; t < threads; ++t) {
            for (int seq : acked[t]) CHECK_MESSAGE(present[t].count(seq) == 1, "acknowledged row lost: " << seq);
            for (int seq : present[t])
                CHECK_MESSAGE((acked[t].count(seq) == 1 || uncertain[t].count(seq) == 1),
                              "a row whose statement failed before COMMIT is present: " << seq);
        }
        check_no_leak(e);
        CHECK(e.pool_status().idle <= 4);

        // Restart again with connections idle in two pools: with pre_ping the first session
        // works; without, each dead idle connection fails one session (then it is discarded).
        auto plain = sf::create_engine(url, {.size = 2, .max_overflow = 0, .timeout = 30s});
        {
            sf::session a{plain}, b{plain};
            CHECK(a.query<RelFaultRow>().count() > 0);
            CHECK(b.query<RelFaultRow>().count() > 0);
        }
        REQUIRE(plain.pool_status().idle == 2);
        server.restart();
        {
            sf::session s2{e};
            add_row(s2, 9, 1);
            s2.commit();  // pre_ping replaced the dead connection(s) before handing one out
        }
        int failures = 0;
        for (;;) {
            try {
                sf::session s2{plain};
                add_row(s2, 9, 2 + failures);
                s2.commit();
                break;
            } catch (const sf::operational_error& err) {
                CHECK_MESSAGE(lost(err), err.what());
                if (++failures > 2) FAIL("more failures than dead idle connections");
            }
        }
        CHECK(failures <= 2);
        for (int i = 0; i < 5; ++i) {
            sf::session s2{plain};
            add_row(s2, 9, 100 + i);
            s2.commit();
        }
        check_no_leak(plain);
        check_no_leak(e);
        MESSAGE("second restart: pre_ping pool worked at once; without pre_ping ", failures,
                " session(s) failed on dead idle connections, then all worked");
    }

    TEST_CASE("faults (mysql): a session whose connection is killed mid-transaction rolls back and the pool recovers") {
        if (test::skipped<test::mysql_backend>()) return;
        const std::string url = fresh_tables<RelFaultRow>(test::mysql_backend::url());
        auto e = sf::create_engine(url, {.size = 2, .max_overflow = 0, .timeout = 10s});
        sf::session s{e};
        add_row(s, 1, 1);
        kill_connection(url, connection_id(s));
        try {
            add_row(s, 1, 2);
            FAIL("a statement on a killed connection succeeded");
        } catch (const sf::operational_error& err) {
            CHECK_MESSAGE(lost(err), err.what());
            CHECK(std::string(err.what()).find("MySQL error") != std::string::npos);
        }
        CHECK(s.in_transaction());
        CHECK_THROWS_AS(add_row(s, 1, 3), sf::invalid_request_error);  // not silently on a new connection
        s.rollback();                                                   // no round trip to the dead one
        CHECK_FALSE(s.in_transaction());
        CHECK(count_rows(e) == 0);  // row 1 went with the transaction
        check_no_leak(e);
        CHECK(e.pool_status().closed == 1);
        add_row(s, 1, 4);
        s.commit();
        CHECK(count_rows(e) == 1);
        check_no_leak(e);
    }

    TEST_CASE("faults (mysql): a Core connection (engine.connect()) killed mid-transaction behaves as a session") {
        if (test::skipped<test::mysql_backend>()) return;
        const std::string url = fresh_tables<RelFaultRow>(test::mysql_backend::url());
        auto e = sf::create_engine(url, {.size = 2, .max_overflow = 0, .timeout = 10s});
        sf::connection c = e.connect();
        c.execute(sf::insert_into<RelFaultRow>().values(rel_fault_row::worker = 2, rel_fault_row::seq = 1));
        const auto id = c.execute(sf::text("SELECT CONNECTION_ID()")).scalar<std::int64_t>().value();
        kill_connection(url, id);
        try {
            c.execute(sf::insert_into<RelFaultRow>().values(rel_fault_row::worker = 2, rel_fault_row::seq = 2));
            FAIL("a DSL statement on a killed connection succeeded");
        } catch (const sf::operational_error& err) {
            CHECK_MESSAGE(lost(err), err.what());
        }
        // The DSL path marks the connection lost as the text path and the session do.
        CHECK_THROWS_AS(
            c.execute(sf::insert_into<RelFaultRow>().values(rel_fault_row::worker = 2, rel_fault_row::seq = 3)),
            sf::invalid_request_error);
        CHECK_NOTHROW(c.rollback());
        CHECK(count_rows(e) == 0);
        check_no_leak(e);
        CHECK(e.pool_status().closed == 1);
        c.execute(sf::insert_into<RelFaultRow>().values(rel_fault_row::worker = 2, rel_fault_row::seq = 4));
        c.commit();
        CHECK(count_rows(e) == 1);
        check_no_leak(e);
    }

    TEST_CASE("faults (mysql): a connection killed while a result is being read: operational_error, rolled back") {
        if (test::skipped<test::mysql_backend>()) return;
        const std::string url = fresh_tables<RelFaultRow>(test::mysql_backend::url());
        auto e = sf::create_engine(url, {.size = 2, .max_overflow = 0, .timeout = 10s});
        {
            std::vector<RelFaultRow> many;
            for (int i = 0; i < 3000; ++i) many.push_back({.worker = 3, .seq = i});
            sf::session s{e};
            s.execute(sf::insert_many(many));
            s.commit();
        }
        sf::session s{e};
        add_row(s, 4, 1);  // uncommitted: must be gone after the kill
        const auto id = connection_id(s);
        int n = 0;
        bool threw = false;
        try {
            for (const RelFaultRow& r : s.query<RelFaultRow>().where(rel_fault_row::worker == 3)) {
                (void)r;
                if (++n == 1) kill_connection(url, id);
            }
        } catch (const sf::operational_error& err) {
            threw = true;
            CHECK_MESSAGE(lost(err), err.what());
        }
        // Rows already stored client-side may still be read; the transaction cannot commit.
        CHECK((threw || n == 3000));
        try {
            s.commit();
            FAIL("commit() on a killed connection succeeded");
        } catch (const sf::operational_error& err) {
            CHECK_MESSAGE(lost(err), err.what());
        } catch (const sf::invalid_request_error&) {
        }
        CHECK_FALSE(s.in_transaction());
        check_no_leak(e);
        sf::session check{e};
        CHECK(check.query<RelFaultRow>().where(rel_fault_row::worker == 4).count() == 0);
        CHECK(check.query<RelFaultRow>().count() == 3000);
        check.commit();
        check_no_leak(e);
        MESSAGE("kill mid-iteration: ", n, " rows read, ", std::string(threw ? "iteration threw" : "stored rows read to the end"),
                ", commit failed with a lost-connection error");
    }

    TEST_CASE("faults (mysql): a connection killed while all() streams rows from the server") {
        if (test::skipped<test::mysql_backend>()) return;
        const std::string url = fresh_tables<RelFaultRow>(test::mysql_backend::url());
        auto e = sf::create_engine(url, {.size = 2, .max_overflow = 0, .timeout = 10s});
        auto admin = sf::create_engine(url, {.null_pool = true});
        {
            std::vector<RelFaultRow> many;
            for (int i = 0; i < 3000; ++i) many.push_back({.worker = 3, .seq = i});
            sf::session s{e};
            s.execute(sf::insert_many(many));
            s.commit();
        }
        // A self cross join the server needs a while to produce (3000 x 3000 pairs compared),
        // read with all(), which fetches rows from the network as the server sends them.
        constexpr auto a = sf::alias<RelFaultRow, "a">{};
        constexpr auto b = sf::alias<RelFaultRow, "b">{};
        auto q = sf::select(a(rel_fault_row::seq), b(rel_fault_row::seq))
                     .from(a)
                     .cross_join(b)
                     .where(a(rel_fault_row::seq) < b(rel_fault_row::seq) &&
                            b(rel_fault_row::seq) < a(rel_fault_row::seq) + 3);
        sf::session s{e};
        add_row(s, 4, 1);  // uncommitted: must be gone after the kill
        const auto id = connection_id(s);
        std::thread killer([&] {
            for (int i = 0; i < 4000 && !alive(admin, id, "%CROSS JOIN%"); ++i) std::this_thread::sleep_for(5ms);
            std::this_thread::sleep_for(50ms);
            kill_connection(url, id);
        });
        bool threw = false;
        std::size_t n = 0;
        try {
            n = s.execute(q).all().size();
        } catch (const sf::operational_error& err) {
            threw = true;
            CHECK_MESSAGE(lost(err), std::string(err.what()));
        }
        killer.join();
        CHECK((threw || n == 5997));
        try {
            s.commit();
            FAIL("commit() on a killed connection succeeded");
        } catch (const sf::operational_error& err) {
            CHECK_MESSAGE(lost(err), std::string(err.what()));
        } catch (const sf::invalid_request_error&) {
        }
        CHECK_FALSE(s.in_transaction());
        check_no_leak(e);
        sf::session check{e};
        CHECK(check.query<RelFaultRow>().where(rel_fault_row::worker == 4).count() == 0);
        check.commit();
        check_no_leak(e);
        MESSAGE("kill while all() streams: ",
                std::string(threw ? "all() threw operational_error mid-stream" : "the rows were all sent first"),
                "; commit failed with a lost-connection error; nothing leaked");
    }

    TEST_CASE("faults (mysql): a connection killed while a statement runs gives operational_error at once") {
        if (test::skipped<test::mysql_backend>()) return;
        const std::string url = fresh_tables<RelFaultRow>(test::mysql_backend::url());
        auto e = sf::create_engine(url, {.size = 2, .max_overflow = 0, .timeout = 10s});
        auto admin = sf::create_engine(url, {.null_pool = true});
        sf::session s{e};
        add_row(s, 5, 1);
        const auto id = connection_id(s);
        std::thread killer([&] {
            for (int i = 0; i < 2000 && !alive(admin, id, "SELECT SLEEP%"); ++i) std::this_thread::sleep_for(5ms);
            kill_connection(url, id);
        });
        const auto t0 = clock_type::now();
        std::string what;
        try {
            (void)s.execute(sf::text("SELECT SLEEP(20)")).scalar<std::int64_t>();
            FAIL_CHECK("SELECT SLEEP(20) on a killed connection returned normally");
        } catch (const sf::operational_error& err) {
            CHECK_MESSAGE(lost(err), err.what());
            what = err.backend_message();
        }
        killer.join();
        const auto took = ms_since(t0);
        CHECK(took < 15000);  // interrupted, not run to its end
        CHECK_THROWS_AS(s.commit(), sf::invalid_request_error);
        CHECK(count_rows(e) == 0);
        check_no_leak(e);
        MESSAGE("kill during SELECT SLEEP(20): operational_error after ", took, " ms: ", what);
    }

    TEST_CASE("faults (mysql): a lock wait timeout is an operational_error; retry_on_deadlock gets through") {
        if (test::skipped<test::mysql_backend>()) return;
        const std::string url = fresh_tables<RelAccount>(test::mysql_backend::url());
        auto e = sf::create_engine(url, {.size = 4, .max_overflow = 0, .timeout = 30s});
        {
            sf::session s{e};
            RelAccount a{.id = 1, .balance = 100};
            s.add(a);
            s.commit();
        }
        auto credit = [](sf::session& s, std::int64_t amount) {
            s.execute(sf::text("SET SESSION innodb_lock_wait_timeout = 1"));
            s.execute(sf::update<RelAccount>().set(rel_account::balance = rel_account::balance + amount).where(
                rel_account::id == 1));
        };

        sf::session holder{e};
        credit(holder, 1);  // holds the row lock
        {
            sf::session waiter{e};
            const auto t0 = clock_type::now();
            try {
                credit(waiter, 10);
                FAIL("the update did not wait for the lock");
            } catch (const sf::operational_error& err) {
                CHECK(err.code() == 1205);
                CHECK(std::string(err.what()).find("Lock wait timeout") != std::string::npos);
                CHECK(sf::detail::is_transient_conflict(sf::backend_kind::mysql, err));
            }
            CHECK(ms_since(t0) >= 900);
            CHECK(waiter.in_transaction());
            waiter.rollback();
        }

        // The holder keeps the lock for 2.5 s: the first attempts time out, a later one wins.
        std::atomic<int> attempts{0};
        std::thread retry([&] {
            sf::retry_on_deadlock(
                e,
                [&](sf::session& s) {
                    ++attempts;
                    credit(s, 10);
                },
                10);
        });
        std::this_thread::sleep_for(2500ms);
        holder.commit();
        retry.join();
        CHECK(attempts >= 2);
        sf::session s{e};
        CHECK(s.get<RelAccount>(std::int64_t{1})->balance == 111);  // 100 + 1 + 10: the failed tries left nothing
        s.commit();
        check_no_leak(e);
        MESSAGE("lock wait timeout (1 s): operational_error 1205; retry_on_deadlock succeeded at attempt ",
                attempts.load());
    }

    TEST_CASE("faults (mysql): a deadlock between two sessions; the victim is rolled back; retries get both through") {
        if (test::skipped<test::mysql_backend>()) return;
        const std::string url = fresh_tables<RelAccount>(test::mysql_backend::url());
        auto e = sf::create_engine(url, {.size = 4, .max_overflow = 0, .timeout = 30s});
        {
            sf::session s{e};
            for (std::int64_t id : {1, 2}) {
                RelAccount a{.id = id, .balance = 1000};
                s.add(a);
            }
            s.commit();
        }
        auto debit = [](sf::session& s, std::int64_t from, std::int64_t to, std::int64_t amount) {
            s.execute(sf::update<RelAccount>().set(rel_account::balance = rel_account::balance - amount).where(
                rel_account::id == from));
            return [&s, to, amount] {
                s.execute(sf::update<RelAccount>().set(rel_account::balance = rel_account::balance + amount).where(
                    rel_account::id == to));
            };
        };
        auto balances = [&] {
            sf::session s{e};
            auto a = s.get<RelAccount>(std::int64_t{1})->balance;
            auto b = s.get<RelAccount>(std::int64_t{2})->balance;
            s.commit();
            return std::pair{a, b};
        };

        // Plain sessions: A locks 1, B locks 2, A waits for 2, B asks for 1: one is the victim.
        {
            sf::session a{e}, b{e};
            auto a_second = debit(a, 1, 2, 10);
            auto b_second = debit(b, 2, 1, 20);
            std::atomic<int> a_result{0};  // 1 ok, 2 deadlock
            std::thread ta([&] {
                try {
                    a_second();
                    a_result = 1;
                } catch (const sf::operational_error& err) {
                    a_result = err.code() == 1213 ? 2 : 3;
                }
            });
            // Wait until A is blocked on row 2, then close the cycle.
            std::this_thread::sleep_for(300ms);
            int b_result = 0;
            try {
                b_second();
                b_result = 1;
            } catch (const sf::operational_error& err) {
                CHECK(err.code() == 1213);
                CHECK(std::string(err.what()).find("Deadlock") != std::string::npos);
                b_result = err.code() == 1213 ? 2 : 3;
            }
            if (b_result == 2) b.rollback();  // the victim gives its connection back
            ta.join();
            CHECK(a_result != 3);
            CHECK(b_result != 3);
            CHECK(((a_result == 2) != (b_result == 2)));  // exactly one victim
            if (a_result == 2) a.rollback();
            else a.commit();
            if (b_result == 1) b.commit();
            const auto [x, y] = balances();
            CHECK(x + y == 2000);  // the victim's first update was rolled back with it
            CHECK(((x == 990 && y == 1010) || (x == 1020 && y == 980)));
            check_no_leak(e);
        }

        // retry_on_deadlock: the same crossing on the first attempt of both, forced by a
        // barrier; the victim runs again and both transfers are applied exactly once.
        const auto [x0, y0] = balances();
        std::atomic<int> arrived{0}, attempts{0};
        auto transfer = [&](std::int64_t from, std::int64_t to, std::int64_t amount) {
            bool first = true;
            sf::retry_on_deadlock(
                e,
                [&](sf::session& s) {
                    ++attempts;
                    auto second = debit(s, from, to, amount);
                    if (first) {
                        first = false;
                        ++arrived;
                        for (int i = 0; i < 6000 && arrived < 2; ++i) std::this_thread::sleep_for(5ms);
                    }
                    second();
                },
                5);
        };
        std::vector<std::string> errors;
        std::mutex m;
        std::thread t1([&] {
            try {
                transfer(1, 2, 7);
            } catch (const std::exception& ex) {
                std::lock_guard lock(m);
                errors.push_back(ex.what());
            }
        });
        std::thread t2([&] {
            try {
                transfer(2, 1, 3);
            } catch (const std::exception& ex) {
                std::lock_guard lock(m);
                errors.push_back(ex.what());
            }
        });
        t1.join();
        t2.join();
        for (const auto& err : errors) FAIL_CHECK(err);
        CHECK(attempts >= 3);  // the deadlock happened and one side ran again
        const auto [x1, y1] = balances();
        CHECK(x1 == x0 - 7 + 3);
        CHECK(y1 == y0 + 7 - 3);
        check_no_leak(e);
        MESSAGE("deadlock: one victim with operational_error 1213; retry_on_deadlock: ", attempts.load(),
                " attempts for 2 crossing transfers, both applied once");
    }
}
#endif
