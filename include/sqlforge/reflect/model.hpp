#pragma once
// What sqlforge accepts as a model: a flat aggregate whose fields are default
// constructible. Boost.PFR refuses base classes (with its own message) and silently
// counts each element of a C array as a field, so both are caught here first, in our words.
#include <boost/pfr/tuple_size.hpp>
#include <boost/preprocessor/repetition/enum.hpp>
#include <boost/preprocessor/repetition/repeat_from_to.hpp>
#include <cstddef>
#include <type_traits>

namespace sqlforge::detail {

// T{ {}, {}, ... } with N empty braces compiles only if T has exactly N (or more) members;
// a brace per member means no brace elision, so a C array counts as one member here while
// PFR counts its elements.
template <class T, std::size_t N>
inline constexpr bool braces_init = false;
#define SQLFORGE_DETAIL_BRACE(z, n, data) {}
#define SQLFORGE_DETAIL_BRACES_INIT(z, n, data) \
    template <class T>                          \
    inline constexpr bool braces_init<T, n> = requires { T{BOOST_PP_ENUM_##z(n, SQLFORGE_DETAIL_BRACE, ~)}; };
BOOST_PP_REPEAT_FROM_TO(1, 100, SQLFORGE_DETAIL_BRACES_INIT, ~)
#undef SQLFORGE_DETAIL_BRACES_INIT
#undef SQLFORGE_DETAIL_BRACE

// Converts only to a proper base of T: T{ any_base<T>{} } compiles iff T's first
// aggregate element is a base class.
template <class T>
struct any_base {
    template <class B>
        requires(std::is_base_of_v<B, T> && !std::is_same_v<B, T>)
    operator B() const;
};

template <class T>
inline constexpr bool has_base_class = requires { T{any_base<T>{}}; };

template <class T>
consteval bool flat_model() {
    if constexpr (!std::is_class_v<T> || !std::is_aggregate_v<T> || has_base_class<T>) {
        return false;
    } else {
        constexpr std::size_t n = boost::pfr::tuple_size_v<T>;
        return n == 0 || (n < 100 && braces_init<T, n>);
    }
}

}  // namespace sqlforge::detail

namespace sqlforge {

// Satisfied by the structs sqlforge can map to a table.
template <class T>
concept model = detail::flat_model<std::remove_cv_t<T>>();

// Spells out why T is not a model. Call before anything that reflects on T, so a wrong
// model stops at our message rather than deep inside Boost.PFR.
template <class T>
consteval bool check_model() {
    static_assert(std::is_class_v<T>, "sqlforge: a model must be a struct");
    if constexpr (std::is_class_v<T>) {
        static_assert(std::is_aggregate_v<T>,
                      "sqlforge: a model must be an aggregate (no user-declared constructors, no private fields, "
                      "no virtual functions)");
        if constexpr (std::is_aggregate_v<T>) {
            static_assert(!detail::has_base_class<T>,
                          "sqlforge: a model must not have a base class; put all fields in one flat struct");
            if constexpr (!detail::has_base_class<T>) {
                static_assert(detail::flat_model<T>(),
                              "sqlforge: a model must not have C array fields (use std::array, std::string or "
                              "std::vector), and every field must be default constructible");
            }
        }
    }
    return model<T>;
}

}  // namespace sqlforge
