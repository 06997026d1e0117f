#pragma once
// The customization point for a C++ type sqlforge does not know (a UUID, a money type, a
// date): say how it is stored, and it can be a field, a parameter and a result.
//
//   template <> struct sqlforge::type_traits<Money> {
//       using storage = std::int64_t;                           // or double, std::string,
//                                                               //    std::vector<std::byte>
//       static storage to_storage(const Money& m) { return m.cents; }
//       static Money from_storage(const storage& cents) { return Money{cents}; }
//       static constexpr std::string_view sqlite_type = "INTEGER";   // optional
//       static constexpr std::string_view mysql_type = "BIGINT";     // optional
//   };
//
// from_storage may throw std::invalid_argument or std::out_of_range for a stored value it
// cannot read; sqlforge turns that into a data_error naming the column. Values of such a
// type compare only with values of the same type (and NULL tests); no arithmetic.
#include <string_view>
#include <type_traits>

namespace sqlforge {

template <class T>
struct type_traits {};

template <class T>
concept custom_type = requires(const T& v) {
    typename type_traits<T>::storage;
    { type_traits<T>::to_storage(v) } -> std::convertible_to<typename type_traits<T>::storage>;
    { type_traits<T>::from_storage(std::declval<const typename type_traits<T>::storage&>()) } -> std::convertible_to<T>;
};

template <custom_type T>
using storage_of = typename type_traits<T>::storage;

}  // namespace sqlforge
