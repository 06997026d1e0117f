// expect: sqlforge: comparing with NULL is never true in SQL; use .is_null() or .is_not_null()
// Rule: `column != nullptr` (x <> NULL is never true in SQL); the valid form is .is_not_null().
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
    auto q = sf::select(job::id).where(job::note.is_not_null());
    static_assert(q.sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."note" IS NOT NULL)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::id).where(job::note != nullptr);
}
#endif
