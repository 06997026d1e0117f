#pragma once
// The models of the composite foreign key compile-fail tests: Line has the composite primary
// key (order_id, line_no); Shipment references it; Other is a second struct to mix in.
#include <sqlforge/dsl.hpp>
#include <sqlforge/schema/dependency_order.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace sf = sqlforge;
using L = sf::sqlite_dialect;

struct Line {
    std::int64_t order_id;
    std::int32_t line_no;
    std::string sku;
};
template <>
struct sqlforge::table_traits<Line> {
    static constexpr auto primary_key = sf::primary_key<&Line::order_id, &Line::line_no>{};
};
struct Other {
    std::int64_t id;
    std::int32_t n;
};
struct Shipment {
    std::int64_t id;
    std::int64_t order_id;
    std::int32_t line_no;
    std::int64_t wide_line_no;
    std::string sku;
};
