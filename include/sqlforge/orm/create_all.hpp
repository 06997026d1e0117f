#pragma once
// create_all<T...>(engine) / drop_all<T...>(engine): CREATE TABLE IF NOT EXISTS for each
// model in the order given (drop in reverse), in one transaction, each in the engine's
// dialect. (Ordering by foreign keys comes with the foreign key declarations.)
#include <sqlforge/orm/connection.hpp>
#include <sqlforge/schema/ddl.hpp>

#include <cstddef>

namespace sqlforge {

template <class... Ts>
void create_all(const engine& e) {
    connection c{e};
    (c.execute(create_table_stmt<Ts, true>{}), ...);
    c.commit();
}

template <class... Ts>
void drop_all(const engine& e) {
    connection c{e};
    using drop_fn = void (*)(connection&);
    constexpr drop_fn drops[] = {[](connection& k) { k.execute(drop_table_stmt<Ts, true>{}); }...};
    // Reverse order: a table goes before the ones it was created after.
    for (std::size_t i = sizeof...(Ts); i-- > 0;) drops[i](c);
    c.commit();
}

}  // namespace sqlforge
