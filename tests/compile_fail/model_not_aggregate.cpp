// expect: sqlforge: a model must be an aggregate
// Rule: a model with a user-declared constructor, so not an aggregate (the valid form is the same struct without it).
#include <sqlforge/dsl.hpp>

#include <cstdint>
#include <string>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

struct Point {
    int x;
    int y;
};

#ifdef SQLFORGE_COMPILE_FAIL
struct CtorPoint {
    CtorPoint(int a, int b) : x(a), y(b) {}
    int x;
    int y;
};
#endif

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    static_assert(sf::create_table<Point>().sql<L>() ==
                  R"(CREATE TABLE "point" ("x" INTEGER NOT NULL, "y" INTEGER NOT NULL))");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    static_assert(!sf::create_table<CtorPoint>().sql<L>().empty());
}
#endif
