// Session transactions on every backend: the RAII guard of begin() (commit, rollback, the
// destructor's rollback, also during an exception), begin_nested() savepoints several deep,
// in_transaction / in_nested_transaction, misuse as invalid_request_error, and
// retry_on_deadlock (MySQL deadlock between two threads, SQLite BUSY).
#include "backends.hpp"

#include <sqlforge/orm/retry.hpp>

#include <atomic>
#include <barrier>
#include <chrono>
#include <exception>
#include <filesystem>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace txtest {
struct TxRow {
    std::int64_t id;
    std::string name;
};
}  // namespace txtest

namespace sf = sqlforge;
SQLFORGE_COLUMNS(tx_row, txtest::TxRow, id, name)

using txtest::TxRow;
using strings = std::vector<std::string>;

namespace {

template <class B>
sf::engine fresh_engine() {
    auto e = B::engine();
    sf::drop_all<TxRow>(e);
    sf::create_all<TxRow>(e);
    return e;
}

void add(sf::session& s, std::string name) {
    TxRow r{.name = std::move(name)};
    s.add(r);
}

// The names in the table as `s` sees them (inside its transaction, if one is open).
strings names(sf::session& s) {
    strings out;
    for (const auto& r : s.query<TxRow>().order_by(tx_row::id).all()) out.push_back(r.name);
    return out;
}

// Committed names, read by a session of their own.
strings committed(const sf::engine& e) {
    sf::session s{e};
    return names(s);
}

struct scratch_dir {
    std::filesystem::path path;
    scratch_dir() {
        std::random_device rd;
        path = std::filesystem::temp_directory_path() / ("sqlforge_tx_test_" + std::to_string(rd()));
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

}  // namespace

TEST_CASE_TEMPLATE("begin(): the guard's commit() makes the work durable and ends the transaction", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_engine<B>();
    sf::session s{e};
    CHECK_FALSE(s.in_transaction());
    {
        auto tx = s.begin();
        CHECK(s.in_transaction());
        CHECK(tx.is_active());
        CHECK_FALSE(tx.nested());
        add(s, "a");
        tx.commit();
        CHECK_FALSE(tx.is_active());
        CHECK_FALSE(s.in_transaction());
    }  // committed: the destructor does nothing
    CHECK(committed(e) == strings{"a"});
}

TEST_CASE_TEMPLATE("begin(): the guard rolls back in its destructor, also while an exception unwinds", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_engine<B>();
    sf::session s{e};
    {
        auto tx = s.begin();
        add(s, "forgotten");
    }
    CHECK_FALSE(s.in_transaction());
    CHECK(committed(e).empty());

    CHECK_THROWS_WITH_AS(
        [&] {
            auto tx = s.begin();
            add(s, "thrown");
            throw std::runtime_error("boom");
        }(),
        "boom", std::runtime_error);
    CHECK_FALSE(s.in_transaction());
    CHECK(committed(e).empty());

    {
        auto tx = s.begin();
        add(s, "rolled back");
        tx.rollback();
        CHECK_FALSE(tx.is_active());
        CHECK_FALSE(s.in_transaction());
        CHECK_THROWS_AS(tx.commit(), sf::invalid_request_error);
        tx.rollback();  // nothing to do: not an error
    }
    CHECK(committed(e).empty());

    // The session goes on normally afterwards.
    add(s, "kept");
    s.commit();
    CHECK(committed(e) == strings{"kept"});
}

TEST_CASE_TEMPLATE("begin(): misuse is an invalid_request_error; a guard never touches a later transaction", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_engine<B>();
    sf::session s{e};
    add(s, "autobegun");
    CHECK_THROWS_AS((void)s.begin(), sf::invalid_request_error);
    CHECK(s.in_transaction());  // the autobegun transaction is untouched
    s.rollback();

    {
        auto tx = s.begin();
        add(s, "by session.commit()");
        s.commit();  // ends the guard's transaction
        CHECK_FALSE(tx.is_active());
        CHECK_THROWS_AS(tx.commit(), sf::invalid_request_error);
        add(s, "later");  // a new (autobegun) transaction
        CHECK(s.in_transaction());
    }  // the stale guard must not roll the new one back
    CHECK(s.in_transaction());
    s.commit();
    CHECK(committed(e) == strings{"by session.commit()", "later"});

    // A guard can be returned from a function.
    auto open = [&] {
        auto tx = s.begin();
        add(s, "moved");
        return tx;
    };
    auto tx = open();
    CHECK(tx.is_active());
    tx.commit();
    CHECK(committed(e) == strings{"by session.commit()", "later", "moved"});
}

TEST_CASE_TEMPLATE("begin_nested(): rolling back a savepoint keeps the outer transaction's earlier work", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_engine<B>();
    sf::session s{e};
    auto tx = s.begin();
    add(s, "a");
    {
        auto sp = s.begin_nested();
        CHECK(sp.nested());
        CHECK(s.in_nested_transaction());
        add(s, "b");
        CHECK(names(s) == strings{"a", "b"});
        sp.rollback();
        CHECK_FALSE(sp.is_active());
    }
    CHECK_FALSE(s.in_nested_transaction());
    CHECK(s.in_transaction());
    CHECK(names(s) == strings{"a"});
    add(s, "c");
    {
        auto sp = s.begin_nested();
        add(s, "d");
        sp.commit();  // RELEASE: d stays in the transaction
    }
    try {
        auto sp = s.begin_nested();
        add(s, "e");
        throw std::runtime_error("inner failure");
    } catch (const std::runtime_error&) {
    }  // the savepoint guard rolled back e only
    CHECK(s.in_transaction());
    CHECK(names(s) == strings{"a", "c", "d"});
    tx.commit();
    CHECK(committed(e) == strings{"a", "c", "d"});
}

TEST_CASE_TEMPLATE("begin_nested(): savepoints nest several deep; ending one ends those inside it", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_engine<B>();
    sf::session s{e};
    auto tx = s.begin();
    add(s, "a");
    auto sp1 = s.begin_nested();
    add(s, "b");
    auto sp2 = s.begin_nested();
    add(s, "c");
    auto sp3 = s.begin_nested();
    add(s, "d");
    sp3.rollback();
    CHECK(names(s) == strings{"a", "b", "c"});
    {
        auto sp4 = s.begin_nested();
        add(s, "e");
        sp4.commit();
    }
    sp2.commit();
    CHECK(sp1.is_active());
    CHECK(names(s) == strings{"a", "b", "c", "e"});

    auto sp5 = s.begin_nested();
    add(s, "f");
    auto sp6 = s.begin_nested();
    add(s, "g");
    sp5.rollback();  // takes sp6 with it
    CHECK_FALSE(sp6.is_active());
    CHECK_THROWS_AS(sp6.commit(), sf::invalid_request_error);
    CHECK(names(s) == strings{"a", "b", "c", "e"});

    // Deeper, all kept.
    {
        auto x1 = s.begin_nested();
        add(s, "h");
        auto x2 = s.begin_nested();
        add(s, "i");
        auto x3 = s.begin_nested();
        add(s, "j");
        auto x4 = s.begin_nested();
        add(s, "k");
        x4.commit();
        x3.commit();
        x2.commit();
        x1.commit();
    }
    // Releasing an outer savepoint releases the inner ones, keeping their work.
    {
        auto y1 = s.begin_nested();
        auto y2 = s.begin_nested();
        add(s, "l");
        y1.commit();
        CHECK_FALSE(y2.is_active());
    }
    sp1.commit();
    CHECK(s.in_transaction());
    CHECK_FALSE(s.in_nested_transaction());
    tx.commit();
    CHECK(committed(e) == strings{"a", "b", "c", "e", "h", "i", "j", "k", "l"});
}

TEST_CASE_TEMPLATE("begin_nested(): begins the transaction if none is open; commit/rollback of the session end it all",
                   B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_engine<B>();
    sf::session s{e};
    {
        auto sp = s.begin_nested();
        CHECK(s.in_transaction());
        add(s, "released, then rolled back with the transaction");
        sp.commit();
        CHECK(s.in_transaction());
        CHECK_FALSE(s.in_nested_transaction());
    }
    s.rollback();
    CHECK(committed(e).empty());

    auto sp = s.begin_nested();
    add(s, "committed with the transaction");
    s.commit();
    CHECK_FALSE(sp.is_active());
    CHECK_FALSE(s.in_transaction());
    sp.rollback();  // nothing left to roll back
    CHECK(committed(e) == strings{"committed with the transaction"});

    // A rolled-back outer guard ends the savepoints inside it.
    {
        auto tx = s.begin();
        auto inner = s.begin_nested();
        add(s, "gone");
        tx.rollback();
        CHECK_FALSE(inner.is_active());
    }
    CHECK(committed(e) == strings{"committed with the transaction"});
}

TEST_CASE_TEMPLATE("retry_on_deadlock: commits, returns fn's value, rethrows what is not a conflict", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_engine<B>();
    int calls = 0;
    const int r = sf::retry_on_deadlock(e, [&](sf::session& s) {
        ++calls;
        add(s, "once");
        return 42;
    });
    CHECK(r == 42);
    CHECK(calls == 1);
    CHECK(committed(e) == strings{"once"});

    calls = 0;
    CHECK_THROWS_AS(sf::retry_on_deadlock(e,
                                          [&](sf::session& s) {
                                              ++calls;
                                              add(s, "not retried");
                                              throw std::runtime_error("not a conflict");
                                          }),
                    std::runtime_error);
    CHECK(calls == 1);

    // A conflict every time: `attempts` tries, then the error.
    const int conflict = B::name == "mysql" ? 1213 : 5;
    calls = 0;
    CHECK_THROWS_AS(sf::retry_on_deadlock(
                        e,
                        [&](sf::session& s) {
                            ++calls;
                            add(s, "always in conflict");
                            throw sf::operational_error(conflict, "simulated conflict", "");
                        },
                        4),
                    sf::operational_error);
    CHECK(calls == 4);
    CHECK(committed(e) == strings{"once"});
    CHECK_THROWS_AS(sf::retry_on_deadlock(e, [](sf::session&) {}, 0), sf::argument_error);
}

#if SQLFORGE_HAS_MYSQL
TEST_CASE("retry_on_deadlock (mysql): the victim of a real deadlock is retried and both transactions land") {
    if (test::skipped<test::mysql_backend>()) return;
    auto e = fresh_engine<test::mysql_backend>();
    {
        sf::session s{e};
        add(s, "row 1");
        add(s, "row 2");
        s.commit();
    }
    std::barrier both_locked(2);
    std::atomic<int> calls{0};
    auto worker = [&](std::int64_t first, std::int64_t second, std::string mark, std::exception_ptr& failure) {
        int mine = 0;
        try {
            sf::retry_on_deadlock(
                e,
                [&](sf::session& s) {
                    ++calls;
                    ++mine;
                    s.execute(sf::update<TxRow>().set(tx_row::name = mark).where(tx_row::id == first));
                    if (mine == 1) both_locked.arrive_and_wait();  // each holds its first row: a cycle follows
                    s.execute(sf::update<TxRow>().set(tx_row::name = mark).where(tx_row::id == second));
                },
                5);
        } catch (...) {
            failure = std::current_exception();
        }
    };
    std::exception_ptr f1, f2;
    std::thread t1(worker, 1, 2, "t1", std::ref(f1));
    std::thread t2(worker, 2, 1, "t2", std::ref(f2));
    t1.join();
    t2.join();
    for (auto* f : {&f1, &f2}) {
        if (*f) {
            try {
                std::rethrow_exception(*f);
            } catch (const std::exception& ex) {
                FAIL_CHECK(ex.what());
            }
        }
    }
    CHECK(calls == 3);  // one of the two ran twice
    const auto rows = committed(e);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == rows[1]);  // whoever committed last wrote both rows
}
#endif

#if SQLFORGE_HAS_SQLITE
TEST_CASE("retry_on_deadlock (sqlite): SQLITE_BUSY after the busy timeout is retried") {
    scratch_dir dir;
    auto e = sf::create_engine("sqlite:///" + (dir.path / "busy.db").string() + "?timeout=50");
    sf::create_all<TxRow>(e);
    sf::session holder{e};
    add(holder, "holder");  // holds the write lock
    int calls = 0;
    const auto t0 = std::chrono::steady_clock::now();
    sf::retry_on_deadlock(
        e,
        [&](sf::session& s) {
            if (++calls == 2) holder.commit();  // the first try failed with BUSY: let the second through
            add(s, "retried");
        },
        3);
    CHECK(calls == 2);
    CHECK(std::chrono::steady_clock::now() - t0 >= std::chrono::milliseconds(50));
    CHECK(committed(e) == strings{"holder", "retried"});
}
#endif

// ?begin=immediate: a SQLite session takes the write lock at BEGIN, so a transaction that
// reads first keeps other writers out from its start (they wait for their busy timeout), and
// two read-then-write transactions queue up instead of failing in their middle.
TEST_CASE("sqlite ?begin=immediate takes the write lock at BEGIN; deferred (the default) at the first write") {
    scratch_dir dir;
    const std::string file = "sqlite:///" + (dir.path / "begin.db").string();
    {
        // WAL: readers never block a writer, so what blocks below is the write lock alone.
        auto setup = sf::create_engine(file);
        auto c = setup.acquire();
        std::get<sf::backend::sqlite::connection>(*c).exec("PRAGMA journal_mode=WAL");
        setup.release(std::move(c));
        sf::create_all<TxRow>(setup);
    }
    auto other = sf::create_engine(file + "?timeout=100");  // a writer that gives up fast

    SUBCASE("immediate: a reading transaction already holds the lock") {
        auto e = sf::create_engine(file + "?begin=immediate");
        sf::session reader{e};
        CHECK(names(reader).empty());  // BEGIN IMMEDIATE, then a read
        sf::session writer{other};
        CHECK_THROWS_WITH_AS(add(writer, "blocked"), doctest::Contains("locked"), sf::operational_error);
        writer.rollback();
        add(reader, "mine");
        reader.commit();
        CHECK(committed(other) == strings{"mine"});
    }
    SUBCASE("deferred: a reading transaction lets another writer in") {
        auto e = sf::create_engine(file + "?begin=deferred");
        sf::session reader{e};
        CHECK(names(reader).empty());
        sf::session writer{other};
        add(writer, "theirs");
        writer.commit();
        reader.commit();
        CHECK(committed(other) == strings{"theirs"});
    }
    SUBCASE("immediate: 4 threads x 25 read-then-write increments, no retry, none lost") {
        auto e = sf::create_engine(file + "?begin=immediate&timeout=30000", {.size = 4, .max_overflow = 0});
        {
            sf::session s{e};
            add(s, "0");
            s.commit();
        }
        std::vector<std::thread> threads;
        std::atomic<int> errors{0};
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 25; ++i) {
                    try {
                        sf::session s{e};
                        auto row = s.query<TxRow>().one();  // read ...
                        const int n = std::stoi(row.name);
                        s.query<TxRow>().where(tx_row::id == row.id).update(tx_row::name = std::to_string(n + 1));
                        s.commit();  // ... then write, in one transaction
                    } catch (const std::exception&) {
                        ++errors;
                    }
                }
            });
        }
        for (auto& t : threads) t.join();
        CHECK(errors == 0);
        CHECK(committed(e) == strings{"100"});
    }
}
