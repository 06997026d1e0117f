#pragma once
// Raw SQL: sf::text(), SQLAlchemy's text(), with named parameters, and the rows it returns.
//
//   auto t = sf::text("SELECT id, name FROM job WHERE id > :min AND name = :name");
//   for (const sf::row& r : conn.execute(t, {{"min", 1}, {"name", "John"}}))
//       std::cout << r.get<std::int64_t>("id") << ' ' << r.get<std::string>(1) << '\n';
//
// The text is parsed once, when the text object is built: every `:name` becomes a `?` and
// its name is kept, so running the same text object again parses nothing. A `:` starts a
// parameter when an identifier character (letter, digit, `_`, any non-ASCII byte) follows it
// and none precedes it (SQLAlchemy's rule: `12:30` and `a:b` are left alone). Nothing inside
// '...', "..." or `...` quotes, nor inside -- and /* */ comments, is touched; `::` (a
// PostgreSQL cast) is not a parameter; `\:` is a literal colon. A bare `?` is refused:
// parameters are named. Values are bound, never spliced into the text.
//
// Inside quotes MySQL reads a backslash as an escape ('it\'s') and SQLite does not ('C:\'):
// a text with a backslash inside quotes is parsed both ways and each backend gets its form.
//
// A raw_result streams its rows like result<Row>: each row is read from the driver when the
// iteration reaches it, into a sf::row that holds *copies* of the row's values (so a row, or
// a value taken from it, stays valid after the result moves on; all() gives independent
// rows). A statement that returns no rows (INSERT, UPDATE, DELETE, DDL) runs to completion
// in execute(): returns_rows() is false (column_count() == 0) and rows_affected() says how
// many rows it changed.
#include <sqlforge/orm/backends.hpp>
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/orm/result.hpp>
#include <sqlforge/orm/transaction_scope.hpp>
#include <sqlforge/orm/value_io.hpp>
#include <sqlforge/schema/value_traits.hpp>

#include <charconv>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace sqlforge {

// ---- values -------------------------------------------------------------------------------

using blob = std::vector<std::byte>;

namespace detail {
template <class T>
inline constexpr bool is_char_type_v =
    std::is_same_v<T, char> || std::is_same_v<T, wchar_t> || std::is_same_v<T, char8_t> ||
    std::is_same_v<T, char16_t> || std::is_same_v<T, char32_t>;

// The C++ types a param_value is built from: those the schema layer binds, and their
// std::optional. (`char` is not a number here, as in the DSL.)
template <class T>
inline constexpr bool raw_scalar_v =
    std::is_same_v<T, bool> || (std::is_integral_v<T> && !is_char_type_v<T>) || std::is_floating_point_v<T> ||
    std::is_same_v<T, std::string> || std::is_same_v<T, std::string_view> || std::is_same_v<T, const char*> ||
    std::is_same_v<T, char*> || is_blob_v<T>;

template <class T>
inline constexpr bool raw_bindable_v = raw_scalar_v<T> || std::is_same_v<T, std::nullopt_t>;
template <class T>
inline constexpr bool raw_bindable_v<std::optional<T>> = raw_scalar_v<T>;
}  // namespace detail

// One value of raw SQL, bound or read: NULL (std::monostate), a signed or unsigned 64-bit
// integer, a double, text or a blob. It *is* a std::variant, so std::visit, std::get,
// std::get_if and std::holds_alternative work on it. Built from any C++ type the schema layer
// binds: integers (bool as 0/1), floating point, std::string / std::string_view / const char*
// (copied), std::vector<std::byte> / std::vector<unsigned char>, std::optional of those, and
// std::nullopt for NULL.
class param_value : public std::variant<std::monostate, std::int64_t, std::uint64_t, double, std::string, blob> {
public:
    using variant_type = std::variant<std::monostate, std::int64_t, std::uint64_t, double, std::string, blob>;

    param_value() noexcept = default;  // NULL
    param_value(std::nullopt_t) noexcept {}
    param_value(std::nullptr_t) = delete;  // NULL is std::nullopt, as in the DSL

    template <class T>
        requires detail::raw_bindable_v<std::remove_cvref_t<std::decay_t<T>>> &&
                 (!std::is_same_v<std::remove_cvref_t<T>, param_value>)
    param_value(T&& v) : variant_type(make(std::forward<T>(v))) {}  // implicit on purpose: {"name", 42}

