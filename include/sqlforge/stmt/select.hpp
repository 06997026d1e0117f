#pragma once
// SELECT. A select is a type that lists its items and clauses; each call (.where, .order_by,
// ...) returns a new type. Its SQL text is `sql<Dialect>()`, a static function of the type,
// so it is a compile-time constant even when the object holds run-time values:
//
//   auto q = sf::select(job::name, sf::count(job::id).as<"n">()).group_by(job::name);
//   static_assert(q.sql<sf::sqlite_dialect>() == R"(SELECT "job"."name", ...)");
//
// The rules SQL servers check at run time are checked when the text is rendered: every
// column's table is in FROM, no aggregate in WHERE, non-aggregated items are grouped,
// labels named in ORDER BY exist and are unique.
//
// A select is also a subquery (stmt/subquery.hpp: `x.in(q)`, `sf::exists(q)`, `x == q`,
// `q.scalar_subquery()`, `q.as<"t">()` in FROM) and a part of a set operation
// (stmt/compound.hpp: `q.union_(r)`, ...). Rendered inside another statement it is checked
// by `render_nested`, which lets its clauses name tables its own FROM lacks: those are its
// free tables (a correlated subquery), and the enclosing statement's FROM must have them.
#include <sqlforge/core/text_writer.hpp>
#include <sqlforge/expr/alias.hpp>
#include <sqlforge/expr/column.hpp>
#include <sqlforge/expr/ordering.hpp>
#include <sqlforge/stmt/clauses.hpp>
#include <sqlforge/stmt/select_items.hpp>

#include <boost/mp11/bind.hpp>
#include <initializer_list>
#include <tuple>
#include <type_traits>
#include <utility>

namespace sqlforge {

// A table source as FROM or JOIN writes it. A subquery in FROM (sf::derived_table) holds
// bound values, so it is rendered by `render_from_stored` from a clause that stores it;
// its plain `render_from` refuses to be used from a FROM deduced from the select items.
template <class D, class Source, class W>
constexpr void render_source(W& w) {
    if constexpr (requires { Source::template render_from_stored<D>(w); })
        Source::template render_from_stored<D>(w);
    else
        Source::template render_from<D>(w);
}
template <class Source, class F>
constexpr void each_source_param(const Source& s, F& f) {
    if constexpr (requires { s.each_param(f); }) s.each_param(f);
}

// The tables FROM names: given by .from<T...>() / .from(sources...) (then joins may follow),
// or deduced from the select items.
template <class Base, class... Joins>
struct from_clause;
template <class... Sources, class... Joins>
struct from_clause<boost::mp11::mp_list<Sources...>, Joins...> {
    using tables = tables_of<boost::mp11::mp_list<Sources...>, typename Joins::tables_joined...>;
    // Tables whose columns may be NULL because a LEFT JOIN brought them in.
    using nullable_tables = tables_of<typename Joins::nullable_joined...>;
    std::tuple<Sources...> bases;
    std::tuple<Joins...> joins;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(" FROM ");
        std::size_t i = 0;
        ((i++ ? w.put(", ") : void(), render_source<D, Sources>(w)), ...);
        (Joins::template render<D>(w), ...);
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        std::apply([&](const auto&... b) { (each_source_param(b, f), ...); }, bases);
        std::apply([&](const auto&... j) { (j.each_param(f), ...); }, joins);
    }
};
template <class... Sources>
using from_list = from_clause<boost::mp11::mp_list<Sources...>>;

struct deduced_from {
    using nullable_tables = boost::mp11::mp_list<>;
    template <class F>
    constexpr void each_param(F&&) const {}
};

namespace join_kind {
struct inner { static constexpr std::string_view text = " JOIN "; static constexpr bool nullable = false; };
struct left { static constexpr std::string_view text = " LEFT JOIN "; static constexpr bool nullable = true; };
struct cross { static constexpr std::string_view text = " CROSS JOIN "; static constexpr bool nullable = false; };
}  // namespace join_kind

// JOIN "album" ON <on>; `On` is no_clause for a cross join.
template <class Kind, class Source, class On>
struct join_node {
    using tables_joined = boost::mp11::mp_list<Source>;
    using nullable_joined = std::conditional_t<Kind::nullable, boost::mp11::mp_list<Source>, boost::mp11::mp_list<>>;
    Source source;
    On on;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put(Kind::text);
        render_source<D, Source>(w);
        if constexpr (!std::is_same_v<On, no_clause>) {
            w.put(" ON ");
            On::template render<D>(w);
        }
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        each_source_param(source, f);
        on.each_param(f);
    }
};

