// expect: sqlforge: this table is already in FROM; join it again through sf::alias
// Rule: a table joined twice must be aliased (the valid form uses an alias).
#include "music_models.hpp"

// Valid form: the closest correct statement.
[[maybe_unused]] void valid_form() {
    auto q = sf::select(artist::name).from<Artist>().join(sf::alias<Artist, "a2">{}, sf::alias<Artist, "a2">{}(artist::id) == artist::id);
    static_assert(!q.sql<L>().empty());
}

#ifdef SQLFORGE_COMPILE_FAIL
[[maybe_unused]] void wrong_form() {
    auto q = sf::select(artist::name).from<Artist>().join<Artist>(artist::id == artist::id);
    static_assert(!q.sql<L>().empty());
}
#endif
