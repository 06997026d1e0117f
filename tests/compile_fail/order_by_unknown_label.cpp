// expect: sqlforge: order_by() names a label that no selected item has
// Rule: order_by(sf::desc<"x">) when no select item is labelled "x" (the valid form orders by the label "n" it has).
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
    double price;
    bool done;
};
SQLFORGE_COLUMNS(job, Job, id, name, status, note, price, done)

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(job::name, sf::count().as<"n">()).group_by(job::name).order_by(sf::desc<"n">);
    static_assert(q.sql<L>() == R"(SELECT "job"."name", COUNT(*) AS "n" FROM "job" GROUP BY "job"."name" ORDER BY "n" DESC)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(job::name, sf::count().as<"n">()).group_by(job::name).order_by(sf::desc<"x">);
    static_assert(!q.sql<L>().empty());
}
#endif
