// Insert forms, upsert, RETURNING and into<Agg>() with real rows, on SQLite and MariaDB:
// insert_many (a std::array as one statement, a vector in batches), insert_into().select(),
// on_conflict().do_update() / do_nothing() on insert(obj), values() and insert_many(),
// rows affected per backend, into<Agg>() over a grouped select and a LEFT JOIN. RETURNING
// runs on SQLite only (MySQL has none): its test checks the rows on SQLite and, on MariaDB,
// that executing it throws before anything is sent.
#include "backends.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <type_traits>
#include <vector>

namespace upsert_test {

namespace sf = sqlforge;

struct UpJob {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
};

struct UpArchive {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
    bool kept;
};

// A composite primary key.
struct UpStock {
    std::int64_t shop;
    std::int64_t item;
    int quantity;
};

}  // namespace upsert_test

template <>
struct sqlforge::table_traits<upsert_test::UpJob> {
    static constexpr std::tuple constraints{sqlforge::unique<&upsert_test::UpJob::name>{},
                                            sqlforge::column_type<&upsert_test::UpJob::name, "VARCHAR(64)">{}};
};
template <>
struct sqlforge::table_traits<upsert_test::UpArchive> {
    static constexpr std::tuple constraints{sqlforge::default_value<&upsert_test::UpArchive::kept, true>{}};
};
template <>
struct sqlforge::table_traits<upsert_test::UpStock> {
    static constexpr auto primary_key = sqlforge::primary_key<&upsert_test::UpStock::shop, &upsert_test::UpStock::item>{};
};

namespace upsert_test {

SQLFORGE_COLUMNS(up_job, UpJob, id, name, status, note)
SQLFORGE_COLUMNS(up_archive, UpArchive, id, name, status, note, kept)
SQLFORGE_COLUMNS(up_stock, UpStock, shop, item, quantity)

template <class B>
sf::engine fresh() {
    auto e = B::engine();
    sf::drop_all<UpJob, UpArchive, UpStock>(e);
    sf::create_all<UpJob, UpArchive, UpStock>(e);
    return e;
}

// "job " + std::to_string(k) without operator+(const char*, std::string&&), which g++ 12 -O3
// wrongly warns about (-Wrestrict).
std::string numbered(std::string prefix, int k) {
    prefix += std::to_string(k);
    return prefix;
}

std::vector<UpJob> make_jobs(int n, int first = 0) {
    std::vector<UpJob> jobs;
    for (int k = first; k < first + n; ++k)
        jobs.push_back({.name = numbered("job ", k),
                        .status = k % 5,
                        .note = k % 3 == 0 ? std::optional<std::string>{numbered("note ", k)} : std::nullopt});
    return jobs;
}

template <class B>
constexpr bool is_mysql = std::is_same_v<B, test::mysql_backend>;

TEST_CASE_TEMPLATE("insert_many: a vector in batches, an array in one statement, an empty range", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};

    // 1037 rows = 16 batches of 64, then 8 + 4 + 1.
    const auto jobs = make_jobs(1037);
    CHECK(s.execute(sf::insert_many(jobs)) == 1037);
    CHECK(s.scalar(sf::select(sf::count()).from<UpJob>()) == 1037);
    auto back = s.query<UpJob>().order_by(up_job::id).all();
    REQUIRE(back.size() == 1037);
    for (std::size_t k = 0; k < back.size(); k += 97) {
        CHECK(back[k].name == jobs[k].name);
        CHECK(back[k].status == jobs[k].status);
        CHECK(back[k].note == jobs[k].note);
    }
    CHECK(back.back().name == "job 1036");
    CHECK(back.back().id == 1037);

    CHECK(s.execute(sf::insert_many(std::array<UpJob, 2>{UpJob{.name = "array a", .status = 7},
                                                         UpJob{.name = "array b", .status = 8, .note = "b"}})) == 2);
    CHECK(s.execute(sf::insert_many(std::vector<UpJob>{})) == 0);
    s.commit();

