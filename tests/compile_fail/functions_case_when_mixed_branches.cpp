// expect: sqlforge: the branches of case_when() must give values of one kind: all numbers, all text or all booleans
// Rule: case_when() with a text branch and a number in else_() (the valid form gives text in both).
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
    auto q = sf::select(sf::case_when(item::active, item::name).else_("-"));
    static_assert(q.sql<L>() == R"(SELECT CASE WHEN "item"."active" THEN "item"."name" ELSE ? END FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::case_when(item::active, item::name).else_(0));
    static_assert(!q.sql<L>().empty());
}
#endif
