// expect: sqlforge: a foreign key column must have the same C++ type as the column it references
// Rule: each pair of a composite foreign key has the same C++ type (an int64 cannot reference an int32).
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

#ifndef SQLFORGE_COMPILE_FAIL
// Valid form: the two key columns referencing the primary key of Line.
template <>
struct sqlforge::table_traits<Shipment> {
    static constexpr std::tuple constraints{
        sf::foreign_key<sf::columns<&Shipment::order_id, &Shipment::line_no>, sf::columns<&Line::order_id, &Line::line_no>>{}};
};
#else
template <>
struct sqlforge::table_traits<Shipment> {
    static constexpr std::tuple constraints{sf::foreign_key<sf::columns<&Shipment::order_id, &Shipment::wide_line_no>, sf::columns<&Line::order_id, &Line::line_no>>{}};
};
#endif

[[maybe_unused]] void use() {
    static_assert(!sf::create_table_if_not_exists<Shipment>().sql<L>().empty());
    int n = 0;
    sf::for_each_in_dependency_order<Shipment, Line>([&]<class T>() { ++n; });
}
