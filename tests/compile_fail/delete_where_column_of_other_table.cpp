// expect: sqlforge: where() of a delete names a column of another table
// Rule: delete_from<Job>().where() naming a column of Tag (the valid form names a column of Job).
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
    auto d = sf::delete_from<Job>().where(job::id == 1);
    static_assert(d.sql<L>() == R"(DELETE FROM "job" WHERE "job"."id" = ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto d = sf::delete_from<Job>().where(tag::id == 1);
    static_assert(!d.sql<L>().empty());
}
#endif
