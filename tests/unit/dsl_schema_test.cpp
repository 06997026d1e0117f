// Schema: CREATE TABLE [IF NOT EXISTS] / DROP TABLE [IF EXISTS] for both dialects, the
// conventions (integral `id` = autoincrement key, std::optional = nullable) and every
// table_traits customisation: name, composite primary key, autoincrement = false, unique
// (one column and several), default_value (integer, bool, text with a quote), default_sql,
// column_type. Every C++ type's SQL type per dialect, and identifiers holding the quote
// character, which is doubled.
#include <doctest/doctest.h>

#include <sqlforge/dsl.hpp>

#include "dsl_test_support.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace dsl_schema {

struct Job {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
};

struct Membership {
    std::int64_t user_id;
    std::int64_t group_id;
    std::string role;
    int rank;
    bool active;
    bool hidden;
    std::string motto;
    std::string created;
    std::string code;
    double score;
};

struct Ticket {
    std::int64_t id;
    std::string code;
};

struct Track {
    std::int32_t track_id;
    std::string title;
};

struct Country {
    std::string id;
    std::string name;
};

struct Bounds {
    std::int64_t id;
    std::int64_t low;
    std::int64_t high;
};

struct Quoted {
    std::int64_t id;
    std::string name;
};

struct AllTypes {
    std::int8_t i8;
    std::uint8_t u8;
    std::int16_t i16;
    std::uint16_t u16;
    std::int32_t i32;
    std::uint32_t u32;
    std::int64_t i64;
    std::uint64_t u64;
    unsigned u;
    long long ll;
    bool b;
    float f;
    double d;
    std::string s;
    std::vector<std::byte> blob;
    std::vector<unsigned char> bytes;
    std::optional<int> oi;
    std::optional<std::uint64_t> ou64;
    std::optional<bool> ob;
    std::optional<float> of;
    std::optional<double> od;
    std::optional<std::string> os;
    std::optional<std::vector<std::byte>> oblob;
};

}  // namespace dsl_schema

template <>
struct sqlforge::table_traits<dsl_schema::Membership> {
    using M = dsl_schema::Membership;
    static constexpr auto name = sqlforge::fixed_string{"memberships"};
    static constexpr auto primary_key = sqlforge::primary_key<&M::user_id, &M::group_id>{};
    static constexpr std::tuple constraints{
        sqlforge::unique<&M::code>{},
        sqlforge::unique<&M::group_id, &M::rank>{},
        sqlforge::default_value<&M::rank, 10>{},
        sqlforge::default_value<&M::active, true>{},
        sqlforge::default_value<&M::hidden, false>{},
        sqlforge::default_value<&M::motto, sqlforge::fixed_string{"it's"}>{},
        sqlforge::default_sql<&M::created, "CURRENT_TIMESTAMP">{},
        sqlforge::column_type<&M::created, "DATETIME">{},
        sqlforge::column_type<&M::code, "VARCHAR(16)">{},
        sqlforge::default_value<&M::score, -5>{},
    };
};
template <>
struct sqlforge::table_traits<dsl_schema::Ticket> {
    static constexpr bool autoincrement = false;
};
template <>
struct sqlforge::table_traits<dsl_schema::Track> {
    static constexpr auto primary_key = sqlforge::primary_key<&dsl_schema::Track::track_id>{};
};
template <>
struct sqlforge::table_traits<dsl_schema::Bounds> {
    static constexpr std::tuple constraints{
        sqlforge::default_value<&dsl_schema::Bounds::low, std::numeric_limits<std::int64_t>::min()>{},
        sqlforge::default_value<&dsl_schema::Bounds::high, std::numeric_limits<std::int64_t>::max()>{},
    };
};
template <>
struct sqlforge::table_traits<dsl_schema::Quoted> {
    static constexpr auto name = sqlforge::fixed_string{"we\"ird`name"};
};

