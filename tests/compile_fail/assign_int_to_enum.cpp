// expect: sqlforge: the value's SQL type does not match the column's type
// Rule: an enum column takes values of its enum, not plain integers (the valid form assigns the enum).
#include <sqlforge/dsl.hpp>

#include <cstdint>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

enum class Color { red, green };

struct Paint {
    std::int64_t id;
    Color color;
};
SQLFORGE_COLUMNS(paint, Paint, id, color)

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::update<Paint>().set(paint::color = Color::green);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::update<Paint>().set(paint::color = 1);
    static_assert(!q.sql<L>().empty());
}
#endif
