#pragma once
// The rows of an executed select, as an input range: iterating steps the backend statement
// and reads each row straight into the row type; nothing is kept unless all() is asked for.
// The backend was chosen once, when the statement ran: the result calls it through one
// function pointer per row, never per column.
//
// A result borrows a statement from its connection's cache. Read it (or drop it) before
// running the same statement again on the same session: the second run resets the first.
// Reading it after its session committed, rolled back or closed throws invalid_request_error
// (orm/statement_lease.hpp): the statement went back with the connection.
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/orm/statement_lease.hpp>
#include <sqlforge/schema/value_traits.hpp>

#include <boost/pfr/core.hpp>
#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace sqlforge {

namespace detail {
template <class Row>
struct cursor_ops {
    bool (*next)(void* stmt, Row& out);  // step and read; false at the end
    void (*reset)(void* stmt) noexcept;
    void (*append_all)(void* stmt, std::vector<Row>& out);  // every remaining row, for all()
};

template <class Stmt, class Reader, class Row>
inline constexpr cursor_ops<Row> cursor_ops_for{
    [](void* s, Row& out) -> bool {
        auto& st = *static_cast<Stmt*>(s);
        if (!st.step()) return false;
        Reader::read(st, out);
        return true;
    },
    [](void* s) noexcept { static_cast<Stmt*>(s)->reset(); },
    // One call for the whole loop: each row is read straight into its place in the vector,
    // with the backend known, as hand-written C API code fills its array. Nothing else runs
    // on the connection until the last row, so a backend that can stream the rows from the
    // network instead of storing them first (MySQL) is told so.
    [](void* s, std::vector<Row>& out) {
        auto& st = *static_cast<Stmt*>(s);
        if constexpr (requires { st.stream_next_run(); }) st.stream_next_run();
        while (st.step()) Reader::read(st, out.emplace_back());
    },
};

// The parts of a row that into<Agg>() maps to Agg's fields by position: the items of a
// std::tuple row, the fields of a model row (sf::all_of<T>, query<T>), or the one value.
template <class Row>
struct row_parts {
    static constexpr std::size_t size = 1;
    template <std::size_t>
    using type = Row;
    template <std::size_t>
    static Row& get(Row& r) noexcept {
        return r;
    }
};
template <class... Es>
struct row_parts<std::tuple<Es...>> {
    static constexpr std::size_t size = sizeof...(Es);
    template <std::size_t I>
    using type = std::tuple_element_t<I, std::tuple<Es...>>;
    template <std::size_t I>
    static auto& get(std::tuple<Es...>& r) noexcept {
        return std::get<I>(r);
    }
};
template <class Row>
    requires(std::is_class_v<Row> && std::is_aggregate_v<Row>)
struct row_parts<Row> {
    static constexpr std::size_t size = boost::pfr::tuple_size_v<Row>;
    template <std::size_t I>
    using type = boost::pfr::tuple_element_t<I, Row>;
    template <std::size_t I>
    static auto& get(Row& r) noexcept {
        return boost::pfr::get<I>(r);
    }
};

template <class Field, class Part>
consteval bool check_into_field() {
    static_assert(!(is_optional_v<Part> && !is_optional_v<Field>),
                  "sqlforge: into<Agg>(): a field is not std::optional but its item may be NULL");
    static_assert(!(!is_optional_v<Part> && is_optional_v<Field>),
                  "sqlforge: into<Agg>(): a field is std::optional but its item is never NULL");
    static_assert(is_optional_v<Part> != is_optional_v<Field> || std::is_same_v<Field, Part>,
                  "sqlforge: into<Agg>(): a field's type is not its item's C++ type (they must match exactly, e.g. "
                  "std::int64_t for count())");
    return true;
}

template <class Agg, class Row>
consteval bool check_into() {
    static_assert(std::is_class_v<Agg> && std::is_aggregate_v<Agg>,
                  "sqlforge: into<Agg>() needs an aggregate struct (no constructors, no base class)");
    if constexpr (std::is_class_v<Agg> && std::is_aggregate_v<Agg>) {
        using P = row_parts<Row>;
        static_assert(boost::pfr::tuple_size_v<Agg> == P::size,
                      "sqlforge: into<Agg>(): Agg must have one field per item of the row, and its field count differs");
        if constexpr (boost::pfr::tuple_size_v<Agg> == P::size) {
            [&]<std::size_t... I>(std::index_sequence<I...>) {
                ((void)check_into_field<boost::pfr::tuple_element_t<I, Agg>, typename P::template type<I>>(), ...);
            }(std::make_index_sequence<P::size>{});
        }
    }
    return true;
}

// Copies (or moves) the parts of a row into the fields of an Agg, by position. Copying into
// the same Agg row after row reuses its strings' buffers.
template <class Agg, class Row, std::size_t... I>
void assign_into(Agg& out, Row& row, bool move, std::index_sequence<I...>) {
    using P = row_parts<Row>;
    if (move) ((boost::pfr::get<I>(out) = std::move(P::template get<I>(row))), ...);
    else ((boost::pfr::get<I>(out) = P::template get<I>(row)), ...);
}
}  // namespace detail

