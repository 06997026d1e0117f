// expect: sqlforge: the foreign keys of these tables form a cycle
// Rule: create_all cannot order tables whose foreign keys form a cycle (the valid form has Book -> Author only).
#include <sqlforge/dsl.hpp>
#include <sqlforge/schema/dependency_order.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

struct Author {
    std::int64_t id;
    std::string name;
    std::optional<std::int64_t> best_book_id;
};
struct Book {
    std::int64_t id;
    std::int64_t author_id;
    std::int32_t small_author_id;
};
struct Other {
    std::int64_t id;
};

#ifndef SQLFORGE_COMPILE_FAIL
// Valid form: the closest correct declaration.
template <>
struct sqlforge::table_traits<Book> {
    static constexpr std::tuple constraints{sf::foreign_key<&Book::author_id, &Author::id>{}};
};
#else
template <>
struct sqlforge::table_traits<Book> {
    static constexpr std::tuple constraints{sf::foreign_key<&Book::author_id, &Author::id>{}};
};
#endif
#ifdef SQLFORGE_COMPILE_FAIL
template <>
struct sqlforge::table_traits<Author> {
    static constexpr std::tuple constraints{sf::foreign_key<&Author::best_book_id, &Book::id>{}};
};
#endif

[[maybe_unused]] void use() {
    static_assert(!sf::create_table_if_not_exists<Book>().sql<L>().empty());
    int n = 0;
    sf::for_each_in_dependency_order<Book, Author>([&]<class T>() { ++n; });
}
