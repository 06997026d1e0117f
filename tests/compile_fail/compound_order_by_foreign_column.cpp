// expect: sqlforge: order_by() on a set operation takes a column or a label of the first select
// Rule: a union is ordered by its result columns, named by the first select; a column of another part is not one.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).union_(sf::select(track::name)).order_by(artist::name.desc());
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).union_(sf::select(track::name)).order_by(track::name.desc());
    static_assert(!q.sql<L>().empty());
}
#endif
