#pragma once
// Field count, field types and member pointer -> field index, for a model.
// Counting and types come from Boost.PFR; the index comparison uses the addresses of the
// fields of an object that is never constructed, which is a constant expression.
#include <sqlforge/reflect/model.hpp>

#include <boost/pfr/core.hpp>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace sqlforge::detail {

// A model object that is never constructed: a constexpr union whose active member is a
// char, so T needs no constexpr constructor. Only its fields' addresses are taken, inside
// constant expressions. (An undefined `extern` object also works, but clang rejects it for
// types without linkage: models in an anonymous namespace or local to a function.)
template <class T>
union unconstructed {
    char active;
    T value;
    constexpr unconstructed() : active() {}
    constexpr ~unconstructed() {}
};
template <class T>
inline constexpr unconstructed<T> fake_object{};

template <class T>
consteval const T& fake() {
    return fake_object<T>.value;
}

}  // namespace sqlforge::detail

namespace sqlforge {

template <class T>
inline constexpr std::size_t field_count = boost::pfr::tuple_size_v<T>;

template <class T, std::size_t I>
using field_type = boost::pfr::tuple_element_t<I, T>;

// The struct and field type of a data member pointer.
template <class P>
struct member_pointer_traits;
template <class M, class C>
struct member_pointer_traits<M C::*> {
    using class_type = C;
    using member_type = M;
};

template <auto Ptr>
using class_of = typename member_pointer_traits<std::remove_cv_t<decltype(Ptr)>>::class_type;
template <auto Ptr>
using member_of = typename member_pointer_traits<std::remove_cv_t<decltype(Ptr)>>::member_type;

namespace detail {
template <auto Ptr, std::size_t... I>
consteval std::size_t index_of_member(std::index_sequence<I...>) {
    using T = class_of<Ptr>;
    const void* target = &(fake<T>().*Ptr);
    std::size_t result = sizeof...(I);
    (void)((static_cast<const void*>(&boost::pfr::get<I>(fake<T>())) == target ? (result = I, true) : false) || ...);
    return result;
}
}  // namespace detail

// &Job::name -> 1
template <auto Ptr>
inline constexpr std::size_t field_index =
    detail::index_of_member<Ptr>(std::make_index_sequence<field_count<class_of<Ptr>>>{});

}  // namespace sqlforge
