// expect: sqlforge: a column in where() belongs to a table that is not in FROM
// Rule: where() naming a Tag column while FROM holds only Job (the valid form adds Tag to FROM).
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
    auto q = sf::select(job::name).from<Job, Tag>().where(tag::id == 1);
    static_assert(q.sql<L>() == R"(SELECT "job"."name" FROM "job", "tag" WHERE "tag"."id" = ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::name).where(tag::id == 1);
    static_assert(!q.sql<L>().empty());
}
#endif
