// expect: sqlforge: RETURNING is not supported by MySQL
// Rule: RETURNING is SQLite's (3.35+); the mysql dialect has none (the valid form renders it for SQLite).
#include <sqlforge/dsl.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;

struct Job {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
};
struct Tag {
    std::int64_t id;
    std::string label;
};
template <>
struct sqlforge::table_traits<Job> {
    static constexpr std::tuple constraints{sqlforge::unique<&Job::name>{}};
};
template <>
struct sqlforge::table_traits<Tag> {
    static constexpr std::tuple constraints{sqlforge::unique<&Tag::label>{}};
};
SQLFORGE_COLUMNS(job, Job, id, name, status, note)
SQLFORGE_COLUMNS(tag, Tag, id, label)

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::insert(Job{.name = "a", .status = 1}).returning(job::id);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::insert(Job{.name = "a", .status = 1}).returning(job::id);
    static_assert(!q.sql<M>().empty());
}
#endif
