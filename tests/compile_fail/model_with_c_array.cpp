// expect: sqlforge: a model must not have C array fields
// Rule: a model with a C array field (the valid form holds the same data in a std::string).
#include <sqlforge/dsl.hpp>

#include <cstdint>
#include <string>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

struct Code {
    std::int64_t id;
    std::string text;
};

#ifdef SQLFORGE_COMPILE_FAIL
struct ArrayCode {
    std::int64_t id;
    char text[4];
};
#endif

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    static_assert(sf::create_table<Code>().sql<L>() ==
                  R"(CREATE TABLE "code" ("id" INTEGER NOT NULL, "text" TEXT NOT NULL, PRIMARY KEY ("id")))");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    static_assert(!sf::create_table<ArrayCode>().sql<L>().empty());
}
#endif
