#pragma once
// INSERT. The forms:
//   sf::insert(job)                                  every column of the struct but the
//                                                    autoincrement key, which the database fills
//   sf::insert_many(jobs)                            many structs: a std::array as one
//                                                    multi-row statement, any other range in
//                                                    batches of multi-row statements
//   sf::insert_into<Job>().values(job::name = "x", job::status = 1)   a column subset; a
//                                                    NOT NULL column without default left out
//                                                    does not compile
//   sf::insert_into<Job>().default_values()
//   sf::insert_into<Archive>().select(sf::select(job::name, job::status).where(...))
//                                                    every inserted column, in field order
//   sf::insert_into<Archive>().select(archive::name = job::name, archive::status = 0)
//       .where(job::status > 1)                      the columns the assignments name
// Upserts (.on_conflict(...), stmt/upsert.hpp) and RETURNING (.returning(...),
// stmt/returning.hpp) are members of the statements they extend.
#include <sqlforge/core/text_writer.hpp>
#include <sqlforge/expr/alias.hpp>
#include <sqlforge/expr/assignment.hpp>
#include <sqlforge/schema/defaults.hpp>
#include <sqlforge/schema/table.hpp>
#include <sqlforge/stmt/returning.hpp>
#include <sqlforge/stmt/select.hpp>
#include <sqlforge/stmt/upsert.hpp>

#include <boost/pfr/core.hpp>
#include <array>
#include <cstddef>
#include <iterator>
#include <ranges>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

namespace detail {
template <class T>
constexpr bool inserted_column(std::size_t i) {
    return i != table<T>::autoincrement && !table<T>::computed[i];
}
template <class T>
constexpr std::size_t inserted_column_count() {
    std::size_t n = 0;
    for (std::size_t i = 0; i < table<T>::column_count; ++i) n += inserted_column<T>(i);
    return n;
}
}  // namespace detail

// INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?), bound from a struct.
template <class T>
struct insert_row_sql {
    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("INSERT INTO ");
        D::quote(w, table<T>::name);
        w.put(" (");
        bool first = true;
        for (std::size_t i = 0; i < table<T>::column_count; ++i) {
            if (!detail::inserted_column<T>(i)) continue;
            if (!first) w.put(", ");
            first = false;
            D::quote(w, table<T>::column_names[i]);
        }
        w.put(") VALUES (");
        for (std::size_t k = 0; k < detail::inserted_column_count<T>(); ++k) {
            if (k) w.put(", ");
            D::placeholder(w);
        }
        w.put(')');
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, insert_row_sql>();
    }
    // Visits the bound values of `obj` in the text's order.
    template <class F, std::size_t... I>
    static constexpr void each_field(const T& obj, F& f, std::index_sequence<I...>) {
        ((detail::inserted_column<T>(I) ? f(boost::pfr::get<I>(obj)) : void()), ...);
    }
    template <class F>
    static constexpr void each_field(const T& obj, F&& f) {
        each_field(obj, f, std::make_index_sequence<table<T>::column_count>{});
    }
};

// sf::insert(obj): holds a copy of obj when given a temporary, else refers to it.
template <class T, class Holder>
struct insert_object_stmt {
    using model = T;
    Holder obj;
    template <class D, class W>
    static constexpr void render(W& w) {
        insert_row_sql<T>::template render<D>(w);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return insert_row_sql<T>::template sql<D>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        insert_row_sql<T>::each_field(obj, f);
    }
    static constexpr bool gives_column(std::size_t i) { return detail::inserted_column<T>(i); }

    // .on_conflict(job::name).do_update(...) / .do_nothing(): stmt/upsert.hpp
    template <class... Cols>
    constexpr auto on_conflict(const Cols&...) const {
        return detail::make_on_conflict<insert_object_stmt, Cols...>(*this);
    }
    // .returning(job::id): stmt/returning.hpp (SQLite only)
    template <class... Items>
    constexpr auto returning(const Items&... items) const {
        return detail::make_returning(*this, items...);
    }
};

template <class T>
constexpr auto insert(const T& obj) {
    static_assert(check_model<T>());
    return insert_object_stmt<T, const T&>{obj};
}
template <class T>
    requires(!std::is_lvalue_reference_v<T>)
constexpr auto insert(T&& obj) {
    static_assert(check_model<T>());
    return insert_object_stmt<T, T>{std::move(obj)};
}