    bool is_null() const noexcept { return std::holds_alternative<std::monostate>(*this); }
    const variant_type& as_variant() const noexcept { return *this; }
    variant_type& as_variant() noexcept { return *this; }

private:
    // The variant built with its alternative chosen at once (constructing empty and then
    // emplacing makes g++ 12 -O3 warn about the empty variant's storage). g++ 12 with
    // -fsanitize=address also takes an empty std::optional<int>{} argument for a read of
    // its value (a false -Wmaybe-uninitialized): silenced for this function only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
    template <class T>
    static variant_type make(T&& v) {
        using U = std::remove_cvref_t<std::decay_t<T>>;
        if constexpr (std::is_array_v<std::remove_cvref_t<T>>) {  // a string literal
            return variant_type(std::in_place_type<std::string>, std::string_view{v});
        } else if constexpr (is_optional_v<U>) {
            if (v) return make(*std::forward<T>(v));
            return variant_type{};
        } else if constexpr (std::is_same_v<U, std::nullopt_t>) {
            return variant_type{};
        } else if constexpr (std::is_same_v<U, bool>) {
            return variant_type(std::in_place_type<std::int64_t>, v ? 1 : 0);
        } else if constexpr (std::is_integral_v<U> && std::is_signed_v<U>) {
            return variant_type(std::in_place_type<std::int64_t>, static_cast<std::int64_t>(v));
        } else if constexpr (std::is_integral_v<U>) {
            return variant_type(std::in_place_type<std::uint64_t>, static_cast<std::uint64_t>(v));
        } else if constexpr (std::is_floating_point_v<U>) {
            return variant_type(std::in_place_type<double>, static_cast<double>(v));
        } else if constexpr (std::is_same_v<U, std::string>) {
            return variant_type(std::in_place_type<std::string>, std::forward<T>(v));
        } else if constexpr (std::is_same_v<U, std::string_view>) {
            return variant_type(std::in_place_type<std::string>, v);
        } else if constexpr (std::is_same_v<U, const char*> || std::is_same_v<U, char*>) {
            if (v) return variant_type(std::in_place_type<std::string>, v);
            return variant_type{};  // a null pointer is NULL
        } else if constexpr (std::is_same_v<U, blob>) {
            return variant_type(std::in_place_type<blob>, std::forward<T>(v));
        } else {  // std::vector<unsigned char>
            const auto* p = reinterpret_cast<const std::byte*>(v.data());
            return variant_type(std::in_place_type<blob>, p, p + v.size());
        }
    }
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
};

// One named value: {"min", 1}.
struct param {
    std::string name;
    param_value value;
};

// The values of a text's parameters: {{"min", 1}, {"name", "John"}}.
using params = std::vector<param>;

// ---- the text -----------------------------------------------------------------------------

namespace detail {

inline bool is_word_byte(char ch) noexcept {
    auto c = static_cast<unsigned char>(ch);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c >= 0x80;
}

// The text as one backend receives it.
struct parsed_text {
    std::string sql;                  // `?` where the parameters were
    std::vector<std::string> names;   // each parameter once, in order of first appearance
    std::vector<std::uint32_t> slots; // for each `?`, its index in names
    std::string error;                // why this form cannot run (an unterminated quote), or ""
    bool backslash_in_quotes = false; // whether the other dialect may read it differently

    bool operator==(const parsed_text& o) const {
        return sql == o.sql && names == o.names && slots == o.slots && error == o.error;
    }
};

inline parsed_text parse_text(std::string_view in, bool backslash_escapes) {
    parsed_text r;
    r.sql.reserve(in.size());
    const std::size_t n = in.size();
    std::size_t i = 0;
    auto fail = [&](std::string what, std::size_t at) {
        r.error = std::move(what) + " starting at offset " + std::to_string(at);
    };
    while (i < n) {
        const char c = in[i];
        if (c == '\'' || c == '"' || c == '`') {
            const std::size_t start = i;
            r.sql += c;
            ++i;
            bool closed = false;
            while (i < n) {
                const char d = in[i];
                if (d == '\\' && c != '`') {
                    r.backslash_in_quotes = true;
                    if (backslash_escapes && i + 1 < n) {
                        r.sql += d;
                        r.sql += in[i + 1];
                        i += 2;
                        continue;
                    }
                }
                r.sql += d;
                ++i;
                if (d == c) {
                    if (i < n && in[i] == c) {  // '' inside '...' is a quote
                        r.sql += c;
                        ++i;
                        continue;
                    }
                    closed = true;
                    break;
                }
            }
            if (!closed) {
                fail(c == '\'' ? "unterminated string '...'" : c == '"' ? "unterminated quoted name \"...\""
                                                                        : "unterminated quoted name `...`",
                     start);
                return r;
            }
        } else if (c == '-' && i + 1 < n && in[i + 1] == '-') {
            std::size_t e = in.find('\n', i);
            e = e == std::string_view::npos ? n : e + 1;
            r.sql.append(in.substr(i, e - i));
            i = e;
        } else if (c == '/' && i + 1 < n && in[i + 1] == '*') {
            const std::size_t e = in.find("*/", i + 2);
            if (e == std::string_view::npos) {
                fail("unterminated comment /* ... */", i);
                return r;
            }
            r.sql.append(in.substr(i, e + 2 - i));
            i = e + 2;
        } else if (c == '\\' && i + 1 < n && in[i + 1] == ':') {
            r.sql += ':';
            i += 2;
        } else if (c == ':') {
            if (i + 1 < n && in[i + 1] == ':') {
                r.sql += "::";
                i += 2;
            } else if (i + 1 < n && is_word_byte(in[i + 1]) && !(i > 0 && (is_word_byte(in[i - 1]) || in[i - 1] == ':'))) {
                std::size_t e = i + 1;
                while (e < n && is_word_byte(in[e])) ++e;
                std::string_view name = in.substr(i + 1, e - i - 1);
                std::uint32_t k = 0;
                while (k < r.names.size() && r.names[k] != name) ++k;
                if (k == r.names.size()) r.names.emplace_back(name);
                r.slots.push_back(k);
                r.sql += '?';
                i = e;
            } else {
                r.sql += c;
                ++i;
            }
        } else if (c == '?') {
            fail("a positional parameter '?' (sf::text() takes named parameters: write :name)", i);
            return r;
        } else {
            r.sql += c;
            ++i;
        }
    }
    return r;
}

inline std::string quote_for_message(std::string_view sql) {
    constexpr std::size_t max = 200;
    std::string s = "text(\"";
    if (sql.size() > max) {
        s.append(sql.substr(0, max));
        s += "...";
    } else {
        s.append(sql);
    }
    s += "\")";
    return s;
}

struct raw_access;

}  // namespace detail

