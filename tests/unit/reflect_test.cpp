// Reflection: field count and types, field names read at compile time (also for a struct
// in a namespace, a nested struct and a class template), member pointer -> field index,
// type names and the snake_case table names derived from them, and what counts as a model.
#include <doctest/doctest.h>

#include <sqlforge/dsl.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace dsl_reflect {

struct Job {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
};

namespace acme::billing {
struct InvoiceLine {
    std::int64_t invoice_id;
    int line_no;
    std::string sku;
};
}  // namespace acme::billing

struct Outer {
    struct Inner {
        int alpha;
        std::string beta_gamma;
        std::optional<double> delta;
    };
};

template <class T>
struct Wrapper {
    T value;
    int count;
};

// Field types whose printed names hold '<', ',', ':' and spaces, and a long struct.
struct Wide {
    std::int8_t f00;
    std::uint64_t f01;
    std::optional<std::vector<std::byte>> f02;
    std::array<int, 3> f03;
    bool f04;
    float f05;
    std::string f06;
    acme::billing::InvoiceLine f07;
    Outer::Inner f08;
    std::optional<Wrapper<std::string>> f09;
    int f10, f11, f12, f13, f14, f15, f16, f17, f18;
    double last_field_19;
};

// Type names and the table names they give.
struct InvoiceLine { int x; };
struct HTTPServer { int x; };
struct XMLHttpRequest { int x; };
struct IOStream { int x; };
struct Item2Name { int x; };
struct My_Type { int x; };
struct ABC { int x; };
struct lower { int x; };

// Not models.
struct Base { int a; };
struct WithBase : Base { int b; };
struct WithArray { int a; char code[4]; };
struct WithCtor {
    WithCtor(int v) : a(v) {}
    int a;
};

namespace sf = sqlforge;

// ---- count and types
static_assert(sf::field_count<Job> == 4);
static_assert(std::is_same_v<sf::field_type<Job, 0>, std::int64_t>);
static_assert(std::is_same_v<sf::field_type<Job, 1>, std::string>);
static_assert(std::is_same_v<sf::field_type<Job, 2>, int>);
static_assert(std::is_same_v<sf::field_type<Job, 3>, std::optional<std::string>>);
static_assert(sf::field_count<Wide> == 20);
static_assert(std::is_same_v<sf::field_type<Wide, 8>, Outer::Inner>);

// ---- field names
static_assert(sf::field_name<Job, 0> == "id");
static_assert(sf::field_name<Job, 1> == "name");
static_assert(sf::field_name<Job, 2> == "status");
static_assert(sf::field_name<Job, 3> == "note");
static_assert(sf::table<Job>::column_names == std::array<std::string_view, 4>{"id", "name", "status", "note"});

static_assert(sf::field_name<acme::billing::InvoiceLine, 0> == "invoice_id");
static_assert(sf::field_name<acme::billing::InvoiceLine, 1> == "line_no");
static_assert(sf::field_name<acme::billing::InvoiceLine, 2> == "sku");

static_assert(sf::field_name<Outer::Inner, 0> == "alpha");
static_assert(sf::field_name<Outer::Inner, 1> == "beta_gamma");
static_assert(sf::field_name<Outer::Inner, 2> == "delta");

static_assert(sf::field_name<Wrapper<std::string>, 0> == "value");
static_assert(sf::field_name<Wrapper<std::string>, 1> == "count");

static_assert(sf::field_name<Wide, 0> == "f00");
static_assert(sf::field_name<Wide, 2> == "f02");
static_assert(sf::field_name<Wide, 3> == "f03");
static_assert(sf::field_name<Wide, 7> == "f07");
static_assert(sf::field_name<Wide, 8> == "f08");
static_assert(sf::field_name<Wide, 9> == "f09");
static_assert(sf::field_name<Wide, 18> == "f18");
static_assert(sf::field_name<Wide, 19> == "last_field_19");

// ---- member pointer -> field index
static_assert(sf::field_index<&Job::id> == 0);
static_assert(sf::field_index<&Job::name> == 1);
static_assert(sf::field_index<&Job::status> == 2);
static_assert(sf::field_index<&Job::note> == 3);
static_assert(sf::field_index<&acme::billing::InvoiceLine::sku> == 2);
static_assert(sf::field_index<&Outer::Inner::beta_gamma> == 1);
static_assert(sf::field_index<&Wrapper<int>::count> == 1);
static_assert(sf::field_index<&Wide::f03> == 3);
static_assert(sf::field_index<&Wide::f10> == 10);
static_assert(sf::field_index<&Wide::last_field_19> == 19);
static_assert(std::is_same_v<sf::class_of<&Job::note>, Job>);
static_assert(std::is_same_v<sf::member_of<&Job::note>, std::optional<std::string>>);

// ---- type names: namespaces, enclosing classes and template arguments dropped
static_assert(sf::type_name<Job> == "Job");
static_assert(sf::type_name<acme::billing::InvoiceLine> == "InvoiceLine");
static_assert(sf::type_name<Outer::Inner> == "Inner");
static_assert(sf::type_name<Wrapper<std::string>> == "Wrapper");

// ---- default table names: snake_case of the type name
static_assert(sf::table<Job>::name == "job");
static_assert(sf::table<InvoiceLine>::name == "invoice_line");
static_assert(sf::table<acme::billing::InvoiceLine>::name == "invoice_line");
static_assert(sf::table<HTTPServer>::name == "http_server");
static_assert(sf::table<XMLHttpRequest>::name == "xml_http_request");
static_assert(sf::table<IOStream>::name == "io_stream");
static_assert(sf::table<Item2Name>::name == "item2_name");
static_assert(sf::table<My_Type>::name == "my_type");
static_assert(sf::table<ABC>::name == "abc");
static_assert(sf::table<lower>::name == "lower");
static_assert(sf::table<Outer::Inner>::name == "inner");
static_assert(sf::table<Wrapper<int>>::name == "wrapper");

// ---- what a model is
static_assert(sf::model<Job>);
static_assert(sf::model<Outer::Inner>);
static_assert(sf::model<Wrapper<int>>);
static_assert(sf::model<Wide>);
static_assert(!sf::model<WithBase>);
static_assert(!sf::model<WithArray>);
static_assert(!sf::model<WithCtor>);
static_assert(!sf::model<int>);
static_assert(!sf::model<std::string>);

// ---- a column handle knows its table, field, name and nullability
using note_col = decltype(sf::col<&Job::note>);
static_assert(std::is_same_v<note_col::model, Job>);
static_assert(note_col::index == 3);
static_assert(note_col::name == "note");
static_assert(note_col::nullable);
static_assert(std::is_same_v<note_col::value_type, std::string>);
static_assert(!decltype(sf::col<&Job::status>)::nullable);
static_assert(decltype(sf::col<&Outer::Inner::beta_gamma>)::name == "beta_gamma");

TEST_CASE("reflection: field names and type names are usable at run time too") {
    // The same values, read through non-constant code paths.
    std::string joined;
    for (std::string_view n : sf::table<Job>::column_names) {
        if (!joined.empty()) joined += ',';
        joined += n;
    }
    CHECK(joined == "id,name,status,note");
    CHECK(std::string(sf::table<HTTPServer>::name) == "http_server");
    CHECK(std::string(sf::type_name<acme::billing::InvoiceLine>) == "InvoiceLine");
    CHECK(sf::field_index<&Wide::last_field_19> == 19);
}

}  // namespace dsl_reflect
