// expect: sqlforge: values() names the same column twice
// Rule: insert_into().values() naming one column twice (the valid form names it once).
#include <sqlforge/dsl.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

struct Job {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
    double price;
    bool done;
};
SQLFORGE_COLUMNS(job, Job, id, name, status, note, price, done)

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto i = sf::insert_into<Job>().values(job::name = "x", job::status = 1, job::price = 1.5, job::done = false);
    static_assert(i.sql<L>() == R"(INSERT INTO "job" ("name", "status", "price", "done") VALUES (?, ?, ?, ?))");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto i = sf::insert_into<Job>().values(job::name = "x", job::name = "y", job::status = 1, job::price = 1.5,
                                           job::done = false);
}
#endif
