#pragma once
// What a select list may hold and what a row of it reads as: an expression (one column),
// a labelled expression (`.as<"n">()`, one column) or sf::all_of<T> (every column of T,
// read into a T). One item reads as its value, several as a std::tuple.
#include <sqlforge/expr/column.hpp>
#include <sqlforge/expr/ordering.hpp>
#include <sqlforge/schema/table.hpp>

#include <boost/mp11/set.hpp>
#include <cstddef>
#include <optional>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

// sf::all_of<Job>: "job"."id", "job"."name", ... read into a Job.
template <class T>
struct all_of_t {
    using model = T;
    using tables = boost::mp11::mp_list<table_ref<T>>;
    static constexpr bool aggregate = false;
    // The values bound by T's column_property expressions, in field order.
    template <class F>
    constexpr void each_param(F&& f) const {
        if constexpr (table<T>::has_computed) {
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                ((table<T>::computed[I] ? col_param<I>(f) : void()), ...);
            }(std::make_index_sequence<table<T>::column_count>{});
        }
    }

private:
    template <std::size_t I, class F>
    static constexpr void col_param(F& f) {
        if constexpr (table<T>::computed[I]) detail::property_of<T, I>().expr.each_param(f);
    }
};
template <class T>
inline constexpr all_of_t<T> all_of{};

template <class I>
struct is_all_of : std::false_type {};
template <class T>
struct is_all_of<all_of_t<T>> : std::true_type {};

template <class I>
concept select_item = expression<I> || is_all_of<I>::value;

template <class I>
struct item_columns : std::integral_constant<std::size_t, 1> {};
template <class T>
struct item_columns<all_of_t<T>> : std::integral_constant<std::size_t, table<T>::column_count> {};

template <class I>
struct item_label {
    static constexpr std::string_view value = "";
};
template <class E, fixed_string N>
struct item_label<labeled<E, N>> {
    static constexpr std::string_view value = N.view();
};

// The expression behind an item, as group_by() must repeat it (a label is looked through).
template <class I>
struct item_expr {
    using type = I;
};
template <class E, fixed_string N>
struct item_expr<labeled<E, N>> {
    using type = E;
};

// The C++ type one item reads as.
template <class I>
struct item_row {
    using type = result_type_of<I>;
};
template <class T>
struct item_row<all_of_t<T>> {
    using type = T;
};

// The row type in a select whose LEFT JOINs make the tables in NullTables nullable: a
// non-aggregate item reading such a table may be NULL even if its column is NOT NULL.
template <class NullTables, class Item>
struct item_row_in {
    static constexpr bool touches = !boost::mp11::mp_empty<boost::mp11::mp_set_intersection<
        boost::mp11::mp_unique<typename Item::tables>, NullTables>>::value;
    static_assert(!(touches && is_all_of<Item>::value),
                  "sqlforge: all_of<T> of a LEFT JOINed table is not supported yet; select its columns one by one");
    using type = std::conditional_t<touches && !Item::aggregate && !is_all_of<Item>::value,
                                    std::optional<unwrap_optional_t<typename item_row<Item>::type>>,
                                    typename item_row<Item>::type>;
};

template <class NullTables, class... Items>
struct select_row_in {
    using type = std::tuple<typename item_row_in<NullTables, Items>::type...>;
};
template <class NullTables, class Item>
struct select_row_in<NullTables, Item> {
    using type = typename item_row_in<NullTables, Item>::type;
};
template <class NullTables, class... Items>
using select_row_in_t = typename select_row_in<NullTables, Items...>::type;

template <class... Items>
struct select_row {
    using type = std::tuple<typename item_row<Items>::type...>;
};
template <class Item>
struct select_row<Item> {
    using type = typename item_row<Item>::type;
};
template <class... Items>
using select_row_t = typename select_row<Items...>::type;

namespace detail {
// A computed field (column_property) as `(<expression>) AS "field"`.
template <class D, class T, std::size_t I, class W>
constexpr void render_model_column(W& w) {
    if constexpr (table<T>::computed[I]) {
        render_property<D, T, I>(w);
        w.put(" AS ");
    } else {
        table_ref<T>::template render_qualifier<D>(w);
        w.put('.');
    }
    D::quote(w, table<T>::column_names[I]);
}
template <class D, class T, class W, std::size_t... I>
constexpr void render_all_columns(W& w, std::index_sequence<I...>) {
    if constexpr (table<T>::has_computed) {
        ((I ? w.put(", ") : void(), render_model_column<D, T, I>(w)), ...);
    } else {
        ((I ? w.put(", ") : void(), table_ref<T>::template render_qualifier<D>(w), w.put('.'),
          D::quote(w, table<T>::column_names[I])),
         ...);
    }
}
}  // namespace detail

// Visits the parameters of one select item, in the order render_item writes them.
template <class Item, class F>
constexpr void each_item_param(const Item& item, F& f) {
    if constexpr (requires { item.each_item_param(f); })
        item.each_item_param(f);
    else
        item.each_param(f);
}

template <class D, class Item, class W>
constexpr void render_item(W& w) {
    if constexpr (is_all_of<Item>::value)
        detail::render_all_columns<D, typename Item::model>(w, std::make_index_sequence<table<typename Item::model>::column_count>{});
    else if constexpr (requires { Item::template render_item<D>(w); })
        Item::template render_item<D>(w);
    else
        Item::template render<D>(w);
}

}  // namespace sqlforge
