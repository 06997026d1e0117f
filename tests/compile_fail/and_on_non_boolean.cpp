// expect: sqlforge: AND, OR and NOT need conditions (boolean expressions), not values of another type
// Rule: && with an integer column as an operand (the valid form uses a bool column).
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
    auto q = sf::select(job::id).where(job::done && job::id > 0);
    static_assert(q.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."done" AND "job"."id" > ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::id).where(job::status && job::id > 0);
}
#endif
