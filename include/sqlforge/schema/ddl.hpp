#pragma once
// CREATE TABLE and DROP TABLE, rendered at compile time from the model and its traits:
//   CREATE TABLE IF NOT EXISTS "job" ("id" INTEGER NOT NULL, "name" TEXT NOT NULL, ...,
//       PRIMARY KEY ("id"), UNIQUE ("name"))
// MySQL adds AUTO_INCREMENT to the key and ENGINE=InnoDB DEFAULT CHARSET=utf8mb4.
#include <sqlforge/core/snake_case.hpp>
#include <sqlforge/core/text_writer.hpp>
#include <sqlforge/dialect/common.hpp>
#include <sqlforge/schema/defaults.hpp>
#include <sqlforge/schema/sql_types.hpp>
#include <sqlforge/schema/table.hpp>
#include <sqlforge/schema/table_traits.hpp>

#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

namespace detail {

template <class D, class W, auto V>
constexpr void render_literal(W& w) {
    using VT = std::remove_cvref_t<decltype(V)>;
    if constexpr (std::is_same_v<VT, bool>) w.put(V ? "1" : "0");
    else if constexpr (std::is_integral_v<VT>) write_integer(w, static_cast<long long>(V));
    else write_string_literal(w, V.view());
}

template <class D, class T, std::size_t I, class C, class W>
constexpr void render_default_if_for(W& w) {
    if constexpr (requires { default_of<C>::field; }) {
        if constexpr (default_of<C>::field == I) {
            w.put(" DEFAULT ");
            if constexpr (requires { C::literal; }) render_literal<D, W, C::literal>(w);
            else w.put(C::sql.view());
        }
    }
}

template <class D, class T, std::size_t I, class W, class... Cs>
constexpr void render_default(W& w, std::tuple<Cs...>*) {
    (render_default_if_for<D, T, I, Cs>(w), ...);
}

template <class D, class T, std::size_t I, class W>
constexpr void render_column_def(W& w) {
    using F = field_type<T, I>;
    D::quote(w, table<T>::column_names[I]);
    w.put(' ');
    w.put(column_sql_type<D, T, I>());
    if (!is_optional_v<F>) w.put(" NOT NULL");
    if constexpr (I == table<T>::autoincrement && requires { D::autoincrement_keyword; }) w.put(D::autoincrement_keyword);
    render_default<D, T, I>(w, static_cast<typename table<T>::constraints*>(nullptr));
}

template <class D, class W, class T, std::size_t N>
constexpr void render_column_list(W& w, const std::array<std::size_t, N>& fields) {
    w.put(" (");
    for (std::size_t k = 0; k < N; ++k) {
        if (k) w.put(", ");
        D::quote(w, table<T>::column_names[fields[k]]);
    }
    w.put(')');
}

template <class D, class T, class C, class W>
constexpr void render_unique_if(W& w) {
    if constexpr (requires { C::unique_fields; }) {
        w.put(", UNIQUE");
        render_column_list<D, W, T>(w, C::unique_fields);
    }
}

template <class D, class T, class W, class... Cs>
constexpr void render_uniques(W& w, std::tuple<Cs...>*) {
    (render_unique_if<D, T, Cs>(w), ...);
}

constexpr std::string_view fk_action_sql(fk_action a) {
    switch (a) {
        case fk_action::restrict: return "RESTRICT";
        case fk_action::cascade: return "CASCADE";
        case fk_action::set_null: return "SET NULL";
        case fk_action::set_default: return "SET DEFAULT";
        default: return "NO ACTION";
    }
}

template <class C>
concept foreign_key_constraint = requires {
    C::from;
    C::to;
    C::on_delete;
};

// Is `fields` (in any order) the primary key or one unique<> of R?
template <class R, std::size_t N, class... Cs>
consteval bool is_unique_set(const std::array<std::size_t, N>& fields, std::tuple<Cs...>*) {
    auto same_set = [&](const auto& key) {
        if (key.size() != N) return false;
        for (std::size_t f : fields) {
            bool found = false;
            for (std::size_t k : key) found = found || k == f;
            if (!found) return false;
        }
        return true;
    };
    bool unique = same_set(table<R>::primary_key);
    ([&] {
        if constexpr (requires { Cs::unique_fields; }) unique = unique || same_set(Cs::unique_fields);
    }(), ...);
    return unique;
}

template <class FromTypes, class ToTypes, std::size_t... I>
consteval bool fk_types_match(std::index_sequence<I...>) {
    return (std::is_same_v<unwrap_optional_t<std::tuple_element_t<I, FromTypes>>,
                           unwrap_optional_t<std::tuple_element_t<I, ToTypes>>> && ...);
}
template <class Types, std::size_t... I>
consteval bool fk_all_optional(std::index_sequence<I...>) {
    return (is_optional_v<std::tuple_element_t<I, Types>> && ...);
}

template <class T, class C>
consteval bool check_foreign_key() {
    using From = fk_side<C::from>;
    using To = fk_side<C::to>;
    constexpr std::size_t n = From::fields.size();
    static_assert(From::one_model && To::one_model,
                  "sqlforge: the columns<> of one side of a foreign key must all be fields of one struct");
    static_assert(std::is_same_v<typename From::model, T>,
                  "sqlforge: a foreign_key<> in table_traits<T> must start from a field of T");
    static_assert(n == To::fields.size(),
                  "sqlforge: a composite foreign key needs as many referenced columns as referencing columns");
    if constexpr (n == To::fields.size()) {
        static_assert(fk_types_match<typename From::types, typename To::types>(std::make_index_sequence<n>{}),
                      "sqlforge: a foreign key column must have the same C++ type as the column it references "
                      "(MySQL requires identical column types)");
        // A single column may reference any indexed column on MySQL; SQLite and the SQL
        // standard want a unique parent key, which is what a composite key is checked for.
        if constexpr (n > 1) {
            using R = typename To::model;
            static_assert(is_unique_set<R>(To::fields, static_cast<typename table<R>::constraints*>(nullptr)),
                          "sqlforge: a composite foreign key must reference the primary key or a unique<> of the "
                          "referenced table (the same columns)");
        }
    }
    static_assert((C::on_delete != fk_action::set_null && C::on_update != fk_action::set_null) ||
                      fk_all_optional<typename From::types>(std::make_index_sequence<n>{}),
                  "sqlforge: ON DELETE / ON UPDATE SET NULL needs a nullable (std::optional) foreign key column");
    return true;
}

// , FOREIGN KEY ("AlbumId") REFERENCES "Album" ("AlbumId") ON DELETE CASCADE
template <class D, class T, class C, class W>
constexpr void render_foreign_key_if(W& w) {
    if constexpr (foreign_key_constraint<C>) {
        static_assert(check_foreign_key<T, C>());
        using R = typename fk_side<C::to>::model;
        w.put(", FOREIGN KEY");
        render_column_list<D, W, T>(w, fk_side<C::from>::fields);
        w.put(" REFERENCES ");
        D::quote(w, table<R>::name);
        render_column_list<D, W, R>(w, fk_side<C::to>::fields);
        if (C::on_delete != fk_action::no_action) {
            w.put(" ON DELETE ");
            w.put(fk_action_sql(C::on_delete));
        }
        if (C::on_update != fk_action::no_action) {
            w.put(" ON UPDATE ");
            w.put(fk_action_sql(C::on_update));
        }
    }
}

template <class D, class T, class C, class W>
constexpr void render_check_if(W& w) {
    if constexpr (requires { C::check_sql; }) {
        w.put(", CHECK (");
        w.put(C::check_sql.view());
        w.put(')');
    }
}

// "ix_job_status_name", built once at compile time.
template <class T, class C>
struct index_name {
    template <class Out>
    static constexpr std::size_t write(Out out) {
        std::size_t n = 0;
        auto put = [&](std::string_view piece) {
            for (char ch : piece) out(ch);
            n += piece.size();
        };
        put("ix_");
        put(table<T>::name);
        for (std::size_t f : C::index_fields) {
            put("_");
            put(table<T>::column_names[f]);
        }
        return n;
    }
    static constexpr std::size_t size = write([](char) {});
    static constexpr name_buffer<size> buffer = [] {
        name_buffer<size> b;
        std::size_t k = 0;
        write([&](char ch) { b.data[k++] = ch; });
        return b;
    }();
    static constexpr std::string_view value = buffer.view();
};

template <class D>
inline constexpr bool indexes_inside_create_table = D::name == std::string_view{"mysql"};

// MySQL declares indexes inside CREATE TABLE: , INDEX `ix_job_status` (`status`)
template <class D, class T, class C, class W>
constexpr void render_inline_index_if(W& w) {
    if constexpr (requires { C::index_fields; }) {
        if constexpr (indexes_inside_create_table<D>) {
            w.put(", INDEX ");
            D::quote(w, index_name<T, C>::value);
            render_column_list<D, W, T>(w, C::index_fields);
        }
    }
}

template <class D, class T, class W, class... Cs>
constexpr void render_table_constraints(W& w, std::tuple<Cs...>*) {
    (render_unique_if<D, T, Cs>(w), ...);
    (render_foreign_key_if<D, T, Cs>(w), ...);
    (render_check_if<D, T, Cs>(w), ...);
    (render_inline_index_if<D, T, Cs>(w), ...);
}

}  // namespace detail

