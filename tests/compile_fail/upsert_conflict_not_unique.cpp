// expect: sqlforge: on_conflict() columns must be the primary key or a unique constraint of the table
// Rule: the conflict target of an upsert must be exactly the primary key or a unique<...> of table_traits (the valid form names the unique name column).
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
    Job j{.name = "a", .status = 1};
    auto q = sf::insert(j).on_conflict(job::name).do_update(job::status = sf::excluded(job::status));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    Job j{.name = "a", .status = 1};
    auto q = sf::insert(j).on_conflict(job::status).do_update(job::status = sf::excluded(job::status));
    static_assert(!q.sql<L>().empty());
}
#endif
