#pragma once
// Rows printed as an aligned text table, the way pandas prints a DataFrame:
//
//   std::cout << sf::table_view(s.query<Job>().all());
//      id  name     status  note
//   0   1  1号工作       0  None
//   1   2  John          3  late
//
// Works for a range of models (column names from the model's table), of std::tuple /
// std::pair (columns named 0, 1, ... or as given: sf::table_view(rows, {"name", "n"})), of
// single values, and of sf::row (names from the result; a raw_result itself can be printed,
// and then a result without rows still shows its header).
//
// Rules: a header line, then one line per row led by its index (0, 1, ...; .index(false)
// leaves it out); columns are separated by two spaces; a column whose values are all numbers
// is right-aligned, any other left-aligned; NULL prints as None, booleans as True / False,
// a double always with a '.' or an exponent (2.0, 0.1, 1e+20), a blob as x'00ff'; \n, \r,
// \t and other control characters in text print as escapes so that a line stays a line.
// Widths count code points (UTF-8 lead bytes), not bytes. No line has trailing spaces added.
// The cells are formatted when the view is built; the rows are not kept.
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/orm/text.hpp>
#include <sqlforge/schema/table.hpp>
#include <sqlforge/schema/value_traits.hpp>

#include <boost/pfr/core.hpp>
#include <charconv>
#include <cstddef>
#include <optional>
#include <ostream>
#include <ranges>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace sqlforge {

namespace detail {

enum class cell_kind : unsigned char { number, text, null };

struct table_cell {
    std::string text;
    cell_kind kind = cell_kind::text;
};

// Width on a terminal, counted as code points: every byte that is not a UTF-8 continuation.
inline std::size_t display_width(std::string_view s) noexcept {
    std::size_t n = 0;
    for (char ch : s)
        if ((static_cast<unsigned char>(ch) & 0xC0) != 0x80) ++n;
    return n;
}

inline void append_escaped(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    for (char ch : s) {
        auto c = static_cast<unsigned char>(ch);
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c < 0x20 || c == 0x7F) {
            out += "\\x";
            out += hex[c >> 4];
            out += hex[c & 0xF];
        } else {
            out += ch;
        }
    }
}

inline void append_blob(std::string& out, const void* p, std::size_t n) {
    static constexpr char hex[] = "0123456789abcdef";
    auto b = static_cast<const unsigned char*>(p);
    out += "x'";
    for (std::size_t i = 0; i < n; ++i) {
        out += hex[b[i] >> 4];
        out += hex[b[i] & 0xF];
    }
    out += '\'';
}

// Python's repr of a float: the shortest form that reads back, with a '.0' on whole numbers.
inline std::string format_double(double d) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, d);
    std::string s(buf, r.ptr);
    if (s.find_first_of(".en") == std::string::npos) s += ".0";  // not 1.5, 1e+20, nan, inf
    return s;
}

template <class V>
inline constexpr bool cell_value_v = std::is_same_v<V, bool> || (std::is_integral_v<V> && !is_char_type_v<V>) ||
                                     std::is_floating_point_v<V> || std::is_same_v<V, std::string> ||
                                     std::is_same_v<V, std::string_view> || std::is_same_v<V, const char*> ||
                                     std::is_same_v<V, char*> || is_blob_v<V> || std::is_same_v<V, param_value> ||
                                     std::is_same_v<V, std::nullopt_t>;
template <class V>
inline constexpr bool cell_value_v<std::optional<V>> = cell_value_v<V>;

// Is a column of this C++ type a number column (even when all its values are NULL)?
template <class V>
inline constexpr bool numeric_type_v = std::is_arithmetic_v<unwrap_optional_t<V>> && !is_char_type_v<unwrap_optional_t<V>>;

