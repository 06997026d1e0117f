#pragma once
// Statements on one row of a model, found by its primary key, as the session's get<T>(pk),
// update(obj) and remove(obj) use them:
//   SELECT <every column> FROM "job" WHERE "job"."id" = ?
//   UPDATE "job" SET "name" = ?, "status" = ? WHERE "id" = ?
//   DELETE FROM "job" WHERE "id" = ?
#include <sqlforge/core/text_writer.hpp>
#include <sqlforge/schema/table.hpp>
#include <sqlforge/stmt/select_items.hpp>

#include <boost/pfr/core.hpp>
#include <cstddef>
#include <utility>

namespace sqlforge {

namespace detail {
template <class T>
consteval bool check_has_key() {
    static_assert(table<T>::primary_key.size() > 0,
                  "sqlforge: this model has no primary key; declare one with table_traits<T>::primary_key or an "
                  "integral field named id");
    return true;
}

template <class D, class T, class W>
constexpr void render_key_condition(W& w, bool qualified) {
    w.put(" WHERE ");
    for (std::size_t k = 0; k < table<T>::primary_key.size(); ++k) {
        if (k) w.put(" AND ");
        if (qualified) {
            D::quote(w, table<T>::name);
            w.put('.');
        }
        D::quote(w, table<T>::column_names[table<T>::primary_key[k]]);
        w.put(" = ");
        D::placeholder(w);
    }
}

// Calls f(field) for each primary key field of obj, in key order.
template <class T, class F>
constexpr void each_key_field(const T& obj, F&& f) {
    [&]<std::size_t... K>(std::index_sequence<K...>) {
        (f(boost::pfr::get<table<T>::primary_key[K]>(obj)), ...);
    }(std::make_index_sequence<table<T>::primary_key.size()>{});
}
}  // namespace detail

template <class T>
struct select_by_key_sql {
    template <class D, class W>
    static constexpr void render(W& w) {
        static_assert(detail::check_has_key<T>());
        w.put("SELECT ");
        render_item<D, all_of_t<T>>(w);
        w.put(" FROM ");
        D::quote(w, table<T>::name);
        detail::render_key_condition<D, T>(w, true);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, select_by_key_sql>();
    }
};

template <class T>
struct update_row_sql {
    template <class D, class W>
    static constexpr void render(W& w) {
        static_assert(detail::check_has_key<T>());
        static_assert(table<T>::column_count > table<T>::primary_key.size(),
                      "sqlforge: update(obj) needs a column that is not part of the primary key");
        w.put("UPDATE ");
        D::quote(w, table<T>::name);
        w.put(" SET ");
        bool first = true;
        for (std::size_t i = 0; i < table<T>::column_count; ++i) {
            if (table<T>::is_primary_key(i) || table<T>::computed[i]) continue;
            if (!first) w.put(", ");
            first = false;
            D::quote(w, table<T>::column_names[i]);
            w.put(" = ");
            D::placeholder(w);
        }
        detail::render_key_condition<D, T>(w, false);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, update_row_sql>();
    }
    // The SET values, then the key.
    template <class F>
    static constexpr void each_param(const T& obj, F&& f) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((table<T>::is_primary_key(I) || table<T>::computed[I] ? void() : f(boost::pfr::get<I>(obj))), ...);
        }(std::make_index_sequence<table<T>::column_count>{});
        detail::each_key_field(obj, f);
    }
};

template <class T>
struct delete_row_sql {
    template <class D, class W>
    static constexpr void render(W& w) {
        static_assert(detail::check_has_key<T>());
        w.put("DELETE FROM ");
        D::quote(w, table<T>::name);
        detail::render_key_condition<D, T>(w, false);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, delete_row_sql>();
    }
};

// INSERT with every column, the key included: for an object whose autoincrement key the
// caller has set (SQLAlchemy inserts an explicitly set primary key too).
template <class T>
struct insert_full_row_sql {
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("INSERT INTO ");
        D::quote(w, table<T>::name);
        w.put(" (");
        bool first = true;
        for (std::size_t i = 0; i < table<T>::column_count; ++i) {
            if (table<T>::computed[i]) continue;  // a column_property is not stored
            if (!first) w.put(", ");
            first = false;
            D::quote(w, table<T>::column_names[i]);
        }
        w.put(") VALUES (");
        first = true;
        for (std::size_t i = 0; i < table<T>::column_count; ++i) {
            if (table<T>::computed[i]) continue;
            if (!first) w.put(", ");
            first = false;
            D::placeholder(w);
        }
        w.put(')');
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, insert_full_row_sql>();
    }
    template <class F>
    static constexpr void each_param(const T& obj, F&& f) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((table<T>::computed[I] ? void() : f(boost::pfr::get<I>(obj))), ...);
        }(std::make_index_sequence<table<T>::column_count>{});
    }
};

}  // namespace sqlforge
