#pragma once
// Subqueries: a select (or a set operation, stmt/compound.hpp) used inside another statement.
//
//   customer::CustomerId.in(sf::select(invoice::CustomerId).where(invoice::Total > 20))
//   track::Milliseconds == sf::select(sf::max(track::Milliseconds))           // scalar subquery
//   sf::not_(sf::exists(sf::select(album::AlbumId).where(album::ArtistId == artist::ArtistId)))
//   auto t = sf::select(album::ArtistId, sf::count().as<"n">()).group_by(album::ArtistId).as<"t">();
//   sf::select(t(album::ArtistId), t.c<"n">()).from(t).where(t.c<"n">() > 1)   // a select in FROM
//
// Correlation: a subquery's clauses may name tables its own FROM lacks (artist above: the
// FROM of a subquery whose FROM is deduced comes from its select items only). Those are its
// free tables, and a subquery node gives them as its `tables`, so the enclosing statement's
// ordinary FROM check requires them; a select run on its own must have none.
//
// A one-column query used where a value is expected becomes `parameter<Q>`: as_expr() turns
// every non-expression into a parameter, and the specialization below makes that parameter
// render `(SELECT ...)` and bind the subquery's values instead of binding one value.
#include <sqlforge/core/fixed_string.hpp>
#include <sqlforge/expr/column.hpp>
#include <sqlforge/expr/operators.hpp>
#include <sqlforge/expr/ops.hpp>
#include <sqlforge/expr/parameter.hpp>
#include <sqlforge/expr/predicates.hpp>
#include <sqlforge/stmt/select.hpp>
#include <sqlforge/stmt/select_items.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/bind.hpp>
#include <boost/mp11/list.hpp>
#include <boost/mp11/set.hpp>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

// ---- what a query yields, column by column

// One result column of a query: its C++ type (without optional), whether it may be NULL,
// and its name as the enclosing query sees it (its label, its column's name, or "" for an
// unlabelled expression).
template <class V, bool Nullable, class Name>
struct output_column {
    using value_type = V;
    static constexpr bool nullable = Nullable;
    static constexpr std::string_view name = Name::value;
};

namespace detail {

template <class Item>
struct item_output_name {
    static constexpr std::string_view value = "";
};
template <class E, fixed_string N>
struct item_output_name<labeled<E, N>> {
    static constexpr std::string_view value = N.view();
};
template <class S, auto P>
struct item_output_name<column<S, P>> {
    static constexpr std::string_view value = column<S, P>::name;
};
template <class T, std::size_t I>
struct field_output_name {
    static constexpr std::string_view value = table<T>::column_names[I];
};

// The columns one select item yields (several for all_of<T>).
template <class NullTables, class Item>
struct item_outputs {
    using row = typename item_row_in<NullTables, Item>::type;
    using type = boost::mp11::mp_list<output_column<unwrap_optional_t<row>, is_optional_v<row>, item_output_name<Item>>>;
};
template <class T, class I>
using field_output = output_column<unwrap_optional_t<field_type<T, I::value>>, is_optional_v<field_type<T, I::value>>,
                                   field_output_name<T, I::value>>;
template <class NullTables, class T>
struct item_outputs<NullTables, all_of_t<T>> {
    using type = boost::mp11::mp_transform_q<boost::mp11::mp_bind_front<field_output, T>,
                                             boost::mp11::mp_iota_c<table<T>::column_count>>;
};

template <class Set>
struct not_in_set {
    template <class T>
    using fn = boost::mp11::mp_not<boost::mp11::mp_set_contains<Set, T>>;
};

}  // namespace detail

// What a subquery node needs to know about a query. Specialized for selects here and for
// set operations in stmt/compound.hpp.
//   columns      output_column<...> per result column
//   free_tables  tables its clauses name that its FROM lacks
//   first        the leftmost select (whose items name the columns)
//   one_row      does it always give exactly one row (an aggregate without GROUP BY)
template <class Q>
struct query_traits;

