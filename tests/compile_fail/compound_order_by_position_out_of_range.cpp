// expect: sqlforge: order_by(sf::position<N>) names a column past the last selected one
// Rule: sf::position<N> counts the result columns from 1 and must not pass the last one.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name, artist::id).union_(sf::select(track::name, track::id)).order_by(sf::position<2>);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name, artist::id).union_(sf::select(track::name, track::id)).order_by(sf::position<3>);
    static_assert(!q.sql<L>().empty());
}
#endif
