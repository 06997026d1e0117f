#pragma once
// Running a DSL statement on a concrete backend connection: look its compile-time text up in
// the connection's statement cache by address, bind the values in text order, then either
// run it to completion (rows affected) or hand back a streaming result. Called once the
// backend is known, so everything in here is direct calls.
#include <sqlforge/orm/backends.hpp>
#include <sqlforge/orm/result.hpp>
#include <sqlforge/orm/row_reader.hpp>
#include <sqlforge/orm/value_io.hpp>
#include <sqlforge/stmt/returning.hpp>
#include <sqlforge/stmt/select.hpp>
#include <sqlforge/stmt/upsert.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace sqlforge {

// A statement that returns rows declares its row type.
template <class S>
concept returns_rows = requires { typename std::remove_cvref_t<S>::row_type; };

namespace detail {

template <class Conn, class Sql>
auto& prepare_text(Conn& c) {
    using D = dialect_of_t<Conn>;
    constexpr std::string_view sql = Sql::template sql<D>();
    return c.prepare_cached(sql.data(), sql);
}

// Binds the statement's values in the order its text names them.
template <class PS, class Stmt>
void bind_statement(PS& ps, const Stmt& st) {
    int i = 0;
    st.each_param([&](const auto& v) { bind_value(ps, i++, v); });
}

// Does binding this statement point into strings or blobs the statement object owns?
template <class Stmt>
bool owns_bound_buffers(const Stmt& st) {
    bool owns = false;
    st.each_param([&](const auto& v) {
        using V = std::remove_cvref_t<decltype(v)>;
        if constexpr (std::is_same_v<V, std::string> || std::is_same_v<V, std::optional<std::string>> || is_blob_v<V>)
            owns = true;
    });
    return owns;
}

template <class S>
struct reader_of;
template <bool Di, class F, class... Items, class W, class G, class H, class O, class L>
struct reader_of<select_stmt<Di, F, std::tuple<Items...>, W, G, H, O, L>> {
    using type = row_reader<Items...>;
};
// INSERT / UPDATE / DELETE ... RETURNING: its items are read like a select's.
template <class S, class... Items>
struct reader_of<returning_stmt<S, Items...>> {
    using type = row_reader<Items...>;
};

// Can dialect D run statement S? Only RETURNING is missing somewhere (MySQL).
template <class D, class S>
inline constexpr bool dialect_runs = !is_returning<S>::value || D::supports_returning;

}  // namespace detail

// A batched statement (sf::insert_many over a range of run-time size, and an upsert over
// it): every batch is one execution of a cached compile-time text; the rows it changed, summed.
template <class Conn, class Stmt>
    requires batched_statement<Stmt>
std::int64_t run_statement(Conn& c, const Stmt& st) {
    std::int64_t n = 0;
    st.each_batch([&]<class Sql>(std::type_identity<Sql>, const auto& bind) {
        auto& ps = detail::prepare_text<Conn, Sql>(c);
        int i = 0;
        bind([&](const auto& v) { bind_value(ps, i++, v); });
        n += ps.execute();
        ps.reset();
    });
    return n;
}

// RETURNING on a backend whose dialect has none (MySQL): the engine's backend is chosen at
// run time, so this is an error at run time, thrown before anything is sent. Writing the
// statement's text for mysql_dialect (q.sql<sf::mysql_dialect>()) does not compile.
template <class Conn, class Stmt>
    requires(!detail::dialect_runs<dialect_of_t<Conn>, std::remove_cvref_t<Stmt>>)
result<typename std::remove_cvref_t<Stmt>::row_type> run_query(Conn&, Stmt&&) {
    throw programming_error(0, "sqlforge: RETURNING is not supported by MySQL; run this statement on SQLite", "");
}

// Runs a statement that returns no rows; the rows it changed.
template <class Conn, class Stmt>
std::int64_t run_statement(Conn& c, const Stmt& st) {
    auto& ps = detail::prepare_text<Conn, Stmt>(c);
    detail::bind_statement(ps, st);
    std::int64_t n = ps.execute();
    ps.reset();
    return n;
}

// Runs a select and returns its rows as a stream. A temporary statement that owns strings
// bound by pointer is kept alive by the result.
template <class Conn, class Stmt>
auto run_query(Conn& c, Stmt&& st) {
    using S = std::remove_cvref_t<Stmt>;
    using Row = typename S::row_type;
    using Reader = typename detail::reader_of<S>::type;
    using PS = std::remove_reference_t<decltype(detail::prepare_text<Conn, S>(c))>;
    auto& ps = detail::prepare_text<Conn, S>(c);
    std::shared_ptr<const void> keep;
    if constexpr (!std::is_lvalue_reference_v<Stmt>) {
        if (detail::owns_bound_buffers(st)) {
            auto owned = std::make_shared<const S>(std::move(st));
            detail::bind_statement(ps, *owned);
            keep = std::move(owned);
            return result<Row>(&ps, &detail::cursor_ops_for<PS, Reader, Row>, std::move(keep));
        }
    }
    detail::bind_statement(ps, st);
    return result<Row>(&ps, &detail::cursor_ops_for<PS, Reader, Row>, std::move(keep));
}

}  // namespace sqlforge