template <class V>
table_cell format_cell(const V& v) {
    if constexpr (is_optional_v<V>) {
        if (!v) return {"None", cell_kind::null};
        return format_cell(*v);
    } else if constexpr (std::is_same_v<V, std::nullopt_t>) {
        return {"None", cell_kind::null};
    } else if constexpr (std::is_same_v<V, bool>) {
        return {v ? "True" : "False", cell_kind::number};
    } else if constexpr (std::is_integral_v<V>) {
        return {std::to_string(v), cell_kind::number};
    } else if constexpr (std::is_floating_point_v<V>) {
        return {format_double(static_cast<double>(v)), cell_kind::number};
    } else if constexpr (std::is_same_v<V, const char*> || std::is_same_v<V, char*>) {
        if (!v) return {"None", cell_kind::null};
        return format_cell(std::string_view{v});
    } else if constexpr (std::is_same_v<V, std::string> || std::is_same_v<V, std::string_view>) {
        table_cell c;
        append_escaped(c.text, v);
        return c;
    } else if constexpr (is_blob_v<V>) {
        table_cell c;
        append_blob(c.text, v.data(), v.size());
        return c;
    } else if constexpr (std::is_same_v<V, param_value>) {
        return std::visit(
            [](const auto& x) -> table_cell {
                using X = std::remove_cvref_t<decltype(x)>;
                if constexpr (std::is_same_v<X, std::monostate>) return {"None", cell_kind::null};
                else return format_cell(x);
            },
            v.as_variant());
    } else {
        static_assert(sizeof(V) == 0, "sqlforge: table_view cannot print a value of this C++ type");
    }
}

template <class T>
struct is_tuple_like : std::false_type {};
template <class... T>
struct is_tuple_like<std::tuple<T...>> : std::true_type {};
template <class A, class B>
struct is_tuple_like<std::pair<A, B>> : std::true_type {};

}  // namespace detail

