// expect: sqlforge: limit() and offset() need an integer
// Rule: offset("x") (the valid form is offset(10)).
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
    auto q = sf::select(job::id).limit(5).offset(10);
    static_assert(q.sql<L>() == R"(SELECT "job"."id" FROM "job" LIMIT ? OFFSET ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::id).limit(5).offset("x");
}
#endif
