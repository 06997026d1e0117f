// Crash durability (issue 8, item 2): a child process writes and commits in a loop through
// sqlforge and is killed with SIGKILL at a random point; after each kill the parent checks
// that every commit the child acknowledged is there and that nothing uncommitted is.
//
// Each transaction n writes 1 + n % 7 rows (tx = n, part = 0..k-1, a payload of a length
// that depends on n and part) and then one marker row (tx = n, parts = k); the child writes n
// to a pipe after commit() returned. After the kill the parent checks:
//   - every acknowledged transaction has its marker and all its k rows, payloads intact;
//   - every transaction present is acknowledged, except possibly the one after the last
//     acknowledgement (its COMMIT was done when the kill landed before the pipe write);
//   - no row of a transaction without a marker (i.e. a transaction cut short) is present;
//   - SQLite: PRAGMA integrity_check says ok.
// Runs on SQLite in WAL mode, SQLite in rollback-journal mode (DELETE), and MariaDB; each
// 25 kills (SQLFORGE_CRASH_KILLS to change), delays drawn from a seeded generator (printed).
#include "common.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace reltest {
struct RelCrashRow {
    std::int64_t id;
    std::int64_t tx;
    std::int32_t part;
    std::string payload;
};
struct RelCrashMarker {
    std::int64_t id;
    std::int64_t tx;
    std::int32_t parts;
};
}  // namespace reltest

SQLFORGE_COLUMNS(rel_crash_row, reltest::RelCrashRow, id, tx, part, payload)
SQLFORGE_COLUMNS(rel_crash_marker, reltest::RelCrashMarker, id, tx, parts)

