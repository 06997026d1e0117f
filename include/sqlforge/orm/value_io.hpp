#pragma once
// Moving one value between C++ and a backend statement. Binding picks the backend call from
// the C++ type at compile time; reading checks what the C API cannot: NULL into a field that
// is not std::optional, and integers that do not fit the field's type, each a data_error
// naming the column and the statement.
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/schema/type_traits.hpp>
#include <sqlforge/schema/value_traits.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sqlforge {

namespace detail {
// type_traits<T>::to_storage, with its exceptions turned into a data_error.
template <class U>
auto convert_for_binding(const U& v, std::string_view sql) {
    try {
        return static_cast<storage_of<U>>(type_traits<U>::to_storage(v));
    } catch (const std::exception& e) {
        throw data_error(0, std::string("sqlforge: cannot store a parameter value: ") + e.what(), std::string(sql));
    }
}

// NaN has no SQL value: SQLite would store NULL in its place and MySQL refuses it, so it is
// refused before anything is sent, on every backend. (Infinities are passed on: SQLite stores
// them, MySQL/MariaDB refuse them with data_error.)
[[noreturn]] inline void throw_nan_parameter(int i, std::string_view sql) {
    std::string msg = "sqlforge: parameter ";
    msg += std::to_string(i + 1);
    msg += " is NaN, which SQL cannot store (SQLite would store NULL, MySQL refuses it)";
    throw data_error(0, std::move(msg), std::string(sql));
}
}  // namespace detail

template <class Stmt, class V>
void bind_value(Stmt& st, int i, const V& v) {
    using U = std::remove_cvref_t<V>;
    if constexpr (is_optional_v<U>) {
        if (v) bind_value(st, i, *v);
        else st.bind_null(i);
    } else if constexpr (std::is_same_v<U, std::nullopt_t>) {
        st.bind_null(i);
    } else if constexpr (std::is_same_v<U, bool>) {
        st.bind(i, static_cast<std::int64_t>(v ? 1 : 0));
    } else if constexpr (std::is_integral_v<U> && std::is_signed_v<U>) {
        st.bind(i, static_cast<std::int64_t>(v));
    } else if constexpr (std::is_integral_v<U>) {
        st.bind(i, static_cast<std::uint64_t>(v));
    } else if constexpr (std::is_floating_point_v<U>) {
        if (v != v) [[unlikely]]
            detail::throw_nan_parameter(i, st.sql());
        st.bind(i, static_cast<double>(v));
    } else if constexpr (std::is_same_v<U, std::string> || std::is_same_v<U, std::string_view>) {
        st.bind(i, std::string_view{v});
    } else if constexpr (is_blob_v<U>) {
        st.bind_blob(i, v.data(), v.size());
    } else if constexpr (custom_type<U>) {
        using S = storage_of<U>;
        static_assert(std::is_same_v<S, std::string> || std::is_same_v<S, std::int64_t> ||
                          std::is_same_v<S, std::uint64_t> || std::is_same_v<S, double>,
                      "sqlforge: type_traits<T>::storage must be std::int64_t, std::uint64_t, double or std::string");
        S stored = detail::convert_for_binding<U>(v, st.sql());
        if constexpr (std::is_same_v<S, std::string>) st.bind_copy(i, stored);  // `stored` dies here
        else bind_value(st, i, stored);
    } else {
        static_assert(sizeof(U) == 0, "sqlforge: this C++ type cannot be bound as a SQL parameter");
    }
}

