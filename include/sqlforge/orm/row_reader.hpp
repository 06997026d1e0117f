#pragma once
// Reading the current row of a backend statement straight into the row type of a select:
// a model struct for sf::all_of<T>, a scalar for one item, a std::tuple for several.
// Everything about the layout is known at compile time, so this is a flat sequence of
// backend column reads with no lookup by name.
#include <sqlforge/core/snake_case.hpp>
#include <sqlforge/orm/value_io.hpp>
#include <sqlforge/stmt/select_items.hpp>

#include <boost/pfr/core.hpp>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <utility>

namespace sqlforge {

namespace detail {

// "job.status", built once at compile time for error messages.
template <class T, std::size_t I>
struct qualified_column_name {
    static constexpr std::string_view t = table<T>::name;
    static constexpr std::string_view c = table<T>::column_names[I];
    static constexpr name_buffer<t.size() + 1 + c.size()> buffer = [] {
        name_buffer<t.size() + 1 + c.size()> b;
        std::size_t k = 0;
        for (char ch : t) b.data[k++] = ch;
        b.data[k++] = '.';
        for (char ch : c) b.data[k++] = ch;
        return b;
    }();
    static constexpr std::string_view value = buffer.view();
};

template <class Item>
constexpr std::string_view item_name() {
    if constexpr (requires { Item::label; }) return Item::label;
    else if constexpr (is_column<Item>::value) return qualified_column_name<typename Item::model, Item::index>::value;
    else return "expression";
}

template <class T, class St, std::size_t... I>
void read_model(const St& st, int first, T& out, std::index_sequence<I...>) {
    (read_value(st, first + static_cast<int>(I), boost::pfr::get<I>(out), qualified_column_name<T, I>::value), ...);
}

template <class Item, class St, class Out>
void read_item(const St& st, int col, Out& out) {
    if constexpr (is_all_of<Item>::value) {
        using T = typename Item::model;
        read_model(st, col, out, std::make_index_sequence<table<T>::column_count>{});
    } else {
        read_value(st, col, out, item_name<Item>());
    }
}

template <class... Items>
struct item_offsets {
    static constexpr std::array<int, sizeof...(Items)> value = [] {
        std::array<int, sizeof...(Items)> r{};
        int col = 0, k = 0;
        ((r[k++] = col, col += static_cast<int>(item_columns<Items>::value)), ...);
        return r;
    }();
};

}  // namespace detail

// Reads the current row for a select whose items are Items... into Row.
template <class... Items>
struct row_reader {
    template <class St, class Row>
    static void read(const St& st, Row& row) {
        if constexpr (sizeof...(Items) == 1) {
            detail::read_item<Items...>(st, 0, row);
        } else {
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                (detail::read_item<Items>(st, detail::item_offsets<Items...>::value[I], std::get<I>(row)), ...);
            }(std::index_sequence_for<Items...>{});
        }
    }
};

// The reader for a model's every column, as query<T>() and get<T>() use.
template <class T>
using model_reader = row_reader<all_of_t<T>>;

}  // namespace sqlforge
