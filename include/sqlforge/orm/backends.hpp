#pragma once
// The backends this build has, and the one type that holds any of them. The backend of an
// engine is picked from its URL at run time; code that runs a statement visits this variant
// once per statement and then calls the concrete backend directly, so no bound value and no
// row pays for the choice.
//
// SQLFORGE_HAS_SQLITE / SQLFORGE_HAS_MYSQL come from the CMake target; without CMake they
// are guessed from the headers that can be found.
#include <sqlforge/dialect/mysql.hpp>
#include <sqlforge/dialect/sqlite.hpp>

#include <type_traits>
#include <variant>

#ifndef SQLFORGE_HAS_SQLITE
#if __has_include(<sqlite3.h>)
#define SQLFORGE_HAS_SQLITE 1
#else
#define SQLFORGE_HAS_SQLITE 0
#endif
#endif
#ifndef SQLFORGE_HAS_MYSQL
#if __has_include(<mysql.h>)
#define SQLFORGE_HAS_MYSQL 1
#else
#define SQLFORGE_HAS_MYSQL 0
#endif
#endif

#if SQLFORGE_HAS_SQLITE
#include <sqlforge/backend/sqlite/connection.hpp>
#endif
#if SQLFORGE_HAS_MYSQL
#include <sqlforge/backend/mysql/connection.hpp>
#endif

namespace sqlforge {

enum class backend_kind { sqlite, mysql };

namespace detail {
struct no_backend {};  // keeps the variant well-formed when a build has a single backend
}

// One open database connection of whichever backend the URL named.
using backend_connection = std::variant<
#if SQLFORGE_HAS_SQLITE
    backend::sqlite::connection,
#endif
#if SQLFORGE_HAS_MYSQL
    backend::mysql::connection,
#endif
    detail::no_backend>;

// The SQL dialect a backend connection speaks.
template <class Conn>
struct dialect_of;
#if SQLFORGE_HAS_SQLITE
template <>
struct dialect_of<backend::sqlite::connection> {
    using type = sqlite_dialect;
};
#endif
#if SQLFORGE_HAS_MYSQL
template <>
struct dialect_of<backend::mysql::connection> {
    using type = mysql_dialect;
};
#endif

template <class Conn>
using dialect_of_t = typename dialect_of<std::remove_cvref_t<Conn>>::type;

// Calls f(concrete_connection&) for the backend `c` holds.
template <class F>
decltype(auto) with_backend(backend_connection& c, F&& f) {
    return std::visit(
        [&](auto& conn) -> decltype(auto) {
            if constexpr (std::is_same_v<std::remove_cvref_t<decltype(conn)>, detail::no_backend>) {
                // Never reached: engines only ever create connections of backends that exist.
                return f(std::get<0>(c));
            } else {
                return f(conn);
            }
        },
        c);
}

}  // namespace sqlforge
