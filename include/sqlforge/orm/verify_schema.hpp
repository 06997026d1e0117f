#pragma once
// verify_schema<T...>(engine): compares each model with its live table and throws
// schema_mismatch listing every difference (all of them, not the first):
//   - the table does not exist;
//   - a field has no column;
//   - a column's type is of another kind than the field's (integer, real, text, blob,
//     date/time) — SQLite is compared by type affinity, as SQLite itself reads types;
//   - a column may be NULL but the field is not std::optional (a read could fail);
//   - the table has a NOT NULL column without default that the struct lacks (an insert
//     through the struct would fail).
#include <sqlforge/orm/backends.hpp>
#include <sqlforge/orm/engine.hpp>
#include <sqlforge/orm/errors.hpp>
#include <sqlforge/schema/sql_types.hpp>
#include <sqlforge/schema/table.hpp>

#include <cctype>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sqlforge {

namespace detail {

// What verify compares: the family a declared SQL type belongs to.
enum class type_family { integer, real, text, blob, temporal, numeric, unknown };

inline std::string upper(std::string_view s) {
    std::string r(s);
    for (char& c : r) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return r;
}

// SQLite's affinity rules (sqlite.org/datatype3.html, 3.1), on a declared type.
inline type_family sqlite_family(std::string_view declared) {
    std::string t = upper(declared);
    if (t.find("INT") != std::string::npos) return type_family::integer;
    if (t.find("CHAR") != std::string::npos || t.find("CLOB") != std::string::npos ||
        t.find("TEXT") != std::string::npos)
        return type_family::text;
    if (t.empty() || t.find("BLOB") != std::string::npos) return type_family::blob;
    if (t.find("REAL") != std::string::npos || t.find("FLOA") != std::string::npos ||
        t.find("DOUB") != std::string::npos)
        return type_family::real;
    return type_family::numeric;  // NUMERIC, DECIMAL, BOOLEAN, DATE ...
}

inline type_family mysql_family(std::string_view data_type) {
    std::string t = upper(data_type);
    if (t.find("INT") != std::string::npos || t == "BIT" || t == "YEAR") return type_family::integer;
    if (t == "DOUBLE" || t == "FLOAT" || t == "DECIMAL" || t == "REAL") return type_family::real;
    if (t.find("CHAR") != std::string::npos || t.find("TEXT") != std::string::npos || t == "ENUM" || t == "SET")
        return type_family::text;
    if (t.find("BLOB") != std::string::npos || t.find("BINARY") != std::string::npos) return type_family::blob;
    if (t == "DATETIME" || t == "DATE" || t == "TIME" || t == "TIMESTAMP") return type_family::temporal;
    return type_family::unknown;
}

inline bool families_match(type_family ours, type_family live, bool sqlite) {
    if (ours == live) return true;
    if (sqlite) {
        // NUMERIC affinity stores integers and reals; BOOLEAN and DECIMAL columns are NUMERIC.
        if (live == type_family::numeric) return ours == type_family::integer || ours == type_family::real;
        if (ours == type_family::numeric) return live == type_family::integer || live == type_family::real;
        return false;
    }
    return false;
}

struct live_column {
    std::string name;
    std::string type;
    bool nullable = true;
    bool has_default = false;
};

template <class Conn>
std::vector<live_column> live_columns(Conn& c, std::string_view table_name);

#if SQLFORGE_HAS_SQLITE
template <>
inline std::vector<live_column> live_columns(backend::sqlite::connection& c, std::string_view table_name) {
    auto& st = c.prepare("SELECT name, type, \"notnull\", dflt_value IS NOT NULL, pk FROM pragma_table_info(?)");
    st.bind(0, table_name);
    std::vector<live_column> cols;
    while (st.step())
        cols.push_back({std::string(st.get_text(0)), std::string(st.get_text(1)),
                        st.get_int64(2) == 0 && st.get_int64(4) == 0, st.get_int64(3) != 0});
    st.reset();
    return cols;
}
#endif
#if SQLFORGE_HAS_MYSQL
template <>
inline std::vector<live_column> live_columns(backend::mysql::connection& c, std::string_view table_name) {
    auto& st = c.prepare(
        "SELECT COLUMN_NAME, DATA_TYPE, IS_NULLABLE = 'YES', COLUMN_DEFAULT IS NOT NULL OR EXTRA LIKE "
        "'%auto_increment%' FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? "
        "ORDER BY ORDINAL_POSITION");
    st.bind(0, table_name);
    std::vector<live_column> cols;
    while (st.step())
        cols.push_back({std::string(st.get_text(0)), std::string(st.get_text(1)), st.get_int64(2) != 0,
                        st.get_int64(3) != 0});
    st.reset();
    return cols;
}
#endif

template <class D, class T>
type_family our_family(std::size_t i) {
    type_family r = type_family::unknown;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        ((I == i ? (r = [] {
                        using F = unwrap_optional_t<field_type<T, I>>;
                        constexpr sql_kind k = kind_v<F>;
                        if constexpr (k == sql_kind::integer || k == sql_kind::boolean) return type_family::integer;
                        else if constexpr (k == sql_kind::real) return type_family::real;
                        else if constexpr (k == sql_kind::text) return type_family::text;
                        else if constexpr (k == sql_kind::blob) return type_family::blob;
                        else {
                            constexpr std::string_view declared = column_sql_type<D, T, I>();
                            if constexpr (std::is_same_v<D, sqlite_dialect>) return sqlite_family(declared);
                            else return mysql_family(declared.substr(0, declared.find('(')));
                        }
                    }(),
                    0)
                 : 0),
         ...);
    }(std::make_index_sequence<table<T>::column_count>{});
    return r;
}

