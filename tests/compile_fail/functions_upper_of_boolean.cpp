// expect: sqlforge: upper() needs a text expression
// Rule: upper() of a boolean (the valid form upper-cases a nullable text column).
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
    auto q = sf::select(sf::upper(item::note));
    static_assert(q.sql<L>() == R"(SELECT UPPER("item"."note") FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::upper(item::active));
    static_assert(!q.sql<L>().empty());
}
#endif
