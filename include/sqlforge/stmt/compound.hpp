#pragma once
// Set operations: UNION, UNION ALL, INTERSECT, EXCEPT.
//
//   auto q = sf::select(artist::Name.as<"name">()).union_(sf::select(employee::LastName))
//                .order_by(sf::asc<"name">).limit(10);
//
// The selects must give the same number of columns, of compatible kinds position by
// position (numbers with numbers, text with text, ...); both are checked when the set
// operation is built. order_by() / limit() / offset() apply to the whole and come last:
// a part cannot have its own (SQLite does not allow parentheses around the parts, so there
// would be no way to write them). order_by() takes a label or a column of the first select,
// or sf::position<N>; the row type is the first select's, made nullable where any part is,
// and real where any part is real.
//
// Parts chain left to right: a.union_(b).intersect(c) is (a UNION b) INTERSECT c. SQLite
// gives all set operators the same precedence; MySQL / MariaDB (and standard SQL) bind
// INTERSECT tighter, so there the left side is put in parentheses when that matters.
#include <sqlforge/dialect/sqlite.hpp>
#include <sqlforge/stmt/clauses.hpp>
#include <sqlforge/stmt/select.hpp>
#include <sqlforge/stmt/select_items.hpp>
#include <sqlforge/stmt/subquery.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

namespace set_op {
struct union_ { static constexpr std::string_view text = " UNION "; };
struct union_all { static constexpr std::string_view text = " UNION ALL "; };
struct intersect { static constexpr std::string_view text = " INTERSECT "; };
struct except_ { static constexpr std::string_view text = " EXCEPT "; };
}  // namespace set_op

template <class Op, class Left, class Right, class Order, class Limit>
struct compound_stmt;

template <class Op, class L, class R, class O, class Li>
inline constexpr bool is_query_v<compound_stmt<Op, L, R, O, Li>> = true;
template <class Q>
inline constexpr bool is_compound_v = false;
template <class Op, class L, class R, class O, class Li>
inline constexpr bool is_compound_v<compound_stmt<Op, L, R, O, Li>> = true;

// Do the set operators of this dialect all bind alike (SQLite), or does INTERSECT bind
// tighter (standard SQL, MySQL 8.0.31+, MariaDB 10.4+)?
template <class D>
inline constexpr bool set_ops_equal_precedence = false;
template <>
inline constexpr bool set_ops_equal_precedence<sqlite_dialect> = true;

template <class... Items>
struct row_reader;  // orm/row_reader.hpp