template <class D, class T, class Conn>
void verify_one(Conn& c, std::vector<std::string>& problems) {
    constexpr bool sqlite = std::is_same_v<D, sqlite_dialect>;
    const std::string tname(table<T>::name);
    const std::size_t first = problems.size();
    auto cols = live_columns(c, tname);
    if (cols.empty()) {
        problems.push_back(std::string(type_name<T>) + ": table '" + tname + "' does not exist");
        return;
    }
    std::vector<bool> used(cols.size(), false);
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (
            [&] {
                if constexpr (table<T>::computed[I]) return;  // a column_property has no column
                constexpr std::string_view field = table<T>::column_names[I];
                constexpr bool optional = is_optional_v<field_type<T, I>>;
                std::size_t k = 0;
                while (k < cols.size() && upper(cols[k].name) != upper(field)) ++k;
                std::string where = "'" + tname + "." + std::string(field) + "'";
                if (k == cols.size()) {
                    problems.push_back("column " + where + " does not exist");
                    return;
                }
                used[k] = true;
                type_family ours = our_family<D, T>(I);
                type_family live = sqlite ? sqlite_family(cols[k].type) : mysql_family(cols[k].type);
                // SQLite gives DATE / DATETIME / TIME columns NUMERIC affinity, but ISO-8601 text
                // (what sqlforge writes for dates and times) stays text in them.
                const bool date_as_text = sqlite && ours == type_family::text && kind_v<field_type<T, I>> == sql_kind::other &&
                                          (upper(cols[k].type).find("DATE") != std::string::npos ||
                                           upper(cols[k].type).find("TIME") != std::string::npos);
                if (!date_as_text && !families_match(ours, live, sqlite))
                    problems.push_back("column " + where + " is " + cols[k].type + " in the database but the field's type is " +
                                       std::string(column_sql_type<D, T, I>()));
                if (cols[k].nullable && !optional && !table<T>::is_primary_key(I))
                    problems.push_back("column " + where +
                                       " may be NULL in the database but the field is not std::optional");
            }(),
            ...);
    }(std::make_index_sequence<table<T>::column_count>{});
    for (std::size_t k = 0; k < cols.size(); ++k)
        if (!used[k] && !cols[k].nullable && !cols[k].has_default)
            problems.push_back("column '" + tname + "." + cols[k].name +
                               "' is NOT NULL without a default in the database but the struct has no such field");
    // Say which struct each difference is about: two structs may map one table.
    for (std::size_t p = first; p < problems.size(); ++p) problems[p] = std::string(type_name<T>) + ": " + problems[p];
}

// Every difference between Ts and their live tables, on connection c.
template <class... Ts, class Conn>
std::vector<std::string> schema_differences(Conn& c) {
    using D = dialect_of_t<Conn>;
    std::vector<std::string> problems;
    (verify_one<D, Ts>(c, problems), ...);
    return problems;
}

// "sqlforge: the structs do not match the database (2 differences):\n  - ...\n  - ..."
inline std::string mismatch_message(const std::vector<std::string>& problems) {
    std::string msg = "sqlforge: the structs do not match the database (" + std::to_string(problems.size()) +
                      (problems.size() == 1 ? " difference):" : " differences):");
    for (const auto& p : problems) msg += "\n  - " + p;
    return msg;
}

}  // namespace detail

template <class... Ts>
void verify_schema(const engine& e) {
    engine pool = e;  // a handle: the copy shares the pool
    auto conn = pool.acquire();
    std::vector<std::string> problems;
    try {
        with_backend(*conn, [&](auto& c) { problems = detail::schema_differences<Ts...>(c); });
    } catch (...) {
        pool.release(std::move(conn));
        throw;
    }
    pool.release(std::move(conn));
    if (!problems.empty()) {
        std::string msg = detail::mismatch_message(problems);
        throw schema_mismatch(msg, std::move(problems));
    }
}

}  // namespace sqlforge
