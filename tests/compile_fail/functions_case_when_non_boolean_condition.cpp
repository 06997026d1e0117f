// expect: sqlforge: a case_when() condition must be a boolean expression (a comparison or a test), not a value
// Rule: case_when() whose condition is a number (the valid form compares it).
#include <sqlforge/dsl.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

struct Item {
    std::int64_t id;
    std::string name;
    std::optional<std::string> note;
    int qty;
    double price;
    bool active;
};
SQLFORGE_COLUMNS(item, Item, id, name, note, qty, price, active)

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(sf::case_when(item::qty > 0, "yes").else_("no"));
    static_assert(q.sql<L>() == R"(SELECT CASE WHEN "item"."qty" > ? THEN ? ELSE ? END FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::case_when(item::qty, "yes").else_("no"));
    static_assert(!q.sql<L>().empty());
}
#endif
