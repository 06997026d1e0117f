#pragma once
// "InvoiceLine" -> "invoice_line", "HTTPServer" -> "http_server": the default table name
// of a model, as SQLAlchemy users and Rails users expect it. Computed at compile time into
// a fixed buffer (no constexpr std::string on clang 14).
#include <cstddef>
#include <string_view>

namespace sqlforge::detail {

constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
constexpr char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

// Writes the snake_case form of `in` through `out` (a callable taking a char); returns the length.
template <class Out>
constexpr std::size_t snake_case(std::string_view in, Out out) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (is_upper(c) && i > 0) {
            bool prev_lower = is_lower_or_digit(in[i - 1]);
            bool next_lower = i + 1 < in.size() && is_lower_or_digit(in[i + 1]) && is_upper(in[i - 1]);
            if ((prev_lower || next_lower) && in[i - 1] != '_') { out('_'); ++n; }
        }
        out(to_lower(c));
        ++n;
    }
    return n;
}

template <std::size_t N>
struct name_buffer {
    char data[N + 1]{};
    constexpr std::string_view view() const { return {data, N}; }
};

}  // namespace sqlforge::detail
