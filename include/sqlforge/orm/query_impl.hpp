#pragma once
// basic_query's running calls, defined once session is complete.
#include <sqlforge/orm/query.hpp>
#include <sqlforge/orm/session.hpp>

namespace sqlforge {

template <class T, class Select>
result<T> basic_query<T, Select>::execute() const {
    return s_->execute(q_);
}

template <class T, class Select>
typename result<T>::iterator basic_query<T, Select>::begin() const {
    // (a row that cannot be read is explained by the result itself: session::execute)
    running_.reset();
    running_.emplace(execute());
    return running_->begin();  // reads the first row
}

template <class T, class Select>
std::vector<T> basic_query<T, Select>::all() const {
    return s_->execute(q_).all();
}

template <class T, class Select>
std::optional<T> basic_query<T, Select>::first() const {
    if constexpr (Select::limit_type::has_limit) return s_->execute(q_).first();
    else return s_->execute(q_.limit(1)).first();
}

template <class T, class Select>
T basic_query<T, Select>::one() const {
    return s_->execute(q_).one();
}

template <class T, class Select>
std::optional<T> basic_query<T, Select>::one_or_none() const {
    return s_->execute(q_).one_or_none();
}

template <class T, class Select>
std::int64_t basic_query<T, Select>::count() const {
    return s_->execute(with_where(select(sqlforge::count()).template from<T>())).one();
}

template <class T, class Select>
template <class... As>
std::int64_t basic_query<T, Select>::update(const As&... assignments) const {
    return s_->execute(with_where(sqlforge::update<T>().set(assignments...)));
}

template <class T, class Select>
std::int64_t basic_query<T, Select>::delete_() const {
    return s_->execute(with_where(delete_from<T>()));
}

}  // namespace sqlforge
