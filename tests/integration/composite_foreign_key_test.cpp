// Composite foreign keys on both backends: create_all orders the tables, a row whose key pair
// has no parent is an integrity_error (also when each column alone would match a parent),
// ON DELETE CASCADE and SET NULL act on the pair.
#include "backends.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace cfkt {
struct Order {
    std::int64_t id;
    std::string customer;
};
struct OrderLine {
    std::int64_t order_id;
    std::int32_t line_no;
    std::string product;
};
struct Shipment {
    std::int64_t id;
    std::int64_t order_id;
    std::int32_t line_no;
    std::optional<std::int64_t> return_order;
    std::optional<std::int32_t> return_line;
};
}  // namespace cfkt

template <>
struct sqlforge::table_traits<cfkt::Order> {
    static constexpr auto name = sqlforge::fixed_string{"cfk_order"};
};
template <>
struct sqlforge::table_traits<cfkt::OrderLine> {
    static constexpr auto name = sqlforge::fixed_string{"cfk_order_line"};
    static constexpr auto primary_key = sqlforge::primary_key<&cfkt::OrderLine::order_id, &cfkt::OrderLine::line_no>{};
    static constexpr std::tuple constraints{
        sqlforge::foreign_key<&cfkt::OrderLine::order_id, &cfkt::Order::id, sqlforge::fk_action::cascade>{}};
};
template <>
struct sqlforge::table_traits<cfkt::Shipment> {
    static constexpr auto name = sqlforge::fixed_string{"cfk_shipment"};
    static constexpr std::tuple constraints{
        sqlforge::foreign_key<sqlforge::columns<&cfkt::Shipment::order_id, &cfkt::Shipment::line_no>,
                              sqlforge::columns<&cfkt::OrderLine::order_id, &cfkt::OrderLine::line_no>,
                              sqlforge::fk_action::cascade>{},
        sqlforge::foreign_key<sqlforge::columns<&cfkt::Shipment::return_order, &cfkt::Shipment::return_line>,
                              sqlforge::columns<&cfkt::OrderLine::order_id, &cfkt::OrderLine::line_no>,
                              sqlforge::fk_action::set_null>{}};
};

namespace sf = sqlforge;
SQLFORGE_COLUMNS(cfk_line, cfkt::OrderLine, order_id, line_no, product)
SQLFORGE_COLUMNS(cfk_shipment, cfkt::Shipment, id, order_id, line_no, return_order, return_line)

TEST_CASE_TEMPLATE("composite foreign keys: ordering, violations, cascade and set null on the pair", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    using namespace cfkt;
    auto e = B::engine();
    sf::drop_all<Shipment, OrderLine, Order>(e);
    sf::create_all<Shipment, OrderLine, Order>(e);  // listed children first: created parents first

    sf::session s{e};
    Order o1{.customer = "Ann"}, o2{.customer = "Bob"};
    s.add(o1);
    s.add(o2);
    s.add_all(std::vector<OrderLine>{{o1.id, 1, "pen"}, {o1.id, 2, "ink"}, {o2.id, 1, "pad"}});
    Shipment ok{.order_id = o1.id, .line_no = 2, .return_order = o2.id, .return_line = 1};
    s.add(ok);
    s.commit();

    // (o2, 2) does not exist, though o2 and line 2 each exist on their own.
    Shipment dangling{.order_id = o2.id, .line_no = 2};
    CHECK_THROWS_AS(s.add(dangling), sf::integrity_error);
    Shipment half_return{.order_id = o1.id, .line_no = 1, .return_order = o1.id, .return_line = 9};
    CHECK_THROWS_AS(s.add(half_return), sf::integrity_error);
    s.rollback();

    // Deleting the returned-to line sets the pair to NULL; deleting the shipped line deletes the shipment.
    CHECK(s.execute(sf::delete_from<OrderLine>().where(cfk_line::order_id == o2.id && cfk_line::line_no == 1)) == 1);
    auto after = s.get<Shipment>(ok.id);
    REQUIRE(after);
    CHECK(after->return_order == std::nullopt);
    CHECK(after->return_line == std::nullopt);
    CHECK(s.execute(sf::delete_from<OrderLine>().where(cfk_line::order_id == o1.id && cfk_line::line_no == 2)) == 1);
    CHECK(s.query<Shipment>().count() == 0);
    s.commit();
    s.close();
    sf::drop_all<Shipment, OrderLine, Order>(e);
}
