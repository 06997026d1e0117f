// expect: sqlforge: concat() joins text only; make a number text first with sf::cast<std::string>(e)
// Rule: concat() of a number (the valid form casts it to text first).
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
    auto q = sf::select(sf::concat(item::name, sf::cast<std::string>(item::qty)));
    static_assert(q.sql<L>() == R"(SELECT "item"."name" || CAST("item"."qty" AS TEXT) FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::concat(item::name, item::qty));
    static_assert(!q.sql<L>().empty());
}
#endif
