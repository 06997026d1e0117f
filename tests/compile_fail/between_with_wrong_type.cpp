// expect: sqlforge: cannot compare a number with a text value
// Rule: between() on an integer column with text bounds (the valid form gives integers).
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
    auto q = sf::select(job::id).where(job::status.between(1, 5));
    static_assert(q.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."status" BETWEEN ? AND ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::id).where(job::status.between("1", "5"));
}
#endif
