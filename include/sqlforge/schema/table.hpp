#pragma once
// Everything sqlforge knows about a model's table, computed at compile time from the
// struct and its table_traits: name, columns, primary key, autoincrement column,
// constraints. Conventions: an integral field named `id` is the autoincrement primary key;
// std::optional<T> fields are nullable; all others are NOT NULL.
#include <sqlforge/core/fixed_string.hpp>
#include <sqlforge/core/snake_case.hpp>
#include <sqlforge/reflect/fields.hpp>
#include <sqlforge/reflect/model.hpp>
#include <sqlforge/reflect/names.hpp>
#include <sqlforge/schema/table_traits.hpp>
#include <sqlforge/schema/value_traits.hpp>

#include <array>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

inline constexpr std::size_t no_field = static_cast<std::size_t>(-1);

namespace detail {

template <class T>
concept traits_name = requires { table_traits<T>::name; };
template <class T>
concept traits_primary_key = requires { table_traits<T>::primary_key; };
template <class T>
concept traits_autoincrement = requires {
    { table_traits<T>::autoincrement } -> std::convertible_to<bool>;
};
template <class T>
concept traits_constraints = requires { table_traits<T>::constraints; };

template <class T>
struct default_table_name {
    static constexpr std::string_view type = type_name<T>;
    static constexpr std::size_t size = snake_case(type, [](char) {});
    static constexpr name_buffer<size> buffer = [] {
        name_buffer<size> b;
        std::size_t i = 0;
        snake_case(type, [&](char c) { b.data[i++] = c; });
        return b;
    }();
};

template <class T, std::size_t... I>
consteval std::array<std::string_view, sizeof...(I)> column_names(std::index_sequence<I...>) {
    return {field_name<T, I>...};
}

template <class Pk>
struct primary_key_fields;
template <auto... Ptrs>
struct primary_key_fields<primary_key<Ptrs...>> {
    static constexpr std::array<std::size_t, sizeof...(Ptrs)> value{field_index<Ptrs>...};
};

// The constraints tuple as a type list (empty if the traits declare none).
template <class T>
consteval auto constraints_of() {
    if constexpr (traits_constraints<T>) return std::remove_cvref_t<decltype(table_traits<T>::constraints)>{};
    else return std::tuple<>{};
}

// The field a constraint computes (a column_property), or no_field.
template <class C>
inline constexpr std::size_t computed_field = no_field;
template <auto Ptr, class E>
inline constexpr std::size_t computed_field<column_property_t<Ptr, E>> = field_index<Ptr>;

template <class T, class C>
inline constexpr bool computes_field_of = true;
template <class T, auto Ptr, class E>
inline constexpr bool computes_field_of<T, column_property_t<Ptr, E>> = std::is_same_v<class_of<Ptr>, T>;

template <class T, class... Cs>
consteval auto computed_fields(std::tuple<Cs...>*) {
    static_assert((computes_field_of<T, Cs> && ...),
                  "sqlforge: a column_property<> in table_traits<T> must compute a field of T");
    std::array<bool, field_count<T>> r{};
    if constexpr ((computes_field_of<T, Cs> && ...))
        ((computed_field<Cs> != no_field ? void(r[computed_field<Cs>] = true) : void()), ...);
    return r;
}

// Where in the constraints tuple the column_property of field I is.
template <std::size_t I, class... Cs>
consteval std::size_t property_slot(std::tuple<Cs...>*) {
    std::size_t k = 0, slot = sizeof...(Cs);
    ((computed_field<Cs> == I && slot == sizeof...(Cs) ? void(slot = k) : void(), ++k), ...);
    return slot;
}

}  // namespace detail

template <class T>
struct table {
    static_assert(check_model<T>());
    using model_type = T;

    static constexpr std::size_t column_count = field_count<T>;

    static constexpr std::string_view name = [] {
        if constexpr (detail::traits_name<T>) return std::string_view{table_traits<T>::name};
        else return detail::default_table_name<T>::buffer.view();
    }();

    static constexpr std::array<std::string_view, column_count> column_names =
        detail::column_names<T>(std::make_index_sequence<column_count>{});

    template <std::size_t I>
    using column_cpp_type = field_type<T, I>;

    static constexpr std::size_t find_column(std::string_view n) {
        for (std::size_t i = 0; i < column_count; ++i)
            if (column_names[i] == n) return i;
        return no_field;
    }

    // Primary key fields, in key order.
    static constexpr auto primary_key = [] {
        if constexpr (detail::traits_primary_key<T>) {
            return detail::primary_key_fields<std::remove_cvref_t<decltype(table_traits<T>::primary_key)>>::value;
        } else {
            constexpr std::size_t id = find_column("id");
            if constexpr (id != no_field) return std::array<std::size_t, 1>{id};
            else return std::array<std::size_t, 0>{};
        }
    }();

    // The column the database numbers by itself, or no_field.
    static constexpr std::size_t autoincrement = [] {
        if constexpr (primary_key.size() != 1) {
            return no_field;
        } else {
            using K = field_type<T, primary_key[0]>;
            constexpr bool integral = kind_v<K> == sql_kind::integer && !is_optional_v<K>;
            bool wanted = true;
            if constexpr (detail::traits_autoincrement<T>) wanted = table_traits<T>::autoincrement;
            return integral && wanted ? primary_key[0] : no_field;
        }
    }();

    static constexpr bool is_primary_key(std::size_t i) {
        for (std::size_t k : primary_key)
            if (k == i) return true;
        return false;
    }

    using constraints = decltype(detail::constraints_of<T>());

    // Fields computed by a column_property: read, never stored.
    static constexpr std::array<bool, column_count> computed =
        detail::computed_fields<T>(static_cast<constraints*>(nullptr));
    static constexpr bool has_computed = [] {
        for (bool c : computed)
            if (c) return true;
        return false;
    }();
    static constexpr bool is_computed(std::size_t i) { return computed[i]; }
};

namespace detail {
// The column_property that computes field I of T (table<T>::computed[I] must be true).
template <class T, std::size_t I>
constexpr const auto& property_of() {
    return std::get<property_slot<I>(static_cast<typename table<T>::constraints*>(nullptr))>(
        table_traits<T>::constraints);
}
template <class T, std::size_t I>
using property_expr_t = typename std::remove_cvref_t<decltype(property_of<T, I>())>::expr_type;
}  // namespace detail

}  // namespace sqlforge
