// expect: sqlforge: assigning NULL to a NOT NULL column
// Rule: std::nullopt assigned to a NOT NULL column (the valid form assigns it to the nullable one).
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
    auto u = sf::update<Job>().set(job::note = std::nullopt);
    static_assert(u.sql<L>() == R"(UPDATE "job" SET "note" = ?)");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto u = sf::update<Job>().set(job::name = std::nullopt);
}
#endif