// INSERT INTO "job" ("name", "status") VALUES (?, ?)
template <class T, class... Assignments>
struct insert_values_stmt {
    using model = T;
    std::tuple<Assignments...> values_;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put("INSERT INTO ");
        D::quote(w, table<T>::name);
        if constexpr (sizeof...(Assignments) == 0) {
            w.put(D::default_values);
        } else {
            w.put(" (");
            std::size_t i = 0;
            ((i++ ? w.put(", ") : void(), D::quote(w, Assignments::column_type::name)), ...);
            w.put(") VALUES (");
            i = 0;
            ((i++ ? w.put(", ") : void(), Assignments::value_expr::template render<D>(w)), ...);
            w.put(')');
        }
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, insert_values_stmt>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        std::apply([&](const auto&... a) { (a.each_param(f), ...); }, values_);
    }
    static constexpr bool gives_column([[maybe_unused]] std::size_t i) {
        return ((Assignments::column_type::index == i) || ... || false);
    }

    template <class... Cols>
    constexpr auto on_conflict(const Cols&...) const {
        static_assert(sizeof...(Assignments) > 0,
                      "sqlforge: on_conflict() needs an insert that gives values; DEFAULT VALUES cannot be an upsert");
        return detail::make_on_conflict<insert_values_stmt, Cols...>(*this);
    }
    template <class... Items>
    constexpr auto returning(const Items&... items) const {
        return detail::make_returning(*this, items...);
    }
};

// ---- many structs -------------------------------------------------------------------------

// INSERT INTO "job" ("name", "status", "note") VALUES (?, ?, ?), (?, ?, ?), ...: N rows.
template <class T, std::size_t N>
struct insert_rows_sql {
    static_assert(N > 0);
    template <class D, class W>
    static constexpr void render(W& w) {
        insert_row_sql<T>::template render<D>(w);
        for (std::size_t r = 1; r < N; ++r) {
            w.put(", (");
            for (std::size_t k = 0; k < detail::inserted_column_count<T>(); ++k) {
                if (k) w.put(", ");
                D::placeholder(w);
            }
            w.put(')');
        }
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, insert_rows_sql>();
    }
};

namespace detail {
// Values one statement may hold: SQLite before 3.32 refuses more than 999 (later ones and
// MySQL allow far more, so this is the portable bound).
inline constexpr std::size_t max_bound_values = 999;

// Rows per statement of insert_many() over a range of run-time size: a power of two, at most
// 64 (measured: more rows per statement gained little, see docs/decisions.md) and at most
// max_bound_values values.
template <class T>
consteval std::size_t batch_rows() {
    const std::size_t cols = inserted_column_count<T>() ? inserted_column_count<T>() : 1;
    const std::size_t most = max_bound_values / cols;
    std::size_t k = 1;
    while (k * 2 <= most && k * 2 <= 64) k *= 2;
    return k;
}

// The number of elements a range type always has (std::array, C array, std::span<T, N>), or 0.
template <class R>
consteval std::size_t static_extent() {
    if constexpr (std::is_array_v<R>) return std::extent_v<R>;
    else if constexpr (requires { std::tuple_size<R>::value; }) return std::tuple_size<R>::value;
    else if constexpr (requires { R::extent; }) return R::extent == std::dynamic_extent ? 0 : R::extent;
    else return 0;
}
}  // namespace detail

// Rows per statement when insert_many() runs a range in batches.
template <class T>
inline constexpr std::size_t insert_batch_rows = detail::batch_rows<T>();

// sf::insert_many(std::array<Job, N>): one statement of N rows, its text a compile-time constant.
template <class T, std::size_t N, class Holder>
struct insert_rows_stmt {
    using model = T;
    Holder rows;

    template <class D, class W>
    static constexpr void render(W& w) {
        insert_rows_sql<T, N>::template render<D>(w);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return insert_rows_sql<T, N>::template sql<D>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        for (const T& row : rows) insert_row_sql<T>::each_field(row, f);
    }
    static constexpr bool gives_column(std::size_t i) { return detail::inserted_column<T>(i); }

    template <class... Cols>
    constexpr auto on_conflict(const Cols&...) const {
        return detail::make_on_conflict<insert_rows_stmt, Cols...>(*this);
    }
    template <class... Items>
    constexpr auto returning(const Items&... items) const {
        return detail::make_returning(*this, items...);
    }
};