// A raw SQL statement with named parameters, parsed once (see the top of this file).
// Cheap to keep and run many times; copyable. Throws argument_error for an unterminated
// quote or comment and for a `?`.
class text {
public:
    explicit text(std::string_view sql) : original_(sql) {
        forms_[0] = detail::parse_text(sql, false);  // SQLite: a backslash is a character
        if (forms_[0].backslash_in_quotes) {
            forms_[1] = detail::parse_text(sql, true);  // MySQL: a backslash escapes
            split_ = !(forms_[0] == forms_[1]);
        }
        if (!split_ && !forms_[0].error.empty())
            throw argument_error("sqlforge: " + forms_[0].error + " in " + detail::quote_for_message(original_));
        if (split_ && !forms_[0].error.empty() && !forms_[1].error.empty())
            throw argument_error("sqlforge: " + forms_[0].error + " in " + detail::quote_for_message(original_));
    }

    // The text as written.
    const std::string& original() const noexcept { return original_; }
    // The text sent to a backend: every parameter a `?`.
    const std::string& sql(backend_kind k = backend_kind::sqlite) const noexcept { return form(k).sql; }
    // The parameter names, each once, in order of first appearance.
    const std::vector<std::string>& names(backend_kind k = backend_kind::sqlite) const noexcept {
        return form(k).names;
    }
    // How many `?` the backend sees (a name used twice counts twice).
    std::size_t placeholder_count(backend_kind k = backend_kind::sqlite) const noexcept { return form(k).slots.size(); }

    // The form of the text one backend gets (the same for both unless a quoted string holds
    // a backslash).
    const detail::parsed_text& form(backend_kind k) const noexcept {
        return split_ && k == backend_kind::mysql ? forms_[1] : forms_[0];
    }

    // Throws argument_error, before anything is sent, if a parameter of the text has no
    // value in p, if p names a parameter the text does not have, or names one twice.
    void check(const params& p, backend_kind k = backend_kind::sqlite) const {
        const detail::parsed_text& f = form(k);
        if (!f.error.empty())
            throw argument_error("sqlforge: " + f.error + " in " + detail::quote_for_message(original_) +
                                 (k == backend_kind::mysql ? " (MySQL reads a backslash inside quotes as an escape)"
                                                           : " (SQLite reads a backslash inside quotes as itself)"));
        for (const std::string& name : f.names) {
            if (!find(p, name))
                throw argument_error("sqlforge: no value given for parameter :" + name + " of " +
                                     detail::quote_for_message(original_) + given_list(p));
        }
        for (std::size_t i = 0; i < p.size(); ++i) {
            bool known = false;
            for (const std::string& name : f.names) known = known || name == p[i].name;
            if (!known)
                throw argument_error("sqlforge: a value was given for parameter '" + p[i].name + "', which " +
                                     detail::quote_for_message(original_) + " does not have" + names_list(f));
            for (std::size_t j = 0; j < i; ++j) {
                if (p[j].name == p[i].name)
                    throw argument_error("sqlforge: parameter '" + p[i].name + "' is given twice for " +
                                         detail::quote_for_message(original_));
            }
        }
    }

private:
    static const param_value* find(const params& p, std::string_view name) noexcept {
        for (const param& x : p)
            if (x.name == name) return &x.value;
        return nullptr;
    }
    friend struct detail::raw_access;

    static std::string names_list(const detail::parsed_text& f) {
        if (f.names.empty()) return " (it has no parameters)";
        std::string s = " (its parameters:";
        for (const std::string& n : f.names) s += " :" + n;
        return s + ")";
    }
    static std::string given_list(const params& p) {
        if (p.empty()) return " (no values were given)";
        std::string s = " (values were given for:";
        for (const param& x : p) s += " " + x.name;
        return s + ")";
    }

