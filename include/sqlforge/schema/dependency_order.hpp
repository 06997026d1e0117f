#pragma once
// The order create_all<Ts...> creates tables in: a table after every table its foreign keys
// reference (among Ts; a reference to itself, like Employee.ReportsTo, does not count).
// Computed at compile time with Kahn's algorithm; a cycle does not compile, and the tables
// on it are the template arguments of foreign_key_cycle<...> in the compiler's note.
#include <sqlforge/schema/table.hpp>
#include <sqlforge/schema/table_traits.hpp>

#include <boost/mp11/algorithm.hpp>
#include <array>
#include <cstddef>
#include <tuple>
#include <type_traits>

namespace sqlforge {

namespace detail {

template <class C>
struct references_of {
    using type = void;
};
template <auto From, auto To, fk_action D, fk_action U>
struct references_of<foreign_key<From, To, D, U>> {
    using type = typename fk_side<To>::model;  // one column or a composite key's
};

// Does T have a foreign key to U (U != T)?
template <class T, class U>
consteval bool references() {
    if constexpr (std::is_same_v<T, U>) {
        return false;
    } else {
        return []<class... Cs>(std::tuple<Cs...>*) {
            return (std::is_same_v<typename references_of<Cs>::type, U> || ... || false);
        }(static_cast<typename table<T>::constraints*>(nullptr));
    }
}

template <class... Ts>
struct dependency_order {
    static constexpr std::size_t n = sizeof...(Ts);
    using list = boost::mp11::mp_list<Ts...>;

    // depends[i][j]: table i references table j.
    static constexpr std::array<std::array<bool, n>, n> depends = [] {
        std::array<std::array<bool, n>, n> d{};
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (
                [&] {
                    constexpr std::size_t i = I;
                    [&]<std::size_t... J>(std::index_sequence<J...>) {
                        ((d[i][J] = references<boost::mp11::mp_at_c<list, i>, boost::mp11::mp_at_c<list, J>>()), ...);
                    }(std::make_index_sequence<n>{});
                }(),
                ...);
        }(std::make_index_sequence<n>{});
        return d;
    }();

    struct result {
        std::array<std::size_t, n> order{};
        std::size_t placed = 0;
        std::array<bool, n> done{};
    };

    static constexpr result sorted = [] {
        result r;
        bool progress = true;
        while (r.placed < n && progress) {
            progress = false;
            for (std::size_t i = 0; i < n; ++i) {
                if (r.done[i]) continue;
                bool ready = true;
                for (std::size_t j = 0; j < n; ++j)
                    if (depends[i][j] && !r.done[j]) ready = false;
                if (ready) {
                    r.done[i] = true;
                    r.order[r.placed++] = i;
                    progress = true;
                }
            }
        }
        return r;
    }();

    static constexpr bool acyclic = sorted.placed == n;
    static constexpr std::array<std::size_t, n> order = sorted.order;
};

}  // namespace detail

// Named in the compiler's note when the foreign keys among Ts form a cycle: its arguments are
// the tables that could not be ordered.
template <class... TablesOnCycle>
struct foreign_key_cycle {
    static constexpr bool report() {
        static_assert(sizeof...(TablesOnCycle) == 0,
                      "sqlforge: the foreign keys of these tables form a cycle, so no creation order exists; the "
                      "tables are the template arguments of sqlforge::foreign_key_cycle<...> in this message");
        return true;
    }
};

namespace detail {
template <class... Ts>
consteval bool check_acyclic() {
    using O = dependency_order<Ts...>;
    if constexpr (!O::acyclic) {
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            using cycle = boost::mp11::mp_remove<
                boost::mp11::mp_list<std::conditional_t<O::sorted.done[I], void, Ts>...>, void>;
            return boost::mp11::mp_rename<cycle, foreign_key_cycle>::report();
        }(std::index_sequence_for<Ts...>{});
    } else {
        return true;
    }
}
}  // namespace detail

// Calls f.template operator()<T>() for each of Ts in creation order.
template <class... Ts, class F>
constexpr void for_each_in_dependency_order(F&& f) {
    static_assert(detail::check_acyclic<Ts...>());
    using O = detail::dependency_order<Ts...>;
    [&]<std::size_t... K>(std::index_sequence<K...>) {
        (f.template operator()<boost::mp11::mp_at_c<boost::mp11::mp_list<Ts...>, O::order[K]>>(), ...);
    }(std::make_index_sequence<sizeof...(Ts)>{});
}

}  // namespace sqlforge
