#pragma once
// Which columns may be left out of an INSERT: nullable ones, the autoincrement key, and
// those with a DEFAULT declared in table_traits.
#include <sqlforge/schema/table.hpp>
#include <sqlforge/schema/table_traits.hpp>

#include <cstddef>
#include <tuple>

namespace sqlforge {

namespace detail {
template <class C>
struct default_of {
    static constexpr std::size_t field = no_field;
};
template <auto Ptr, auto V>
struct default_of<default_value<Ptr, V>> {
    static constexpr std::size_t field = field_index<Ptr>;
};
template <auto Ptr, fixed_string S>
struct default_of<default_sql<Ptr, S>> {
    static constexpr std::size_t field = field_index<Ptr>;
};

template <class T, class Tuple>
struct has_default_in;
template <class T, class... Cs>
struct has_default_in<T, std::tuple<Cs...>> {
    static constexpr bool check([[maybe_unused]] std::size_t i) { return ((default_of<Cs>::field == i) || ... || false); }
};
}  // namespace detail

template <class T>
constexpr bool column_has_default(std::size_t i) {
    return detail::has_default_in<T, typename table<T>::constraints>::check(i);
}

template <class T>
constexpr bool column_nullable(std::size_t i) {
    bool result = false;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        ((I == i ? (result = is_optional_v<field_type<T, I>>) : false), ...);
    }(std::make_index_sequence<table<T>::column_count>{});
    return result;
}

// May column i be left out of an INSERT?
template <class T>
constexpr bool column_optional(std::size_t i) {
    return i == table<T>::autoincrement || column_nullable<T>(i) || column_has_default<T>(i) || table<T>::computed[i];
}

}  // namespace sqlforge