    std::string original_;
    detail::parsed_text forms_[2];
    bool split_ = false;
};

// ---- rows ---------------------------------------------------------------------------------

namespace detail {

// What every row of one result shares: the column names and the statement (for errors).
struct raw_columns {
    std::vector<std::string> names;
    std::string sql;
    std::vector<bool> decimal;  // per column: numbers that arrive as exact text (MySQL DECIMAL)
};

inline std::string describe_value(const param_value& v) {
    constexpr std::size_t max = 40;
    struct {
        std::string operator()(std::monostate) const { return "NULL"; }
        std::string operator()(std::int64_t x) const { return "the integer " + std::to_string(x); }
        std::string operator()(std::uint64_t x) const { return "the integer " + std::to_string(x); }
        std::string operator()(double x) const {
            char buf[32];
            auto r = std::to_chars(buf, buf + sizeof buf, x);
            return "the real " + std::string(buf, r.ptr);
        }
        std::string operator()(const std::string& s) const {
            return "the text '" + (s.size() > max ? s.substr(0, max) + "..." : s) + "'";
        }
        std::string operator()(const blob& b) const { return "a blob of " + std::to_string(b.size()) + " bytes"; }
    } d;
    return std::visit(d, v.as_variant());
}

template <class T>
std::string type_label() {
    if constexpr (std::is_same_v<T, bool>) return "bool";
    else if constexpr (std::is_integral_v<T>)
        return std::to_string(sizeof(T) * 8) + (std::is_signed_v<T> ? "-bit signed integer" : "-bit unsigned integer");
    else if constexpr (std::is_floating_point_v<T>) return sizeof(T) == sizeof(float) ? "float" : "double";
    else if constexpr (std::is_same_v<T, std::string>) return "std::string";
    else return "a blob";
}

[[noreturn]] inline void throw_row_error(const raw_columns& cols, int i, const std::string& what) {
    std::string msg = "sqlforge: column '";
    msg += cols.names[static_cast<std::size_t>(i)];
    msg += "' (index " + std::to_string(i) + "): " + what;
    throw data_error(0, std::move(msg), cols.sql);
}

template <class I>
bool parse_whole(std::string_view t, I& out) noexcept {
    const char* first = t.data();
    const char* last = t.data() + t.size();
    if (t.empty()) return false;
    auto [end, ec] = std::from_chars(first, last, out);
    if (ec != std::errc{}) return false;
    if (end == last) return true;
    if constexpr (std::is_integral_v<I>) {  // DECIMAL text of a whole number: "42.000"
        if (*end != '.' || end + 1 == last) return false;
        for (const char* p = end + 1; p != last; ++p)
            if (*p != '0') return false;
        return true;
    } else {
        return false;
    }
}

template <class T>
T convert_value(const param_value& v, const raw_columns& cols, int i) {
    if constexpr (std::is_same_v<T, param_value>) {
        return v;
    } else if constexpr (is_optional_v<T>) {
        if (v.is_null()) return T{};
        return T{convert_value<typename T::value_type>(v, cols, i)};
    } else {
        static_assert(!std::is_same_v<T, std::string_view> && !std::is_same_v<T, const char*>,
                      "sqlforge: read text as std::string (a row owns its values; a view could dangle)");
        static_assert(std::is_same_v<T, bool> || (std::is_integral_v<T> && !is_char_type_v<T>) ||
                          std::is_floating_point_v<T> || std::is_same_v<T, std::string> || is_blob_v<T>,
                      "sqlforge: this C++ type cannot be read from a SQL column");
        if (v.is_null()) [[unlikely]]
            throw_row_error(cols, i, "NULL read into a " + type_label<T>() + ", which is not std::optional");
        auto mismatch = [&]() -> T { throw_row_error(cols, i, describe_value(v) + " does not fit in a " + type_label<T>()); };
        if constexpr (std::is_same_v<T, bool>) {
            if (auto* x = std::get_if<std::int64_t>(&v)) return *x != 0;
            if (auto* x = std::get_if<std::uint64_t>(&v)) return *x != 0;
            if (auto* x = std::get_if<double>(&v)) return *x != 0.0;
            return mismatch();
        } else if constexpr (std::is_integral_v<T>) {
            if (auto* x = std::get_if<std::int64_t>(&v)) {
                if (std::in_range<T>(*x)) return static_cast<T>(*x);
            } else if (auto* x = std::get_if<std::uint64_t>(&v)) {
                if (std::in_range<T>(*x)) return static_cast<T>(*x);
            } else if (auto* x = std::get_if<double>(&v)) {
                // Whole values only: 2.0 reads as 2, 2.5 does not fit.
                const double d = *x;
                if (std::isfinite(d) && std::trunc(d) == d) {
                    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
                        const auto w = static_cast<std::int64_t>(d);
                        if (std::in_range<T>(w)) return static_cast<T>(w);
                    } else if (d >= 0.0 && d < 18446744073709551616.0) {
                        const auto w = static_cast<std::uint64_t>(d);
                        if (std::in_range<T>(w)) return static_cast<T>(w);
                    }
                }
            } else if (auto* s = std::get_if<std::string>(&v)) {
                if constexpr (std::is_signed_v<T>) {
                    std::int64_t w = 0;
                    if (parse_whole(*s, w) && std::in_range<T>(w)) return static_cast<T>(w);
                } else {
                    std::uint64_t w = 0;
                    if (parse_whole(*s, w) && std::in_range<T>(w)) return static_cast<T>(w);
                }
            }
            return mismatch();
        } else if constexpr (std::is_floating_point_v<T>) {
            if (auto* x = std::get_if<std::int64_t>(&v)) return static_cast<T>(*x);
            if (auto* x = std::get_if<std::uint64_t>(&v)) return static_cast<T>(*x);
            if (auto* x = std::get_if<double>(&v)) return static_cast<T>(*x);
            if (auto* s = std::get_if<std::string>(&v)) {
                double d = 0;
                if (parse_whole(*s, d)) return static_cast<T>(d);
            }
            return mismatch();
        } else if constexpr (std::is_same_v<T, std::string>) {
            if (auto* s = std::get_if<std::string>(&v)) return *s;
            if (auto* b = std::get_if<blob>(&v)) return std::string(reinterpret_cast<const char*>(b->data()), b->size());
            return mismatch();
        } else {  // a blob type
            auto bytes = [](const void* p, std::size_t n) {
                T out(n);
                if (n) std::memcpy(out.data(), p, n);
                return out;
            };
            if (auto* b = std::get_if<blob>(&v)) return bytes(b->data(), b->size());
            if (auto* s = std::get_if<std::string>(&v)) return bytes(s->data(), s->size());
            return mismatch();
        }
    }
}

}  // namespace detail

