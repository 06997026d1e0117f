// expect: sqlforge: cast<T>() converts to an integer type, a floating-point type or std::string
// Rule: cast<bool>(): not a type cast<T> converts to (the valid form compares instead).
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
    auto q = sf::select(sf::cast<int>(item::name));
    static_assert(q.sql<L>() == R"(SELECT CAST("item"."name" AS INTEGER) FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::cast<bool>(item::name));
    static_assert(!q.sql<L>().empty());
}
#endif