class table_view {
public:
    // rows: a range of models, tuples, single values or sf::row; names: the column names, to
    // replace the default ones (argument_error unless there is one per column).
    template <std::ranges::input_range R>
    explicit table_view(R&& rows, std::vector<std::string> names = {}) {
        using V = std::remove_cvref_t<std::ranges::range_reference_t<R>>;
        if constexpr (std::is_same_v<V, row>) {
            if constexpr (std::is_same_v<std::remove_cvref_t<R>, raw_result>) names_ = rows.keys();
            for (const row& r : rows) {
                if (names_.empty() && cells_.empty()) names_ = r.keys();
                const detail::raw_columns* cols = detail::raw_access::columns(r);
                std::vector<detail::table_cell>& line = cells_.emplace_back();
                line.reserve(r.size());
                for (std::size_t i = 0; i < r.size(); ++i) {
                    detail::table_cell& c = line.emplace_back(detail::format_cell(r[static_cast<int>(i)]));
                    if (c.kind == detail::cell_kind::text && cols && i < cols->decimal.size() && cols->decimal[i])
                        c.kind = detail::cell_kind::number;  // MySQL DECIMAL: exact text, still a number
                }
            }
            numeric_hint_.assign(names_.size(), false);
        } else if constexpr (detail::is_tuple_like<V>::value) {
            constexpr std::size_t n = std::tuple_size_v<V>;
            for (std::size_t i = 0; i < n; ++i) names_.push_back(std::to_string(i));
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                numeric_hint_ = {detail::numeric_type_v<std::tuple_element_t<I, V>>...};
                for (const auto& r : rows) cells_.push_back({detail::format_cell(std::get<I>(r))...});
            }(std::make_index_sequence<n>{});
        } else if constexpr (detail::cell_value_v<V>) {
            names_.push_back("0");
            numeric_hint_.push_back(detail::numeric_type_v<V>);
            for (const auto& r : rows) cells_.push_back({detail::format_cell(r)});
        } else {
            static_assert(check_model<V>(), "sqlforge: table_view prints models, tuples, values and sf::row");
            for (std::string_view c : table<V>::column_names) names_.emplace_back(c);
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                numeric_hint_ = {detail::numeric_type_v<std::remove_cvref_t<decltype(boost::pfr::get<I>(std::declval<const V&>()))>>...};
                for (const auto& r : rows) cells_.push_back({detail::format_cell(boost::pfr::get<I>(r))...});
            }(std::make_index_sequence<table<V>::column_count>{});
        }
        if (!names.empty()) {
            std::size_t columns = names_.size();
            for (const auto& line : cells_) columns = std::max(columns, line.size());
            if (names.size() != columns)
                throw argument_error("sqlforge: table_view was given " + std::to_string(names.size()) +
                                     " column name(s) for " + std::to_string(columns) + " column(s)");
            names_ = std::move(names);
        }
    }

    // Show the row index (0, 1, ...) in front of each row, as pandas does; on by default.
    table_view& index(bool show) & noexcept {
        index_ = show;
        return *this;
    }
    table_view&& index(bool show) && noexcept {
        index_ = show;
        return std::move(*this);
    }

    std::size_t rows() const noexcept { return cells_.size(); }
    std::size_t columns() const noexcept { return names_.size(); }

    // The table as text, each line ending in '\n'.
    std::string str() const {
        std::size_t ncol = names_.size();
        for (const auto& line : cells_) ncol = std::max(ncol, line.size());
        if (ncol == 0) return {};

        static const detail::table_cell empty{};
        auto cell = [&](std::size_t r, std::size_t c) -> const detail::table_cell& {
            return c < cells_[r].size() ? cells_[r][c] : empty;
        };
        auto name = [&](std::size_t c) -> std::string {
            std::string s;
            if (c < names_.size()) detail::append_escaped(s, names_[c]);
            return s;
        };

        std::vector<std::size_t> width(ncol);
        std::vector<bool> right(ncol);
        for (std::size_t c = 0; c < ncol; ++c) {
            width[c] = detail::display_width(name(c));
            bool numbers = true, any = false;
            for (std::size_t r = 0; r < cells_.size(); ++r) {
                const detail::table_cell& x = cell(r, c);
                width[c] = std::max(width[c], detail::display_width(x.text));
                if (x.kind == detail::cell_kind::null) continue;
                any = true;
                numbers = numbers && x.kind == detail::cell_kind::number;
            }
            right[c] = numbers && (any || (c < numeric_hint_.size() && numeric_hint_[c]));
        }
        const bool show_index = index_ && !cells_.empty();
        const std::size_t index_width = show_index ? std::to_string(cells_.size() - 1).size() : 0;

        std::string out;
        auto put = [&](std::string_view text, std::size_t w, bool align_right, bool last) {
            std::size_t pad = w - std::min(w, detail::display_width(text));
            if (align_right) out.append(pad, ' ');
            out += text;
            if (!align_right && !last) out.append(pad, ' ');
        };
        auto line = [&](const std::string* label, auto&& text_of) {
            std::size_t start = out.size();
            if (show_index) put(label ? *label : std::string_view{}, index_width, false, false);
            for (std::size_t c = 0; c < ncol; ++c) {
                if (c > 0 || show_index) out += "  ";
                put(text_of(c), width[c], right[c], c + 1 == ncol);
            }
            // An empty last cell (a blank header over the index, an empty text) would leave
            // the padding before it at the end of the line.
            if (std::string_view{text_of(ncol - 1)}.empty()) {
                std::size_t end = out.find_last_not_of(' ');
                out.resize(end == std::string::npos || end < start ? start : end + 1);
            }
            out += '\n';
        };
        line(nullptr, [&](std::size_t c) { return name(c); });
        for (std::size_t r = 0; r < cells_.size(); ++r) {
            std::string label = std::to_string(r);
            line(&label, [&](std::size_t c) -> std::string_view { return cell(r, c).text; });
        }
        return out;
    }

    friend std::ostream& operator<<(std::ostream& os, const table_view& t) { return os << t.str(); }

private:
    std::vector<std::string> names_;
    std::vector<bool> numeric_hint_;  // per column: its C++ type is a number (for all-NULL columns)
    std::vector<std::vector<detail::table_cell>> cells_;
    bool index_ = true;
};

}  // namespace sqlforge