// One row of a raw result: the values of the current row, copied out of the driver.
class row {
public:
    row() = default;

    std::size_t size() const noexcept { return values_.size(); }
    // The name the database gave column i ("" out of range).
    std::string_view column_name(int i) const noexcept {
        return i >= 0 && static_cast<std::size_t>(i) < size() ? std::string_view{cols_->names[static_cast<std::size_t>(i)]}
                                                               : std::string_view{};
    }
    const std::vector<std::string>& keys() const noexcept {
        static const std::vector<std::string> none;
        return cols_ ? cols_->names : none;
    }
    bool is_null(int i) const { return at(i).is_null(); }
    bool is_null(std::string_view name) const { return values_[index_of(name)].is_null(); }

    // The value of column i (or of the column so named) as T: std::optional<X> for a column
    // that may be NULL, sf::param_value for the value as it came. NULL into a T that is not
    // std::optional, or a value that does not fit T -> data_error; an index out of range ->
    // data_error; a name no column has (or two have) -> argument_error.
    template <class T>
    T get(int i) const {
        const param_value& v = at(i);  // first: a default-constructed row has no columns
        return detail::convert_value<T>(v, *cols_, i);
    }
    template <class T>
    T get(std::string_view name) const {
        std::size_t k = index_of(name);
        return detail::convert_value<T>(values_[k], *cols_, static_cast<int>(k));
    }

    // The value as it came, without conversion.
    const param_value& operator[](int i) const { return at(i); }
    const param_value& operator[](std::string_view name) const { return values_[index_of(name)]; }

    // The statement this row came from.
    std::string_view sql() const noexcept { return cols_ ? std::string_view{cols_->sql} : std::string_view{}; }

private:
    friend class raw_result;
    friend struct detail::raw_access;

    const param_value& at(int i) const {
        if (i < 0 || static_cast<std::size_t>(i) >= size()) [[unlikely]] {
            std::string msg = "sqlforge: column index " + std::to_string(i) + " is out of range: the row has " +
                              std::to_string(size()) + " column(s)";
            throw data_error(0, std::move(msg), cols_ ? cols_->sql : std::string{});
        }
        return values_[static_cast<std::size_t>(i)];
    }

    std::size_t index_of(std::string_view name) const {
        std::size_t found = size();
        std::size_t count = 0;
        for (std::size_t k = 0; k < size(); ++k) {
            if (cols_->names[k] == name) {
                if (count++ == 0) found = k;
            }
        }
        if (count == 1) return found;
        std::string msg = "sqlforge: ";
        if (count == 0) {
            msg += "no column is named '" + std::string(name) + "'; the columns are:";
            if (size() == 0) msg += " (none)";
            for (std::size_t k = 0; k < size(); ++k) msg += " '" + cols_->names[k] + "'";
        } else {
            msg += std::to_string(count) + " columns are named '" + std::string(name) +
                   "': read them by index, or give them distinct names with AS";
        }
        if (cols_) msg += "\n  [SQL: " + cols_->sql + "]";
        throw argument_error(msg);
    }

    std::shared_ptr<const detail::raw_columns> cols_;
    std::vector<param_value> values_;
};

// ---- reading a row from a backend ---------------------------------------------------------

