#pragma once
// How a C++ type is seen by SQL: its kind (what it can be compared or combined with),
// whether it may be NULL, and the type it is bound and read as. `std::optional<T>` is
// the nullable form of T; everything else is NOT NULL.
#include <sqlforge/schema/chrono_types.hpp>
#include <sqlforge/schema/enum_types.hpp>
#include <sqlforge/schema/type_traits.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace sqlforge {

// `other`: a type stored through type_traits (dates, enums, a user's types): it compares only
// with itself.
enum class sql_kind { integer, real, text, boolean, blob, null, other, none };

template <class T>
struct is_optional : std::false_type {};
template <class T>
struct is_optional<std::optional<T>> : std::true_type {};
template <class T>
inline constexpr bool is_optional_v = is_optional<std::remove_cvref_t<T>>::value;

template <class T>
struct unwrap_optional {
    using type = T;
};
template <class T>
struct unwrap_optional<std::optional<T>> {
    using type = T;
};
template <class T>
using unwrap_optional_t = typename unwrap_optional<std::remove_cvref_t<T>>::type;

template <class T>
inline constexpr bool is_blob_v =
    std::is_same_v<T, std::vector<std::byte>> || std::is_same_v<T, std::vector<unsigned char>>;

template <class T>
inline constexpr bool is_text_v = std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view> ||
                                  std::is_same_v<T, const char*> || std::is_same_v<T, char*>;

// The SQL kind of a (non-optional) C++ type; `none` if sqlforge cannot store it.
template <class T>
consteval sql_kind kind_of() {
    using U = std::remove_cvref_t<T>;
    if constexpr (std::is_same_v<U, bool>) return sql_kind::boolean;
    else if constexpr (std::is_integral_v<U> && !std::is_same_v<U, char>) return sql_kind::integer;
    else if constexpr (std::is_floating_point_v<U>) return sql_kind::real;
    else if constexpr (is_text_v<U>) return sql_kind::text;
    else if constexpr (std::is_array_v<U> && std::is_same_v<std::remove_extent_t<U>, const char>) return sql_kind::text;
    else if constexpr (is_blob_v<U>) return sql_kind::blob;
    else if constexpr (std::is_same_v<U, std::nullopt_t>) return sql_kind::null;
    else if constexpr (custom_type<U>) return sql_kind::other;
    else return sql_kind::none;
}

template <class T>
inline constexpr sql_kind kind_v = kind_of<unwrap_optional_t<T>>();

constexpr bool is_numeric(sql_kind k) { return k == sql_kind::integer || k == sql_kind::real; }

// Can values of these kinds be compared (=, <, IN, BETWEEN)?
constexpr bool comparable(sql_kind a, sql_kind b) {
    return (is_numeric(a) && is_numeric(b)) || (a == b && a != sql_kind::none);
}

}  // namespace sqlforge
