// expect: sqlforge: a selected column's table is not in FROM
// Rule: select() of a Tag column with .from<Job>() only (the valid form lists both tables).
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

struct Tag {
    std::int64_t id;
    std::string label;
    std::optional<std::string> color;
};
SQLFORGE_COLUMNS(tag, Tag, id, label, color)

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(job::name, tag::label).from<Job, Tag>();
    static_assert(q.sql<L>() == R"(SELECT "job"."name", "tag"."label" FROM "job", "tag")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::name, tag::label).from<Job>();
    static_assert(!q.sql<L>().empty());
}
#endif