namespace detail {

[[noreturn]] inline void throw_read_error(std::string_view what, std::string_view column, std::string_view sql) {
    std::string msg = "sqlforge: ";
    msg += what;
    msg += " (column '";
    msg += column;
    msg += "')";
    throw data_error(0, std::move(msg), std::string(sql));
}

// One text column into a std::string. flatten: g++ keeps std::string::assign's _M_replace out
// of line otherwise (~70 instructions per text column per row, a tenth of a MariaDB row's
// client-side cost). Flattening only this, not the whole row reader, keeps the compile time:
// a flattened read_model<T> per model type cost 4x the -O3 compile time of a test file.
[[gnu::flatten]] inline void assign_text(std::string& out, std::string_view t) { out.assign(t.data(), t.size()); }

template <class V>
[[noreturn]] void throw_out_of_range(auto value, std::string_view column, std::string_view sql) {
    std::string what = "value " + std::to_string(value) + " is out of range for a field of " +
                       std::to_string(sizeof(V) * 8) + (std::is_signed_v<V> ? "-bit signed" : "-bit unsigned") +
                       " integer type";
    throw_read_error(what, column, sql);
}

// Reads column i into `out`, which is not a std::optional. Returns false when the value read
// is what a NULL reads as (0, 0.0, text or bytes without data: every backend's getters give
// that for NULL): only then does the caller need to ask is_null(). So a row of non-NULL
// values costs one backend call per column, as hand-written C API code does.
template <class Stmt, class V>
[[gnu::always_inline]] inline bool read_present(const Stmt& st, int i, V& out, std::string_view column) {
    if constexpr (std::is_same_v<V, bool>) {
        const std::int64_t v = st.get_int64(i);
        out = v != 0;
        return v != 0;
    } else if constexpr (std::is_integral_v<V> && std::is_signed_v<V>) {
        const std::int64_t v = st.get_int64(i);
        if constexpr (sizeof(V) < sizeof(std::int64_t)) {
            if (v < std::numeric_limits<V>::min() || v > std::numeric_limits<V>::max()) [[unlikely]]
                throw_out_of_range<V>(v, column, st.sql());
        }
        out = static_cast<V>(v);
        return v != 0;
    } else if constexpr (std::is_integral_v<V>) {
        const std::uint64_t v = st.get_uint64(i);
        if constexpr (sizeof(V) < sizeof(std::uint64_t)) {
            if (v > std::numeric_limits<V>::max()) [[unlikely]]
                throw_out_of_range<V>(v, column, st.sql());
        }
        out = static_cast<V>(v);
        return v != 0;
    } else if constexpr (std::is_floating_point_v<V>) {
        const double v = st.get_double(i);
        out = static_cast<V>(v);
        return v != 0.0;
    } else if constexpr (std::is_same_v<V, std::string>) {
        const std::string_view t = st.get_text(i);
        if (!t.data()) {
            out.clear();
            return false;
        }
        assign_text(out, t);
        return true;
    } else if constexpr (is_blob_v<V>) {
        const auto b = st.get_blob(i);
        out.resize(b.size());
        if (!b.empty()) std::memcpy(out.data(), b.data(), b.size());
        return b.data() != nullptr;
    } else if constexpr (custom_type<V>) {
        // A NULL is not converted: from_storage may refuse the zero value it reads as.
        storage_of<V> stored{};
        if (!read_present(st, i, stored, column) && st.is_null(i)) return false;
        try {
            out = type_traits<V>::from_storage(stored);
        } catch (const std::exception& e) {
            throw_read_error(std::string("cannot read the stored value: ") + e.what(), column, st.sql());
        }
        return true;
    } else {
        static_assert(sizeof(V) == 0, "sqlforge: this C++ type cannot be read from a SQL column");
    }
}

}  // namespace detail

// Reads column i of the current row into `out`. `column` names it in errors ("job.status").
// NULL into a field that is not std::optional is a data_error; into an optional it resets it.
template <class Stmt, class V>
[[gnu::always_inline]] inline void read_value(const Stmt& st, int i, V& out, std::string_view column) {
    if constexpr (is_optional_v<V>) {
        if (!out) out.emplace();
        if (!detail::read_present(st, i, *out, column) && st.is_null(i)) out.reset();
    } else {
        if (!detail::read_present(st, i, out, column) && st.is_null(i)) [[unlikely]]
            detail::throw_read_error("NULL read into a field that is not std::optional", column, st.sql());
    }
}

}  // namespace sqlforge
