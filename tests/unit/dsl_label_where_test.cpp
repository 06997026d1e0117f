// A labelled expression used in WHERE is written out in full (MySQL does not know select
// labels in WHERE), parenthesised by precedence, and its values are bound there too; in
// ORDER BY and HAVING the label itself is written and nothing is bound twice.
#include <doctest/doctest.h>
#include <sqlforge/dsl.hpp>

#include <cstdint>
#include <string>

namespace {
struct Job {
    std::int64_t id;
    std::string name;
    int status;
};
}  // namespace

namespace sf = sqlforge;
SQLFORGE_COLUMNS(lw_job, Job, id, name, status)

namespace {
constexpr auto s = (lw_job::status + 5).as<"s">();
const auto q = sf::select(lw_job::id, s).where(s * 2 > 10).order_by(s);
}  // namespace

static_assert(decltype(q)::sql<sf::sqlite_dialect>() ==
              R"(SELECT "job"."id", "job"."status" + ? AS "s" FROM "job" WHERE ("job"."status" + ?) * ? > ? ORDER BY "s")");
static_assert(decltype(q)::sql<sf::mysql_dialect>() ==
              "SELECT `job`.`id`, `job`.`status` + ? AS `s` FROM `job` WHERE (`job`.`status` + ?) * ? > ? ORDER BY `s`");
static_assert(sf::update<Job>().set(lw_job::status = 1).where(lw_job::name.as<"n">() == "x").sql<sf::sqlite_dialect>() ==
              R"(UPDATE "job" SET "status" = ? WHERE "job"."name" = ?)");

TEST_CASE("a label in WHERE binds its expression's values in text order") {
    std::vector<std::int64_t> values;
    q.each_param([&](const auto& v) {
        if constexpr (std::is_integral_v<std::remove_cvref_t<decltype(v)>>) values.push_back(v);
    });
    CHECK(values == std::vector<std::int64_t>{5, 5, 2, 10});
    CHECK(sf::rendered<sf::sqlite_dialect, std::remove_cvref_t<decltype(q)>>::param_count == values.size());
}