namespace detail {
// The input iterator of a streaming result: the owner keeps the current row (row_), knows
// when it is done (done_) and reads the next row (advance()). Shared by result<Row> and
// raw_result.
template <class Owner, class Row>
class cursor_iterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = Row;
    using difference_type = std::ptrdiff_t;
    using pointer = const Row*;
    using reference = const Row&;

    cursor_iterator() = default;
    explicit cursor_iterator(Owner* r) : r_(r) {}
    const Row& operator*() const { return r_->row_; }
    const Row* operator->() const { return &r_->row_; }
    cursor_iterator& operator++() {
        r_->advance();
        return *this;
    }
    void operator++(int) { ++*this; }
    bool operator==(std::default_sentinel_t) const { return r_ == nullptr || r_->done_; }

private:
    Owner* r_ = nullptr;
};
}  // namespace detail

template <class Row>
class result {
public:
    using value_type = Row;

    result(void* stmt, const detail::cursor_ops<Row>* ops, std::shared_ptr<const void> keep_alive = {}) noexcept
        : lease_(stmt, ops->reset), ops_(ops), keep_alive_(std::move(keep_alive)) {}
    result(result&& o) noexcept
        : lease_(std::move(o.lease_)), ops_(o.ops_), explain_(o.explain_), keep_alive_(std::move(o.keep_alive_)),
          row_(std::move(o.row_)), started_(o.started_), done_(o.done_) {}
    result& operator=(result&&) = delete;
    result(const result&) = delete;
    ~result() { release(); }

    friend class detail::cursor_iterator<result, Row>;
    friend struct detail::lease_access;
    using iterator = detail::cursor_iterator<result, Row>;

    iterator begin() {
        if (!started_) advance();
        return iterator{this};
    }
    std::default_sentinel_t end() const noexcept { return {}; }

    // Every remaining row, each read straight into its place in the vector (no copy through
    // the result's current row).
    std::vector<Row> all() {
        std::vector<Row> rows;
        if (started_) {
            if (done_) return rows;
            rows.push_back(std::move(row_));  // the current row, not yet passed by the caller
        }
        started_ = true;
        if (!lease_.get()) {
            if (lease_.revoked()) detail::throw_revoked_result();
            done_ = true;
            return rows;
        }
        try {
            ops_->append_all(lease_.get(), rows);
        } catch (const dbapi_error& e) {
            fail(e);
        } catch (...) {
            release();
            throw;
        }
        release();
        return rows;
    }
    // The first row, or nothing; the rest are discarded.
    std::optional<Row> first() {
        std::optional<Row> r;
        if (auto it = begin(); it != end()) r = std::move(row_);
        release();
        return r;
    }
    // Exactly one row: no_result_found / multiple_results_found otherwise.
    Row one() {
        std::optional<Row> r = one_or_none();
        if (!r) throw no_result_found("sqlforge: no row was found when one was required");
        return std::move(*r);
    }
    // At most one row: multiple_results_found if there are more.
    std::optional<Row> one_or_none() {
        std::optional<Row> r;
        auto it = begin();
        if (it != end()) {
            r = std::move(row_);
            ++it;
            if (it != end()) {
                release();
                throw multiple_results_found("sqlforge: multiple rows were found when one or none was required");
            }
        }
        release();
        return r;
    }
    // The first row's value (a one-column select), or nothing. As in SQLAlchemy, "no row"
    // and "NULL" both read as nothing: a nullable column gives std::optional<X>, not an
    // optional of an optional.
    auto scalar() {
        if constexpr (is_optional_v<Row>) {
            std::optional<Row> r = first();
            return r ? std::move(*r) : Row{};
        } else {
            return first();
        }
    }