template <bool Di, class F, class... Items, class W, class G, class H, class O, class L>
struct query_traits<select_stmt<Di, F, std::tuple<Items...>, W, G, H, O, L>> {
    using stmt = select_stmt<Di, F, std::tuple<Items...>, W, G, H, O, L>;
    using first = stmt;
    using columns = boost::mp11::mp_append<typename detail::item_outputs<typename F::nullable_tables, Items>::type...>;
    using used_tables = tables_of<typename Items::tables..., typename W::tables, typename G::tables,
                                  typename H::tables, typename O::tables>;
    using free_tables = boost::mp11::mp_copy_if_q<used_tables, detail::not_in_set<typename stmt::from_tables>>;
    static constexpr bool one_row =
        stmt::traits::any_aggregate && !present<G> && !present<H> && !L::has_limit && !L::has_offset;
};

namespace detail {

template <class Q>
consteval bool check_query_argument() {
    static_assert(is_query_v<Q>, "sqlforge: a subquery must be a select (sf::select(...)) or a set operation of selects");
    return true;
}

template <class Q>
consteval bool check_single_column() {
    static_assert(boost::mp11::mp_size<typename query_traits<Q>::columns>::value == 1,
                  "sqlforge: a subquery used as a value (in a comparison, in(), or as a select item) must select "
                  "exactly one column");
    return true;
}

// The value a one-column query yields (its first column, so that a wrong query still has one
// after the static_assert above has spoken).
template <class Q>
using single_column = boost::mp11::mp_front<typename query_traits<Q>::columns>;

// A subquery is a statement of its own inside the enclosing one: a WHERE around it that
// writes labelled expressions out in full (stmt/clauses.hpp) does not reach into it, so the
// writer's flag is cleared and restored around it, and the parameter visitor is unwrapped.
template <class D, class Q, class W>
constexpr void render_subquery(W& w) {
    w.put('(');
    if constexpr (requires { w.expand_labels; }) {
        const bool outer = w.expand_labels;
        w.expand_labels = false;
        Q::template render_nested<D>(w);
        w.expand_labels = outer;
    } else {
        Q::template render_nested<D>(w);
    }
    w.put(')');
}
template <class Q, class F>
constexpr void each_subquery_param(const Q& q, F& f) {
    if constexpr (requires { std::remove_cvref_t<F>::expands_labels; f.f; }) q.each_param(f.f);
    else q.each_param(f);
}

}  // namespace detail

// (SELECT MAX("Track"."Milliseconds") FROM "Track"): a one-column query as a value. It is
// NULL when the query gives no row, so it is nullable unless the query is an aggregate
// without GROUP BY (which always gives one row) over a NOT NULL value.
template <class Q>
    requires is_query_v<Q>
struct parameter<Q> : expr_ops<parameter<Q>> {
    static_assert(detail::check_single_column<Q>());
    using query = Q;
    using value_type = typename detail::single_column<Q>::value_type;
    static constexpr bool nullable = detail::single_column<Q>::nullable || !query_traits<Q>::one_row;
    using tables = typename query_traits<Q>::free_tables;
    static constexpr bool aggregate = false;
    static constexpr int precedence = prec::primary;

    Q value;

    template <class D, class W>
    static constexpr void render(W& w) {
        detail::render_subquery<D, Q>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        detail::each_subquery_param(value, f);
    }
};

template <class Q>
using scalar_subquery_t = parameter<Q>;

// x IN (SELECT ...), x NOT IN (SELECT ...)
template <class E, class Q, bool Not>
struct in_query_node : expr_ops<in_query_node<E, Q, Not>> {
    using value_type = bool;
    static constexpr bool nullable = E::nullable || detail::single_column<Q>::nullable;
    using tables = tables_of<typename E::tables, typename query_traits<Q>::free_tables>;
    static constexpr bool aggregate = E::aggregate;
    static constexpr int precedence = prec::compare;
    E operand;
    Q query;

