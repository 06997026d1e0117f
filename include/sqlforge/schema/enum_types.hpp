#pragma once
// Enums: stored as their integer value by default; as text when enum_traits<E> gives names:
//
//   template <> struct sqlforge::enum_traits<Color> {
//       static constexpr std::array names{std::pair{Color::red, std::string_view{"red"}},
//                                         std::pair{Color::green, std::string_view{"green"}}};
//   };
//
// Reading a number or a name the enum does not have is a data_error naming the column.
#include <sqlforge/schema/type_traits.hpp>

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace sqlforge {

template <class E>
struct enum_traits {};

template <class E>
concept enum_with_names = std::is_enum_v<E> && requires { enum_traits<E>::names; };

template <class E>
    requires std::is_enum_v<E> && (!enum_with_names<E>)
struct type_traits<E> {
    using storage = std::int64_t;
    static constexpr std::string_view sqlite_type = "INTEGER";
    static constexpr std::string_view mysql_type = std::is_unsigned_v<std::underlying_type_t<E>> ? "BIGINT UNSIGNED" : "BIGINT";
    static storage to_storage(E e) { return static_cast<storage>(static_cast<std::underlying_type_t<E>>(e)); }
    static E from_storage(storage v) {
        using U = std::underlying_type_t<E>;
        if (v < static_cast<storage>(std::numeric_limits<U>::min()) ||
            (std::is_signed_v<U> || sizeof(U) < sizeof(storage) ? v > static_cast<storage>(std::numeric_limits<U>::max())
                                                                  : false))
            throw std::out_of_range("value " + std::to_string(v) + " does not fit the enum's underlying type");
        return static_cast<E>(static_cast<U>(v));
    }
};

template <enum_with_names E>
struct type_traits<E> {
    using storage = std::string;
    static constexpr std::string_view sqlite_type = "TEXT";
    static constexpr std::string_view mysql_type = "VARCHAR(64)";
    static storage to_storage(E e) {
        for (const auto& [value, name] : enum_traits<E>::names)
            if (value == e) return std::string(name);
        throw std::invalid_argument("enum value " + std::to_string(static_cast<long long>(e)) +
                                    " has no name in enum_traits");
    }
    static E from_storage(const storage& s) {
        for (const auto& [value, name] : enum_traits<E>::names)
            if (name == s) return value;
        throw std::invalid_argument("'" + s + "' is not a name of the enum");
    }
};

}  // namespace sqlforge