// sf::insert_many(range) of run-time size: batches of insert_batch_rows<T> rows, each one
// execution of the same cached multi-row statement; the last rows go in statements of 32,
// 16, ..., 1 rows (at most log2(batch) more executions). A batched_statement: execute()
// runs every batch and returns the rows inserted.
template <class T, class Holder>
struct insert_many_stmt {
    using model = T;
    static constexpr bool batched = true;
    Holder rows;

    static constexpr bool gives_column(std::size_t i) { return detail::inserted_column<T>(i); }

    template <class Exec>
    void each_batch(Exec&& exec) const {
        constexpr std::size_t K = insert_batch_rows<T>;
        const T* chunk[K];
        std::size_t n = 0;
        for (const T& row : rows) {
            chunk[n++] = &row;
            if (n == K) {
                run_batch<K>(exec, chunk);
                n = 0;
            }
        }
        run_rest<K / 2>(exec, chunk, 0, n);
    }

    template <class... Cols>
    constexpr auto on_conflict(const Cols&...) const {
        return detail::make_on_conflict<insert_many_stmt, Cols...>(*this);
    }
    template <class... Items>
    constexpr auto returning(const Items&...) const {
        static_assert(sizeof...(Items) < 0,
                      "sqlforge: returning() needs one statement; insert_many() over a range of run-time size runs "
                      "in batches (give it a std::array)");
    }

private:
    template <std::size_t S, class Exec>
    static void run_batch(Exec& exec, const T* const* rows) {
        exec(std::type_identity<insert_rows_sql<T, S>>{}, [rows](auto&& f) {
            for (std::size_t i = 0; i < S; ++i) insert_row_sql<T>::each_field(*rows[i], f);
        });
    }
    template <std::size_t S, class Exec>
    static void run_rest(Exec& exec, const T* const* chunk, std::size_t done, std::size_t n) {
        if constexpr (S > 0) {
            if (n - done >= S) {
                run_batch<S>(exec, chunk + done);
                done += S;
            }
            run_rest<S / 2>(exec, chunk, done, n);
        }
    }
};

// Inserts every struct of the range (the autoincrement key left to the database, as
// sf::insert(obj) does; ids are not written back: session.add_all() does that). A named
// range is referred to, a temporary one is moved into the statement.
template <class R>
constexpr auto insert_many(R&& rows) {
    using Rn = std::remove_cvref_t<R>;
    static_assert(std::ranges::input_range<const Rn>,
                  "sqlforge: insert_many() takes a range of model objects (a container, std::span or std::array)");
    if constexpr (std::ranges::input_range<const Rn>) {
        using Ref = std::ranges::range_reference_t<const Rn>;
        using T = std::remove_cvref_t<Ref>;
        static_assert(std::is_lvalue_reference_v<Ref>,
                      "sqlforge: insert_many() needs a range whose elements it can refer to (a container or "
                      "std::span), not a view that makes them on the fly");
        static_assert(check_model<T>());
        constexpr std::size_t N = detail::static_extent<Rn>();
        constexpr std::size_t cols = detail::inserted_column_count<T>() ? detail::inserted_column_count<T>() : 1;
        if constexpr (N > 0 && N * cols <= detail::max_bound_values) {
            if constexpr (std::is_lvalue_reference_v<R>)
                return insert_rows_stmt<T, N, const Rn&>{rows};
            else if constexpr (std::is_array_v<Rn>)
                return insert_rows_stmt<T, N, std::array<T, N>>{std::to_array(std::move(rows))};
            else
                return insert_rows_stmt<T, N, Rn>{std::move(rows)};
        } else {
            if constexpr (std::is_lvalue_reference_v<R>)
                return insert_many_stmt<T, const Rn&>{rows};
            else
                return insert_many_stmt<T, Rn>{std::move(rows)};
        }
    }
}

// ---- INSERT ... SELECT --------------------------------------------------------------------

// The column list of insert_into<T>().select(q): every column but the autoincrement key.
struct all_inserted_columns {};

