#pragma once
// Helpers shared by the DSL tests (tests/unit/dsl_*_test.cpp): a statement's bound
// parameters as text, in the order each_param visits them, and a check that this order
// matches the placeholders of the SQL text in both dialects.
//
//   binds(q) == "text:John, int:1, null"
//
// Each value is written as kind:value, so that a wrong C++ type shows as well as a wrong
// value: int (any integer but bool), real, bool, text (std::string or std::string_view),
// blob (its size), null (std::nullopt or an empty std::optional).
#include <sqlforge/dsl.hpp>

#include <cstddef>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

namespace dsl_test {

template <class T>
inline constexpr bool always_false = false;

template <class V>
std::string param_text(const V& v) {
    using T = std::remove_cvref_t<V>;
    if constexpr (std::is_same_v<T, std::nullopt_t>) {
        return "null";
    } else if constexpr (sqlforge::is_optional_v<T>) {
        return v ? param_text(*v) : std::string("null");
    } else if constexpr (std::is_same_v<T, bool>) {
        return v ? "bool:true" : "bool:false";
    } else if constexpr (std::is_integral_v<T>) {
        return "int:" + std::to_string(v);
    } else if constexpr (std::is_floating_point_v<T>) {
        std::ostringstream out;
        out << "real:" << v;
        return out.str();
    } else if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view>) {
        return "text:" + std::string(v);
    } else if constexpr (sqlforge::is_blob_v<T>) {
        return "blob:" + std::to_string(v.size());
    } else {
        static_assert(always_false<T>, "dsl_test: a parameter of a type the tests do not know");
        return {};
    }
}

// The statement's parameters in bind order, joined with ", ".
template <class Stmt>
std::string binds(const Stmt& stmt) {
    std::string out;
    stmt.each_param([&](const auto& v) {
        if (!out.empty()) out += ", ";
        out += param_text(v);
    });
    return out;
}

template <class Stmt>
std::size_t bind_count(const Stmt& stmt) {
    std::size_t n = 0;
    stmt.each_param([&](const auto&) { ++n; });
    return n;
}

constexpr std::size_t placeholders(std::string_view sql) {
    std::size_t n = 0;
    for (char c : sql) n += c == '?';
    return n;
}

// Do both dialects' texts hold one '?' per bound value, and does the writer's own count
// (rendered<>::param_count, what a backend checks) agree?
template <class Stmt>
bool placeholders_match(const Stmt& stmt) {
    using L = sqlforge::sqlite_dialect;
    using M = sqlforge::mysql_dialect;
    const std::size_t n = bind_count(stmt);
    return placeholders(Stmt::template sql<L>()) == n && placeholders(Stmt::template sql<M>()) == n &&
           sqlforge::rendered<L, Stmt>::param_count == n && sqlforge::rendered<M, Stmt>::param_count == n;
}

}  // namespace dsl_test
