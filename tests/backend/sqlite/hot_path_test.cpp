// The hot path (cached lookup, bind, step, read, reset) must not allocate once warm.
// This file replaces the global operator new of the sqlite_backend_tests binary with one that
// counts; the count is only read between the marks below. (SQLite's own allocations go
// through sqlite3_malloc, not operator new: this checks sqlforge's layer.)
#include <doctest/doctest.h>

#include <sqlforge/backend/sqlite/connection.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>
#include <string_view>

namespace {
std::atomic<long> allocations{0};
}

// noinline: inlined into the callers, g++ -O2 pairs `new` with the free() below and warns
// (-Wmismatched-new-delete) although the two replacements do match.
[[gnu::noinline]] void* operator new(std::size_t n) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* p = std::malloc(n ? n : 1)) return p;
    throw std::bad_alloc{};
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace sq = sqlforge::backend::sqlite;
using namespace std::string_view_literals;

namespace {
struct lookup_sql {
    static constexpr char text[] = "SELECT id, name, score FROM item WHERE id = ?";
};
}  // namespace

TEST_CASE("warm point lookups, raw SQL and savepoints do not allocate") {
    sq::connection c{{.path = ":memory:"}};
    c.exec(
        "CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL);"
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)"
        " INSERT INTO item SELECT i, 'item ' || i, i * 0.5 FROM n;");

    constexpr int rounds = 100'000;
    auto lookups = [&](int n) {
        std::int64_t sum = 0;
        for (int i = 0; i < n; ++i) {
            auto& s = c.prepare_cached(lookup_sql::text, lookup_sql::text);
            s.bind(0, std::int64_t{i % 1000 + 1});
            if (s.step())
                sum += s.get_int64(0) + static_cast<std::int64_t>(s.get_text(1).size()) +
                       static_cast<std::int64_t>(s.get_double(2));
        }
        return sum;
    };
    lookups(10);  // warm-up: prepares and fills the cache
    c.prepare("SELECT count(*) FROM item WHERE name = ?");
    c.begin();
    c.savepoint("sp");
    c.release("sp");
    c.commit();

    long before = allocations.load();
    auto start = std::chrono::steady_clock::now();
    std::int64_t sum = lookups(rounds);
    auto took = std::chrono::steady_clock::now() - start;
    for (int i = 0; i < 100; ++i) {
        auto& s = c.prepare("SELECT count(*) FROM item WHERE name = ?");
        s.bind(0, "item 7"sv);
        REQUIRE(s.step());
        CHECK(s.get_int64(0) == 1);
        c.begin();
        c.savepoint("sp");
        c.release("sp");
        c.commit();
    }
    long made = allocations.load() - before;

    CHECK(sum > 0);
    CHECK(made == 0);
    auto per_sec = static_cast<double>(rounds) / std::chrono::duration<double>(took).count();
    MESSAGE("cached point lookups: " << static_cast<long>(per_sec) << " per second");
}
