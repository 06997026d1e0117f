// expect: sqlforge: set() assigns a column of another table than the one updated
// Rule: update<Job>().set() assigning a column of Tag (the valid form assigns a column of Job).
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
    auto u = sf::update<Job>().set(job::name = "x");
    static_assert(u.sql<L>() == R"(UPDATE "job" SET "name" = ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto u = sf::update<Job>().set(tag::label = "x");
}
#endif
