// expect: sqlforge: select() takes columns, expressions and sf::all_of<T>, not plain values
// Rule: a run-time string given where a column belongs (SELECT <user text>) does not compile;
// sqlforge never turns a value into an identifier. The valid form selects a column handle.
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

// Valid form: the column is a handle; the string can only be a value, bound as `?`.
[[maybe_unused]] void valid_form(const std::string& user_text) {
    auto q = sf::select(job::id).where(job::name == user_text);
    static_assert(decltype(q)::sql<L>() == R"(SELECT "job"."id" FROM "job" WHERE "job"."name" = ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form(const std::string& user_text) {
    auto q = sf::select(user_text);  // e.g. "password FROM users --"
}
#endif