namespace detail {

// How a column's values are read (MySQL, where a column has one type); SQLite asks per value.
enum class raw_kind : unsigned char { int64, uint64, real, text, blob };

inline void set_int(param_value& v, std::int64_t x) { v.emplace<std::int64_t>(x); }
inline void set_uint(param_value& v, std::uint64_t x) { v.emplace<std::uint64_t>(x); }
inline void set_real(param_value& v, double x) { v.emplace<double>(x); }
inline void set_text(param_value& v, std::string_view t) {  // reuses the string's buffer
    if (auto* s = std::get_if<std::string>(&v)) s->assign(t.data(), t.size());
    else v.emplace<std::string>(t);
}
inline void set_blob(param_value& v, std::span<const std::byte> b) {
    if (auto* x = std::get_if<blob>(&v)) x->assign(b.begin(), b.end());
    else v.emplace<blob>(b.begin(), b.end());
}

#if SQLFORGE_HAS_SQLITE
// SQLite is typed per value: the storage class of each value decides.
inline void mark_decimal_columns(backend::sqlite::statement&, raw_columns&) noexcept {}

inline void read_raw_row(backend::sqlite::statement& st, std::vector<raw_kind>&, std::vector<param_value>& out) {
    sqlite3_stmt* h = st.native_handle();
    const int n = st.column_count();
    out.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        param_value& v = out[static_cast<std::size_t>(i)];
        switch (sqlite3_column_type(h, i)) {
            case SQLITE_INTEGER: set_int(v, st.get_int64(i)); break;
            case SQLITE_FLOAT: set_real(v, st.get_double(i)); break;
            case SQLITE_TEXT: set_text(v, st.get_text(i)); break;
            case SQLITE_BLOB: set_blob(v, st.get_blob(i)); break;
            default: v.emplace<std::monostate>(); break;
        }
    }
}
#endif

#if SQLFORGE_HAS_MYSQL
// MySQL: each column has one type, looked at once per result. BIGINT UNSIGNED and BIT read as
// uint64, other integers as int64; FLOAT / DOUBLE as double; DECIMAL as its exact text;
// dates and times as text; binary strings (charset 63: BINARY, VARBINARY, BLOB) as blobs.
inline std::vector<raw_kind> raw_column_kinds(backend::mysql::statement& st) {
    const int n = st.column_count();
    std::vector<raw_kind> kinds(static_cast<std::size_t>(n), raw_kind::text);
    MYSQL_FIELD* f = n ? backend::mysql::detail::statement_fields(st.native_handle()) : nullptr;
    for (int i = 0; f && i < n; ++i) {
        const MYSQL_FIELD& fi = f[i];
        raw_kind& k = kinds[static_cast<std::size_t>(i)];
        switch (fi.type) {
            case MYSQL_TYPE_TINY:
            case MYSQL_TYPE_SHORT:
            case MYSQL_TYPE_YEAR:
            case MYSQL_TYPE_INT24:
            case MYSQL_TYPE_LONG: k = raw_kind::int64; break;
            case MYSQL_TYPE_LONGLONG: k = (fi.flags & UNSIGNED_FLAG) ? raw_kind::uint64 : raw_kind::int64; break;
            case MYSQL_TYPE_BIT: k = raw_kind::uint64; break;
            case MYSQL_TYPE_FLOAT:
            case MYSQL_TYPE_DOUBLE: k = raw_kind::real; break;
            case MYSQL_TYPE_TINY_BLOB:
            case MYSQL_TYPE_MEDIUM_BLOB:
            case MYSQL_TYPE_LONG_BLOB:
            case MYSQL_TYPE_BLOB:
            case MYSQL_TYPE_VARCHAR:
            case MYSQL_TYPE_VAR_STRING:
            case MYSQL_TYPE_STRING:
            case MYSQL_TYPE_GEOMETRY: k = fi.charsetnr == 63 ? raw_kind::blob : raw_kind::text; break;
            default: k = raw_kind::text; break;  // DECIMAL, dates and times, JSON, ENUM, SET
        }
    }
    return kinds;
}

inline void mark_decimal_columns(backend::mysql::statement& st, raw_columns& cols) {
    const int n = st.column_count();
    cols.decimal.assign(static_cast<std::size_t>(n), false);
    MYSQL_FIELD* f = n ? backend::mysql::detail::statement_fields(st.native_handle()) : nullptr;
    for (int i = 0; f && i < n; ++i)
        cols.decimal[static_cast<std::size_t>(i)] = f[i].type == MYSQL_TYPE_DECIMAL || f[i].type == MYSQL_TYPE_NEWDECIMAL;
}

