// Load (issue 8, item 5): 16 threads x 10 seconds (SQLFORGE_LOAD_SECONDS; 3 under the
// sanitizers) of mixed reads and writes through one engine with a pool of 8, on SQLite (a WAL
// file) and MariaDB. Prints the throughput; no error at all is expected (writes are
// write-first transactions, updates go through retry_on_deadlock, whose retries are
// counted); every acknowledged insert and increment is in the database at the end; resident
// memory is flat after warm-up; and the pool has nothing checked out and nothing leaked.
#include "common.hpp"

#include <array>
#include <atomic>
#include <stdexcept>
#include <mutex>

namespace reltest {
struct RelLoadRow {
    std::int64_t id;
    std::int32_t k;
    std::string name;
    std::int64_t n;
};
}  // namespace reltest

SQLFORGE_COLUMNS(rel_load_row, reltest::RelLoadRow, id, k, name, n)

namespace reltest {
namespace {

constexpr int seed_rows = 1000;
constexpr int load_threads = 16;

template <class B>
std::string load_url(const scratch_dir& dir) {
    if constexpr (std::is_same_v<B, test::sqlite_backend>) {
        return sqlite_file_url(dir.path / "load.db", "WAL", 30000);
    } else {
        return B::url();
    }
}

}  // namespace
}  // namespace reltest

using namespace reltest;

TEST_SUITE("load") {
    TEST_CASE_TEMPLATE("load: 16 threads of mixed reads and writes through a pool of 8", B, SQLFORGE_BACKENDS) {
        if (test::skipped<B>()) return;
        scratch_dir dir("load");
        const std::string url = load_url<B>(dir);
        {
            auto setup = sf::create_engine(url, {.null_pool = true});
            sf::drop_all<RelLoadRow>(setup);
            sf::create_all<RelLoadRow>(setup);
            std::vector<RelLoadRow> rows;
            for (int i = 0; i < seed_rows; ++i) {
                std::string name = "row ";
                name += std::to_string(i);
                rows.push_back({.id = i + 1, .k = i % 50, .name = std::move(name), .n = 0});
            }
            sf::session s{setup};
            s.execute(sf::insert_many(rows));
            s.commit();
        }
        const long seconds = env_number("SQLFORGE_LOAD_SECONDS", sanitized ? 3 : 10);
        auto e = sf::create_engine(url, {.size = 8, .max_overflow = 0, .timeout = 60s});
        const std::size_t rss_before = rss_bytes();

        enum op { get_op, filter_op, count_op, insert_op, update_op, op_count };
        std::array<std::atomic<std::int64_t>, op_count> done{};
        std::atomic<std::int64_t> update_attempts{0};
        std::atomic<bool> stop{false};
        std::mutex m;
        std::vector<std::string> errors;
        const std::uint64_t sd = seed();
        std::vector<std::thread> pool;
        for (int t = 0; t < load_threads; ++t) {
            pool.emplace_back([&, t] {
                std::mt19937_64 rng(sd + static_cast<std::uint64_t>(t));
                std::uniform_int_distribution<int> pick(0, 99), id_of(1, seed_rows), k_of(0, 49);
                std::string name;
                while (!stop) {
                    const int p = pick(rng);
                    const op o = p < 40 ? get_op : p < 60 ? filter_op : p < 70 ? count_op : p < 85 ? insert_op : update_op;
                    try {
                        switch (o) {
                            case get_op: {
                                sf::session s{e};
                                const auto r = s.get<RelLoadRow>(std::int64_t{id_of(rng)});
                                if (!r) throw std::runtime_error("a seeded row is missing");
                                s.commit();
                                break;
                            }
                            case filter_op: {
                                sf::session s{e};
                                const auto rows = s.query<RelLoadRow>()
                                                      .where(rel_load_row::k == k_of(rng))
                                                      .order_by(rel_load_row::id)
                                                      .limit(20)
                                                      .all();
                                if (rows.size() != 20) throw std::runtime_error("a filtered read came back short");
                                s.commit();
                                break;
                            }
                            case count_op: {
                                sf::session s{e};
                                if (s.query<RelLoadRow>().count() < seed_rows)
                                    throw std::runtime_error("the table lost rows");
                                s.commit();
                                break;
                            }
                            case insert_op: {
                                sf::session s{e};
                                name.assign("thread ");
                                name += std::to_string(t);
                                RelLoadRow r{.k = 100 + t, .name = name, .n = 0};
                                s.add(r);
                                s.commit();
                                break;
                            }
                            case update_op: {
                                const std::int64_t id = id_of(rng);
                                sf::retry_on_deadlock(
                                    e,
                                    [&](sf::session& s) {
                                        ++update_attempts;
                                        s.execute(sf::update<RelLoadRow>()
                                                      .set(rel_load_row::n = rel_load_row::n + 1)
                                                      .where(rel_load_row::id == id));
                                    },
                                    10);
                                break;
                            }
                            case op_count: break;
                        }
                        ++done[o];
                    } catch (const std::exception& ex) {
                        std::lock_guard lock(m);
                        errors.push_back(ex.what());
                    }
                }
            });
        }
        // Warm-up is the first fifth: caches, statement caches and allocator arenas fill.
        const auto t0 = clock_type::now();
        std::this_thread::sleep_for(std::chrono::milliseconds(seconds * 200));
        const std::size_t rss_warm = rss_bytes();
        std::this_thread::sleep_for(std::chrono::milliseconds(seconds * 800));
        const std::size_t rss_after = rss_bytes();
        stop = true;
        for (auto& th : pool) th.join();
        const auto ms = ms_since(t0);

        for (const auto& err : errors) FAIL_CHECK(err);
        std::int64_t total = 0;
        for (auto& d : done) total += d;
        const auto st = e.pool_status();
        CHECK(st.checked_out == 0);
        CHECK(st.opened - st.closed == st.idle);
        CHECK(st.opened <= 8);  // nothing broken, nothing replaced
        CHECK(st.idle <= 8);

        // Every acknowledged write is there.
        sf::session s{e};
        CHECK(s.query<RelLoadRow>().count() == seed_rows + done[insert_op]);
        const auto sum = s.scalar(sf::select(sf::sum(rel_load_row::n)));
        CHECK(sum.value_or(0) == done[update_op]);
        s.commit();
        check_no_leak(e);

        const auto mib = [](std::size_t b) { return static_cast<double>(b) / (1024.0 * 1024.0); };
        MESSAGE("load (", std::string(B::name), "): ", load_threads, " threads, pool of 8, ", ms, " ms: ", total,
                " operations = ", total * 1000 / std::max<long long>(ms, 1), " ops/s (get ", done[get_op].load(),
                ", filter ", done[filter_op].load(), ", count ", done[count_op].load(), ", insert ",
                done[insert_op].load(), ", update ", done[update_op].load(), " with ",
                update_attempts.load() - done[update_op].load(), " retries), ", errors.size(),
                " errors; RSS before ", mib(rss_before), " MiB, after warm-up ", mib(rss_warm), " MiB, at the end ",
                mib(rss_after), " MiB; pool opened ", st.opened, ", idle ", st.idle, ", seed ", sd);
        CHECK(total > 0);
        if (!sanitized) {
            // Flat: what the first fifth needed is enough for the rest (allocator noise aside).
            CHECK(rss_after <= rss_warm + 16u * 1024u * 1024u);
        }
    }
}