// ORDER BY 2: a select column by its position, counted from 1 as SQL does.
//   .order_by(sf::position<2>.desc(), sf::position<1>)
template <std::size_t N, bool Desc>
struct position_term {
    static_assert(N >= 1, "sqlforge: sf::position<N> counts columns from 1");
    static constexpr std::size_t position = N;
    static constexpr bool descending = Desc;
    using tables = boost::mp11::mp_list<>;
    static constexpr bool aggregate = false;

    template <class D, class W>
    static constexpr void render(W& w) {
        w.put_number(N);
        if (Desc) w.put(" DESC");
    }
    template <class F>
    constexpr void each_param(F&&) const {}
    constexpr position_term<N, false> asc() const { return {}; }
    constexpr position_term<N, true> desc() const { return {}; }
};
template <std::size_t N>
inline constexpr position_term<N, false> position{};

template <bool Distinct, class From, class Items, class Where, class Group, class Having, class Order, class Limit>
struct select_stmt;

namespace detail {

template <class List, class Set>
inline constexpr bool all_in = boost::mp11::mp_all_of_q<List, boost::mp11::mp_bind_front<boost::mp11::mp_set_contains, Set>>::value;

template <class From, class ItemTables>
struct from_tables_of {
    using type = typename From::tables;
};
template <class ItemTables>
struct from_tables_of<deduced_from, ItemTables> {
    using type = ItemTables;
};

template <class S>
struct select_traits;
template <bool Distinct, class From, class... Items, class Where, class Group, class Having, class Order, class Limit>
struct select_traits<select_stmt<Distinct, From, std::tuple<Items...>, Where, Group, Having, Order, Limit>> {
    using item_tables = tables_of<typename Items::tables...>;
    using from_tables = typename from_tables_of<From, item_tables>::type;
    static constexpr bool any_aggregate = (Items::aggregate || ...);
};

// Is select item I grouped (or aggregated, or free of columns)?
template <class Item, class Group>
struct item_grouped;
template <class Item, class Keyword, class... Gs>
struct item_grouped<Item, term_list<Keyword, Gs...>> {
    using expr = typename item_expr<Item>::type;
    static constexpr bool value = Item::aggregate || boost::mp11::mp_empty<typename Item::tables>::value ||
                                  (std::is_same_v<expr, Gs> || ...);
};
template <class Item>
struct item_grouped<Item, no_clause> {
    static constexpr bool value = Item::aggregate || boost::mp11::mp_empty<typename Item::tables>::value;
};

template <class Label, class... Items>
consteval std::size_t label_count() {
    return ((item_label<Items>::value == Label::label ? 1u : 0u) + ... + 0u);
}

template <class Term, class... Items>
consteval bool order_term_ok() {
    if constexpr (requires { Term::label; } && !requires { typename Term::expr_type; })
        return label_count<Term, Items...>() == 1;
    else
        return true;
}

template <class Order, class... Items>
struct order_labels_ok : std::true_type {};
template <class Keyword, class... Ts, class... Items>
struct order_labels_ok<term_list<Keyword, Ts...>, std::tuple<Items...>>
    : std::bool_constant<(order_term_ok<Ts, Items...>() && ...)> {};

// The largest sf::position<N> an ORDER BY names (0: none).
template <class Term>
inline constexpr std::size_t position_of = 0;
template <std::size_t N, bool Desc>
inline constexpr std::size_t position_of<position_term<N, Desc>> = N;
constexpr std::size_t largest(std::initializer_list<std::size_t> ns) {
    std::size_t m = 0;
    for (std::size_t n : ns) m = n > m ? n : m;
    return m;
}
template <class Order>
inline constexpr std::size_t max_position = 0;
template <class Keyword, class... Ts>
inline constexpr std::size_t max_position<term_list<Keyword, Ts...>> = largest({position_of<Ts>...});

template <class... Items>
consteval bool labels_unique() {
    constexpr std::string_view labels[] = {item_label<Items>::value..., ""};
    for (std::size_t i = 0; i < sizeof...(Items); ++i)
        for (std::size_t j = i + 1; j < sizeof...(Items); ++j)
            if (!labels[i].empty() && labels[i] == labels[j]) return false;
    return true;
}

}  // namespace detail

template <bool Distinct, class From, class... Items, class Where, class Group, class Having, class Order, class Limit>
struct select_stmt<Distinct, From, std::tuple<Items...>, Where, Group, Having, Order, Limit> {
    using traits = detail::select_traits<select_stmt>;
    using from_tables = typename traits::from_tables;
    using row_type = select_row_in_t<typename From::nullable_tables, Items...>;
    using limit_type = Limit;
    static constexpr std::size_t column_count = (item_columns<Items>::value + ...);

