// expect: sqlforge: cannot assign a floating-point value to an integer column
// Rule: a double assigned to an int column (the valid form assigns an integer).
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
    auto u = sf::update<Job>().set(job::status = 2);
    static_assert(u.sql<L>() == R"(UPDATE "job" SET "status" = ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto u = sf::update<Job>().set(job::status = 2.5);
}
#endif
