// run_script: the statement splitter, and the real Chinook scripts loaded on both backends.
#include "backends.hpp"
#include "chinook_models.hpp"

#include <sqlforge/orm/script.hpp>
#include <sqlforge/orm/verify_schema.hpp>

#include <fstream>
#include <sstream>

TEST_CASE("split_sql_script: semicolons in quotes and comments do not split") {
    auto parts = sf::split_sql_script(
        "-- a comment; still a comment\nCREATE TABLE t (x TEXT);\n/* block; comment */\n"
        "INSERT INTO t VALUES ('a;b'), ('it''s; fine'), (\"q;q\");  INSERT INTO `w;x` VALUES (1);\n-- trailing\n");
    REQUIRE(parts.size() == 3);
    CHECK(parts[0].find("CREATE TABLE t") != std::string_view::npos);
    CHECK(parts[1] == "INSERT INTO t VALUES ('a;b'), ('it''s; fine'), (\"q;q\")");
    CHECK(parts[2] == "INSERT INTO `w;x` VALUES (1)");
    CHECK(sf::split_sql_script("  -- nothing\n  ").empty());
}

namespace {
std::string read_script(const char* name) {
    std::ifstream in(std::string(SQLFORGE_TEST_DATA_DIR) + "/chinook/" + name);
    REQUIRE(in.good());
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
const std::string chinook_drop =
    "SET FOREIGN_KEY_CHECKS = 0; DROP TABLE IF EXISTS `PlaylistTrack`, `Playlist`, `InvoiceLine`, `Invoice`, "
    "`Customer`, `Employee`, `Track`, `Album`, `Artist`, `Genre`, `MediaType`; SET FOREIGN_KEY_CHECKS = 1;\n";

// The MySQL script creates and switches to its own database; the test user owns one already.
std::string without_database_switch(std::string sql) {
    for (const char* line : {"DROP DATABASE IF EXISTS `Chinook`;", "CREATE DATABASE `Chinook`;", "USE `Chinook`;"}) {
        auto at = sql.find(line);
        if (at != std::string::npos) sql.erase(at, std::string_view(line).size());
    }
    return sql;
}
}  // namespace

TEST_CASE_TEMPLATE("the Chinook scripts load through run_script and read back through the DSL", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = B::engine();
    if constexpr (std::is_same_v<B, test::sqlite_backend>) {
        sf::run_script(e, read_script("Chinook_Sqlite.sql"));
    } else {
        // The MySQL script relies on a fresh database; other tests use some of the same names.
        sf::run_script(e, chinook_drop + without_database_switch(read_script("Chinook_MySql.sql")));
    }
    sf::verify_schema<chinook::Artist, chinook::Album>(e);
    sf::session s{e};
    CHECK(s.query<chinook::Track>().count() == 3503);
    CHECK(s.query<chinook::Artist>().count() == 275);
    CHECK(s.query<chinook::Album>().count() == 347);
    auto acdc = s.query<chinook::Artist>().where(artist::Name == "AC/DC").one();
    CHECK(s.query<chinook::Album>().where(album::ArtistId == acdc.ArtistId).count() == 2);
    auto top = s.execute(sf::select(artist::Name, sf::count(track::TrackId).as<"n">())
                             .from<chinook::Artist>()
                             .join<chinook::Album>(album::ArtistId == artist::ArtistId)
                             .join<chinook::Track>(track::AlbumId == album::AlbumId)
                             .group_by(artist::ArtistId, artist::Name)
                             .order_by(sf::desc<"n">, artist::Name)
                             .limit(1))
                   .one();
    CHECK(std::get<0>(top) == std::optional<std::string>{"Iron Maiden"});
    CHECK(std::get<1>(top) == 213);
    s.close();
    // Leave no Chinook foreign keys behind for the other tests that reuse these table names.
    if constexpr (std::is_same_v<B, test::mysql_backend>) sf::run_script(e, chinook_drop);
}
