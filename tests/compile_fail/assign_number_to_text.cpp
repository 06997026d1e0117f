// expect: sqlforge: cannot assign a number to a text column
// Rule: a number assigned to a text column in set() (the valid form assigns text).
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
    auto u = sf::update<Job>().set(job::name = "7");
    static_assert(u.sql<L>() == R"(UPDATE "job" SET "name" = ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto u = sf::update<Job>().set(job::name = 7);
}
#endif