    template <class D, class W>
    static constexpr void render(W& w) {
        render_operand<D, E, prec::compare, true>(w);
        w.put(Not ? " NOT IN " : " IN ");
        detail::render_subquery<D, Q>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        operand.each_param(f);
        detail::each_subquery_param(query, f);
    }
};

// EXISTS (SELECT ...); sf::not_(sf::exists(q)) is NOT EXISTS (SELECT ...).
template <class Q>
struct exists_node : expr_ops<exists_node<Q>> {
    using value_type = bool;
    static constexpr bool nullable = false;
    using tables = typename query_traits<Q>::free_tables;
    static constexpr bool aggregate = false;
    static constexpr int precedence = prec::primary;
    Q query;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("EXISTS ");
        detail::render_subquery<D, Q>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        detail::each_subquery_param(query, f);
    }
};

template <class Q>
constexpr auto exists(const Q& q) {
    static_assert(detail::check_query_argument<Q>());
    if constexpr (is_query_v<Q>) return exists_node<Q>{{}, q};
}

namespace detail {
template <class E, class Q, bool Not>
constexpr auto make_in_query(const E& e, const Q& q) {
    static_assert(is_query_v<Q>, "sqlforge: in() and not_in() take a braced list of values ({1, 2, 3}) or a select");
    if constexpr (is_query_v<Q>) {
        static_assert(check_single_column<Q>());
        static_assert(check_comparable<E, single_column<Q>>());
        return in_query_node<E, Q, Not>{{}, e, q};
    }
}
}  // namespace detail

template <class Derived>
template <class Q>
constexpr auto expr_ops<Derived>::in(const Q& subquery) const {
    return detail::make_in_query<Derived, Q, false>(self(), subquery);
}
template <class Derived>
template <class Q>
constexpr auto expr_ops<Derived>::not_in(const Q& subquery) const {
    return detail::make_in_query<Derived, Q, true>(self(), subquery);
}

// ---- a subquery in FROM

template <class Table, std::size_t I>
struct derived_column;

namespace detail {

inline constexpr std::size_t not_found = static_cast<std::size_t>(-1);
inline constexpr std::size_t found_twice = static_cast<std::size_t>(-2);

// The result column of select `S` that column C is: an item C (or C.as<"x">()), or C's field
// inside all_of<T>.
template <class C, class... Items>
consteval std::size_t find_column_among() {
    std::size_t found = not_found, matches = 0, offset = 0;
    (
        [&] {
            if constexpr (is_all_of<Items>::value) {
                if constexpr (requires { typename C::source; }) {
                    if constexpr (std::is_same_v<typename C::source, table_ref<typename Items::model>>) {
                        found = offset + C::index;
                        ++matches;
                    }
                }
            } else if constexpr (std::is_same_v<Items, C> || std::is_same_v<typename item_expr<Items>::type, C>) {
                found = offset;
                ++matches;
            }
            offset += item_columns<Items>::value;
        }(),
        ...);
    return matches == 0 ? not_found : matches == 1 ? found : found_twice;
}
template <class C, class S>
struct find_column;
template <class C, bool Di, class F, class... Items, class W, class G, class H, class O, class L>
struct find_column<C, select_stmt<Di, F, std::tuple<Items...>, W, G, H, O, L>> {
    static constexpr std::size_t value = find_column_among<C, Items...>();
};

template <class Columns>
struct find_name;
template <class... Cs>
struct find_name<boost::mp11::mp_list<Cs...>> {
    static consteval std::size_t find(std::string_view name) {
        std::size_t found = not_found, matches = 0, i = 0;
        ((Cs::name == name && !name.empty() ? (found = i, ++matches) : 0, ++i), ...);
        return matches == 0 ? not_found : matches == 1 ? found : found_twice;
    }
};

template <std::size_t I>
consteval bool check_found_column() {
    static_assert(I != not_found, "sqlforge: this column is not selected by the subquery; select it there, or use "
                                  "t.c<\"label\">() for a labelled item");
    static_assert(I != found_twice, "sqlforge: the subquery selects this column twice; label one with .as<\"name\">()");
    return true;
}
template <std::size_t I>
consteval bool check_found_name() {
    static_assert(I != not_found, "sqlforge: the subquery has no column of this name; label its item with .as<\"name\">()");
    static_assert(I != found_twice, "sqlforge: the subquery has two columns of this name; label one with .as<\"name\">()");
    return true;
}

}  // namespace detail

