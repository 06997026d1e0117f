#pragma once
// Relationships, SQLAlchemy's relationship() with a "selectin" eager load: the related rows
// of MANY objects come back in one query per batch of 64 keys, never one query per object.
// Declared without touching the structs:
//
//   constexpr auto albums_of = sf::one_to_many<&Album::ArtistId, &Artist::ArtistId>{};
//   for (auto& [artist, albums] : sf::load_children(s, albums_of, artists)) ...   // one-to-many
//   auto by_key = sf::load_parents(s, albums_of, albums);       // many-to-one: key -> Artist
//   constexpr auto tracks_of = sf::many_to_many<&PlaylistTrack::PlaylistId, &PlaylistTrack::TrackId,
//                                               &Playlist::PlaylistId, &Track::TrackId>{};
//   for (auto& [playlist, tracks] : sf::load_related(s, tracks_of, playlists)) ...
//
// A self-reference works the same way: one_to_many<&Employee::ReportsTo, &Employee::EmployeeId>.
// Each batch is `... WHERE fk IN (?, ?, ... 64 times)`: a constant text whose unused places
// repeat a key, so the statement is prepared once and cached like every other.
#include <sqlforge/expr/column.hpp>
#include <sqlforge/expr/predicates.hpp>
#include <sqlforge/orm/session.hpp>
#include <sqlforge/stmt/select.hpp>

#include <algorithm>
#include <cstddef>
#include <map>
#include <tuple>
#include <utility>
#include <vector>

namespace sqlforge {

inline constexpr std::size_t relationship_batch = 64;

// Child.fk -> Parent.key
template <auto ChildFk, auto ParentKey>
struct one_to_many {
    using child = class_of<ChildFk>;
    using parent = class_of<ParentKey>;
    using key_type = unwrap_optional_t<member_of<ParentKey>>;
    static_assert(std::is_same_v<unwrap_optional_t<member_of<ChildFk>>, key_type>,
                  "sqlforge: a relationship's foreign key and the key it refers to must have the same C++ type");
};

// Left.key <- Assoc.left_fk, Assoc.right_fk -> Right.key
template <auto AssocLeft, auto AssocRight, auto LeftKey, auto RightKey>
struct many_to_many {
    using assoc = class_of<AssocLeft>;
    using left = class_of<LeftKey>;
    using right = class_of<RightKey>;
    using key_type = unwrap_optional_t<member_of<LeftKey>>;
    static_assert(std::is_same_v<class_of<AssocRight>, assoc>,
                  "sqlforge: both association fields of many_to_many<> must belong to the association table");
    static_assert(std::is_same_v<unwrap_optional_t<member_of<AssocLeft>>, key_type> &&
                      std::is_same_v<unwrap_optional_t<member_of<AssocRight>>, unwrap_optional_t<member_of<RightKey>>>,
                  "sqlforge: association fields must have the same C++ types as the keys they refer to");
};

namespace detail {

template <class V>
const auto& unwrap(const V& v) {
    if constexpr (is_optional_v<V>) return *v;
    else return v;
}

// Calls run(keys[64]) for each batch of the distinct keys.
template <class K, class Run>
void in_batches(std::vector<K> keys, Run&& run) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    for (std::size_t at = 0; at < keys.size(); at += relationship_batch) {
        K batch[relationship_batch];
        for (std::size_t i = 0; i < relationship_batch; ++i)
            batch[i] = keys[std::min(at + i, keys.size() - 1)];  // pad by repeating the last key
        run(batch);
    }
}

}  // namespace detail

// One-to-many: each parent with its children, in the parents' order, children by primary key.
template <auto ChildFk, auto ParentKey, class Parents>
auto load_children(session& s, one_to_many<ChildFk, ParentKey>, const Parents& parents) {
    using R = one_to_many<ChildFk, ParentKey>;
    using Child = typename R::child;
    using Parent = typename R::parent;
    using K = typename R::key_type;
    std::vector<K> keys;
    for (const Parent& p : parents) keys.push_back(p.*ParentKey);
    std::map<K, std::vector<Child>> by_key;
    detail::in_batches(keys, [&](const K (&batch)[relationship_batch]) {
        auto q = select(all_of<Child>).where(col<ChildFk>.in(batch));
        for (const Child& c : s.execute(q)) {
            const auto& fk = c.*ChildFk;
            if constexpr (is_optional_v<member_of<ChildFk>>) {
                if (!fk) continue;
            }
            by_key[detail::unwrap(fk)].push_back(c);
        }
    });
    std::vector<std::pair<Parent, std::vector<Child>>> out;
    out.reserve(std::size(parents));
    for (const Parent& p : parents) {
        auto it = by_key.find(p.*ParentKey);
        out.emplace_back(p, it == by_key.end() ? std::vector<Child>{} : it->second);
    }
    return out;
}

// Many-to-one: the parent of each child, by the parent's key (children without one are skipped).
template <auto ChildFk, auto ParentKey, class Children>
auto load_parents(session& s, one_to_many<ChildFk, ParentKey>, const Children& children) {
    using R = one_to_many<ChildFk, ParentKey>;
    using Parent = typename R::parent;
    using K = typename R::key_type;
    std::vector<K> keys;
    for (const auto& c : children) {
        const auto& fk = c.*ChildFk;
        if constexpr (is_optional_v<member_of<ChildFk>>) {
            if (fk) keys.push_back(*fk);
        } else {
            keys.push_back(fk);
        }
    }
    std::map<K, Parent> by_key;
    if (keys.empty()) return by_key;
    detail::in_batches(keys, [&](const K (&batch)[relationship_batch]) {
        for (const Parent& p : s.execute(select(all_of<Parent>).where(col<ParentKey>.in(batch))))
            by_key.emplace(p.*ParentKey, p);
    });
    return by_key;
}

// Many-to-many through an association table: each left object with its right objects, one
// joined query per batch.
template <auto AL, auto AR, auto LK, auto RK, class Lefts>
auto load_related(session& s, many_to_many<AL, AR, LK, RK>, const Lefts& lefts) {
    using R = many_to_many<AL, AR, LK, RK>;
    using Left = typename R::left;
    using Right = typename R::right;
    using K = typename R::key_type;
    std::vector<K> keys;
    for (const Left& l : lefts) keys.push_back(l.*LK);
    std::map<K, std::vector<Right>> by_key;
    detail::in_batches(keys, [&](const K (&batch)[relationship_batch]) {
        auto q = select(col<AL>, all_of<Right>)
                     .template from<Right>()
                     .template join<typename R::assoc>(col<AR> == col<RK>)
                     .where(col<AL>.in(batch))
                     .order_by(col<AL>, col<RK>);
        for (const auto& [left_key, right] : s.execute(q)) by_key[detail::unwrap(left_key)].push_back(right);
    });
    std::vector<std::pair<Left, std::vector<Right>>> out;
    for (const Left& l : lefts) {
        auto it = by_key.find(l.*LK);
        out.emplace_back(l, it == by_key.end() ? std::vector<Right>{} : it->second);
    }
    return out;
}

}  // namespace sqlforge