namespace dsl_schema {

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;
using dsl_test::binds;

SQLFORGE_COLUMNS(quoted, Quoted, id, name)

TEST_CASE("create and drop: the conventions (id = autoincrement key, optional = nullable)") {
    static_assert(sf::create_table<Job>().sql<L>() ==
                  R"(CREATE TABLE "job" ("id" INTEGER NOT NULL, "name" TEXT NOT NULL, "status" INTEGER NOT NULL, "note" TEXT, PRIMARY KEY ("id")))");
    static_assert(sf::create_table<Job>().sql<M>() ==
                  R"(CREATE TABLE `job` (`id` BIGINT NOT NULL AUTO_INCREMENT, `name` VARCHAR(255) NOT NULL, `status` INT NOT NULL, `note` VARCHAR(255), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)");
    static_assert(sf::create_table_if_not_exists<Job>().sql<L>() ==
                  R"(CREATE TABLE IF NOT EXISTS "job" ("id" INTEGER NOT NULL, "name" TEXT NOT NULL, "status" INTEGER NOT NULL, "note" TEXT, PRIMARY KEY ("id")))");
    static_assert(sf::create_table_if_not_exists<Job>().sql<M>() ==
                  R"(CREATE TABLE IF NOT EXISTS `job` (`id` BIGINT NOT NULL AUTO_INCREMENT, `name` VARCHAR(255) NOT NULL, `status` INT NOT NULL, `note` VARCHAR(255), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)");
    static_assert(sf::drop_table<Job>().sql<L>() == R"(DROP TABLE "job")");
    static_assert(sf::drop_table<Job>().sql<M>() == R"(DROP TABLE `job`)");
    static_assert(sf::drop_table_if_exists<Job>().sql<L>() == R"(DROP TABLE IF EXISTS "job")");
    static_assert(sf::drop_table_if_exists<Job>().sql<M>() == R"(DROP TABLE IF EXISTS `job`)");

    static_assert(sf::table<Job>::primary_key == std::array<std::size_t, 1>{0});
    static_assert(sf::table<Job>::autoincrement == 0);
    static_assert(sf::column_optional<Job>(0) && !sf::column_optional<Job>(1) && !sf::column_optional<Job>(2) &&
                  sf::column_optional<Job>(3));

    // DDL binds nothing.
    CHECK(binds(sf::create_table<Job>()).empty());
    CHECK(binds(sf::drop_table<Job>()).empty());
}

TEST_CASE("table_traits: name, composite key, unique, defaults, default_sql, column_type") {
    static_assert(
        sf::create_table<Membership>().sql<L>() ==
        R"(CREATE TABLE "memberships" ("user_id" INTEGER NOT NULL, "group_id" INTEGER NOT NULL, "role" TEXT NOT NULL, "rank" INTEGER NOT NULL DEFAULT 10, "active" BOOLEAN NOT NULL DEFAULT 1, "hidden" BOOLEAN NOT NULL DEFAULT 0, "motto" TEXT NOT NULL DEFAULT 'it''s', "created" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, "code" VARCHAR(16) NOT NULL, "score" REAL NOT NULL DEFAULT -5, PRIMARY KEY ("user_id", "group_id"), UNIQUE ("code"), UNIQUE ("group_id", "rank")))");
    static_assert(
        sf::create_table_if_not_exists<Membership>().sql<M>() ==
        R"(CREATE TABLE IF NOT EXISTS `memberships` (`user_id` BIGINT NOT NULL, `group_id` BIGINT NOT NULL, `role` VARCHAR(255) NOT NULL, `rank` INT NOT NULL DEFAULT 10, `active` TINYINT(1) NOT NULL DEFAULT 1, `hidden` TINYINT(1) NOT NULL DEFAULT 0, `motto` VARCHAR(255) NOT NULL DEFAULT 'it''s', `created` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, `code` VARCHAR(16) NOT NULL, `score` DOUBLE NOT NULL DEFAULT -5, PRIMARY KEY (`user_id`, `group_id`), UNIQUE (`code`), UNIQUE (`group_id`, `rank`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)");
    static_assert(sf::drop_table_if_exists<Membership>().sql<L>() == R"(DROP TABLE IF EXISTS "memberships")");
    static_assert(sf::drop_table<Membership>().sql<M>() == R"(DROP TABLE `memberships`)");

    using T = sf::table<Membership>;
    static_assert(T::name == "memberships");
    static_assert(T::primary_key == std::array<std::size_t, 2>{0, 1});
    static_assert(T::autoincrement == sf::no_field);
    // A column with a default may be left out of an insert; a key column may not.
    static_assert(!sf::column_optional<Membership>(0) && !sf::column_optional<Membership>(2));
    static_assert(sf::column_optional<Membership>(3) && sf::column_optional<Membership>(4) &&
                  sf::column_optional<Membership>(6) && sf::column_optional<Membership>(7) &&
                  sf::column_optional<Membership>(9));
    static_assert(!sf::column_optional<Membership>(8));

    // Integer defaults at both ends of the range.
    static_assert(
        sf::create_table<Bounds>().sql<L>() ==
        R"(CREATE TABLE "bounds" ("id" INTEGER NOT NULL, "low" INTEGER NOT NULL DEFAULT -9223372036854775808, "high" INTEGER NOT NULL DEFAULT 9223372036854775807, PRIMARY KEY ("id")))");
    static_assert(
        sf::create_table<Bounds>().sql<M>() ==
        R"(CREATE TABLE `bounds` (`id` BIGINT NOT NULL AUTO_INCREMENT, `low` BIGINT NOT NULL DEFAULT -9223372036854775808, `high` BIGINT NOT NULL DEFAULT 9223372036854775807, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)");
}

TEST_CASE("primary keys: autoincrement = false, another integral key, a text id") {
    static_assert(sf::create_table<Ticket>().sql<L>() ==
                  R"(CREATE TABLE "ticket" ("id" INTEGER NOT NULL, "code" TEXT NOT NULL, PRIMARY KEY ("id")))");
    static_assert(sf::create_table<Ticket>().sql<M>() ==
                  R"(CREATE TABLE `ticket` (`id` BIGINT NOT NULL, `code` VARCHAR(255) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)");
    static_assert(sf::table<Ticket>::autoincrement == sf::no_field);

    // One integral key column named otherwise is numbered by the database as well.
    static_assert(sf::create_table<Track>().sql<L>() ==
                  R"(CREATE TABLE "track" ("track_id" INTEGER NOT NULL, "title" TEXT NOT NULL, PRIMARY KEY ("track_id")))");
    static_assert(sf::create_table<Track>().sql<M>() ==
                  R"(CREATE TABLE `track` (`track_id` INT NOT NULL AUTO_INCREMENT, `title` VARCHAR(255) NOT NULL, PRIMARY KEY (`track_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)");
    static_assert(sf::table<Track>::autoincrement == 0);
    Track track{.track_id = 1, .title = "t"};
    auto insert_track = sf::insert(track);
    static_assert(insert_track.sql<L>() == R"(INSERT INTO "track" ("title") VALUES (?))");
    CHECK(binds(insert_track) == "text:t");

    // A text `id` is the key but not numbered.
    static_assert(sf::create_table<Country>().sql<L>() ==
                  R"(CREATE TABLE "country" ("id" TEXT NOT NULL, "name" TEXT NOT NULL, PRIMARY KEY ("id")))");
    static_assert(sf::create_table<Country>().sql<M>() ==
                  R"(CREATE TABLE `country` (`id` VARCHAR(255) NOT NULL, `name` VARCHAR(255) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)");
    static_assert(sf::table<Country>::autoincrement == sf::no_field);
    Country country{.id = "NO", .name = "Norway"};
    auto insert_country = sf::insert(country);
    static_assert(insert_country.sql<M>() == R"(INSERT INTO `country` (`id`, `name`) VALUES (?, ?))");
    CHECK(binds(insert_country) == "text:NO, text:Norway");
}

TEST_CASE("every C++ type's SQL type, NOT NULL unless std::optional") {
    static_assert(
        sf::create_table<AllTypes>().sql<L>() ==
        R"(CREATE TABLE "all_types" ("i8" INTEGER NOT NULL, "u8" INTEGER NOT NULL, "i16" INTEGER NOT NULL, "u16" INTEGER NOT NULL, "i32" INTEGER NOT NULL, "u32" INTEGER NOT NULL, "i64" INTEGER NOT NULL, "u64" INTEGER NOT NULL, "u" INTEGER NOT NULL, "ll" INTEGER NOT NULL, "b" BOOLEAN NOT NULL, "f" REAL NOT NULL, "d" REAL NOT NULL, "s" TEXT NOT NULL, "blob" BLOB NOT NULL, "bytes" BLOB NOT NULL, "oi" INTEGER, "ou64" INTEGER, "ob" BOOLEAN, "of" REAL, "od" REAL, "os" TEXT, "oblob" BLOB))");
    static_assert(
        sf::create_table<AllTypes>().sql<M>() ==
        R"(CREATE TABLE `all_types` (`i8` TINYINT NOT NULL, `u8` TINYINT UNSIGNED NOT NULL, `i16` SMALLINT NOT NULL, `u16` SMALLINT UNSIGNED NOT NULL, `i32` INT NOT NULL, `u32` INT UNSIGNED NOT NULL, `i64` BIGINT NOT NULL, `u64` BIGINT UNSIGNED NOT NULL, `u` INT UNSIGNED NOT NULL, `ll` BIGINT NOT NULL, `b` TINYINT(1) NOT NULL, `f` FLOAT NOT NULL, `d` DOUBLE NOT NULL, `s` VARCHAR(255) NOT NULL, `blob` LONGBLOB NOT NULL, `bytes` LONGBLOB NOT NULL, `oi` INT, `ou64` BIGINT UNSIGNED, `ob` TINYINT(1), `of` FLOAT, `od` DOUBLE, `os` VARCHAR(255), `oblob` LONGBLOB) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)");

    // No key: every column is inserted.
    static_assert(sf::table<AllTypes>::primary_key.size() == 0);
    static_assert(sf::table<AllTypes>::autoincrement == sf::no_field);

    // The kinds behind the mapping (what may be compared and assigned with what).
    static_assert(sf::kind_v<std::int8_t> == sf::sql_kind::integer && sf::kind_v<std::uint64_t> == sf::sql_kind::integer);
    static_assert(sf::kind_v<bool> == sf::sql_kind::boolean && sf::kind_v<std::optional<bool>> == sf::sql_kind::boolean);
    static_assert(sf::kind_v<float> == sf::sql_kind::real && sf::kind_v<double> == sf::sql_kind::real);
    static_assert(sf::kind_v<std::string> == sf::sql_kind::text && sf::kind_v<std::optional<std::string>> == sf::sql_kind::text);
    static_assert(sf::kind_v<std::vector<std::byte>> == sf::sql_kind::blob);
    static_assert(sf::kind_v<char> == sf::sql_kind::none);
}

TEST_CASE("identifiers holding the quote character: the quote is doubled") {
    static_assert(sf::create_table<Quoted>().sql<L>() ==
                  R"(CREATE TABLE "we""ird`name" ("id" INTEGER NOT NULL, "name" TEXT NOT NULL, PRIMARY KEY ("id")))");
    static_assert(sf::create_table<Quoted>().sql<M>() ==
                  R"(CREATE TABLE `we"ird``name` (`id` BIGINT NOT NULL AUTO_INCREMENT, `name` VARCHAR(255) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4)");
    static_assert(sf::drop_table_if_exists<Quoted>().sql<L>() == R"(DROP TABLE IF EXISTS "we""ird`name")");
    static_assert(sf::drop_table_if_exists<Quoted>().sql<M>() == R"(DROP TABLE IF EXISTS `we"ird``name`)");

    auto q = sf::select(quoted::name).where(quoted::id == 1);
    static_assert(q.sql<L>() == R"(SELECT "we""ird`name"."name" FROM "we""ird`name" WHERE "we""ird`name"."id" = ?)");
    static_assert(q.sql<M>() == R"(SELECT `we"ird``name`.`name` FROM `we"ird``name` WHERE `we"ird``name`.`id` = ?)");
    CHECK(binds(q) == "int:1");

    auto i = sf::insert(Quoted{.id = 0, .name = "n"});
    static_assert(i.sql<L>() == R"(INSERT INTO "we""ird`name" ("name") VALUES (?))");
    static_assert(i.sql<M>() == R"(INSERT INTO `we"ird``name` (`name`) VALUES (?))");

    auto u = sf::update<Quoted>().set(quoted::name = "m").where(quoted::id == 2);
    static_assert(u.sql<L>() == R"(UPDATE "we""ird`name" SET "name" = ? WHERE "we""ird`name"."id" = ?)");
    static_assert(u.sql<M>() == R"(UPDATE `we"ird``name` SET `name` = ? WHERE `we"ird``name`.`id` = ?)");

    auto d = sf::delete_from<Quoted>().where(quoted::id == 3);
    static_assert(d.sql<L>() == R"(DELETE FROM "we""ird`name" WHERE "we""ird`name"."id" = ?)");
    static_assert(d.sql<M>() == R"(DELETE FROM `we"ird``name` WHERE `we"ird``name`.`id` = ?)");

    // The placeholder count is not fooled by the quotes.
    CHECK(dsl_test::placeholders_match(u));
}

}  // namespace dsl_schema