    sf::session t{e};
    CHECK(t.query<UpJob>().where(up_job::status >= 7).count() == 2);
    CHECK(t.scalar(sf::select(up_job::note).where(up_job::name == "array b")) == std::optional<std::string>{"b"});
}

TEST_CASE_TEMPLATE("upsert on a unique column: do_update with excluded(), do_nothing", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    UpJob a{.name = "a", .status = 1};
    s.add(a);

    UpJob again{.name = "a", .status = 5, .note = "second"};
    const auto n = s.execute(sf::insert(again).on_conflict(up_job::name).do_update(
        up_job::status = sf::excluded(up_job::status), up_job::note = sf::excluded(up_job::note)));
    // MySQL counts an updated row twice (1 inserted, 2 updated); SQLite counts it once.
    CHECK(n == (is_mysql<B> ? 2 : 1));
    auto row = s.query<UpJob>().where(up_job::name == "a").one();
    CHECK(row.id == a.id);
    CHECK(row.status == 5);
    CHECK(row.note == std::optional<std::string>{"second"});

    // No conflict: an ordinary insert.
    CHECK(s.execute(sf::insert(UpJob{.name = "b", .status = 2}).on_conflict(up_job::name).do_update(
              up_job::status = sf::excluded(up_job::status))) == 1);

    // do_nothing leaves the row alone (MySQL still reports 1 row, CLIENT_FOUND_ROWS).
    const auto kept = s.execute(sf::insert(UpJob{.name = "a", .status = 99}).on_conflict(up_job::name).do_nothing());
    CHECK(kept == (is_mysql<B> ? 1 : 0));
    CHECK(s.query<UpJob>().where(up_job::name == "a").one().status == 5);

    // values(): the old row and the new value together.
    for (int k = 0; k < 3; ++k)
        s.execute(sf::insert_into<UpJob>()
                      .values(up_job::name = "b", up_job::status = 10)
                      .on_conflict(up_job::name)
                      .do_update(up_job::status = up_job::status + sf::excluded(up_job::status)));
    CHECK(s.query<UpJob>().where(up_job::name == "b").one().status == 32);
    CHECK(s.query<UpJob>().count() == 2);
    s.commit();
}

TEST_CASE_TEMPLATE("upsert on a composite primary key given by values()", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    auto add = [&](std::int64_t shop, std::int64_t item, int quantity) {
        s.execute(sf::insert_into<UpStock>()
                      .values(up_stock::shop = shop, up_stock::item = item, up_stock::quantity = quantity)
                      .on_conflict(up_stock::shop, up_stock::item)
                      .do_update(up_stock::quantity = up_stock::quantity + sf::excluded(up_stock::quantity)));
    };
    add(1, 1, 5);
    add(1, 2, 1);
    add(1, 1, 3);
    add(2, 1, 4);
    add(1, 1, 2);
    auto rows = s.execute(sf::select(up_stock::shop, up_stock::item, up_stock::quantity)
                              .order_by(up_stock::shop, up_stock::item))
                    .all();
    using R = std::tuple<std::int64_t, std::int64_t, int>;
    CHECK(rows == std::vector<R>{{1, 1, 10}, {1, 2, 1}, {2, 1, 4}});
    s.commit();
}

TEST_CASE_TEMPLATE("upsert over insert_many: every batch updates the rows already there", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    CHECK(s.execute(sf::insert_many(make_jobs(100))) == 100);  // job 0 .. job 99

    // job 50 .. job 179: 50 updated, 80 new.
    auto more = make_jobs(130, 50);
    for (auto& j : more) j.status = 100;
    s.execute(sf::insert_many(more).on_conflict(up_job::name).do_update(
        up_job::status = sf::excluded(up_job::status) + 1));
    CHECK(s.query<UpJob>().count() == 180);
    CHECK(s.query<UpJob>().where(up_job::status == 101).count() == 50);  // updated: excluded + 1
    CHECK(s.query<UpJob>().where(up_job::status == 100).count() == 80);  // inserted as given
    CHECK(s.query<UpJob>().where(up_job::name == "job 49").one().status == 49 % 5);

    // do_nothing over an array: one statement, the existing rows untouched.
    s.execute(sf::insert_many(std::array<UpJob, 2>{UpJob{.name = "job 0", .status = 50}, UpJob{.name = "new", .status = 50}})
                  .on_conflict(up_job::name)
                  .do_nothing());
    CHECK(s.query<UpJob>().where(up_job::status == 50).count() == 1);
    CHECK(s.query<UpJob>().count() == 181);
    s.commit();
}