namespace detail {

template <class S>
consteval bool check_set_part() {
    if constexpr (is_select_v<S>) {
        static_assert(!present<decltype(std::declval<const S&>().order_)> && !S::limit_type::has_limit &&
                          !S::limit_type::has_offset,
                      "sqlforge: a select inside union_(), intersect() or except_() cannot have its own order_by(), "
                      "limit() or offset(); call them on the whole set operation");
    } else if constexpr (is_compound_v<S>) {
        static_assert(!S::has_order_or_limit,
                      "sqlforge: order_by(), limit() and offset() of a set operation come after its last part");
    }
    return true;
}

template <class A, class B>
consteval bool kinds_compatible() {
    return comparable(kind_of<typename A::value_type>(), kind_of<typename B::value_type>());
}
template <class As, class Bs>
struct columns_compatible : std::false_type {};
template <class... As, class... Bs>
    requires(sizeof...(As) == sizeof...(Bs))
struct columns_compatible<boost::mp11::mp_list<As...>, boost::mp11::mp_list<Bs...>>
    : std::bool_constant<(kinds_compatible<As, Bs>() && ...)> {};

template <class L, class R>
consteval bool check_set_operands() {
    static_assert(is_query_v<R> && !is_compound_v<R>,
                  "sqlforge: the right side of union_(), intersect() or except_() must be one select; chain set "
                  "operations left to right: a.union_(b).union_(c)");
    if constexpr (is_select_v<R>) {
        static_assert(check_set_part<L>() && check_set_part<R>());
        using LC = typename query_traits<L>::columns;
        using RC = typename query_traits<R>::columns;
        constexpr bool same_count = boost::mp11::mp_size<LC>::value == boost::mp11::mp_size<RC>::value;
        static_assert(same_count, "sqlforge: the selects of a set operation must have the same number of columns");
        static_assert(!same_count || columns_compatible<LC, RC>::value,
                      "sqlforge: the columns of the selects of a set operation must have compatible types, position by "
                      "position (numbers with numbers, text with text)");
    }
    return true;
}

template <class A>
struct name_of_column {
    static constexpr std::string_view value = A::name;
};
// One column of a set operation: the first part's, nullable if any part's is, real if any is.
template <class A, class B>
using merge_column = output_column<
    std::conditional_t<kind_of<typename A::value_type>() == sql_kind::integer &&
                           kind_of<typename B::value_type>() == sql_kind::real,
                       double, typename A::value_type>,
    A::nullable || B::nullable, name_of_column<A>>;

template <class LC, class RC>
struct merged_columns {
    using type = LC;  // mismatched counts: already reported by check_set_operands
};
template <class... As, class... Bs>
    requires(sizeof...(As) == sizeof...(Bs))
struct merged_columns<boost::mp11::mp_list<As...>, boost::mp11::mp_list<Bs...>> {
    using type = boost::mp11::mp_list<merge_column<As, Bs>...>;
};

// A result column of a set operation as a select item, for the row type and the reader.
template <class Col>
struct compound_item {
    using value_type = typename Col::value_type;
    static constexpr bool nullable = Col::nullable;
    using tables = boost::mp11::mp_list<>;
    static constexpr bool aggregate = false;
    static constexpr std::string_view label = Col::name.empty() ? std::string_view("expression") : Col::name;
};

template <class T, class Columns, std::size_t Offset, std::size_t... I>
consteval bool all_of_fits(std::index_sequence<I...>) {
    return ((boost::mp11::mp_at_c<Columns, Offset + I>::nullable == is_optional_v<field_type<T, I>> &&
             std::is_same_v<typename boost::mp11::mp_at_c<Columns, Offset + I>::value_type,
                            unwrap_optional_t<field_type<T, I>>>) &&
            ...);
}

// The items a set operation's rows are read as: the first select's items with the merged
// columns' types; all_of<T> stays (read into a T) when every part fits T's fields.
template <class Columns, std::size_t Offset, class Item>
struct compound_row_item {
    using type = compound_item<boost::mp11::mp_at_c<Columns, Offset>>;
};
template <class Columns, std::size_t Offset, class T>
struct compound_row_item<Columns, Offset, all_of_t<T>> {
    static_assert(all_of_fits<T, Columns, Offset>(std::make_index_sequence<table<T>::column_count>{}),
                  "sqlforge: a set operation reads all_of<T> into a T, but another of its selects gives a NULL or a "
                  "real number where a field of T cannot hold one; select the columns one by one");
    using type = all_of_t<T>;
};

// The first result column of the K-th item.
template <class... Items>
consteval std::size_t item_offset(std::size_t k) {
    constexpr std::size_t widths[] = {item_columns<Items>::value..., 0};
    std::size_t o = 0;
    for (std::size_t i = 0; i < k; ++i) o += widths[i];
    return o;
}
template <class Columns, class... Items, std::size_t... K>
auto compound_row_items(std::index_sequence<K...>)
    -> boost::mp11::mp_list<typename compound_row_item<Columns, item_offset<Items...>(K), Items>::type...>;

template <class Columns, class First>
struct compound_rows;
template <class Columns, bool Di, class F, class... Items, class W, class G, class H, class O, class L>
struct compound_rows<Columns, select_stmt<Di, F, std::tuple<Items...>, W, G, H, O, L>> {
    using item_list = decltype(compound_row_items<Columns, Items...>(std::index_sequence_for<Items...>{}));
};

template <class ItemList>
struct rows_of_items;
template <class... Is>
struct rows_of_items<boost::mp11::mp_list<Is...>> {
    using row_type = select_row_in_t<boost::mp11::mp_list<>, Is...>;
    using reader = row_reader<Is...>;
};

// ORDER BY on a set operation: a result column, written as its name when the first select
// has exactly one column of that name, else as its position.
template <class Columns, std::size_t I, bool Desc>
struct result_column_order {
    using tables = boost::mp11::mp_list<>;
    static constexpr bool aggregate = false;
    static constexpr std::string_view name = boost::mp11::mp_at_c<Columns, I>::name;
    static constexpr bool by_name = !name.empty() && find_name<Columns>::find(name) == I;

