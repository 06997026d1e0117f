// expect: sqlforge: cannot compare a boolean with a value that is not a boolean
// Rule: a bool column compared with an integer (the valid form compares it with a bool).
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
    auto q = sf::select(job::id).where(job::done == true);
    static_assert(q.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."done" = ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::id).where(job::done == 1);
}
#endif
