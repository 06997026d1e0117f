#pragma once
// MySQL / MariaDB: `backticks`, ? placeholders, no RETURNING, ON DUPLICATE KEY UPDATE.
#include <sqlforge/dialect/common.hpp>

#include <string_view>

namespace sqlforge {

struct mysql_dialect {
    static constexpr std::string_view name = "mysql";
    static constexpr bool supports_returning = false;
    static constexpr std::string_view autoincrement_keyword = " AUTO_INCREMENT";
    static constexpr std::string_view table_options = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    // "/" on two integers gives a DECIMAL in MySQL; DIV is integer division, as in SQLite.
    static constexpr std::string_view integer_division = " DIV ";

    template <class W>
    static constexpr void quote(W& w, std::string_view ident) {
        detail::write_quoted(w, ident, '`');
    }
    template <class W>
    static constexpr void placeholder(W& w) {
        w.put('?');
        ++w.params;
    }
    // MySQL has no "no limit" value: its manual's idiom is the largest unsigned BIGINT.
    static constexpr std::string_view no_limit = "18446744073709551615";
    // An INSERT that gives no column: MySQL and MariaDB reject DEFAULT VALUES.
    static constexpr std::string_view default_values = " () VALUES ()";
    // Scalar functions spelled differently per dialect (expr/functions.hpp, expr/cast.hpp).
    static constexpr std::string_view length_function = "CHAR_LENGTH";  // LENGTH counts bytes
    static constexpr std::string_view substr_function = "SUBSTRING";
    static constexpr bool concat_operator = false;  // CONCAT(a, b): || is OR here
    static constexpr std::string_view cast_integer = "SIGNED";
    static constexpr std::string_view cast_unsigned = "UNSIGNED";
    static constexpr std::string_view cast_real = "DOUBLE";
    static constexpr std::string_view cast_text = "CHAR";
};

}  // namespace sqlforge