template <class T, bool IfNotExists = true>
struct create_table_stmt {
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(IfNotExists ? "CREATE TABLE IF NOT EXISTS " : "CREATE TABLE ");
        D::quote(w, table<T>::name);
        w.put(" (");
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            // A column_property's field is computed when read: it has no column.
            bool first = true;
            ((table<T>::computed[I] ? void() : (first ? void() : w.put(", "), first = false,
                                                 detail::render_column_def<D, T, I>(w))),
             ...);
        }(std::make_index_sequence<table<T>::column_count>{});
        if constexpr (table<T>::primary_key.size() > 0) {
            w.put(", PRIMARY KEY");
            detail::render_column_list<D, W, T>(w, table<T>::primary_key);
        }
        detail::render_table_constraints<D, T>(w, static_cast<typename table<T>::constraints*>(nullptr));
        w.put(')');
        if constexpr (requires { D::table_options; }) w.put(D::table_options);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, create_table_stmt>();
    }
    template <class F>
    constexpr void each_param(F&&) const {}
};

// CREATE INDEX IF NOT EXISTS "ix_job_status" ON "job" ("status"), for dialects that cannot
// declare an index inside CREATE TABLE (SQLite). create_all runs these after the table.
template <class T, class C>
struct create_index_stmt {
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("CREATE INDEX IF NOT EXISTS ");
        D::quote(w, detail::index_name<T, C>::value);
        w.put(" ON ");
        D::quote(w, table<T>::name);
        detail::render_column_list<D, W, T>(w, C::index_fields);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, create_index_stmt>();
    }
    template <class F>
    constexpr void each_param(F&&) const {}
};