namespace reltest {
namespace {

constexpr std::int64_t cycle_span = 1'000'000;  // tx numbers of kill k: k * cycle_span + n

int parts_of(std::int64_t tx) { return 1 + static_cast<int>(tx % 7); }
std::string payload_of(std::int64_t tx, int part) {
    const auto len = static_cast<std::size_t>(10 + (tx * 37 + part * 101) % 240);  // VARCHAR(255)
    return std::string(len, static_cast<char>('a' + (tx + part) % 26));
}

// The child: writes its readiness (and for MySQL its connection id, negated) first, then
// commits transactions forever, writing each one's number after commit() returned.
int writer(const std::string& url, bool mysql, std::int64_t base, int fd) {
    auto e = sf::create_engine(url, {.size = 1, .max_overflow = 0});
    {
        sf::session s{e};
        std::int64_t id = 1;
        if (mysql) id = s.execute(sf::text("SELECT CONNECTION_ID()")).scalar<std::int64_t>().value_or(0);
        else (void)s.query<RelCrashMarker>().count();  // opens the file, reads the schema
        s.commit();
        if (!send(fd, -id)) return 2;
    }
    for (std::int64_t tx = base;; ++tx) {
        sf::session s{e};
        const int k = parts_of(tx);
        for (int p = 0; p < k; ++p) {
            RelCrashRow r{.tx = tx, .part = p, .payload = payload_of(tx, p)};
            s.add(r);
        }
        RelCrashMarker m{.tx = tx, .parts = k};
        s.add(m);
        s.commit();
        if (!send(fd, tx)) return 3;
    }
}

#if SQLFORGE_HAS_MYSQL
// Waits until the server has dropped connection `id` (it then finished with whatever the
// killed client had sent: a COMMIT already received is done, anything else rolled back).
void wait_connection_gone(const sf::engine& admin, std::int64_t id) {
    std::int64_t n = 1;
    for (int i = 0; i < 3000 && n != 0; ++i) {
        sf::connection c = admin.connect();
        n = c.execute(sf::text("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = :id"), {{"id", id}})
                .scalar<std::int64_t>()
                .value_or(0);
        c.close();
        if (n != 0) std::this_thread::sleep_for(10ms);
    }
    REQUIRE_MESSAGE(n == 0, "the server did not drop the killed child's connection " << id << " within 30 s");
}
#endif

struct crash_totals {
    int kills = 0;
    std::int64_t acked = 0;
    int before_first_commit = 0;  // kills that landed before any commit was acknowledged
    int unacked_present = 0;      // kills between a COMMIT and its acknowledgement
};

// One kill: fork the writer, let it run for a random while, SIGKILL it, check the database.
void one_kill(const std::string& url, bool mysql, int k, std::mt19937_64& rng, crash_totals& totals) {
    const std::int64_t base = static_cast<std::int64_t>(k + 1) * cycle_span;
    std::vector<std::int64_t> acks;
    std::int64_t conn_id = 0;
    {
        child_process child([&](int fd) { return writer(url, mysql, base, fd); });
        std::int64_t ready = 0;
        REQUIRE_MESSAGE(child.read(ready, 60s), "the writer did not start (exit status " << child.wait() << ")");
        REQUIRE(ready < 0);
        conn_id = -ready;
        // One kill in four counts its delay from the start, the others from the first
        // acknowledged commit; mostly short delays (a few transactions), sometimes longer: the
        // kill lands anywhere in the loop, including inside statements and inside COMMIT.
        std::uniform_int_distribution<int> short_delay(0, 30), long_delay(30, 200), pick(0, 3);
        if (pick(rng) != 0) {
            std::int64_t first = 0;
            REQUIRE_MESSAGE(child.read(first, 60s), "the writer committed nothing (exit status " << child.wait() << ")");
            acks.push_back(first);
        }
        const int delay_ms = pick(rng) == 0 ? long_delay(rng) : short_delay(rng);
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        child.kill_now();
        for (std::int64_t a : child.read_all()) acks.push_back(a);
        const int status = child.wait();
        REQUIRE_MESSAGE((WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL),
                        "the writer ended by itself before the kill (status " << status << "): it failed");
    }
#if SQLFORGE_HAS_MYSQL
    if (mysql) wait_connection_gone(sf::create_engine(url, {.null_pool = true}), conn_id);
#endif

    for (std::size_t i = 0; i < acks.size(); ++i) REQUIRE(acks[i] == base + static_cast<std::int64_t>(i));
    const std::int64_t next = acks.empty() ? base : acks.back() + 1;

    auto e = sf::create_engine(url, {.null_pool = true});
    sf::session s{e};
    const auto markers = s.query<RelCrashMarker>()
                             .where(rel_crash_marker::tx >= base && rel_crash_marker::tx < base + cycle_span)
                             .all();
    const auto rows =
        s.query<RelCrashRow>().where(rel_crash_row::tx >= base && rel_crash_row::tx < base + cycle_span).all();
    if (!mysql) {
        const auto ok = s.execute(sf::text("PRAGMA integrity_check")).scalar<std::string>();
        CHECK(ok.value_or("") == "ok");
    }
    s.commit();

    std::map<std::int64_t, int> marked;  // tx -> parts
    for (const auto& m : markers) {
        INFO("kill " << k << ": marker of tx " << m.tx);
        CHECK(marked.count(m.tx) == 0);  // one marker per transaction
        marked[m.tx] = m.parts;
        CHECK(m.parts == parts_of(m.tx));
    }
    std::map<std::int64_t, std::set<int>> parts_seen;
    for (const auto& r : rows) {
        INFO("kill " << k << ": row of tx " << r.tx << " part " << r.part);
        CHECK_MESSAGE(marked.count(r.tx) == 1, "a row of a transaction that did not commit is present");
        CHECK(r.payload == payload_of(r.tx, r.part));
        CHECK(parts_seen[r.tx].insert(r.part).second);
    }
    for (const auto& entry : marked) {
        const std::int64_t tx = entry.first;
        const int parts = entry.second;
        INFO("kill " << k << ": tx " << tx);
        CHECK_MESSAGE((tx < next || tx == next), "a transaction that was never begun is present");
        CHECK(parts_seen[tx].size() == static_cast<std::size_t>(parts));  // all of it, not part of it
    }
    for (std::int64_t tx : acks) CHECK_MESSAGE(marked.count(tx) == 1, "acknowledged commit " << tx << " is missing");
    if (marked.count(next) == 1) ++totals.unacked_present;
    if (acks.empty()) ++totals.before_first_commit;
    totals.acked += static_cast<std::int64_t>(acks.size());
    ++totals.kills;
}

void run_kills(const std::string& what, const std::string& url, bool mysql) {
    {
        auto setup = sf::create_engine(url, {.null_pool = true});
        sf::drop_all<RelCrashRow, RelCrashMarker>(setup);
        sf::create_all<RelCrashRow, RelCrashMarker>(setup);
    }
    const int kills = static_cast<int>(env_number("SQLFORGE_CRASH_KILLS", 25));
    const std::uint64_t sd = seed();
    std::mt19937_64 rng(sd);
    crash_totals totals;
    const auto t0 = clock_type::now();
    for (int k = 0; k < kills; ++k) one_kill(url, mysql, k, rng, totals);
    MESSAGE("crash (", what, "): ", totals.kills, " SIGKILLs, ", totals.acked, " acknowledged commits all present, ",
            totals.unacked_present, " kills between COMMIT and its acknowledgement (row present, allowed), ",
            totals.before_first_commit, " kills before the first commit, no partial transaction; ", ms_since(t0),
            " ms, seed ", sd);
    CHECK(totals.kills == kills);
}

}  // namespace
}  // namespace reltest

using namespace reltest;

TEST_SUITE("crash") {
#if SQLFORGE_HAS_SQLITE
    TEST_CASE("crash: SQLite in WAL mode keeps every acknowledged commit and no partial one across SIGKILLs") {
        scratch_dir dir("crash_wal");
        run_kills("sqlite WAL", sqlite_file_url(dir.path / "crash.db", "WAL", 10000), false);
    }

    TEST_CASE("crash: SQLite in rollback-journal mode keeps every acknowledged commit and no partial one") {
        scratch_dir dir("crash_delete");
        run_kills("sqlite rollback journal", sqlite_file_url(dir.path / "crash.db", "DELETE", 10000), false);
    }
#endif

#if SQLFORGE_HAS_MYSQL
    TEST_CASE("crash: MariaDB keeps every acknowledged commit and no partial one when the client is SIGKILLed") {
        if (test::skipped<test::mysql_backend>()) return;
        run_kills("mariadb", test::mysql_backend::url(), true);
    }
#endif
}
