// expect: sqlforge: a column or label cannot come from a run-time string: order_by() takes columns, expressions
// Rule: identifiers cannot come from run-time strings. The classic injection through a sort
// column taken from a request (ORDER BY <user text>) does not compile: order_by() takes
// column handles, labels and positions, all of them types. Table and column names are
// template arguments everywhere else too (sf::col<&Job::name>, sf::desc<"n">, .as<"n">(),
// sf::alias<Job, "e">, table_traits<T>::name), so a std::string cannot even be written there:
// a template argument must be a constant expression. The valid form maps the request's text
// to a column handle in C++.
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
};
SQLFORGE_COLUMNS(job, Job, id, name, status, note)

// Valid form: the run-time choice picks one of the statements, each with a constant text.
[[maybe_unused]] std::string_view valid_form(const std::string& sort) {
    if (sort == "name") return sf::select(job::id).order_by(job::name).sql<L>();
    return sf::select(job::id).order_by(job::status.desc()).sql<L>();
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form(const std::string& sort) {
    auto q = sf::select(job::id).order_by(sort);  // e.g. "name; DROP TABLE job"
    (void)q.sql<L>();
}
#endif