inline void read_raw_row(backend::mysql::statement& st, std::vector<raw_kind>& kinds, std::vector<param_value>& out) {
    const int n = st.column_count();
    if (kinds.size() != static_cast<std::size_t>(n)) kinds = raw_column_kinds(st);
    out.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        param_value& v = out[static_cast<std::size_t>(i)];
        if (st.is_null(i)) {
            v.emplace<std::monostate>();
            continue;
        }
        switch (kinds[static_cast<std::size_t>(i)]) {
            case raw_kind::int64: set_int(v, st.get_int64(i)); break;
            case raw_kind::uint64: set_uint(v, st.get_uint64(i)); break;
            case raw_kind::real: set_real(v, st.get_double(i)); break;
            case raw_kind::text: set_text(v, st.get_text(i)); break;
            case raw_kind::blob: set_blob(v, st.get_blob(i)); break;
        }
    }
}
#endif

struct raw_cursor_ops {
    bool (*next)(void* stmt, std::vector<raw_kind>& kinds, std::vector<param_value>& out);  // false at the end
    void (*reset)(void* stmt) noexcept;
};

template <class St>
inline constexpr raw_cursor_ops raw_cursor_ops_for{
    [](void* s, std::vector<raw_kind>& kinds, std::vector<param_value>& out) -> bool {
        auto& st = *static_cast<St*>(s);
        if (!st.step()) return false;
        read_raw_row(st, kinds, out);
        return true;
    },
    [](void* s) noexcept { static_cast<St*>(s)->reset(); },
};

template <class PS>
void bind_param_value(PS& ps, int i, const param_value& v) {
    std::visit(
        [&](const auto& x) {
            using X = std::remove_cvref_t<decltype(x)>;
            if constexpr (std::is_same_v<X, std::monostate>) ps.bind_null(i);
            else if constexpr (std::is_same_v<X, std::string>) ps.bind(i, std::string_view{x});
            else if constexpr (std::is_same_v<X, blob>) ps.bind_blob(i, x.data(), x.size());
            else if constexpr (std::is_same_v<X, double>) {
                if (x != x) [[unlikely]]
                    throw_nan_parameter(i, ps.sql());
                ps.bind(i, x);
            } else ps.bind(i, x);
        },
        v.as_variant());
}

}  // namespace detail

// ---- the result ---------------------------------------------------------------------------

// What running a text gives: rows as a stream (returns_rows()), or the rows a statement
// changed (rows_affected()). Like result<Row>, it borrows a statement from its connection's
// cache: read it before running the same text again, committing or closing.
class raw_result {
public:
    using value_type = row;

    raw_result(raw_result&& o) noexcept
        : lease_(std::move(o.lease_)), ops_(o.ops_), owned_(std::move(o.owned_)),
          kinds_(std::move(o.kinds_)), cols_(o.cols_), row_(std::move(o.row_)), affected_(o.affected_),
          done_(std::exchange(o.done_, true)) {}
    raw_result& operator=(raw_result&&) = delete;
    raw_result(const raw_result&) = delete;
    ~raw_result() { release(); }

    // True for a statement with result columns (a SELECT, ... RETURNING), even if it found
    // no row; false for INSERT / UPDATE / DELETE / DDL, which ran to completion in execute().
    bool returns_rows() const noexcept { return column_count() != 0; }
    int column_count() const noexcept { return static_cast<int>(cols_->names.size()); }
    // The column names, in order (SQLAlchemy's result.keys()).
    const std::vector<std::string>& keys() const noexcept { return cols_->names; }
    // Rows inserted, updated or deleted by a statement that returns no rows (MySQL counts the
    // rows an UPDATE matched, as SQLAlchemy does); -1 for a statement that returns rows.
    std::int64_t rows_affected() const noexcept { return affected_; }
    // The statement as the backend ran it (parameters as `?`).
    const std::string& sql() const noexcept { return cols_->sql; }

    friend class detail::cursor_iterator<raw_result, row>;
    using iterator = detail::cursor_iterator<raw_result, row>;

    // The first row was read by execute(); iterating goes on from the row not yet seen.
    iterator begin() noexcept { return iterator{this}; }
    std::default_sentinel_t end() const noexcept { return {}; }

    // Every remaining row, as copies.
    std::vector<row> all() {
        std::vector<row> rows;
        for (const row& r : *this) rows.push_back(r);
        return rows;
    }
    // The next row, or nothing (also for a statement that returns no rows); the rest are discarded.
    std::optional<row> first() {
        std::optional<row> r;
        if (!done_) r = std::move(row_);
        release();
        return r;
    }
    // Exactly one row: no_result_found / multiple_results_found otherwise.
    row one() {
        std::optional<row> r = one_or_none();
        if (!r) throw no_result_found("sqlforge: no row was found when one was required\n  [SQL: " + sql() + "]");
        return std::move(*r);
    }
    // At most one row: multiple_results_found if there are more.
    std::optional<row> one_or_none() {
        std::optional<row> r;
        if (!done_) {
            r = std::move(row_);
            advance();
            if (!done_) {
                release();
                throw multiple_results_found("sqlforge: multiple rows were found when one or none was required\n  [SQL: " +
                                             sql() + "]");
            }
        }
        release();
        return r;
    }
    // The first column of the first row, as std::optional: empty for "no row" and for NULL
    // alike (as SQLAlchemy's scalar() returns None for both). scalar<std::optional<X>>() is
    // scalar<X>(). The other rows are discarded.
    template <class T = param_value>
    std::optional<unwrap_optional_t<T>> scalar() {
        using X = unwrap_optional_t<T>;
        std::optional<X> out;
        if (!done_ && row_.size() > 0 && !row_.is_null(0)) out = row_.get<X>(0);
        release();
        return out;
    }

private:
    friend struct detail::raw_access;
    friend struct detail::lease_access;

