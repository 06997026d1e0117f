// expect: sqlforge: a value of a type stored through type_traits (a date, an enum, a custom type) compares only with a value of the same C++ type
// Rule: a date column compares with dates only, not with another type stored as text (the valid form compares with a date).
#include <sqlforge/dsl.hpp>

#include <chrono>
#include <cstdint>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using namespace std::chrono;

enum class Color { red, green };

struct Event {
    std::int64_t id;
    sys_days day;
    Color color;
};
SQLFORGE_COLUMNS(ev, Event, id, day, color)

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(ev::id).where(ev::day == sys_days{2024y / May / 6});
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(ev::id).where(ev::day == Color::red);
    static_assert(!q.sql<L>().empty());
}
#endif