// Calls f(create_index_stmt<T, C>{}) for each index<> of T, when dialect D needs separate
// statements for them.
template <class D, class T, class F>
constexpr void for_each_separate_index(F&& f) {
    if constexpr (!detail::indexes_inside_create_table<D>) {
        [&]<class... Cs>(std::tuple<Cs...>*) {
            ([&] {
                if constexpr (requires { Cs::index_fields; }) f(create_index_stmt<T, Cs>{});
            }(), ...);
        }(static_cast<typename table<T>::constraints*>(nullptr));
    }
}

template <class T, bool IfExists = true>
struct drop_table_stmt {
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(IfExists ? "DROP TABLE IF EXISTS " : "DROP TABLE ");
        D::quote(w, table<T>::name);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, drop_table_stmt>();
    }
    template <class F>
    constexpr void each_param(F&&) const {}
};

template <class T>
constexpr create_table_stmt<T, true> create_table_if_not_exists() {
    static_assert(check_model<T>());
    return {};
}
template <class T>
constexpr create_table_stmt<T, false> create_table() {
    static_assert(check_model<T>());
    return {};
}
template <class T>
constexpr drop_table_stmt<T, true> drop_table_if_exists() {
    static_assert(check_model<T>());
    return {};
}
template <class T>
constexpr drop_table_stmt<T, false> drop_table() {
    static_assert(check_model<T>());
    return {};
}

}  // namespace sqlforge
