// expect: sqlforge: when() after else_(): ELSE must be the last branch of a case_when()
// Rule: a when() branch after else_() (the valid form puts else_() last).
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
    auto q = sf::select(sf::case_when(item::qty == 0, "none").when(item::qty < 10, "few").else_("many"));
    static_assert(q.sql<L>() == R"(SELECT CASE WHEN "item"."qty" = ? THEN ? WHEN "item"."qty" < ? THEN ? ELSE ? END FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::case_when(item::qty == 0, "none").else_("many").when(item::qty < 10, "few"));
    static_assert(!q.sql<L>().empty());
}
#endif
