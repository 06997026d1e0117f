// Foreign keys, indexes, checks and per-dialect column types in CREATE TABLE, and the order
// create_all creates tables in.
#include <doctest/doctest.h>
#include <sqlforge/dsl.hpp>
#include <sqlforge/schema/dependency_order.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace fk {
struct Author {
    std::int64_t id;
    std::string name;
};
struct Book {
    std::int64_t id;
    std::string title;
    std::int64_t author_id;
    std::optional<std::int64_t> editor_id;
    double price;
};
struct Person {  // self-reference
    std::int64_t id;
    std::optional<std::int64_t> boss_id;
};
}  // namespace fk

template <>
struct sqlforge::table_traits<fk::Book> {
    static constexpr std::tuple constraints{
        sqlforge::foreign_key<&fk::Book::author_id, &fk::Author::id, sqlforge::fk_action::cascade>{},
        sqlforge::foreign_key<&fk::Book::editor_id, &fk::Author::id, sqlforge::fk_action::set_null,
                              sqlforge::fk_action::restrict>{},
        sqlforge::index<&fk::Book::title>{},
        sqlforge::index<&fk::Book::author_id, &fk::Book::price>{},
        sqlforge::check<"\"price\" >= 0">{},
        sqlforge::column_type<&fk::Book::title, "VARCHAR(200)">{},
        sqlforge::column_type<&fk::Book::title, "TEXT", sqlforge::sqlite_dialect>{}};
};
template <>
struct sqlforge::table_traits<fk::Person> {
    static constexpr std::tuple constraints{sqlforge::foreign_key<&fk::Person::boss_id, &fk::Person::id>{}};
};

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;

static_assert(sf::create_table_if_not_exists<fk::Book>().sql<L>() ==
              R"(CREATE TABLE IF NOT EXISTS "book" ("id" INTEGER NOT NULL, "title" TEXT NOT NULL, )"
              R"("author_id" INTEGER NOT NULL, "editor_id" INTEGER, "price" REAL NOT NULL, PRIMARY KEY ("id"), )"
              R"(FOREIGN KEY ("author_id") REFERENCES "author" ("id") ON DELETE CASCADE, )"
              R"(FOREIGN KEY ("editor_id") REFERENCES "author" ("id") ON DELETE SET NULL ON UPDATE RESTRICT, )"
              R"(CHECK ("price" >= 0)))");
static_assert(sf::create_table_if_not_exists<fk::Book>().sql<M>() ==
              "CREATE TABLE IF NOT EXISTS `book` (`id` BIGINT NOT NULL AUTO_INCREMENT, `title` VARCHAR(200) NOT NULL, "
              "`author_id` BIGINT NOT NULL, `editor_id` BIGINT, `price` DOUBLE NOT NULL, PRIMARY KEY (`id`), "
              "FOREIGN KEY (`author_id`) REFERENCES `author` (`id`) ON DELETE CASCADE, "
              "FOREIGN KEY (`editor_id`) REFERENCES `author` (`id`) ON DELETE SET NULL ON UPDATE RESTRICT, "
              "CHECK (\"price\" >= 0), INDEX `ix_book_title` (`title`), INDEX `ix_book_author_id_price` "
              "(`author_id`, `price`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
static_assert(sf::create_table_if_not_exists<fk::Person>().sql<L>() ==
              R"(CREATE TABLE IF NOT EXISTS "person" ("id" INTEGER NOT NULL, "boss_id" INTEGER, PRIMARY KEY ("id"), )"
              R"(FOREIGN KEY ("boss_id") REFERENCES "person" ("id")))");

// SQLite gets its indexes as separate statements.
static_assert(sf::create_index_stmt<fk::Book, sf::index<&fk::Book::title>>::sql<L>() ==
              R"(CREATE INDEX IF NOT EXISTS "ix_book_title" ON "book" ("title"))");

// Creation order: referenced tables first, whatever order they are listed in.
static_assert(sf::detail::dependency_order<fk::Book, fk::Person, fk::Author>::acyclic);
static_assert(sf::detail::dependency_order<fk::Book, fk::Person, fk::Author>::order ==
              std::array<std::size_t, 3>{1, 2, 0});
static_assert(sf::detail::dependency_order<fk::Author, fk::Book>::order == std::array<std::size_t, 2>{0, 1});

TEST_CASE("for_each_in_dependency_order visits referenced tables first; SQLite gets separate indexes") {
    std::vector<std::string_view> seen;
    sf::for_each_in_dependency_order<fk::Book, fk::Author, fk::Person>(
        [&]<class T>() { seen.push_back(sf::table<T>::name); });
    CHECK(seen == std::vector<std::string_view>{"author", "person", "book"});
    std::vector<std::string_view> indexes;
    sf::for_each_separate_index<L, fk::Book>([&](auto ix) { indexes.push_back(decltype(ix)::template sql<L>()); });
    CHECK(indexes.size() == 2);
    int mysql_separate = 0;
    sf::for_each_separate_index<M, fk::Book>([&](auto) { ++mysql_separate; });
    CHECK(mysql_separate == 0);
}
