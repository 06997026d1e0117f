// expect: sqlforge: into<Agg>(): Agg must have one field per item of the row
// Rule: into<Agg>() maps the row's items to Agg's fields by position, so the counts must agree (the valid form has two fields).
#include <sqlforge/sqlforge.hpp>

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

struct NameCount {
    std::string name;
    std::int64_t n;
};
struct NameOnly {
    std::string name;
};

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form(sf::session& s) {
    auto rows = s.execute(sf::select(job::name, sf::count()).group_by(job::name)).into<NameCount>().all();
    (void)rows;
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form(sf::session& s) {
    auto rows = s.execute(sf::select(job::name, sf::count()).group_by(job::name)).into<NameOnly>().all();
    (void)rows;
}
#endif
