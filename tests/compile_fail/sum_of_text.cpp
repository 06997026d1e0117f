// expect: sqlforge: sum() and avg() need a numeric expression
// Rule: sum() of a text column (the valid form sums an integer column).
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
    auto q = sf::select(sf::sum(job::status));
    static_assert(q.sql<L>() == R"(SELECT SUM("job"."status") FROM "job")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::sum(job::name));
}
#endif
