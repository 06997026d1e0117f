#pragma once
// The rows of an executed select, as an input range: iterating steps the backend statement
// and reads each row straight into the row type; nothing is kept unless all() is asked for.
// The backend was chosen once, when the statement ran: the result calls it through one
// function pointer per row, never per column.
//
// A result borrows a statement from its connection's cache. Read it (or drop it) before
// running the same statement again on the same session: the second run resets the first.
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/schema/value_traits.hpp>

#include <cstddef>
#include <iterator>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace sqlforge {

namespace detail {
template <class Row>
struct cursor_ops {
    bool (*next)(void* stmt, Row& out);  // step and read; false at the end
    void (*reset)(void* stmt) noexcept;
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
};
}  // namespace detail

template <class Row>
class result {
public:
    using value_type = Row;

    result(void* stmt, const detail::cursor_ops<Row>* ops, std::shared_ptr<const void> keep_alive = {}) noexcept
        : stmt_(stmt), ops_(ops), keep_alive_(std::move(keep_alive)) {}
    result(result&& o) noexcept
        : stmt_(std::exchange(o.stmt_, nullptr)), ops_(o.ops_), keep_alive_(std::move(o.keep_alive_)),
          row_(std::move(o.row_)), started_(o.started_), done_(o.done_) {}
    result& operator=(result&&) = delete;
    result(const result&) = delete;
    ~result() { release(); }

    class iterator {
    public:
        using iterator_category = std::input_iterator_tag;
        using value_type = Row;
        using difference_type = std::ptrdiff_t;
        using pointer = const Row*;
        using reference = const Row&;

        iterator() = default;
        explicit iterator(result* r) : r_(r) {}
        const Row& operator*() const { return r_->row_; }
        const Row* operator->() const { return &r_->row_; }
        iterator& operator++() {
            r_->advance();
            return *this;
        }
        void operator++(int) { ++*this; }
        bool operator==(std::default_sentinel_t) const { return r_ == nullptr || r_->done_; }

    private:
        result* r_ = nullptr;
    };

    iterator begin() {
        if (!started_) advance();
        return iterator{this};
    }
    std::default_sentinel_t end() const noexcept { return {}; }

    // Every remaining row.
    std::vector<Row> all() {
        std::vector<Row> rows;
        for (const Row& r : *this) rows.push_back(r);
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

private:
    void advance() {
        started_ = true;
        if (done_ || !stmt_) {
            done_ = true;
            return;
        }
        bool more = false;
        try {
            more = ops_->next(stmt_, row_);
        } catch (...) {
            release();
            throw;
        }
        if (!more) release();
    }
    void release() noexcept {
        done_ = true;
        if (stmt_) ops_->reset(std::exchange(stmt_, nullptr));
        keep_alive_.reset();
    }

    void* stmt_;
    const detail::cursor_ops<Row>* ops_;
    std::shared_ptr<const void> keep_alive_;  // an rvalue statement's owned values, while bound
    Row row_{};
    bool started_ = false;
    bool done_ = false;
};

}  // namespace sqlforge
