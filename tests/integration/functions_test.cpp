// Scalar functions, CASE and COUNT(DISTINCT) on real rows, on SQLite and MariaDB: each
// function's result row by row, NULL arguments included, and the few places where the two
// backends differ (written down in docs/decisions.md, "Functions").
#include "backends.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace sf = sqlforge;

namespace fn_test {

struct FnItem {
    std::int64_t id;
    std::string name;
    std::optional<std::string> note;
    int qty;
    double price;
    std::optional<int> score;
    std::optional<double> weight;
    bool active;
};

}  // namespace fn_test

SQLFORGE_COLUMNS(fn_item, fn_test::FnItem, id, name, note, qty, price, score, weight, active)

namespace {

using fn_test::FnItem;
using opt_s = std::optional<std::string>;
using opt_i = std::optional<int>;
using opt_i64 = std::optional<std::int64_t>;
using opt_d = std::optional<double>;

template <class B>
constexpr bool is_mysql = std::is_same_v<B, test::mysql_backend>;

// Row 2 holds every NULL; row 3 non-ASCII text and negative numbers.
template <class B>
sf::engine items() {
    auto eng = B::engine();
    sf::drop_all<FnItem>(eng);
    sf::create_all<FnItem>(eng);
    sf::session s{eng};
    s.add_all(std::vector<FnItem>{
        {1, "  Apple ", "Red fruit", 3, 1.26, 10, 0.5, true},
        {2, "banana", std::nullopt, 0, 0.4, std::nullopt, std::nullopt, false},
        {3, "1号工作", "mixed Case é", -7, -3.14159, -4, -2.24, true},
        {4, "Cherry", "", 12, 10.0, 12, std::nullopt, false},
    });
    s.commit();
    return eng;
}

// All rows of `expr`, in id order.
template <class E>
auto column(sf::session& s, const E& expr) {
    return s.execute(sf::select(expr).template from<FnItem>().order_by(fn_item::id)).all();
}

bool near(opt_d a, opt_d b) {
    if (!a || !b) return a.has_value() == b.has_value();
    return *a == doctest::Approx(*b).epsilon(1e-12);
}
bool near(const std::vector<opt_d>& a, const std::vector<opt_d>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!near(a[i], b[i])) return false;
    return true;
}
bool near(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!near(a[i], b[i])) return false;
    return true;
}

}  // namespace

TEST_CASE_TEMPLATE("lower, upper, trim on text and on NULL", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = items<B>();
    sf::session s{eng};
    CHECK(column(s, sf::lower(fn_item::name)) == std::vector<std::string>{"  apple ", "banana", "1号工作", "cherry"});
    CHECK(column(s, sf::trim(fn_item::name)) == std::vector<std::string>{"Apple", "banana", "1号工作", "Cherry"});
    CHECK(column(s, sf::trim(fn_item::note)) == std::vector<opt_s>{"Red fruit", std::nullopt, "mixed Case é", ""});
    // SQLite's built-in UPPER/LOWER fold ASCII letters only; MariaDB folds é too.
    CHECK(column(s, sf::upper(fn_item::note)) ==
          std::vector<opt_s>{"RED FRUIT", std::nullopt, is_mysql<B> ? "MIXED CASE É" : "MIXED CASE é", ""});
    // In WHERE.
    CHECK(s.execute(sf::select(fn_item::id).where(sf::lower(sf::trim(fn_item::name)) == "apple")).all() ==
          std::vector<std::int64_t>{1});
}

TEST_CASE_TEMPLATE("length counts characters, not bytes, on both", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = items<B>();
    sf::session s{eng};
    CHECK(column(s, sf::length(fn_item::name)) == std::vector<std::int64_t>{8, 6, 4, 6});
    CHECK(column(s, sf::length(fn_item::note)) == std::vector<opt_i64>{9, std::nullopt, 12, 0});
    CHECK(s.execute(sf::select(fn_item::name).where(sf::length(fn_item::name) == 4)).all() ==
          std::vector<std::string>{"1号工作"});
}

TEST_CASE_TEMPLATE("substr with and without a count, from the start and from the end", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = items<B>();
    sf::session s{eng};
    CHECK(column(s, sf::substr(fn_item::name, 2, 3)) == std::vector<std::string>{" Ap", "ana", "号工作", "her"});
    CHECK(column(s, sf::substr(fn_item::name, -2)) == std::vector<std::string>{"e ", "na", "工作", "ry"});
    CHECK(column(s, sf::substr(fn_item::note, 1, 3)) == std::vector<opt_s>{"Red", std::nullopt, "mix", ""});
    // start and count may be columns; a NULL one gives NULL.
    CHECK(column(s, sf::substr(fn_item::name, 1, fn_item::score)) ==
          std::vector<opt_s>{"  Apple ", std::nullopt, "", "Cherry"});
}