    template <class D, class W>
    static constexpr void render(W& w) {
        if constexpr (by_name) D::quote(w, name);
        else w.put_number(I + 1);
        if (Desc) w.put(" DESC");
    }
    template <class F>
    constexpr void each_param(F&&) const {}
};

template <std::size_t I>
consteval bool check_set_order_column() {
    static_assert(I != not_found, "sqlforge: order_by() on a set operation takes a column or a label of the first "
                                  "select, or sf::position<N>");
    static_assert(I != found_twice, "sqlforge: the first select of the set operation selects this twice; order by "
                                    "sf::position<N>");
    return true;
}

template <class Q, class T>
constexpr auto set_order_term(const T& t) {
    using Columns = typename query_traits<Q>::columns;
    using First = typename query_traits<Q>::first;
    if constexpr (requires { T::position; }) {
        static_assert(T::position <= boost::mp11::mp_size<Columns>::value,
                      "sqlforge: order_by(sf::position<N>) names a column past the last selected one");
        return t;
    } else if constexpr (requires { T::label; } && !requires { typename T::expr_type; }) {
        static_assert(find_name<Columns>::find(T::label) < found_twice,
                      "sqlforge: order_by() on a set operation names a label that no column of the first select has");
        return t;
    } else if constexpr (requires { typename T::expr_type; }) {
        constexpr std::size_t i = find_column<typename T::expr_type, First>::value;
        static_assert(check_set_order_column<i>());
        return result_column_order<Columns, (i < found_twice ? i : 0), T::descending>{};
    } else {
        static_assert(expression<T>, "sqlforge: order_by() takes columns, labels (sf::desc<\"n\">) or sf::position<N>");
        constexpr std::size_t i = find_column<T, First>::value;
        static_assert(check_set_order_column<i>());
        return result_column_order<Columns, (i < found_twice ? i : 0), false>{};
    }
}

template <class Op, class L, class R>
constexpr auto make_set_operation(const L& l, const R& r);

}  // namespace detail

// a UNION b (INTERSECT c ...) [ORDER BY ...] [LIMIT ? [OFFSET ?]]. Left is a select or a set
// operation without ORDER BY / LIMIT, Right a select.
template <class Op, class Left, class Right, class Order, class Limit>
struct compound_stmt {
    using op = Op;
    using limit_type = Limit;
    static constexpr bool has_order_or_limit = present<Order> || Limit::has_limit || Limit::has_offset;
    using rows = detail::rows_of_items<
        typename detail::compound_rows<typename query_traits<compound_stmt>::columns,
                                       typename query_traits<compound_stmt>::first>::item_list>;
    using row_type = typename rows::row_type;
    static constexpr std::size_t column_count = boost::mp11::mp_size<typename query_traits<compound_stmt>::columns>::value;

    Left left;
    Right right;
    Order order_;
    Limit limit_;

    // ---- building
    template <class... Ts>
    constexpr auto order_by(const Ts&... ts) const {
        static_assert(sizeof...(Ts) > 0, "sqlforge: order_by() needs at least one expression");
        static_assert(!present<Order>, "sqlforge: order_by() was already given; list every term in one call");
        static_assert(!Limit::has_limit && !Limit::has_offset, "sqlforge: order_by() comes before limit() and offset()");
        using O = order_clause<decltype(detail::set_order_term<compound_stmt>(ts))...>;
        return compound_stmt<Op, Left, Right, O, Limit>{left, right, O{{detail::set_order_term<compound_stmt>(ts)...}},
                                                        limit_};
    }
    template <class N>
    constexpr auto limit(N n) const {
        static_assert(detail::check_row_count<N>());
        using Li = limit_clause<true, Limit::has_offset>;
        return compound_stmt<Op, Left, Right, Order, Li>{left, right, order_, Li{detail::row_count(n, "limit"), limit_.offset}};
    }
    template <class N>
    constexpr auto offset(N n) const {
        static_assert(detail::check_row_count<N>());
        using Li = limit_clause<Limit::has_limit, true>;
        return compound_stmt<Op, Left, Right, Order, Li>{left, right, order_, Li{limit_.limit, detail::row_count(n, "offset")}};
    }
    template <class R>
    constexpr auto union_(const R& r) const {
        return detail::make_set_operation<set_op::union_>(*this, r);
    }
    template <class R>
    constexpr auto union_all(const R& r) const {
        return detail::make_set_operation<set_op::union_all>(*this, r);
    }
    template <class R>
    constexpr auto intersect(const R& r) const {
        return detail::make_set_operation<set_op::intersect>(*this, r);
    }
    template <class R>
    constexpr auto except_(const R& r) const {
        return detail::make_set_operation<set_op::except_>(*this, r);
    }
    constexpr auto scalar_subquery() const { return parameter<compound_stmt>{{}, *this}; }
    template <fixed_string Name>
    constexpr auto as() const {
        return derived_table<compound_stmt, Name>{*this};
    }

