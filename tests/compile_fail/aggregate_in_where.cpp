// expect: sqlforge: an aggregate function cannot be used in where(); use having()
// Rule: an aggregate in where() (the valid form puts it in having()).
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
    auto q = sf::select(job::name).group_by(job::name).having(sf::count() > 1);
    static_assert(q.sql<L>() == R"(SELECT "job"."name" FROM "job" GROUP BY "job"."name" HAVING COUNT(*) > ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::name).where(sf::count() > 1).group_by(job::name);
    static_assert(!q.sql<L>().empty());
}
#endif
