// expect: sqlforge: insert_into().select(): a selected item that may be NULL goes into a NOT NULL column
// Rule: a LEFT JOINed (or nullable) value cannot fill a NOT NULL column (the valid form joins with an inner JOIN).
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
    auto q = sf::insert_into<Job>().select(
        sf::select(tag::label, job::status, job::note).from<Job>().join<Tag>(tag::id == job::id));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::insert_into<Job>().select(
        sf::select(tag::label, job::status, job::note).from<Job>().left_join<Tag>(tag::id == job::id));
    static_assert(!q.sql<L>().empty());
}
#endif