// (SELECT ...) AS "t": made by q.as<"t">(), given to from() or a join. It holds the query (and
// so its bound values). Its columns: t(col) for a column the query selects, t.c<"n">() for the
// item labelled (or the column named) "n".
template <class Q, fixed_string Name>
struct derived_table {
    using query = Q;
    static constexpr std::string_view name = Name.view();
    Q value;

    template <class D, class W>
    static constexpr void render_qualifier(W& w) {
        D::quote(w, name);
    }
    // A subquery in FROM is a statement of its own: it cannot be correlated.
    template <class D, class W>
    static constexpr void render_from_stored(W& w) {
        w.put('(');
        Q::template render<D>(w);
        w.put(") AS ");
        D::quote(w, name);
    }
    template <class D, class W>
    static constexpr void render_from(W&) {
        static_assert(is_query_v<D> && false, "sqlforge: a subquery in FROM must be named with .from(t) or a join; it "
                                              "is not deduced from the selected columns");
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        value.each_param(f);
    }

    template <class C>
    constexpr auto operator()(const C&) const {
        static_assert(is_column<C>::value, "sqlforge: t(col) takes a column the subquery selects; use t.c<\"label\">() for "
                                           "other items");
        if constexpr (is_column<C>::value) {
            constexpr std::size_t i = detail::find_column<C, typename query_traits<Q>::first>::value;
            static_assert(detail::check_found_column<i>());
            if constexpr (i < detail::found_twice) return derived_column<derived_table, i>{};
        }
    }

    // t.c<"n">(): the column labelled (or named) "n", as SQLAlchemy's subquery.c.n.
    template <fixed_string Label>
    static constexpr auto c() {
        constexpr std::size_t i = detail::find_name<typename query_traits<Q>::columns>::find(Label.view());
        static_assert(detail::check_found_name<i>());
        if constexpr (i < detail::found_twice) return derived_column<derived_table, i>{};
    }
};

template <class Q, fixed_string N>
struct is_source<derived_table<Q, N>> : std::true_type {};

// "t"."n": a column of a subquery in FROM, typed from the subquery's item.
template <class Table, std::size_t I>
struct derived_column : expr_ops<derived_column<Table, I>> {
    using output = boost::mp11::mp_at_c<typename query_traits<typename Table::query>::columns, I>;
    using value_type = typename output::value_type;
    static constexpr bool nullable = output::nullable;
    using tables = boost::mp11::mp_list<Table>;
    static constexpr bool aggregate = false;
    static constexpr int precedence = prec::primary;
    static constexpr std::string_view name = output::name;
    static_assert(!output::name.empty(), "sqlforge: this item of the subquery has no name; label it with .as<\"name\">()");

    template <class D, class W>
    static constexpr void render(W& w) {
        Table::template render_qualifier<D>(w);
        w.put('.');
        D::quote(w, name);
    }
    template <class F>
    constexpr void each_param(F&&) const {}
};

// ---- the select members

template <bool Distinct, class From, class... Items, class Where, class Group, class Having, class Order, class Limit>
constexpr auto select_stmt<Distinct, From, std::tuple<Items...>, Where, Group, Having, Order, Limit>::scalar_subquery()
    const {
    return parameter<select_stmt>{{}, *this};
}

template <bool Distinct, class From, class... Items, class Where, class Group, class Having, class Order, class Limit>
template <fixed_string Name>
constexpr auto select_stmt<Distinct, From, std::tuple<Items...>, Where, Group, Having, Order, Limit>::as() const {
    return derived_table<select_stmt, Name>{*this};
}

}  // namespace sqlforge

#include <sqlforge/stmt/compound.hpp>
