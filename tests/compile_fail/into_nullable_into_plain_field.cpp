// expect: sqlforge: into<Agg>(): a field is not std::optional but its item may be NULL
// Rule: a nullable item (here the nullable note column) needs a std::optional field (the valid form).
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

struct NameNote {
    std::string name;
    std::optional<std::string> note;
};
struct NameNotePlain {
    std::string name;
    std::string note;
};

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form(sf::session& s) {
    auto rows = s.execute(sf::select(job::name, job::note)).into<NameNote>().all();
    (void)rows;
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form(sf::session& s) {
    auto rows = s.execute(sf::select(job::name, job::note)).into<NameNotePlain>().all();
    (void)rows;
}
#endif