TEST_CASE_TEMPLATE("insert_into().select(): all inserted columns, or the columns of assignments", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    s.execute(sf::insert_many(make_jobs(10)));  // statuses 0 1 2 3 4 0 1 2 3 4

    const auto copied = s.execute(sf::insert_into<UpArchive>().select(
        sf::select(up_job::name, up_job::status, up_job::note, up_job::status > 2).where(up_job::status >= 2)));
    CHECK(copied == 6);
    CHECK(s.query<UpArchive>().where(up_archive::kept == true).count() == 4);

    // Assignments: `kept` comes from its DEFAULT, the status is computed.
    s.execute(sf::insert_into<UpArchive>()
                  .select(up_archive::name = up_job::name, up_archive::status = up_job::status * 10)
                  .where(up_job::status == 1)
                  .order_by(up_job::id));
    auto added = s.query<UpArchive>().where(up_archive::status == 10).order_by(up_archive::id).all();
    REQUIRE(added.size() == 2);
    CHECK(added[0].name == "job 1");
    CHECK(added[1].name == "job 6");
    CHECK(added[0].kept);
    CHECK_FALSE(added[0].note.has_value());

    // Grouped: one archived row per status.
    s.execute(sf::insert_into<UpArchive>()
                  .select(up_archive::name = sf::coalesce(sf::max(up_job::name), "none"), up_archive::status = sf::count(),
                          up_archive::kept = false)
                  .group_by(up_job::status));
    CHECK(s.query<UpArchive>().where(up_archive::kept == false).count() == 5 + 2);
    s.commit();
}

struct NameCount {
    std::string name;
    std::int64_t n;
};
struct StatusTop {
    int status;
    std::optional<std::int64_t> top;  // MAX() of a possibly empty group
};
struct JobNote {
    std::string name;
    std::optional<std::string> archived_note;
};
struct Summary {
    std::int64_t key;
    std::string label;
    int state;
    std::optional<std::string> remark;
};

TEST_CASE_TEMPLATE("into<Agg>(): rows into any aggregate by position", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    s.execute(sf::insert_many(make_jobs(10)));
    s.execute(sf::insert_into<UpArchive>().values(up_archive::name = "job 3", up_archive::status = 3,
                                                  up_archive::note = "archived"));

    // make_jobs(10): statuses 0 1 2 3 4 0 1 2 3 4, ids 1 .. 10
    auto by_status = sf::select(up_job::status, sf::max(up_job::id).as<"top">())
                         .group_by(up_job::status)
                         .order_by(sf::desc<"top">);
    std::vector<std::string> seen;
    // `.template`: inside this test template g++ takes a select labelled with .as<"top">() for
    // a dependent type; ordinary code writes .into<StatusTop>().
    for (const StatusTop& st : s.execute(by_status).template into<StatusTop>()) {
        std::string text = std::to_string(st.status);
        text += '=';
        text += st.top ? std::to_string(*st.top) : std::string("none");
        seen.push_back(text);
    }
    CHECK(seen == std::vector<std::string>{"4=10", "3=9", "2=8", "1=7", "0=6"});

    auto all = s.execute(by_status).template into<StatusTop>().all();
    REQUIRE(all.size() == 5);
    CHECK(all[4].status == 0);

    // A LEFT JOINed column is optional: the field must be too.
    auto notes = s.execute(sf::select(up_job::name, up_archive::note)
                               .from<UpJob>()
                               .left_join<UpArchive>(up_archive::name == up_job::name)
                               .order_by(up_job::id)
                               .limit(4))
                     .into<JobNote>()
                     .all();
    REQUIRE(notes.size() == 4);
    CHECK_FALSE(notes[0].archived_note.has_value());
    CHECK(notes[3].archived_note == std::optional<std::string>{"archived"});

    // A model row maps field by field; first / one / one_or_none as on the result.
    auto first = s.query<UpJob>().order_by(up_job::id).execute().into<Summary>().first();
    REQUIRE(first.has_value());
    CHECK(first->label == "job 0");
    CHECK(first->remark == std::optional<std::string>{"note 0"});
    auto one = s.execute(sf::select(up_job::name, up_job::id).where(up_job::id == 2)).into<NameCount>().one();
    CHECK(one.name == "job 1");
    CHECK(one.n == 2);
    CHECK_FALSE(s.execute(sf::select(up_job::name, sf::count()).where(up_job::id == 0).group_by(up_job::name))
                    .into<NameCount>()
                    .one_or_none()
                    .has_value());
    s.commit();
}

