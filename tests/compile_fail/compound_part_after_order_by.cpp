// expect: sqlforge: order_by(), limit() and offset() of a set operation come after its last part
// Rule: a set operation that already has order_by() cannot take another part.
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).union_(sf::select(track::name)).except_(sf::select(album::title)).order_by(artist::name);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).union_(sf::select(track::name)).order_by(artist::name).except_(sf::select(album::title));
    static_assert(!q.sql<L>().empty());
}
#endif
