// expect: sqlforge: returning() needs one statement; insert_many() over a range of run-time size runs in batches
// Rule: a vector is inserted in several statements, so it has no single RETURNING; a std::array is one statement (the valid form).
#include <sqlforge/dsl.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

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
    std::array<Job, 2> jobs{Job{.name = "a", .status = 1}, Job{.name = "b", .status = 2}};
    auto q = sf::insert_many(jobs).returning(job::id);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    std::vector<Job> jobs{Job{.name = "a", .status = 1}, Job{.name = "b", .status = 2}};
    sf::insert_many(jobs).returning(job::id);
}
#endif