namespace detail {

template <class Q>
concept select_like = requires {
    typename Q::row_type;
    Q::column_count;
};

template <class Row>
struct row_items : std::integral_constant<std::size_t, 1> {
    template <std::size_t>
    using type = Row;
};
template <class... Es>
struct row_items<std::tuple<Es...>> : std::integral_constant<std::size_t, sizeof...(Es)> {
    template <std::size_t I>
    using type = std::tuple_element_t<I, std::tuple<Es...>>;
};

template <class T>
consteval std::size_t nth_inserted_column(std::size_t n) {
    for (std::size_t i = 0; i < table<T>::column_count; ++i)
        if (inserted_column<T>(i) && n-- == 0) return i;
    return no_field;
}

template <class T, class Cols>
struct insert_columns;
template <class T>
struct insert_columns<T, all_inserted_columns> {
    static constexpr std::size_t count = inserted_column_count<T>();
    template <std::size_t I>
    using field = field_type<T, nth_inserted_column<T>(I)>;
    template <class D, class W>
    static constexpr void render(W& w) {
        bool first = true;
        for (std::size_t i = 0; i < table<T>::column_count; ++i) {
            if (!inserted_column<T>(i)) continue;
            if (!first) w.put(", ");
            first = false;
            D::quote(w, table<T>::column_names[i]);
        }
    }
};
template <class T, class... Cs>
struct insert_columns<T, std::tuple<Cs...>> {
    static constexpr std::size_t count = sizeof...(Cs);
    template <std::size_t I>
    using field = typename std::tuple_element_t<I, std::tuple<Cs...>>::field;
    template <class D, class W>
    static constexpr void render(W& w) {
        std::size_t i = 0;
        ((i++ ? w.put(", ") : void(), D::quote(w, Cs::name)), ...);
    }
};

// Can a selected value of C++ row type Value go into a column of C++ type Field?
template <class Field, class Value>
consteval bool check_insert_select_item() {
    constexpr sql_kind c = kind_v<Field>, v = kind_v<Value>;
    static_assert(v == sql_kind::null || (comparable(c, v) && !(c == sql_kind::integer && v == sql_kind::real)),
                  "sqlforge: insert_into().select(): a selected item's SQL type does not match its column's type");
    static_assert(is_optional_v<Field> || !(is_optional_v<Value> || v == sql_kind::null),
                  "sqlforge: insert_into().select(): a selected item that may be NULL goes into a NOT NULL column");
    return true;
}

template <class T, class Cols, class Select>
consteval bool check_insert_select() {
    using Row = typename Select::row_type;
    using Items = row_items<Row>;
    using Columns = insert_columns<T, Cols>;
    static_assert(Select::column_count == Items::value,
                  "sqlforge: insert_into().select() cannot take sf::all_of<T>; select the columns one by one");
    static_assert(Select::column_count != Items::value || Items::value == Columns::count,
                  "sqlforge: insert_into<T>().select(q): q must select one item per inserted column of T (every "
                  "column but the autoincrement key, in field order)");
    if constexpr (Select::column_count == Items::value && Items::value == Columns::count) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((void)check_insert_select_item<typename Columns::template field<I>, typename Items::template type<I>>(), ...);
        }(std::make_index_sequence<Items::value>{});
    }
    return true;
}

}  // namespace detail

// INSERT INTO "archive" ("name", "status") SELECT ...
template <class T, class Cols, class Select>
struct insert_select_stmt {
    using model = T;
    Select select_;

    template <class D, class W>
    static constexpr void render(W& w) {
        static_assert(detail::check_insert_select<T, Cols, Select>());
        w.put("INSERT INTO ");
        D::quote(w, table<T>::name);
        w.put(" (");
        detail::insert_columns<T, Cols>::template render<D>(w);
        w.put(") ");
        Select::template render<D>(w);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, insert_select_stmt>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        select_.each_param(f);
    }
    template <class... Items>
    constexpr auto returning(const Items&... items) const {
        return detail::make_returning(*this, items...);
    }

