// Foreign keys on both backends: create_all orders the tables itself, a dangling reference is
// an integrity_error, ON DELETE CASCADE / SET NULL act, a CHECK holds, drop_all undoes it all.
#include "backends.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace fkt {
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
}  // namespace fkt

template <>
struct sqlforge::table_traits<fkt::Book> {
    static constexpr auto name = sqlforge::fixed_string{"fk_book"};
    static constexpr std::tuple constraints{
        sqlforge::foreign_key<&fkt::Book::author_id, &fkt::Author::id, sqlforge::fk_action::cascade>{},
        sqlforge::foreign_key<&fkt::Book::editor_id, &fkt::Author::id, sqlforge::fk_action::set_null>{},
        sqlforge::index<&fkt::Book::title>{},
        sqlforge::check<"price >= 0">{}};
};
template <>
struct sqlforge::table_traits<fkt::Author> {
    static constexpr auto name = sqlforge::fixed_string{"fk_author"};
};

namespace sf = sqlforge;
SQLFORGE_COLUMNS(fk_book, fkt::Book, id, title, author_id, editor_id, price)

using fkt::Author;
using fkt::Book;

TEST_CASE_TEMPLATE("foreign keys: ordering, violations, cascade, set null, check", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = B::engine();
    sf::drop_all<Book, Author>(e);
    sf::create_all<Book, Author>(e);  // listed child first: create_all puts fk_author first

    sf::session s{e};
    Author a{.name = "Ann"}, b{.name = "Bob"};
    s.add(a);
    s.add(b);
    Book one{.title = "One", .author_id = a.id, .editor_id = b.id, .price = 10};
    Book two{.title = "Two", .author_id = b.id, .price = 5};
    s.add(one);
    s.add(two);
    s.commit();

    Book dangling{.title = "Dangling", .author_id = 999, .price = 1};
    CHECK_THROWS_AS(s.add(dangling), sf::integrity_error);
    s.rollback();
    Book negative{.title = "Negative", .author_id = a.id, .price = -1};
    CHECK_THROWS_AS(s.add(negative), sf::integrity_error);
    s.rollback();

    // Deleting Bob deletes his book (CASCADE) and clears the editor of Ann's (SET NULL).
    CHECK(s.remove(b) == 1);
    s.commit();
    auto books = s.query<Book>().all();
    REQUIRE(books.size() == 1);
    CHECK(books[0].title == "One");
    CHECK_FALSE(books[0].editor_id.has_value());
    s.close();  // a session holding its transaction would block the DDL below

    // drop_all drops the child first; a second create_all/drop_all round trip works.
    sf::drop_all<Author, Book>(e);
    sf::create_all<Author, Book>(e);
    sf::drop_all<Author, Book>(e);
}

TEST_CASE("on SQLite, create_all also creates the declared indexes") {
    auto e = test::sqlite_backend::engine();
    sf::create_all<Author, Book>(e);
    // The engine's :memory: database lives in its one pooled connection: ask through it.
    auto conn = e.acquire();
    auto& sqlite = std::get<sf::backend::sqlite::connection>(*conn);
    auto& st = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'ix_fk_book_title'");
    CHECK(st.step());
    st.reset();
    e.release(std::move(conn));
}
