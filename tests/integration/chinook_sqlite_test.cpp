// The real Chinook database (tests/data/chinook, MIT licence), loaded into SQLite from its own
// SQL script, queried through the DSL. Each answer is checked against the same question asked
// in hand-written SQL through the SQLite C API wrapper, so nothing here is a hard-coded result.
// (SQLite only: loading the MySQL script through sqlforge is part of the schema issue.)
#include "chinook_models.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>
#include <vector>

using namespace chinook;

namespace {

std::string chinook_db() {
    static const std::string path = [] {
        auto p = std::filesystem::temp_directory_path() / "sqlforge_chinook_test.db";
        std::filesystem::remove(p);
        std::ifstream in(std::string(SQLFORGE_TEST_DATA_DIR) + "/chinook/Chinook_Sqlite.sql");
        REQUIRE(in.good());
        std::stringstream script;
        script << in.rdbuf();
        sf::backend::sqlite::connection c({.path = p.string()});
        c.exec(script.str());
        return p.string();
    }();
    return path;
}

// Rows of a hand-written query, each column as text ("NULL" for NULL): the oracle.
std::vector<std::vector<std::string>> oracle(std::string_view sql) {
    sf::backend::sqlite::connection c({.path = chinook_db(), .read_only = true});
    auto& st = c.prepare(sql);
    std::vector<std::vector<std::string>> rows;
    while (st.step()) {
        std::vector<std::string> row;
        for (int i = 0; i < st.column_count(); ++i) row.emplace_back(st.is_null(i) ? "NULL" : std::string(st.get_text(i)));
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string text_of(const std::string& s) { return s; }
std::string text_of(std::int64_t v) { return std::to_string(v); }
template <class T>
std::string text_of(const std::optional<T>& v) {
    return v ? text_of(*v) : "NULL";
}

template <class... Ts>
std::vector<std::vector<std::string>> as_text(const std::vector<std::tuple<Ts...>>& rows) {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : rows)
        out.push_back(std::apply([](const auto&... v) { return std::vector<std::string>{text_of(v)...}; }, r));
    return out;
}

}  // namespace

TEST_CASE("Chinook: the five artists with the most tracks (three-table join, group by, having, label order)") {
    auto e = sf::create_engine("sqlite:///" + chinook_db() + "?mode=ro");
    sf::session s{e};
    auto q = sf::select(artist::Name, sf::count(track::TrackId).as<"tracks">())
                 .from<Artist>()
                 .join<Album>(album::ArtistId == artist::ArtistId)
                 .join<Track>(track::AlbumId == album::AlbumId)
                 .group_by(artist::ArtistId, artist::Name)
                 .having(sf::count(track::TrackId) > 10)
                 .order_by(sf::desc<"tracks">, artist::Name)
                 .limit(5);
    auto got = as_text(s.execute(q).all());
    CHECK(got.size() == 5);
    CHECK(got == oracle("SELECT ar.Name, COUNT(t.TrackId) AS n FROM Artist ar JOIN Album al ON al.ArtistId = ar.ArtistId "
                        "JOIN Track t ON t.AlbumId = al.AlbumId GROUP BY ar.ArtistId, ar.Name HAVING COUNT(t.TrackId) > 10 "
                        "ORDER BY n DESC, ar.Name LIMIT 5"));
}

TEST_CASE("Chinook: every employee with their manager (self-join through aliases, LEFT JOIN)") {
    auto e = sf::create_engine("sqlite:///" + chinook_db() + "?mode=ro");
    sf::session s{e};
    constexpr auto emp = sf::alias<Employee, "e">{};
    constexpr auto mgr = sf::alias<Employee, "m">{};
    auto q = sf::select(emp(employee::LastName), mgr(employee::LastName))
                 .from(emp)
                 .left_join(mgr, emp(employee::ReportsTo) == mgr(employee::EmployeeId))
                 .order_by(emp(employee::EmployeeId));
    auto got = as_text(s.execute(q).all());
    CHECK(got.size() == 8);
    CHECK(got == oracle("SELECT e.LastName, m.LastName FROM Employee e LEFT JOIN Employee m ON e.ReportsTo = m.EmployeeId "
                        "ORDER BY e.EmployeeId"));
}

TEST_CASE("Chinook: filters, counts and streaming over 3503 tracks") {
    auto e = sf::create_engine("sqlite:///" + chinook_db() + "?mode=ro");
    sf::session s{e};
    CHECK(std::to_string(s.query<Track>().count()) == oracle("SELECT COUNT(*) FROM Track")[0][0]);
    auto long_a = s.query<Track>()
                      .where(track::Name.like("A%") && track::Milliseconds.between(300000, 400000))
                      .order_by(track::TrackId)
                      .all();
    auto expected = oracle("SELECT TrackId FROM Track WHERE Name LIKE 'A%' AND Milliseconds BETWEEN 300000 AND 400000 "
                           "ORDER BY TrackId");
    REQUIRE(long_a.size() == expected.size());
    for (std::size_t i = 0; i < long_a.size(); ++i) CHECK(std::to_string(long_a[i].TrackId) == expected[i][0]);

    std::int64_t total_ms = 0, rows = 0;
    for (const Track& t : s.query<Track>()) {
        total_ms += t.Milliseconds;
        ++rows;
    }
    CHECK(std::to_string(rows) == oracle("SELECT COUNT(*) FROM Track")[0][0]);
    CHECK(std::to_string(total_ms) == oracle("SELECT SUM(Milliseconds) FROM Track")[0][0]);
    CHECK(s.scalar(sf::select(sf::sum(track::Milliseconds)).from<Track>()) == total_ms);
}

TEST_CASE("Chinook: artists without albums (LEFT JOIN, IS NULL) and albums per artist") {
    auto e = sf::create_engine("sqlite:///" + chinook_db() + "?mode=ro");
    sf::session s{e};
    auto lonely = s.execute(sf::select(sf::count(artist::ArtistId))
                                .from<Artist>()
                                .left_join<Album>(album::ArtistId == artist::ArtistId)
                                .where(album::AlbumId.is_null()))
                      .one();
    CHECK(std::to_string(lonely) ==
          oracle("SELECT COUNT(ar.ArtistId) FROM Artist ar LEFT JOIN Album al ON al.ArtistId = ar.ArtistId "
                 "WHERE al.AlbumId IS NULL")[0][0]);
    auto per_artist = as_text(s.execute(sf::select(artist::Name, sf::count(album::AlbumId).as<"albums">())
                                            .from<Artist>()
                                            .join<Album>(album::ArtistId == artist::ArtistId)
                                            .group_by(artist::ArtistId, artist::Name)
                                            .having(sf::count(album::AlbumId) >= 5)
                                            .order_by(sf::desc<"albums">, artist::Name))
                                  .all());
    CHECK_FALSE(per_artist.empty());
    CHECK(per_artist == oracle("SELECT ar.Name, COUNT(al.AlbumId) AS c FROM Artist ar JOIN Album al ON al.ArtistId = "
                               "ar.ArtistId GROUP BY ar.ArtistId, ar.Name HAVING COUNT(al.AlbumId) >= 5 ORDER BY c DESC, ar.Name"));
}