    std::tuple<Items...> items;
    From from_;
    Where where_;
    Group group_;
    Having having_;
    Order order_;
    Limit limit_;

    // ---- building
    template <class... Ts>
    constexpr auto from() const {
        static_assert(sizeof...(Ts) > 0, "sqlforge: from<>() needs at least one model");
        static_assert(std::is_same_v<From, deduced_from>, "sqlforge: from() was already given");
        return rebuild<Distinct, from_list<table_ref<Ts>...>>(from_list<table_ref<Ts>...>{}, where_, group_, having_,
                                                             order_, limit_);
    }
    // from(e) with aliases: constexpr auto e = sf::alias<Employee, "e">{};
    // from(t) with a subquery: auto t = sf::select(...).as<"t">();
    template <class... Sources>
    constexpr auto from(const Sources&... sources) const {
        static_assert(sizeof...(Sources) > 0, "sqlforge: from() needs at least one table or alias");
        static_assert((is_source<Sources>::value && ...),
                      "sqlforge: from() takes aliases made with sf::alias<T, \"a\"> and subqueries made with "
                      "select(...).as<\"t\">()");
        static_assert(std::is_same_v<From, deduced_from>, "sqlforge: from() was already given");
        return rebuild<Distinct, from_list<Sources...>>(from_list<Sources...>{{sources...}, {}}, where_, group_,
                                                       having_, order_, limit_);
    }

    // ---- joins: .join<Album>(album::ArtistId == artist::ArtistId), .left_join(m, on), .cross_join<T>()
    template <class T, class On>
    constexpr auto join(const On& on) const {
        return add_join<join_kind::inner>(table_ref<T>{}, on);
    }
    template <class Source, class On>
        requires is_source<Source>::value
    constexpr auto join(const Source& source, const On& on) const {
        return add_join<join_kind::inner>(source, on);
    }
    template <class T, class On>
    constexpr auto left_join(const On& on) const {
        return add_join<join_kind::left>(table_ref<T>{}, on);
    }
    template <class Source, class On>
        requires is_source<Source>::value
    constexpr auto left_join(const Source& source, const On& on) const {
        return add_join<join_kind::left>(source, on);
    }
    template <class T>
    constexpr auto cross_join() const {
        return add_join<join_kind::cross>(table_ref<T>{}, no_clause{});
    }
    template <class Source>
        requires is_source<Source>::value
    constexpr auto cross_join(const Source& source) const {
        return add_join<join_kind::cross>(source, no_clause{});
    }
    template <class E>
    constexpr auto where(const E& e) const {
        static_assert(expression<E>, "sqlforge: where() needs a condition such as job::id > 1");
        static_assert(detail::check_condition_clause<E>());
        static_assert(!present<Where>, "sqlforge: where() was already given; combine conditions with && or sf::and_");
        return rebuild<Distinct, From>(from_, where_clause<E>{e}, group_, having_, order_, limit_);
    }
    template <class... Es>
    constexpr auto group_by(const Es&... es) const {
        static_assert(sizeof...(Es) > 0, "sqlforge: group_by() needs at least one expression");
        static_assert((expression<Es> && ...), "sqlforge: group_by() takes columns or expressions");
        static_assert(!present<Group>, "sqlforge: group_by() was already given");
        return rebuild<Distinct, From>(from_, where_, group_clause<Es...>{{es...}}, having_, order_, limit_);
    }
    template <class E>
    constexpr auto having(const E& e) const {
        static_assert(expression<E>, "sqlforge: having() needs a condition such as sf::count() > 1");
        static_assert(detail::check_condition_clause<E>());
        static_assert(!present<Having>, "sqlforge: having() was already given; combine conditions with &&");
        return rebuild<Distinct, From>(from_, where_, group_, having_clause<E>{e}, order_, limit_);
    }
    template <class... Ts>
    constexpr auto order_by(const Ts&... ts) const {
        static_assert(sizeof...(Ts) > 0, "sqlforge: order_by() needs at least one expression");
        static_assert(!present<Order>, "sqlforge: order_by() was already given; list every term in one call");
        static_assert(((expression<Ts> || requires { Ts::descending; }) && ...),
                      "sqlforge: a column or label cannot come from a run-time string: order_by() takes columns, "
                      "expressions, sf::asc/desc<\"label\"> or sf::position<N>");
        return rebuild<Distinct, From>(from_, where_, group_, having_,
                                       order_clause<decltype(as_order_term(ts))...>{{as_order_term(ts)...}}, limit_);
    }
    template <class N>
    constexpr auto limit(N n) const {
        static_assert(detail::check_row_count<N>());
        return rebuild<Distinct, From>(from_, where_, group_, having_, order_,
                                       limit_clause<true, Limit::has_offset>{detail::row_count(n, "limit"), limit_.offset});
    }
    template <class N>
    constexpr auto offset(N n) const {
        static_assert(detail::check_row_count<N>());
        return rebuild<Distinct, From>(from_, where_, group_, having_, order_,
                                       limit_clause<Limit::has_limit, true>{limit_.limit, detail::row_count(n, "offset")});
    }

