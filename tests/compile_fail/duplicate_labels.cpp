// expect: sqlforge: two selected items have the same label
// Rule: two select items labelled the same (the valid form gives them different labels).
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
    auto q = sf::select(sf::min(job::status).as<"lo">(), sf::max(job::status).as<"hi">());
    static_assert(q.sql<L>() == R"(SELECT MIN("job"."status") AS "lo", MAX("job"."status") AS "hi" FROM "job")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::min(job::status).as<"lo">(), sf::max(job::status).as<"lo">());
    static_assert(!q.sql<L>().empty());
}
#endif
