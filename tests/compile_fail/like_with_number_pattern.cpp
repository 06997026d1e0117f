// expect: sqlforge: the pattern of like() must be text
// Rule: like() with a number as the pattern (the valid form gives a text pattern).
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
    auto q = sf::select(job::id).where(job::name.like("4"));
    static_assert(q.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."name" LIKE ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::id).where(job::name.like(4));
}
#endif
