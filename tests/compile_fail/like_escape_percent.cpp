// expect: sqlforge: the ESCAPE character of like() must be one printable ASCII character
// Rule: like() with % as its ESCAPE character (the valid form escapes with !).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(track::id).where(track::name.like("100!%", sf::escape<'!'>));
    static_assert(q.sql<L>() == R"(SELECT "track"."id" FROM "track" WHERE "track"."name" LIKE ? ESCAPE '!')");
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(track::id).where(track::name.like("100%%", sf::escape<'%'>));
}
#endif