TEST_CASE_TEMPLATE("concat joins text; NULL if any part is NULL", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = items<B>();
    sf::session s{eng};
    CHECK(column(s, sf::concat(sf::trim(fn_item::name), "/", fn_item::note)) ==
          std::vector<opt_s>{"Apple/Red fruit", std::nullopt, "1号工作/mixed Case é", "Cherry/"});
    CHECK(column(s, sf::concat("#", sf::trim(fn_item::name), ":", sf::cast<std::string>(fn_item::qty))) ==
          std::vector<std::string>{"#Apple:3", "#banana:0", "#1号工作:-7", "#Cherry:12"});
    CHECK(column(s, sf::concat(fn_item::note, sf::coalesce(fn_item::note, "?"))) ==
          std::vector<opt_s>{"Red fruitRed fruit", std::nullopt, "mixed Case émixed Case é", ""});
    CHECK(s.execute(sf::select(fn_item::id).where(sf::concat(fn_item::name, "!").like("%y!")).order_by(fn_item::id))
              .all() == std::vector<std::int64_t>{4});
}

TEST_CASE_TEMPLATE("abs and round keep SQL's numeric types", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = items<B>();
    sf::session s{eng};
    CHECK(column(s, sf::abs(fn_item::qty)) == std::vector<std::int64_t>{3, 0, 7, 12});
    CHECK(column(s, sf::abs(fn_item::score)) == std::vector<opt_i64>{10, std::nullopt, 4, 12});
    CHECK(near(column(s, sf::abs(fn_item::weight)), {0.5, std::nullopt, 2.24, std::nullopt}));
    CHECK(near(column(s, sf::round(fn_item::price)), {1.0, 0.0, -3.0, 10.0}));
    CHECK(near(column(s, sf::round(fn_item::price, 2)), {1.26, 0.4, -3.14, 10.0}));
    CHECK(near(column(s, sf::round(fn_item::price, 1)), {1.3, 0.4, -3.1, 10.0}));
    CHECK(near(column(s, sf::round(fn_item::qty)), {3.0, 0.0, -7.0, 12.0}));
    CHECK(near(column(s, sf::round(fn_item::weight, 1)), {0.5, std::nullopt, -2.2, std::nullopt}));
    // The digits may be an expression; NULL digits give NULL.
    CHECK(near(column(s, sf::round(fn_item::price, sf::abs(sf::nullif(fn_item::qty, 0)))),
               {1.26, std::nullopt, -3.14159, 10.0}));
    // Negative digits: MariaDB rounds left of the point, SQLite takes them as 0.
    CHECK(s.execute(sf::select(sf::round(fn_item::price * 100, -2)).where(fn_item::id == 1)).one() ==
          (is_mysql<B> ? 100.0 : 126.0));
    // Over an aggregate (the design's example).
    CHECK(near(*s.execute(sf::select(sf::round(sf::sum(fn_item::price), 1))).one(), 8.5));
    // Halves of a double: SQLite rounds away from zero, MariaDB to even.
    const double half = s.execute(sf::select(sf::round(sf::cast<double>(fn_item::qty) + 0.5)).where(fn_item::id == 4)).one();
    CHECK(half == (is_mysql<B> ? 12.0 : 13.0));
}

TEST_CASE_TEMPLATE("coalesce of two and three arguments; nullif", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = items<B>();
    sf::session s{eng};
    CHECK(column(s, sf::coalesce(fn_item::note, fn_item::name)) ==
          std::vector<std::string>{"Red fruit", "banana", "mixed Case é", ""});
    CHECK(column(s, sf::coalesce(fn_item::score, fn_item::qty, 99)) == std::vector<int>{10, 0, -4, 12});
    CHECK(near(column(s, sf::coalesce(fn_item::weight, fn_item::score)), {0.5, std::nullopt, -2.24, 12.0}));
    CHECK(near(column(s, sf::coalesce(fn_item::weight, fn_item::score, fn_item::price)), {0.5, 0.4, -2.24, 12.0}));
    CHECK(column(s, sf::nullif(fn_item::qty, 0)) == std::vector<opt_i>{3, std::nullopt, -7, 12});
    CHECK(column(s, sf::nullif(fn_item::note, "")) == std::vector<opt_s>{"Red fruit", std::nullopt, "mixed Case é", std::nullopt});
    CHECK(near(column(s, fn_item::price / sf::nullif(fn_item::qty, 0)), {0.42, std::nullopt, 3.14159 / 7, 10.0 / 12}));
}

