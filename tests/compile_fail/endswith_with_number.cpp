// expect: sqlforge: contains(), startswith() and endswith() take a text value
// Rule: endswith() given a number (the valid form gives text).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(track::id).where(track::name.endswith("7"));
    static_assert(q.sql<L>() == R"(SELECT "track"."id" FROM "track" WHERE "track"."name" LIKE ? ESCAPE '/')");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::id).where(track::name.endswith(7));
}
#endif
