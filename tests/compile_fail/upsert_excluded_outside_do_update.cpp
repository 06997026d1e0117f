// expect: sqlforge: excluded() can only be used inside do_update()
// Rule: excluded(col) is the value an upsert would have inserted; it means nothing in an UPDATE (the valid form is the upsert).
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
    auto q = sf::insert(Job{.name = "a", .status = 1}).on_conflict(job::name).do_update(job::status = sf::excluded(job::status));
    static_assert(!q.sql<M>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::update<Job>().set(job::status = sf::excluded(job::status)).where(job::id == 1);
    static_assert(!q.sql<M>().empty());
}
#endif
