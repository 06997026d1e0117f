// expect: sqlforge: an aggregate function cannot contain another aggregate
// Rule: count(count(x)) (the valid form is count(x)).
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
    auto q = sf::select(sf::count(job::id));
    static_assert(q.sql<L>() == R"(SELECT COUNT("job"."id") FROM "job")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::count(sf::count(job::id)));
}
#endif
