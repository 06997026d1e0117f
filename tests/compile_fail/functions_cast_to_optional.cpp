// expect: sqlforge: cast<T>() takes T without std::optional; the result is NULL where its argument is
// Rule: cast<std::optional<int>>() (the valid form names the plain type; nullability follows the argument).
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
    auto q = sf::select(sf::cast<int>(item::note));
    static_assert(q.sql<L>() == R"(SELECT CAST("item"."note" AS INTEGER) FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::cast<std::optional<int>>(item::note));
    static_assert(!q.sql<L>().empty());
}
#endif
