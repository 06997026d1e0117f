// expect: sqlforge: round() needs a number
// Rule: round() of text (the valid form rounds a real column).
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
    auto q = sf::select(sf::round(item::price));
    static_assert(q.sql<L>() == R"(SELECT ROUND("item"."price") FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::round(item::name));
    static_assert(!q.sql<L>().empty());
}
#endif
