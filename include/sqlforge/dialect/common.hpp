#pragma once
// What every dialect shares: identifiers are always quoted (the quote character doubled
// inside), parameters are placeholders counted by the writer, literals appear only in DDL.
#include <cstddef>
#include <string_view>

namespace sqlforge::detail {

template <class W>
constexpr void write_quoted(W& w, std::string_view name, char q) {
    w.put(q);
    for (char c : name) {
        if (c == q) w.put(q);
        w.put(c);
    }
    w.put(q);
}

// A string literal for DDL defaults: 'it''s'
template <class W>
constexpr void write_string_literal(W& w, std::string_view s) {
    write_quoted(w, s, '\'');
}

template <class W>
constexpr void write_integer(W& w, long long v) {
    if (v < 0) {
        w.put('-');
        w.put_number(static_cast<std::size_t>(-(v + 1)) + 1);
    } else {
        w.put_number(static_cast<std::size_t>(v));
    }
}

}  // namespace sqlforge::detail
