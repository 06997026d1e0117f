// expect: sqlforge: contains(), startswith() and endswith() take a text value
// Rule: startswith() given a column instead of a value: it escapes a value, so a pattern made
// of expressions goes through like() (the valid form gives a string).
#include "music_models.hpp"

#include <string>

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    const std::string prefix = "Intro";
    auto q = sf::select(track::id).where(track::name.startswith(prefix));
    static_assert(q.sql<L>() == R"(SELECT "track"."id" FROM "track" WHERE "track"."name" LIKE ? ESCAPE '/')");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::id).where(track::name.startswith(track::name));
}
#endif