    // ---- as a subquery (stmt/subquery.hpp) and in set operations (stmt/compound.hpp)
    // `(SELECT ...)` as a value; also what `x == q` and `x.in(q)` make of q.
    constexpr auto scalar_subquery() const;
    // A subquery in FROM: sf::select(...).from(q.as<"t">()); its columns are t(col) and t.c<"label">().
    template <fixed_string Name>
    constexpr auto as() const;
    template <class R>
    constexpr auto union_(const R& r) const;
    template <class R>
    constexpr auto union_all(const R& r) const;
    template <class R>
    constexpr auto intersect(const R& r) const;
    template <class R>
    constexpr auto except_(const R& r) const;

    // ---- text
    // A statement of its own (Nested = false): every table its clauses name must be in its
    // FROM. Inside another statement (render_nested): tables its FROM lacks are the
    // enclosing statement's to have.
    template <class D, bool Nested = false, class W>
    static constexpr void render(W& w) {
        static_assert(check<Nested>());
        w.put(Distinct ? "SELECT DISTINCT " : "SELECT ");
        render_items<D>(w, std::index_sequence_for<Items...>{});
        if constexpr (std::is_same_v<From, deduced_from>) render_from<D>(w, from_tables{});
        else From::template render<D>(w);
        Where::template render<D>(w);
        Group::template render<D>(w);
        Having::template render<D>(w);
        Order::template render<D>(w);
        Limit::template render<D>(w);
    }
    template <class D, class W>
    static constexpr void render_nested(W& w) {
        render<D, true>(w);
    }
    template <class D>
    static constexpr std::string_view sql() {
        return sql_text<D, select_stmt>();
    }
    template <class F>
    constexpr void each_param(F&& f) const {
        std::apply([&](const auto&... i) { (each_item_param(i, f), ...); }, items);
        from_.each_param(f);
        where_.each_param(f);
        group_.each_param(f);
        having_.each_param(f);
        order_.each_param(f);
        limit_.each_param(f);
    }

