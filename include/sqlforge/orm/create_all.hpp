#pragma once
// create_all<Ts...>(engine): CREATE TABLE IF NOT EXISTS for each model, referenced tables
// first (the order is computed at compile time from the foreign keys; a cycle does not
// compile), and on SQLite the CREATE INDEX statements MySQL declares inside CREATE TABLE.
// drop_all<Ts...>(engine): DROP TABLE IF EXISTS in the reverse order. Each runs in one
// transaction (MySQL commits DDL at once anyway).
#include <sqlforge/orm/connection.hpp>
#include <sqlforge/schema/ddl.hpp>
#include <sqlforge/schema/dependency_order.hpp>

#include <array>
#include <cstddef>

namespace sqlforge {

template <class... Ts>
void create_all(const engine& e) {
    connection c{e};
    const bool separate_indexes = e.kind() == backend_kind::sqlite;
    for_each_in_dependency_order<Ts...>([&]<class T>() {
        c.execute(create_table_stmt<T, true>{});
        if (separate_indexes) for_each_separate_index<sqlite_dialect, T>([&](auto ix) { c.execute(ix); });
    });
    c.commit();
}

template <class... Ts>
void drop_all(const engine& e) {
    connection c{e};
    using drop_fn = void (*)(connection&);
    std::array<drop_fn, sizeof...(Ts)> drops{};
    std::size_t k = 0;
    for_each_in_dependency_order<Ts...>(
        [&]<class T>() { drops[k++] = [](connection& conn) { conn.execute(drop_table_stmt<T, true>{}); }; });
    // Reverse order: a table goes before the tables it references.
    for (std::size_t i = sizeof...(Ts); i-- > 0;) drops[i](c);
    c.commit();
}

}  // namespace sqlforge
