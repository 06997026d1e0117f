// expect: sqlforge: contains(), startswith() and endswith() need a text expression on the left
// Rule: contains() on an integer column (the valid form is on a text column).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(track::id).where(track::name.contains("42"));
    static_assert(q.sql<L>() == R"(SELECT "track"."id" FROM "track" WHERE "track"."name" LIKE ? ESCAPE '/')");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::id).where(track::ms.contains("42"));
}
#endif
