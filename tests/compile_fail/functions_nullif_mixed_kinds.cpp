// expect: sqlforge: nullif() compares its two arguments: both numbers, both text or both booleans
// Rule: nullif() of a number and text (the valid form compares a number with a number).
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
    auto q = sf::select(sf::nullif(item::qty, 0));
    static_assert(q.sql<L>() == R"(SELECT NULLIF("item"."qty", ?) FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::nullif(item::qty, ""));
    static_assert(!q.sql<L>().empty());
}
#endif
