#pragma once
// SQLite: "double quotes", ? placeholders, RETURNING (3.35+), ON CONFLICT upserts.
#include <sqlforge/dialect/common.hpp>

#include <string_view>

namespace sqlforge {

struct sqlite_dialect {
    static constexpr std::string_view name = "sqlite";
    static constexpr bool supports_returning = true;

    template <class W>
    static constexpr void quote(W& w, std::string_view ident) {
        detail::write_quoted(w, ident, '"');
    }
    template <class W>
    static constexpr void placeholder(W& w) {
        w.put('?');
        ++w.params;
    }
    // SQLite accepts OFFSET only after a LIMIT; -1 means no limit.
    static constexpr std::string_view no_limit = "-1";
    // An INSERT that gives no column.
    static constexpr std::string_view default_values = " DEFAULT VALUES";
    // Scalar functions spelled differently per dialect (expr/functions.hpp, expr/cast.hpp).
    static constexpr std::string_view length_function = "LENGTH";  // characters of a text
    static constexpr std::string_view substr_function = "SUBSTR";
    static constexpr bool concat_operator = true;  // a || b
    static constexpr std::string_view cast_integer = "INTEGER";
    static constexpr std::string_view cast_unsigned = "INTEGER";
    static constexpr std::string_view cast_real = "REAL";
    static constexpr std::string_view cast_text = "TEXT";
};

}  // namespace sqlforge
