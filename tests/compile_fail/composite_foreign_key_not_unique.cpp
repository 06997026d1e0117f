// expect: sqlforge: a composite foreign key must reference the primary key or a unique<> of the referenced table
// Rule: a composite foreign key references a whole primary key or unique<> (here order_id, sku is neither).
#include "composite_key_models.hpp"

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
    static constexpr std::tuple constraints{sf::foreign_key<sf::columns<&Shipment::order_id, &Shipment::sku>, sf::columns<&Line::order_id, &Line::sku>>{}};
};
#endif

[[maybe_unused]] void use() {
    static_assert(!sf::create_table_if_not_exists<Shipment>().sql<L>().empty());
    int n = 0;
    sf::for_each_in_dependency_order<Shipment, Line>([&]<class T>() { ++n; });
}
