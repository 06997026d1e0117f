// expect: sqlforge: the columns<> of one side of a foreign key must all be fields of one struct
// Rule: each side of a composite foreign key names fields of one struct.
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
    static constexpr std::tuple constraints{sf::foreign_key<sf::columns<&Shipment::order_id, &Shipment::line_no>, sf::columns<&Line::order_id, &Other::n>>{}};
};
#endif

[[maybe_unused]] void use() {
    static_assert(!sf::create_table_if_not_exists<Shipment>().sql<L>().empty());
    int n = 0;
    sf::for_each_in_dependency_order<Shipment, Line>([&]<class T>() { ++n; });
}
