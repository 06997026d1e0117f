// expect: sqlforge: a NULL value in case_when(); leave out else_() to get NULL where no branch matches
// Rule: else_(std::nullopt) (the valid form leaves else_() out: the CASE gives NULL where no branch matches).
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
    auto q = sf::select(sf::case_when(item::active, item::price));
    static_assert(q.sql<L>() == R"(SELECT CASE WHEN "item"."active" THEN "item"."price" END FROM "item")");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(sf::case_when(item::active, item::price).else_(std::nullopt));
    static_assert(!q.sql<L>().empty());
}
#endif
