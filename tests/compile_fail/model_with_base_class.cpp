// expect: sqlforge: a model must not have a base class
// Rule: a model that inherits its fields from a base class (the valid form is the same fields in one flat struct).
#include <sqlforge/dsl.hpp>

#include <cstdint>
#include <string>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

struct Flat {
    std::int64_t id;
    std::string name;
};

#ifdef SQLFORGE_COMPILE_FAIL
struct Base {
    std::int64_t id;
};
struct Derived : Base {
    std::string name;
};
#endif

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    static_assert(sf::create_table<Flat>().sql<L>() ==
                  R"(CREATE TABLE "flat" ("id" INTEGER NOT NULL, "name" TEXT NOT NULL, PRIMARY KEY ("id")))");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    static_assert(!sf::create_table<Derived>().sql<L>().empty());
}
#endif
