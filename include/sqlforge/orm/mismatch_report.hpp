#pragma once
// When a statement on mapped tables fails in a way a struct that does not match its table
// would explain (the server rejected the SQL: "no such column"; a value did not fit its
// field: NULL read into a field that is not std::optional), the session compares the
// statement's structs with their live tables, on the same connection, and if they differ
// throws schema_mismatch with the original error and the list of differences instead.
// Nothing of this runs unless a statement failed: the happy path pays one try block.
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/orm/verify_schema.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>
#include <string>
#include <utility>
#include <vector>

namespace sqlforge {

namespace detail {

// The models a statement reads or writes: a select's FROM tables and aliases (not its
// subqueries in FROM), an insert's, update's or delete's table.
template <class Source>
struct source_model {
    using type = boost::mp11::mp_list<>;
};
template <class Source>
    requires requires { typename Source::model; }
struct source_model<Source> {
    using type = boost::mp11::mp_list<typename Source::model>;
};

template <class S>
struct statement_models {
    using type = boost::mp11::mp_list<>;
};
template <class S>
    requires requires { typename S::from_tables; }
struct statement_models<S> {
    using type = boost::mp11::mp_unique<boost::mp11::mp_flatten<
        boost::mp11::mp_transform_q<boost::mp11::mp_quote_trait<source_model>, typename S::from_tables>>>;
};
template <class S>
    requires(!requires { typename S::from_tables; } && requires { typename S::model; })
struct statement_models<S> {
    using type = boost::mp11::mp_list<typename S::model>;
};

// Stands for the statements the session builds for one model (add, get, update, remove).
template <class T>
struct on_model {
    using model = T;
};

template <class List>
struct differences_of;
template <class... Ts>
struct differences_of<boost::mp11::mp_list<Ts...>> {
    template <class Conn>
    static std::vector<std::string> on(Conn& c) {
        return schema_differences<Ts...>(c);
    }
};

// Called from a catch handler for `original`: throws schema_mismatch if the models of
// statement S differ from their tables; returns (so that the caller rethrows the original)
// if they match, if S names no model, or if the comparison itself fails.
// run(f) runs f on the connection the statement failed on.
template <class S, class Run>
void report_mismatch(const dbapi_error& original, Run&& run) {
    using models = typename statement_models<std::remove_cvref_t<S>>::type;
    if constexpr (!boost::mp11::mp_empty<models>::value) {
        std::vector<std::string> problems;
        try {
            problems = run([](auto& c) { return differences_of<models>::on(c); });
        } catch (...) {
            return;
        }
        // A missing table is not a struct that differs: the original error ("no such table")
        // already says it all.
        bool only_missing_tables = true;
        for (const auto& p : problems) only_missing_tables = only_missing_tables && p.find(": table '") != std::string::npos;
        if (only_missing_tables) return;
        std::string msg = std::string(original.what()) + "\n" + mismatch_message(problems);
        throw schema_mismatch(msg, std::move(problems));
    }
}

}  // namespace detail

}  // namespace sqlforge
