#pragma once
// What the benchmark binaries share: the model of issue 7, the data set, MySQL URL parsing
// for the raw C API and SOCI, and small error helpers. Not part of the library.
#include <sqlforge/sqlforge.hpp>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

namespace sf = sqlforge;

struct Job {
    std::int64_t id;
    std::string name;
    int status;
    double score;
};

// The rows every library inserts (W1) and finds (W2-W5): id 0 (filled in by the insert),
// a name short enough for the small-string buffer, like most real names, status 0-9.
inline std::vector<Job> make_rows(std::size_t n) {
    std::vector<Job> rows;
    rows.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
        rows.push_back(Job{0, "job-" + std::to_string(i + 1), static_cast<int>(i % 10), static_cast<double>(i) * 0.5});
    return rows;
}

[[noreturn]] inline void fail(const std::string& what) { throw std::runtime_error(what); }

// mysql://user:password@host:port/database, percent-decoded, as the raw C API and SOCI need it.
struct mysql_target {
    std::string user, password, host = "127.0.0.1", database;
    unsigned port = 3306;
};

inline mysql_target parse_mysql_url(std::string_view url) {
    const sf::url u = sf::parse_url(url);
    mysql_target t;
    t.user = u.username;
    t.password = u.password;
    if (!u.host.empty()) t.host = u.host;
    if (u.port) t.port = static_cast<unsigned>(*u.port);
    t.database = u.database;
    return t;
}

// The MariaDB URL from SQLFORGE_TEST_MYSQL_URL (as the tests), or nothing.
inline std::optional<std::string> mysql_url_from_env() {
    const char* v = std::getenv("SQLFORGE_TEST_MYSQL_URL");
    if (!v || !*v) return std::nullopt;
    return std::string(v);
}

}  // namespace bench

// The table is called bench_job rather than job, so that the smoke run (ctest) can share
// the MariaDB test database with the integration tests running beside it, whose Job is `job`.
template <>
struct sqlforge::table_traits<bench::Job> {
    static constexpr auto name = sqlforge::fixed_string{"bench_job"};
};

SQLFORGE_COLUMNS(job, bench::Job, id, name, status, score)
