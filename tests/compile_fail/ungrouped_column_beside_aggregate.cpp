// expect: sqlforge: a selected column is neither aggregated nor listed in group_by() (MySQL's ONLY_FULL_GROUP_BY rule)
// Rule: a plain column beside an aggregate without group_by() (the valid form groups by it).
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
    auto q = sf::select(job::name, sf::count()).group_by(job::name);
    static_assert(q.sql<L>() == R"(SELECT "job"."name", COUNT(*) FROM "job" GROUP BY "job"."name")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::name, sf::count());
    static_assert(!q.sql<L>().empty());
}
#endif
