#pragma once
// session.query<T>(): SQLAlchemy's Query over one model, built up by filtering calls and
// ended by a call that runs it (all, first, one, one_or_none, count, update, delete_) or by
// iterating it. Each filtering call returns a new query type; the SQL stays a constant.
#include <sqlforge/expr/functions.hpp>
#include <sqlforge/orm/result.hpp>
#include <sqlforge/stmt/select.hpp>
#include <sqlforge/stmt/update.hpp>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace sqlforge {

class session;

template <class T, class Select>
class basic_query {
public:
    basic_query(session* s, Select q) : s_(s), q_(std::move(q)) {}
    basic_query(basic_query&& o) noexcept : s_(o.s_), q_(std::move(o.q_)) {}

    template <class E>
    auto where(const E& e) const {
        return make(q_.where(e));
    }
    // SQLAlchemy's name for where().
    template <class E>
    auto filter(const E& e) const {
        return where(e);
    }
    template <class... Ts>
    auto order_by(const Ts&... ts) const {
        return make(q_.order_by(ts...));
    }
    template <class N>
    auto limit(N n) const {
        return make(q_.limit(n));
    }
    template <class N>
    auto offset(N n) const {
        return make(q_.offset(n));
    }

    // The select this query runs.
    const Select& statement() const noexcept { return q_; }

    result<T> execute() const;  // a streaming result of T
    // Iterating a query runs it; the rows stream from the driver as the loop goes.
    typename result<T>::iterator begin() const;
    std::default_sentinel_t end() const noexcept { return {}; }
    std::vector<T> all() const;
    std::optional<T> first() const;
    T one() const;
    std::optional<T> one_or_none() const;
    std::int64_t count() const;
    template <class... As>
    std::int64_t update(const As&... assignments) const;
    std::int64_t delete_() const;

private:
    template <class S>
    basic_query<T, S> make(S q) const {
        return {s_, std::move(q)};
    }
    // The where clause, applied to another statement (count, update, delete).
    template <class Stmt>
    auto with_where(Stmt st) const {
        if constexpr (present<decltype(q_.where_)>) return st.where(q_.where_.expr);
        else return st;
    }

    session* s_;
    Select q_;
    mutable std::optional<result<T>> running_;
};

}  // namespace sqlforge
