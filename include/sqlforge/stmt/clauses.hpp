#pragma once
// The clauses statements are assembled from. An absent clause is `no_clause`, which renders
// nothing and binds nothing, so a statement's text and parameters are the concatenation of
// its clauses' in SQL order.
#include <sqlforge/expr/node.hpp>
#include <sqlforge/expr/ordering.hpp>
#include <sqlforge/orm/errors.hpp>

#include <cstdint>
#include <limits>
#include <string>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

struct no_clause {
    using tables = boost::mp11::mp_list<>;
    static constexpr bool aggregate = false;
    template <class D, class W>
    static constexpr void render(W&) {}
    template <class F>
    constexpr void each_param(F&&) const {}
};

template <class C>
inline constexpr bool present = !std::is_same_v<C, no_clause>;

namespace detail {
// Passes values on, and tells labelled expressions to bind their own (see labeled::render).
template <class F>
struct label_expanding {
    static constexpr bool expands_labels = true;
    F& f;
    template <class V>
    constexpr void operator()(const V& v) const {
        f(v);
    }
};
}  // namespace detail

// WHERE: MySQL does not accept select labels here, so a labelled expression is written out.
template <class E>
struct where_clause {
    using expr_type = E;
    using tables = typename E::tables;
    static constexpr bool aggregate = E::aggregate;
    E expr;
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(" WHERE ");
        w.expand_labels = true;
        E::template render<D>(w);
        w.expand_labels = false;
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        expr.each_param(detail::label_expanding<std::remove_reference_t<F>>{f});
    }
};

template <class E>
struct having_clause {
    using expr_type = E;
    using tables = typename E::tables;
    static constexpr bool aggregate = E::aggregate;
    E expr;
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(" HAVING ");
        E::template render<D>(w);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        expr.each_param(f);
    }
};

// A comma-separated list after a keyword: GROUP BY a, b / ORDER BY a, b DESC
template <class Keyword, class... Terms>
struct term_list {
    using tables = tables_of<typename Terms::tables...>;
    static constexpr bool aggregate = (Terms::aggregate || ...);
    std::tuple<Terms...> terms;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(Keyword::text);
        render_terms<D>(w, std::index_sequence_for<Terms...>{});
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        std::apply([&](const auto&... t) { (t.each_param(f), ...); }, terms);
    }

private:
    template <class D, class W, std::size_t... I>
    static constexpr void render_terms(W& w, std::index_sequence<I...>) {
        ((I ? w.put(", ") : void(), std::tuple_element_t<I, std::tuple<Terms...>>::template render<D>(w)), ...);
    }
};

namespace keyword {
struct group_by { static constexpr std::string_view text = " GROUP BY "; };
struct order_by { static constexpr std::string_view text = " ORDER BY "; };
}  // namespace keyword

template <class... Es>
using group_clause = term_list<keyword::group_by, Es...>;
template <class... Ts>
using order_clause = term_list<keyword::order_by, Ts...>;

// An order_by argument: a term (x.desc(), sf::desc<"n">) stays, a bare expression is ascending.
template <class T>
constexpr auto as_order_term(const T& t) {
    if constexpr (expression<T>) return order_term<T, false>{t};
    else return t;
}

// LIMIT ? / OFFSET ?: the numbers are bound like any value.
template <bool HasLimit, bool HasOffset>
struct limit_clause {
    static constexpr bool has_limit = HasLimit;
    static constexpr bool has_offset = HasOffset;
    using tables = boost::mp11::mp_list<>;
    static constexpr bool aggregate = false;
    std::int64_t limit = 0;
    std::int64_t offset = 0;

    template <class D, class W>
    static constexpr void render(W& w) {
        if (HasLimit) {
            w.put(" LIMIT ");
            D::placeholder(w);
        } else if (HasOffset) {
            w.put(" LIMIT ");
            w.put(D::no_limit);
        }
        if (HasOffset) {
            w.put(" OFFSET ");
            D::placeholder(w);
        }
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        if constexpr (HasLimit) f(limit);
        if constexpr (HasOffset) f(offset);
    }
};

namespace detail {
template <class N>
consteval bool check_row_count() {
    static_assert(std::is_integral_v<N> && !std::is_same_v<N, bool> && !std::is_same_v<N, char>,
                  "sqlforge: limit() and offset() need an integer");
    return true;
}

[[noreturn]] inline void throw_negative_row_count(const char* clause, std::int64_t n) {
    std::string msg = "sqlforge: ";
    msg += clause;
    msg += "() needs a number of rows >= 0, got ";
    msg += std::to_string(n);
    throw argument_error(msg);
}

// The LIMIT / OFFSET value to bind. A negative one is an argument_error, thrown when the
// statement is built (SQLite reads LIMIT -1 as "no limit" and a negative OFFSET as 0, MySQL
// refuses both: sqlforge refuses them everywhere); an unsigned one past INT64_MAX is INT64_MAX,
// which is more rows than any table holds.
template <class N>
constexpr std::int64_t row_count(N n, const char* clause) {
    if constexpr (std::is_signed_v<N>) {
        if (n < 0) throw_negative_row_count(clause, static_cast<std::int64_t>(n));
        return static_cast<std::int64_t>(n);
    } else {
        constexpr auto max = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        return static_cast<std::uint64_t>(n) > max ? std::numeric_limits<std::int64_t>::max() : static_cast<std::int64_t>(n);
    }
}
template <class E>
consteval bool check_condition_clause() {
    static_assert(kind_of<typename E::value_type>() == sql_kind::boolean,
                  "sqlforge: where() and having() need a condition (a boolean expression)");
    return true;
}
}  // namespace detail

}  // namespace sqlforge