    // The clauses of the SELECT, as on sf::select(...).
    template <class... Ts>
    constexpr auto from() const {
        return with(select_.template from<Ts...>());
    }
    template <class... Sources>
    constexpr auto from(const Sources&... s) const {
        return with(select_.from(s...));
    }
    template <class U, class On>
    constexpr auto join(const On& on) const {
        return with(select_.template join<U>(on));
    }
    template <class Source, class On>
        requires is_source<Source>::value
    constexpr auto join(const Source& s, const On& on) const {
        return with(select_.join(s, on));
    }
    template <class U, class On>
    constexpr auto left_join(const On& on) const {
        return with(select_.template left_join<U>(on));
    }
    template <class Source, class On>
        requires is_source<Source>::value
    constexpr auto left_join(const Source& s, const On& on) const {
        return with(select_.left_join(s, on));
    }
    template <class U>
    constexpr auto cross_join() const {
        return with(select_.template cross_join<U>());
    }
    template <class E>
    constexpr auto where(const E& e) const {
        return with(select_.where(e));
    }
    template <class... Es>
    constexpr auto group_by(const Es&... es) const {
        return with(select_.group_by(es...));
    }
    template <class E>
    constexpr auto having(const E& e) const {
        return with(select_.having(e));
    }
    template <class... Ts>
    constexpr auto order_by(const Ts&... ts) const {
        return with(select_.order_by(ts...));
    }
    template <class N>
    constexpr auto limit(N n) const {
        return with(select_.limit(n));
    }
    template <class N>
    constexpr auto offset(N n) const {
        return with(select_.offset(n));
    }

private:
    template <class S>
    static constexpr auto with(S s) {
        return insert_select_stmt<T, Cols, S>{std::move(s)};
    }
};

namespace detail {
// Every NOT NULL column without a default and not numbered by the database must be given.
template <class T, class... Assignments>
consteval bool required_columns_given() {
    constexpr std::size_t given[] = {Assignments::column_type::index..., no_field};
    for (std::size_t i = 0; i < table<T>::column_count; ++i) {
        bool found = false;
        for (std::size_t g : given) found = found || g == i;
        if (!found && !column_optional<T>(i)) return false;
    }
    return true;
}
}  // namespace detail

template <class T>
struct insert_into_start {
    template <class... As>
    constexpr auto values(const As&... as) const {
        static_assert((is_assignment<As>::value && ...),
                      "sqlforge: values() takes assignments such as job::name = \"x\"");
        static_assert(((std::is_same_v<typename As::column_type::model, T>) && ...),
                      "sqlforge: values() names a column of another table");
        static_assert((boost::mp11::mp_empty<typename As::tables>::value && ...),
                      "sqlforge: values() takes values, not columns of a table");
        static_assert(detail::columns_distinct<As...>(), "sqlforge: values() names the same column twice");
        static_assert(detail::required_columns_given<T, As...>(),
                      "sqlforge: insert leaves out a NOT NULL column that has no default");
        return insert_values_stmt<T, As...>{{as...}};
    }
    // INSERT ... SELECT: a select of one item per inserted column (every column but the
    // autoincrement key, in field order), or assignments naming the columns and what to
    // select for each (then .from<>(), .where(), joins, ... as on a select).
    template <class... Args>
    constexpr auto select(const Args&... args) const {
        if constexpr (sizeof...(Args) == 1 && (detail::select_like<Args> && ...)) {
            return insert_select_stmt<T, all_inserted_columns, Args...>{args...};
        } else {
            static_assert(sizeof...(Args) > 0 && (is_assignment<Args>::value && ...),
                          "sqlforge: insert_into<T>().select() takes a select such as sf::select(a, b), or "
                          "assignments such as archive::name = job::name");
            if constexpr (sizeof...(Args) > 0 && (is_assignment<Args>::value && ...)) {
                static_assert(((std::is_same_v<typename Args::column_type::model, T>) && ...),
                              "sqlforge: select() of an insert assigns a column of another table than the one inserted");
                static_assert(detail::columns_distinct<Args...>(), "sqlforge: select() of an insert names the same column twice");
                static_assert(detail::required_columns_given<T, Args...>(),
                              "sqlforge: insert leaves out a NOT NULL column that has no default");
                auto q = sqlforge::select(args.value...);
                return insert_select_stmt<T, std::tuple<typename Args::column_type...>, decltype(q)>{q};
            }
        }
    }
    constexpr auto default_values() const {
        static_assert(detail::required_columns_given<T>(),
                      "sqlforge: insert leaves out a NOT NULL column that has no default");
        return insert_values_stmt<T>{{}};
    }
};

template <class T>
constexpr insert_into_start<T> insert_into() {
    static_assert(check_model<T>());
    return {};
}

}  // namespace sqlforge
