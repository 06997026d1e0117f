// expect: sqlforge: order_by(sf::position<N>) names a column past the last selected one
// Rule: sf::position<N> in a select's order_by() must not pass its last column (also when it is a subquery).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).where(artist::id.in(sf::select(album::artist_id).order_by(sf::position<1>).limit(5)));
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).where(artist::id.in(sf::select(album::artist_id).order_by(sf::position<2>).limit(5)));
    static_assert(!q.sql<L>().empty());
}
#endif
