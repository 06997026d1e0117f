// expect: sqlforge: the start and length of substr() must be integers
// Rule: substr() with a fractional count (the valid form gives integers).
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
    auto q = sf::select(sf::substr(item::name, 1, 3));
    static_assert(q.sql<L>() == R"(SELECT SUBSTR("item"."name", ?, ?) FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::substr(item::name, 1, 2.5));
    static_assert(!q.sql<L>().empty());
}
#endif
