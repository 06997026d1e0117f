// expect: sqlforge: a subquery used as a value (in a comparison, in(), or as a select item) must select exactly one column
// Rule: in() with a select needs a select of exactly one column.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).where(artist::id.in(sf::select(album::artist_id)));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).where(artist::id.in(sf::select(album::artist_id, album::title)));
    static_assert(!q.sql<L>().empty());
}
#endif
