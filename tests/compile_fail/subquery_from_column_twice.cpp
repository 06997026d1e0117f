// expect: sqlforge: the subquery selects this column twice
// Rule: t(col) is ambiguous when the subquery selects col twice.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto t = sf::select(album::id, album::id.as<"again">()).as<"t">();
    auto q = sf::select(t.c<"again">()).from(t);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto t = sf::select(album::id, album::id.as<"again">()).as<"t">();
    auto q = sf::select(t(album::id)).from(t);
    static_assert(!q.sql<L>().empty());
}
#endif
