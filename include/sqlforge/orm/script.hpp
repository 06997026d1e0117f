#pragma once
// run_script(engine, sql): runs a file of SQL statements (a schema, a data dump such as the
// Chinook scripts) statement by statement, in one transaction. Statements end at ';' outside
// quotes ('...', "...", `...`, [...]) and comments (-- and /* */). MySQL connections do
// not enable multi-statement queries (a safety default), hence the split.
// This is the one place sqlforge runs SQL text it did not build: give it trusted files only.
#include <sqlforge/orm/engine.hpp>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sqlforge {

// The statements of a script, without their ';' and leading comments; blank ones dropped.
inline std::vector<std::string_view> split_sql_script(std::string_view sql) {
    std::vector<std::string_view> out;
    std::size_t start = 0, i = 0;
    auto flush = [&](std::size_t end) {
        std::string_view st = sql.substr(start, end - start);
        // Drop leading blanks and comments; a statement of comments only is not one.
        for (;;) {
            std::size_t b = st.find_first_not_of(" \t\r\n");
            if (b == std::string_view::npos) {
                st = {};
                break;
            }
            st.remove_prefix(b);
            if (st.starts_with("--")) {
                std::size_t nl = st.find('\n');
                st = nl == std::string_view::npos ? std::string_view{} : st.substr(nl + 1);
            } else if (st.starts_with("/*")) {
                std::size_t close = st.find("*/");
                st = close == std::string_view::npos ? std::string_view{} : st.substr(close + 2);
            } else {
                break;
            }
        }
        if (!st.empty()) out.push_back(st.substr(0, st.find_last_not_of(" \t\r\n") + 1));
        start = end + 1;
    };
    while (i < sql.size()) {
        char c = sql[i];
        if (c == '\'' || c == '"' || c == '`' || c == '[') {
            char close = c == '[' ? ']' : c;
            ++i;
            while (i < sql.size()) {
                if (sql[i] == '\\' && c != '[' && i + 1 < sql.size()) { i += 2; continue; }
                if (sql[i] == close) {
                    if (i + 1 < sql.size() && sql[i + 1] == close && c != '[') { i += 2; continue; }  // '' escape
                    break;
                }
                ++i;
            }
            ++i;
        } else if (sql.compare(i, 2, "--") == 0) {
            i = sql.find('\n', i);
            if (i == std::string_view::npos) i = sql.size();
        } else if (sql.compare(i, 2, "/*") == 0) {
            i = sql.find("*/", i + 2);
            i = i == std::string_view::npos ? sql.size() : i + 2;
        } else if (c == ';') {
            flush(i);
            ++i;
        } else {
            ++i;
        }
    }
    if (start < sql.size()) flush(sql.size());
    return out;
}

inline void run_script(const engine& e, std::string_view sql) {
    engine pool = e;  // a handle: the copy shares the pool
    auto conn = pool.acquire();
    try {
        with_backend(*conn, [&](auto& c) {
            c.begin();
            try {
                for (std::string_view st : split_sql_script(sql)) c.exec(st);
                c.commit();
            } catch (...) {
                try {
                    c.rollback();
                } catch (...) {
                }
                throw;
            }
        });
    } catch (...) {
        pool.release(std::move(conn));
        throw;
    }
    pool.release(std::move(conn));
}

}  // namespace sqlforge
