#pragma once
// The SQL type of a column, per dialect, from its C++ type (std::optional looked through),
// unless table_traits gives a column_type<> override.
#include <sqlforge/schema/table.hpp>
#include <sqlforge/schema/table_traits.hpp>
#include <sqlforge/schema/type_traits.hpp>
#include <sqlforge/schema/value_traits.hpp>

#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>

namespace sqlforge {

struct sqlite_dialect;
struct mysql_dialect;

template <class D, class T>
struct sql_type_name;

// SQLite: type affinities. INTEGER exactly, so an integer primary key is the rowid.
template <class T>
struct sql_type_name<sqlite_dialect, T> {
    static constexpr std::string_view value = [] {
        constexpr sql_kind k = kind_of<T>();
        if constexpr (k == sql_kind::boolean) return std::string_view{"BOOLEAN"};
        else if constexpr (k == sql_kind::integer) return std::string_view{"INTEGER"};
        else if constexpr (k == sql_kind::real) return std::string_view{"REAL"};
        else if constexpr (k == sql_kind::text) return std::string_view{"TEXT"};
        else if constexpr (k == sql_kind::blob) return std::string_view{"BLOB"};
        else return std::string_view{};
    }();
};

// MySQL: the exact integer widths, signed and unsigned.
template <class T>
struct sql_type_name<mysql_dialect, T> {
    static constexpr std::string_view value = [] {
        constexpr sql_kind k = kind_of<T>();
        if constexpr (k == sql_kind::boolean) return std::string_view{"TINYINT(1)"};
        else if constexpr (k == sql_kind::integer) {
            constexpr bool u = std::is_unsigned_v<T>;
            if constexpr (sizeof(T) == 1) return std::string_view{u ? "TINYINT UNSIGNED" : "TINYINT"};
            else if constexpr (sizeof(T) == 2) return std::string_view{u ? "SMALLINT UNSIGNED" : "SMALLINT"};
            else if constexpr (sizeof(T) == 4) return std::string_view{u ? "INT UNSIGNED" : "INT"};
            else return std::string_view{u ? "BIGINT UNSIGNED" : "BIGINT"};
        } else if constexpr (std::is_same_v<T, float>) return std::string_view{"FLOAT"};
        else if constexpr (k == sql_kind::real) return std::string_view{"DOUBLE"};
        else if constexpr (k == sql_kind::text) return std::string_view{"VARCHAR(255)"};
        else if constexpr (k == sql_kind::blob) return std::string_view{"LONGBLOB"};
        else return std::string_view{};
    }();
};

namespace detail {
template <class C, class D>
struct type_override_of {
    static constexpr std::size_t field = no_field;
    static constexpr std::string_view sql = "";
    static constexpr int rank = 0;
};
// An override for every dialect ranks 1, one for this dialect 2, one for another dialect 0.
template <auto Ptr, fixed_string S, class Dx, class D>
struct type_override_of<column_type<Ptr, S, Dx>, D> {
    static constexpr std::size_t field = field_index<Ptr>;
    static constexpr std::string_view sql = S.view();
    static constexpr int rank = std::is_void_v<Dx> ? 1 : std::is_same_v<Dx, D> ? 2 : 0;
};
template <class Tuple, class D>
struct type_overrides;
template <class... Cs, class D>
struct type_overrides<std::tuple<Cs...>, D> {
    static constexpr std::string_view find([[maybe_unused]] std::size_t i) {
        std::string_view r;
        [[maybe_unused]] int best = 0;
        ((type_override_of<Cs, D>::field == i && type_override_of<Cs, D>::rank > best
              ? (r = type_override_of<Cs, D>::sql, best = type_override_of<Cs, D>::rank, 0)
              : 0),
         ...);
        return r;
    }
};
}  // namespace detail

// The SQL type of column I of T for dialect D.
template <class D, class T, std::size_t I>
constexpr std::string_view column_sql_type() {
    constexpr std::string_view custom = detail::type_overrides<typename table<T>::constraints, D>::find(I);
    if constexpr (!custom.empty()) {
        return custom;
    } else {
        using F = unwrap_optional_t<field_type<T, I>>;
        if constexpr (custom_type<F>) {
            if constexpr (std::is_same_v<D, sqlite_dialect> && requires { type_traits<F>::sqlite_type; })
                return std::string_view{type_traits<F>::sqlite_type};
            else if constexpr (std::is_same_v<D, mysql_dialect> && requires { type_traits<F>::mysql_type; })
                return std::string_view{type_traits<F>::mysql_type};
            else
                return sql_type_name<D, storage_of<F>>::value;
        } else {
            static_assert(kind_of<F>() != sql_kind::none,
                          "sqlforge: a field's C++ type has no SQL mapping; use integers, bool, float, double, "
                          "std::string, a BLOB vector, a date or time, an enum, a type with sqlforge::type_traits, "
                          "or std::optional of these");
            return sql_type_name<D, F>::value;
        }
    }
}

}  // namespace sqlforge
