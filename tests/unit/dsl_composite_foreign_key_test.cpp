// Composite foreign keys: foreign_key<columns<...>, columns<...>> in CREATE TABLE for both
// dialects, counted by create_all's dependency order.
#include <doctest/doctest.h>
#include <sqlforge/dsl.hpp>
#include <sqlforge/schema/dependency_order.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cfk {
struct Order {
    std::int64_t id;
};
// A line of an order, keyed by (order_id, line_no).
struct OrderLine {
    std::int64_t order_id;
    std::int32_t line_no;
    std::string product;
};
// A shipment of one order line: (order_id, line_no) references OrderLine's composite key.
struct Shipment {
    std::int64_t id;
    std::int64_t order_id;
    std::int32_t line_no;
    std::optional<std::int64_t> return_order;
    std::optional<std::int32_t> return_line;
};
}  // namespace cfk

template <>
struct sqlforge::table_traits<cfk::OrderLine> {
    static constexpr auto primary_key = sqlforge::primary_key<&cfk::OrderLine::order_id, &cfk::OrderLine::line_no>{};
    static constexpr std::tuple constraints{sqlforge::foreign_key<&cfk::OrderLine::order_id, &cfk::Order::id>{}};
};
template <>
struct sqlforge::table_traits<cfk::Shipment> {
    static constexpr std::tuple constraints{
        sqlforge::foreign_key<sqlforge::columns<&cfk::Shipment::order_id, &cfk::Shipment::line_no>,
                              sqlforge::columns<&cfk::OrderLine::order_id, &cfk::OrderLine::line_no>,
                              sqlforge::fk_action::cascade>{},
        // the referenced key's columns in another order than the primary key's: still that key
        sqlforge::foreign_key<sqlforge::columns<&cfk::Shipment::return_line, &cfk::Shipment::return_order>,
                              sqlforge::columns<&cfk::OrderLine::line_no, &cfk::OrderLine::order_id>,
                              sqlforge::fk_action::set_null>{}};
};

namespace sf = sqlforge;
using L = sf::sqlite_dialect;
using M = sf::mysql_dialect;

static_assert(sf::create_table<cfk::Shipment>().sql<L>() ==
              R"(CREATE TABLE "shipment" ("id" INTEGER NOT NULL, "order_id" INTEGER NOT NULL, )"
              R"("line_no" INTEGER NOT NULL, "return_order" INTEGER, "return_line" INTEGER, PRIMARY KEY ("id"), )"
              R"(FOREIGN KEY ("order_id", "line_no") REFERENCES "order_line" ("order_id", "line_no") ON DELETE CASCADE, )"
              R"(FOREIGN KEY ("return_line", "return_order") REFERENCES "order_line" ("line_no", "order_id") )"
              R"(ON DELETE SET NULL))");
static_assert(sf::create_table<cfk::Shipment>().sql<M>() ==
              "CREATE TABLE `shipment` (`id` BIGINT NOT NULL AUTO_INCREMENT, `order_id` BIGINT NOT NULL, "
              "`line_no` INT NOT NULL, `return_order` BIGINT, `return_line` INT, PRIMARY KEY (`id`), "
              "FOREIGN KEY (`order_id`, `line_no`) REFERENCES `order_line` (`order_id`, `line_no`) ON DELETE CASCADE, "
              "FOREIGN KEY (`return_line`, `return_order`) REFERENCES `order_line` (`line_no`, `order_id`) "
              "ON DELETE SET NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");

TEST_CASE("composite foreign keys count in create_all's dependency order") {
    std::vector<std::string_view> order;
    sf::for_each_in_dependency_order<cfk::Shipment, cfk::OrderLine, cfk::Order>(
        [&]<class T>() { order.push_back(sf::table<T>::name); });
    CHECK(order == std::vector<std::string_view>{"order", "order_line", "shipment"});
}
