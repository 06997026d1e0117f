// expect: sqlforge: into<Agg>(): a field's type is not its item's C++ type
// Rule: fields match the items' C++ types exactly: count() is std::int64_t (the valid form), not int.
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
struct NameCountInt {
    std::string name;
    int n;
};

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form(sf::session& s) {
    auto rows = s.execute(sf::select(job::name, sf::count()).group_by(job::name)).into<NameCount>().all();
    (void)rows;
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form(sf::session& s) {
    auto rows = s.execute(sf::select(job::name, sf::count()).group_by(job::name)).into<NameCountInt>().all();
    (void)rows;
}
#endif
