// expect: sqlforge: a foreign key column must have the same C++ type as the column it references
// Rule: a foreign key and its target must have the same C++ type (MySQL needs identical column types).
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
    static constexpr std::tuple constraints{sf::foreign_key<&Book::small_author_id, &Author::id>{}};
};
#endif


[[maybe_unused]] void use() {
    static_assert(!sf::create_table_if_not_exists<Book>().sql<L>().empty());
    int n = 0;
    sf::for_each_in_dependency_order<Book, Author>([&]<class T>() { ++n; });
}