    // ---- text
    template <class D, class W>
    static constexpr void render(W& w) {
        render_parts<D, false>(w);
        Order::template render<D>(w);
        Limit::template render<D>(w);
    }
    template <class D, class W>
    static constexpr void render_nested(W& w) {
        render_parts<D, true>(w);
        Order::template render<D>(w);
        Limit::template render<D>(w);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, compound_stmt>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        left.each_param(f);
        right.each_param(f);
        order_.each_param(f);
        limit_.each_param(f);
    }

    template <class D, bool Nested, class W>
    static constexpr void render_parts(W& w) {
        if constexpr (is_compound_v<Left>) {
            constexpr bool paren = std::is_same_v<Op, set_op::intersect> &&
                                   !std::is_same_v<typename Left::op, set_op::intersect> && !set_ops_equal_precedence<D>;
            if (paren) w.put('(');
            Left::template render_parts<D, Nested>(w);
            if (paren) w.put(')');
        } else {
            render_part<D, Nested, Left>(w);
        }
        w.put(Op::text);
        render_part<D, Nested, Right>(w);
    }

private:
    template <class D, bool Nested, class S, class W>
    static constexpr void render_part(W& w) {
        if constexpr (Nested) S::template render_nested<D>(w);
        else S::template render<D>(w);
    }
};

template <class Op, class L, class R, class O, class Li>
struct query_traits<compound_stmt<Op, L, R, O, Li>> {
    using first = typename query_traits<L>::first;
    using columns =
        typename detail::merged_columns<typename query_traits<L>::columns, typename query_traits<R>::columns>::type;
    using free_tables = tables_of<typename query_traits<L>::free_tables, typename query_traits<R>::free_tables>;
    static constexpr bool one_row = false;
};

namespace detail {

template <class S>
struct reader_of;  // orm/execute.hpp: how a statement's rows are read
template <class Op, class L, class R, class O, class Li>
struct reader_of<compound_stmt<Op, L, R, O, Li>> {
    using type = typename compound_stmt<Op, L, R, O, Li>::rows::reader;
};

template <class Op, class L, class R>
constexpr auto make_set_operation(const L& l, const R& r) {
    static_assert(check_set_operands<L, R>());
    if constexpr (is_select_v<R>)
        return compound_stmt<Op, L, R, no_clause, limit_clause<false, false>>{l, r, {}, {}};
}

}  // namespace detail

// ---- the select members

template <bool Distinct, class From, class... Items, class Where, class Group, class Having, class Order, class Limit>
template <class R>
constexpr auto select_stmt<Distinct, From, std::tuple<Items...>, Where, Group, Having, Order, Limit>::union_(
    const R& r) const {
    return detail::make_set_operation<set_op::union_>(*this, r);
}
template <bool Distinct, class From, class... Items, class Where, class Group, class Having, class Order, class Limit>
template <class R>
constexpr auto select_stmt<Distinct, From, std::tuple<Items...>, Where, Group, Having, Order, Limit>::union_all(
    const R& r) const {
    return detail::make_set_operation<set_op::union_all>(*this, r);
}
template <bool Distinct, class From, class... Items, class Where, class Group, class Having, class Order, class Limit>
template <class R>
constexpr auto select_stmt<Distinct, From, std::tuple<Items...>, Where, Group, Having, Order, Limit>::intersect(
    const R& r) const {
    return detail::make_set_operation<set_op::intersect>(*this, r);
}
template <bool Distinct, class From, class... Items, class Where, class Group, class Having, class Order, class Limit>
template <class R>
constexpr auto select_stmt<Distinct, From, std::tuple<Items...>, Where, Group, Having, Order, Limit>::except_(
    const R& r) const {
    return detail::make_set_operation<set_op::except_>(*this, r);
}

}  // namespace sqlforge