TEST_CASE_TEMPLATE("cast<T> converts and reads as T", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = items<B>();
    sf::session s{eng};
    CHECK(column(s, sf::cast<std::string>(fn_item::qty)) == std::vector<std::string>{"3", "0", "-7", "12"});
    CHECK(column(s, sf::cast<double>(fn_item::qty)) == std::vector<double>{3.0, 0.0, -7.0, 12.0});
    CHECK(column(s, sf::cast<std::int64_t>(fn_item::score)) == std::vector<opt_i64>{10, std::nullopt, -4, 12});
    CHECK(column(s, sf::cast<std::string>(fn_item::score)) == std::vector<opt_s>{"10", std::nullopt, "-4", "12"});
    CHECK(column(s, sf::cast<int>(sf::substr(fn_item::note, 1, 0))) == std::vector<opt_i>{0, std::nullopt, 0, 0});
    CHECK(s.execute(sf::select(sf::cast<double>("2.5"))).one() == 2.5);
    CHECK(s.execute(sf::select(sf::cast<unsigned>(fn_item::qty)).where(fn_item::id == 4)).one() == 12u);
    // Text to a number: leading digits count, on both.
    CHECK(s.execute(sf::select(sf::cast<int>(sf::concat(sf::cast<std::string>(fn_item::qty), "abc"))).where(fn_item::id == 4))
               .one() == 12);
    // A real to an integer: SQLite truncates, MariaDB rounds to the nearest.
    CHECK(column(s, sf::cast<std::int64_t>(fn_item::price)) ==
          std::vector<std::int64_t>{1, 0, -3, 10});
    CHECK(s.execute(sf::select(sf::cast<int>(fn_item::price + 0.5)).where(fn_item::id == 1)).one() == (is_mysql<B> ? 2 : 1));
    // A whole real as text: SQLite keeps ".0", MariaDB does not.
    CHECK(s.execute(sf::select(sf::cast<std::string>(fn_item::price)).where(fn_item::id == 4)).one() ==
          (is_mysql<B> ? "10" : "10.0"));
}

TEST_CASE_TEMPLATE("case_when with and without else_", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = items<B>();
    sf::session s{eng};
    CHECK(column(s, sf::case_when(fn_item::qty == 0, "none").when(fn_item::qty < 10, "few").else_("many")) ==
          std::vector<std::string>{"few", "none", "few", "many"});
    // Without ELSE: NULL where no branch matches.
    CHECK(near(column(s, sf::case_when(fn_item::active, fn_item::price)), {1.26, std::nullopt, -3.14159, std::nullopt}));
    CHECK(column(s, sf::case_when(fn_item::score.is_null(), fn_item::qty).else_(fn_item::score)) ==
          std::vector<opt_i>{10, 0, -4, 12});
    // A NULL condition is not true: the ELSE branch is taken.
    CHECK(column(s, sf::case_when(fn_item::score > 0, "pos").when(fn_item::score < 0, "neg").else_("unknown")) ==
          std::vector<std::string>{"pos", "unknown", "neg", "pos"});
    // Integer and real branches read as double.
    CHECK(near(column(s, sf::case_when(fn_item::active, fn_item::qty).else_(fn_item::price)), {3.0, 0.4, -7.0, 10.0}));
    // Conditional counting.
    CHECK(*s.execute(sf::select(sf::sum(sf::case_when(fn_item::active, 1).else_(0)))).one() == 2);
    // In WHERE and ORDER BY.
    CHECK(s.execute(sf::select(fn_item::id)
                        .where(sf::case_when(fn_item::active, fn_item::qty).else_(0) != 0)
                        .order_by(sf::case_when(fn_item::qty < 0, 0).else_(1), fn_item::id))
              .all() == std::vector<std::int64_t>{3, 1});
}

TEST_CASE_TEMPLATE("count_distinct counts different non-NULL values", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto eng = items<B>();
    sf::session s{eng};
    auto r = s.execute(sf::select(sf::count_distinct(fn_item::active), sf::count_distinct(fn_item::note),
                                  sf::count_distinct(sf::lower(fn_item::name)), sf::count(fn_item::note)))
                 .one();
    CHECK(r == std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>{2, 3, 4, 3});
    auto grouped = s.execute(sf::select(fn_item::active, sf::count_distinct(fn_item::score).as<"n">())
                                 .group_by(fn_item::active)
                                 .order_by(fn_item::active))
                       .all();
    CHECK(grouped == std::vector<std::tuple<bool, std::int64_t>>{{false, 1}, {true, 2}});
    CHECK(s.execute(sf::select(sf::count_distinct(fn_item::score)).where(fn_item::id > 100)).one() == 0);
}
