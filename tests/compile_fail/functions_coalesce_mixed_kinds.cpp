// expect: sqlforge: coalesce() needs arguments of one kind: all numbers, all text or all booleans
// Rule: coalesce() of text and a number (the valid form falls back to text).
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
    auto q = sf::select(sf::coalesce(item::note, item::name, "none"));
    static_assert(q.sql<L>() == R"(SELECT COALESCE("item"."note", "item"."name", ?) FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::coalesce(item::note, item::name, 0));
    static_assert(!q.sql<L>().empty());
}
#endif