    raw_result(std::shared_ptr<const detail::raw_columns> cols, std::int64_t affected)
        : cols_(cols), affected_(affected) {
        row_.cols_ = std::move(cols);
    }

    void advance() {
        if (done_ || !lease_.get()) {
            if (lease_.revoked()) detail::throw_revoked_result();  // every later read too
            done_ = true;
            return;
        }
        bool more = false;
        try {
            more = ops_->next(lease_.get(), kinds_, row_.values_);
        } catch (...) {
            release();
            throw;
        }
        if (!more) release();
    }
    void release() noexcept {
        done_ = true;
        lease_.release();
        owned_.clear();
    }

    detail::statement_lease lease_;  // the statement, while rows are left to read (orm/statement_lease.hpp)
    const detail::raw_cursor_ops* ops_ = nullptr;
    params owned_;  // the values of an execute() given them as a temporary, while bound
    std::vector<detail::raw_kind> kinds_;
    std::shared_ptr<const detail::raw_columns> cols_;
    row row_;
    std::int64_t affected_ = -1;
    bool done_ = true;
};

namespace detail {

struct raw_access {
    static const raw_columns* columns(const row& r) noexcept { return r.cols_.get(); }

    template <class Conn>
    static constexpr backend_kind kind_of_connection() {
        return std::is_same_v<dialect_of_t<Conn>, mysql_dialect> ? backend_kind::mysql : backend_kind::sqlite;
    }

    // Prepares the text's form for Conn's backend, binds p (already checked) and runs it: a
    // statement with result columns has its first row read; one without runs to completion.
    // `owned`, if given, holds the values p refers to and moves into the result (moving a
    // vector keeps its elements where they are, so the bound pointers stay valid).
    template <class Conn>
    static raw_result run(Conn& c, const text& t, const params& p, params* owned) {
        const parsed_text& f = t.form(kind_of_connection<Conn>());
        auto& ps = c.prepare(f.sql);
        using PS = std::remove_reference_t<decltype(ps)>;
        if (static_cast<std::size_t>(ps.parameter_count()) != f.slots.size()) {
            ps.reset();
            throw programming_error(0,
                                    "sqlforge: the database counts " + std::to_string(ps.parameter_count()) +
                                        " parameter(s) in the text, sqlforge found " + std::to_string(f.slots.size()) +
                                        " (is a :name inside a construct sqlforge does not parse, such as a MySQL # "
                                        "comment?)",
                                    f.sql);
        }
        try {
            for (std::size_t k = 0; k < f.slots.size(); ++k)
                bind_param_value(ps, static_cast<int>(k), *text::find(p, f.names[f.slots[k]]));
        } catch (...) {
            ps.reset();
            throw;
        }
        auto cols = std::make_shared<raw_columns>();
        cols->sql = f.sql;
        const int n = ps.column_count();
        if (n == 0) {
            std::int64_t affected = 0;
            try {
                affected = ps.execute();
            } catch (...) {
                ps.reset();
                throw;
            }
            ps.reset();
            return raw_result(std::move(cols), affected);
        }
        cols->names.reserve(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) cols->names.emplace_back(ps.column_name(i));
        mark_decimal_columns(ps, *cols);
        raw_result r(std::move(cols), -1);
        if (owned) r.owned_ = std::move(*owned);
        r.ops_ = &raw_cursor_ops_for<PS>;
        r.lease_.hold(&ps, r.ops_->reset);
        r.done_ = false;
        r.advance();  // runs the statement: its errors belong to execute()
        return r;
    }
};

// What connection::execute(text) and session::execute(text) do: check the values before
// anything is sent (no transaction is begun for a text that cannot run), then begin if
// needed and run (a lost connection marks the scope broken, as for every statement).
inline raw_result execute_text(transaction_scope& scope, const text& t, const params& p, params* owned) {
    t.check(p, scope.get_engine().kind());
    return scope.run_result([&](auto& c) { return raw_access::run(c, t, p, owned); });
}

}  // namespace detail

// Runs a text on a concrete backend connection (low level: connection::execute and
// session::execute are the user-facing forms). p must outlive the result's reading.
template <class Conn>
raw_result run_text(Conn& c, const text& t, const params& p = {}) {
    t.check(p, detail::raw_access::kind_of_connection<Conn>());
    return detail::raw_access::run(c, t, p, nullptr);
}

// The statement form of a text value, for `sf::text` used as a concept in overloads.
template <class T>
concept text_statement = std::same_as<std::remove_cvref_t<T>, text>;

}  // namespace sqlforge
