// expect: sqlforge: order_by() on a set operation names a label that no column of the first select has
// Rule: order_by(sf::desc<"x">) on a union needs the label in the first select.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name.as<"n">()).union_(sf::select(track::name)).order_by(sf::desc<"n">);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).union_(sf::select(track::name.as<"n">())).order_by(sf::desc<"n">);
    static_assert(!q.sql<L>().empty());
}
#endif