// RETURNING is SQLite's (3.35+). MySQL has none: its dialect refuses the text at compile time
// (tests/compile_fail/returning_mysql.cpp); a statement executed on a MySQL engine, whose
// backend is only known at run time, throws programming_error before anything is sent.
TEST_CASE_TEMPLATE("RETURNING on insert, upsert, update and delete (SQLite only)", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = fresh<B>();
    sf::session s{e};
    UpJob a{.name = "a", .status = 1};
    if constexpr (is_mysql<B>) {
        CHECK_THROWS_AS(s.execute(sf::insert(a).returning(up_job::id)), sf::programming_error);
        CHECK(s.query<UpJob>().count() == 0);
        return;
    } else {
        CHECK(s.execute(sf::insert(a).returning(up_job::id)).one() == 1);

        std::array<UpJob, 3> more{UpJob{.name = "b", .status = 2}, UpJob{.name = "c", .status = 3},
                                  UpJob{.name = "d", .status = 4, .note = "d"}};
        auto ids = s.execute(sf::insert_many(more).returning(up_job::id, up_job::name)).all();
        using IdName = std::tuple<std::int64_t, std::string>;
        CHECK(ids == std::vector<IdName>{{2, "b"}, {3, "c"}, {4, "d"}});

        auto up = s.execute(sf::insert(UpJob{.name = "c", .status = 30})
                                .on_conflict(up_job::name)
                                .do_update(up_job::status = sf::excluded(up_job::status))
                                .returning(up_job::id, up_job::status))
                      .one();
        CHECK(up == std::tuple<std::int64_t, int>{3, 30});

        auto changed = s.execute(sf::update<UpJob>()
                                     .set(up_job::status = up_job::status + 100)
                                     .where(up_job::status < 5)
                                     .returning(up_job::name, (up_job::status * 2).as<"twice">()))
                           .template into<NameCount>()
                           .all();
        REQUIRE(changed.size() == 3);
        CHECK(changed[0].name == "a");
        CHECK(changed[0].n == 202);

        auto gone = s.execute(sf::delete_from<UpJob>().where(up_job::note.is_not_null()).returning(sf::all_of<UpJob>)).all();
        REQUIRE(gone.size() == 1);
        CHECK(gone[0].name == "d");
        CHECK(gone[0].status == 104);
        CHECK(s.query<UpJob>().count() == 3);

        // The text of the same statement for MySQL would not compile; on SQLite it is:
        static_assert(decltype(sf::insert(a).returning(up_job::id))::sql<sf::sqlite_dialect>() ==
                      R"(INSERT INTO "up_job" ("name", "status", "note") VALUES (?, ?, ?) RETURNING "up_job"."id")");
        s.commit();
    }
}

}  // namespace upsert_test