    // The rows as any aggregate whose fields match the row by position and type:
    //   struct NameCount { std::string name; std::int64_t n; };
    //   for (const NameCount& nc : s.execute(q).into<NameCount>()) ...
    // A streaming range like this one (all(), first(), one(), one_or_none() too); a count or
    // type mismatch (std::optional included) does not compile.
    template <class Agg>
    class into_range;
    template <class Agg>
    into_range<Agg> into() && {
        static_assert(detail::check_into<Agg, Row>());
        return into_range<Agg>(std::move(*this));
    }
    template <class Agg>
    void into() & {
        static_assert(sizeof(Agg) == 0,
                      "sqlforge: into<Agg>() takes the result itself: call it on s.execute(q) directly, or on "
                      "std::move(result)");
    }

private:
    void advance() {
        started_ = true;
        if (done_ || !lease_.get()) {
            if (lease_.revoked()) detail::throw_revoked_result();  // every later read too
            done_ = true;
            return;
        }
        bool more = false;
        try {
            more = ops_->next(lease_.get(), row_);
        } catch (const dbapi_error& e) {
            fail(e);
        } catch (...) {
            release();
            throw;
        }
        if (!more) release();
    }
    void release() noexcept {
        done_ = true;
        lease_.release();
        keep_alive_.reset();
    }
    // A row that could not be read: the statement is let go, then the session may explain the
    // error (a schema_mismatch when the structs differ from the tables), else it propagates.
    [[noreturn]] void fail(const dbapi_error& e) {
        void* scope = lease_.owner();
        release();
        if (explain_ && scope) explain_(e, scope);
        throw;
    }

    using explain_fn = void(const dbapi_error& e, void* scope);

    detail::statement_lease lease_;  // the statement, while rows are left to read
    const detail::cursor_ops<Row>* ops_;
    explain_fn* explain_ = nullptr;  // set by session::execute (orm/session.hpp)
    std::shared_ptr<const void> keep_alive_;  // an rvalue statement's owned values, while bound
    Row row_{};
    bool started_ = false;
    bool done_ = false;
};

template <class Row>
template <class Agg>
class result<Row>::into_range {
public:
    using value_type = Agg;

    explicit into_range(result&& r) noexcept(std::is_nothrow_default_constructible_v<Agg>) : r_(std::move(r)) {}
    into_range(into_range&&) = default;
    into_range(const into_range&) = delete;

    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = Agg;
        using difference_type = std::ptrdiff_t;
        using pointer = const Agg*;
        using reference = const Agg&;

        iterator() = default;
        explicit iterator(into_range* m) : m_(m) {}
        const Agg& operator*() const { return m_->current_; }
        const Agg* operator->() const { return &m_->current_; }
        iterator& operator++() {
            m_->r_.advance();
            m_->load();
            return *this;
        }
        void operator++(int) { ++*this; }
        bool operator==(std::default_sentinel_t) const { return m_ == nullptr || m_->r_.done_; }

    private:
        into_range* m_ = nullptr;
    };

    iterator begin() {
        if (!r_.started_) {
            r_.advance();
            load();
        }
        return iterator{this};
    }
    std::default_sentinel_t end() const noexcept { return {}; }

    std::vector<Agg> all() {
        std::vector<Agg> out;
        for (const Agg& a : *this) out.push_back(a);
        return out;
    }
    std::optional<Agg> first() { return convert(r_.first()); }
    Agg one() { return convert_one(r_.one()); }
    std::optional<Agg> one_or_none() { return convert(r_.one_or_none()); }

private:
    static constexpr auto fields = std::make_index_sequence<detail::row_parts<Row>::size>{};
    void load() {
        if (!r_.done_) detail::assign_into(current_, r_.row_, false, fields);
    }
    static Agg convert_one(Row&& row) {
        Agg a{};
        detail::assign_into(a, row, true, fields);
        return a;
    }
    static std::optional<Agg> convert(std::optional<Row>&& row) {
        if (!row) return std::nullopt;
        return convert_one(std::move(*row));
    }

    result r_;
    Agg current_{};
};

}  // namespace sqlforge
