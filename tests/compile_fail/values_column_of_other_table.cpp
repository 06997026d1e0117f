// expect: sqlforge: values() names a column of another table
// Rule: insert_into<Tag>().values() with a column of Job (the valid form uses Tag's own column).
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
    auto i = sf::insert_into<Tag>().values(tag::label = "x", tag::color = "red");
    static_assert(i.sql<L>() == R"(INSERT INTO "tag" ("label", "color") VALUES (?, ?))");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto i = sf::insert_into<Tag>().values(tag::label = "x", job::note = "red");
}
#endif
