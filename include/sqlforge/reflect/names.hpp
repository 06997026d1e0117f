#pragma once
// Names at compile time, read from __PRETTY_FUNCTION__ (Boost 1.81's PFR has no names API).
// Field names: the function is instantiated with a pointer to a field of the never-constructed
// `fake_object<T>`; clang 14 prints the field name only when that pointer is wrapped in a
// struct, so it is. Type names: the function is instantiated with the type.
#include <sqlforge/reflect/fields.hpp>

#include <cstddef>
#include <string_view>
#include <utility>

namespace sqlforge::detail {

template <class T>
struct pointer_box {
    const T* p;
};

template <auto Box>
consteval std::string_view pretty_of_value() {
    return __PRETTY_FUNCTION__;
}
template <class T>
consteval std::string_view pretty_of_type() {
    return __PRETTY_FUNCTION__;
}

constexpr bool ident_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// "...{(& fake_object<Job>.unconstructed<Job>::value.Job::name)}..." (gcc) or
// "...{&fake_object.value.name}..." (clang) -> "name"
constexpr std::string_view field_name_from(std::string_view pretty) {
    // The last '}' closes the boxed pointer (an anonymous namespace prints as "{anonymous}"
    // before it, so the first '}' would be wrong).
    std::size_t end = pretty.rfind('}');
    while (end > 0 && !ident_char(pretty[end - 1])) --end;
    std::size_t begin = end;
    while (begin > 0 && ident_char(pretty[begin - 1])) --begin;
    return pretty.substr(begin, end - begin);
}

// "...[with T = ns::Outer::InvoiceLine; ...]" (gcc) or "...[T = ns::InvoiceLine]" (clang)
constexpr std::string_view type_name_from(std::string_view pretty) {
    std::size_t begin = pretty.find("T = ") + 4;
    std::size_t end = begin;
    int depth = 0;
    for (; end < pretty.size(); ++end) {
        char c = pretty[end];
        if (c == '<') ++depth;
        else if (c == '>') --depth;
        else if (depth == 0 && (c == ';' || c == ']')) break;
    }
    std::string_view full = pretty.substr(begin, end - begin);
    // Drop template arguments, then namespaces and enclosing classes.
    if (std::size_t lt = full.find('<'); lt != std::string_view::npos) full = full.substr(0, lt);
    if (std::size_t colon = full.rfind("::"); colon != std::string_view::npos) full = full.substr(colon + 2);
    return full;
}

template <class T, std::size_t I>
consteval std::string_view field_name_impl() {
    using F = std::remove_cvref_t<decltype(boost::pfr::get<I>(fake<T>()))>;
    return field_name_from(pretty_of_value<pointer_box<F>{&boost::pfr::get<I>(fake<T>())}>());
}

}  // namespace sqlforge::detail

namespace sqlforge {

// The name of field I of T, as written in the struct.
template <class T, std::size_t I>
inline constexpr std::string_view field_name = detail::field_name_impl<T, I>();

// The unqualified name of a type: ns::InvoiceLine -> "InvoiceLine".
template <class T>
inline constexpr std::string_view type_name = detail::type_name_from(detail::pretty_of_type<T>());

}  // namespace sqlforge