    // Nested (a subquery): every rule but "each table is in FROM".
    template <bool Nested = false>
    static consteval bool check() {
        if constexpr (!Nested) {
            static_assert(detail::all_in<typename traits::item_tables, from_tables>,
                          "sqlforge: a selected column's table is not in FROM; add it with .from<T>() or a join");
            static_assert(detail::all_in<typename Where::tables, from_tables>,
                          "sqlforge: a column in where() belongs to a table that is not in FROM; add it with "
                          ".from<T>() or a join");
            static_assert(detail::all_in<typename Group::tables, from_tables> &&
                              detail::all_in<typename Having::tables, from_tables> &&
                              detail::all_in<typename Order::tables, from_tables>,
                          "sqlforge: a column in group_by(), having() or order_by() belongs to a table that is not in "
                          "FROM");
        }
        static_assert(!Where::aggregate, "sqlforge: an aggregate function cannot be used in where(); use having()");
        static_assert(!Group::aggregate, "sqlforge: group_by() cannot contain an aggregate function");
        constexpr bool grouped = traits::any_aggregate || present<Group> || present<Having>;
        static_assert(!grouped || (detail::item_grouped<Items, Group>::value && ...),
                      "sqlforge: a selected column is neither aggregated nor listed in group_by() (MySQL's "
                      "ONLY_FULL_GROUP_BY rule)");
        static_assert(detail::labels_unique<Items...>(), "sqlforge: two selected items have the same label");
        static_assert(detail::order_labels_ok<Order, std::tuple<Items...>>::value,
                      "sqlforge: order_by() names a label that no selected item has; label it with .as<\"name\">()");
        static_assert(detail::max_position<Order> <= column_count,
                      "sqlforge: order_by(sf::position<N>) names a column past the last selected one");
        return true;
    }

private:
    template <bool Dx, class Fx, class Wx, class Gx, class Hx, class Ox, class Lx>
    constexpr auto rebuild(Fx f, Wx w, Gx g, Hx h, Ox o, Lx l) const {
        return select_stmt<Dx, Fx, std::tuple<Items...>, Wx, Gx, Hx, Ox, Lx>{
            items, std::move(f), std::move(w), std::move(g), std::move(h), std::move(o), std::move(l)};
    }
    template <class Kind, class Source, class On>
    constexpr auto add_join(const Source& source, const On& on) const {
        static_assert(!std::is_same_v<From, deduced_from>,
                      "sqlforge: a join needs the left side named first: .from<T>() before .join<U>(...)");
        static_assert(std::is_same_v<On, no_clause> || expression<On>,
                      "sqlforge: the ON condition of a join must be an expression such as a::id == b::a_id");
        if constexpr (!std::is_same_v<On, no_clause>) {
            static_assert(kind_of<typename On::value_type>() == sql_kind::boolean,
                          "sqlforge: the ON condition of a join must be a condition (a boolean expression)");
            static_assert(
                detail::all_in<typename On::tables, tables_of<typename From::tables, boost::mp11::mp_list<Source>>>,
                "sqlforge: the ON condition names a table that is neither joined yet nor the one being joined");
            static_assert(!On::aggregate, "sqlforge: an aggregate function cannot be used in a join's ON condition");
        }
        static_assert(!boost::mp11::mp_contains<typename From::tables, Source>::value,
                      "sqlforge: this table is already in FROM; join it again through sf::alias<T, \"name\">");
        auto joined = with_join<Kind>(from_, source, on);
        return rebuild<Distinct, decltype(joined)>(std::move(joined), where_, group_, having_, order_, limit_);
    }
    template <class Kind, class Source, class Base, class... Js, class On>
    static constexpr auto with_join(const from_clause<Base, Js...>& f, const Source& source, const On& on) {
        return from_clause<Base, Js..., join_node<Kind, Source, On>>{
            f.bases, std::tuple_cat(f.joins, std::tuple<join_node<Kind, Source, On>>{{source, on}})};
    }
    template <class D, class W, std::size_t... I>
    static constexpr void render_items(W& w, std::index_sequence<I...>) {
        ((I ? w.put(", ") : void(), render_item<D, Items>(w)), ...);
    }
    template <class D, class W, class... Sources>
    static constexpr void render_from(W& w, boost::mp11::mp_list<Sources...>) {
        if constexpr (sizeof...(Sources) > 0) {
            w.put(" FROM ");
            std::size_t i = 0;
            ((i++ ? w.put(", ") : void(), Sources::template render_from<D>(w)), ...);
        }
    }
};

// Is Q a query (a select or a set operation), usable as a subquery?
template <class Q>
inline constexpr bool is_query_v = false;
template <bool Di, class F, class It, class W, class G, class H, class O, class L>
inline constexpr bool is_query_v<select_stmt<Di, F, It, W, G, H, O, L>> = true;
template <class Q>
inline constexpr bool is_select_v = false;
template <bool Di, class F, class It, class W, class G, class H, class O, class L>
inline constexpr bool is_select_v<select_stmt<Di, F, It, W, G, H, O, L>> = true;

template <bool Distinct, class... Items>
using select_start = select_stmt<Distinct, deduced_from, std::tuple<Items...>, no_clause, no_clause, no_clause,
                                 no_clause, limit_clause<false, false>>;

template <class... Items>
constexpr auto select(const Items&... items) {
    static_assert(sizeof...(Items) > 0, "sqlforge: select() needs at least one column or expression");
    static_assert((select_item<Items> && ...),
                  "sqlforge: select() takes columns, expressions and sf::all_of<T>, not plain values");
    return select_start<false, Items...>{{items...}, {}, {}, {}, {}, {}, {}};
}

template <class... Items>
constexpr auto select_distinct(const Items&... items) {
    static_assert(sizeof...(Items) > 0, "sqlforge: select_distinct() needs at least one column or expression");
    static_assert((select_item<Items> && ...),
                  "sqlforge: select_distinct() takes columns, expressions and sf::all_of<T>, not plain values");
    return select_start<true, Items...>{{items...}, {}, {}, {}, {}, {}, {}};
}

}  // namespace sqlforge

// The members declared above for subqueries and set operations are defined there; included
// last so that whichever of the three headers comes first, each sees the one before it.
#include <sqlforge/stmt/subquery.hpp>
