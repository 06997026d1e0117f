// The session on every backend: add / add_all / commit / rollback / close, query<T>() and
// its calls, execute() of every statement form, get / update / merge / remove / refresh.
#include "backends.hpp"
#include "models.hpp"

#include <algorithm>
#include <optional>
#include <type_traits>
#include <vector>

using test::Job;

namespace {
template <class B>
sf::engine fresh_jobs() {
    auto e = B::engine();
    sf::drop_all<Job>(e);
    sf::create_all<Job>(e);
    return e;
}
std::vector<std::string> names(const std::vector<Job>& jobs) {
    std::vector<std::string> r;
    for (const auto& j : jobs) r.push_back(j.name);
    return r;
}
}  // namespace

TEST_CASE_TEMPLATE("add fills in the id, commit makes rows visible to another session", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_jobs<B>();
    sf::session s{e};
    Job a{.name = "a", .status = 0};
    s.add(a);
    CHECK(a.id == 1);
    std::vector<Job> more{{.name = "b", .status = 1}, {.name = "c", .status = 2, .note = "n"}};
    s.add_all(more);
    CHECK(more[0].id == 2);
    CHECK(more[1].id == 3);
    CHECK(s.in_transaction());
    s.commit();
    CHECK_FALSE(s.in_transaction());

    sf::session other{e};
    auto all = other.query<Job>().order_by(job::id).all();
    REQUIRE(all.size() == 3);
    CHECK(all[2].note == std::optional<std::string>{"n"});
    CHECK_FALSE(all[0].note.has_value());
}

TEST_CASE_TEMPLATE("rollback and close discard what was not committed", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_jobs<B>();
    {
        sf::session s{e};
        Job a{.name = "kept", .status = 0};
        s.add(a);
        s.commit();
        Job b{.name = "rolled back", .status = 0};
        s.add(b);
        s.rollback();
        Job c{.name = "closed", .status = 0};
        s.add(c);
        s.close();
        Job d{.name = "destroyed", .status = 0};
        s.add(d);
    }  // the destructor rolls back
    sf::session s{e};
    CHECK(names(s.query<Job>().all()) == std::vector<std::string>{"kept"});
}

TEST_CASE_TEMPLATE("query: where, order_by, limit, offset, first, one, one_or_none, count", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_jobs<B>();
    sf::session s{e};
    s.add_all(std::vector<Job>{{.name = "d", .status = 2},
                               {.name = "b", .status = 1},
                               {.name = "a", .status = 2},
                               {.name = "c", .status = 1}});
    CHECK(names(s.query<Job>().where(job::id > 1).order_by(job::id).all()) == std::vector<std::string>{"b", "a", "c"});
    CHECK(names(s.query<Job>().order_by(job::status, job::name.desc()).all()) ==
          std::vector<std::string>{"c", "b", "d", "a"});
    CHECK(names(s.query<Job>().order_by(job::name).limit(2).offset(1).all()) == std::vector<std::string>{"b", "c"});
    CHECK(names(s.query<Job>().order_by(job::name).offset(3).all()) == std::vector<std::string>{"d"});
    CHECK(s.query<Job>().order_by(job::name.desc()).first()->name == "d");
    CHECK_FALSE(s.query<Job>().where(job::name == "zz").first().has_value());
    CHECK(s.query<Job>().where(job::name == "a").one().status == 2);
    CHECK_THROWS_AS(s.query<Job>().where(job::name == "zz").one(), sf::no_result_found);
    CHECK_THROWS_AS(s.query<Job>().where(job::status == 1).one(), sf::multiple_results_found);
    CHECK_THROWS_AS(s.query<Job>().where(job::status == 1).one_or_none(), sf::multiple_results_found);
    CHECK_FALSE(s.query<Job>().where(job::status == 7).one_or_none().has_value());
    CHECK(s.query<Job>().count() == 4);
    CHECK(s.query<Job>().where(job::status == 1).count() == 2);
    CHECK(s.query<Job>().filter(job::name.like("%c%") || job::name.in({"a", "d"})).count() == 3);
    CHECK(s.query<Job>().where(job::id.between(2, 3)).count() == 2);
    CHECK(s.query<Job>().where(job::note.is_null()).count() == 4);
    CHECK(s.query<Job>().where(job::note.is_not_null()).count() == 0);

    std::vector<std::string> streamed;
    for (const Job& j : s.query<Job>().where(job::status == 2).order_by(job::name)) streamed.push_back(j.name);
    CHECK(streamed == std::vector<std::string>{"a", "d"});
}

TEST_CASE_TEMPLATE("query: update and delete_ report rows affected", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_jobs<B>();
    sf::session s{e};
    s.add_all(std::vector<Job>{{.name = "John", .status = 1}, {.name = "John", .status = 2}, {.name = "Ann", .status = 3}});
    CHECK(s.query<Job>().where(job::name == "John").update(job::status = 35) == 2);
    CHECK(s.query<Job>().where(job::status == 35).count() == 2);
    CHECK(s.query<Job>().where(job::name == "Nobody").update(job::status = 1) == 0);
    CHECK(s.query<Job>().update(job::status = job::status + 1) == 3);
    CHECK(s.query<Job>().where(job::name == "Ann").one().status == 4);
    CHECK(s.query<Job>().where(job::name == "John").delete_() == 2);
    CHECK(s.query<Job>().count() == 1);
    s.commit();
}

TEST_CASE_TEMPLATE("execute: select rows as tuples, scalars and structs; writes as rows affected", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_jobs<B>();
    sf::session s{e};
    s.add_all(std::vector<Job>{{.name = "x", .status = 1}, {.name = "x", .status = 5}, {.name = "y", .status = 2, .note = "hi"}});

    auto grouped = sf::select(job::name, sf::count(job::id).as<"n">(), sf::max(job::status).as<"top">())
                       .group_by(job::name)
                       .order_by(sf::desc<"n">, job::name);
    std::vector<std::tuple<std::string, std::int64_t, std::optional<int>>> rows;
    for (auto [name, n, top] : s.execute(grouped)) rows.emplace_back(name, n, top);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0] == std::tuple{std::string("x"), std::int64_t{2}, std::optional<int>{5}});
    CHECK(rows[1] == std::tuple{std::string("y"), std::int64_t{1}, std::optional<int>{2}});

    CHECK(s.scalar(sf::select(sf::count()).from<Job>()) == 3);
    CHECK(s.scalar(sf::select(sf::sum(job::status)).from<Job>()) == std::optional<std::int64_t>{8});
    CHECK(s.scalar(sf::select(sf::max(job::status)).where(job::id > 100)) == std::optional<int>{});
    CHECK(s.scalar(sf::select(job::status).where(job::id > 100)) == std::optional<int>{});
    auto notes = s.execute(sf::select(job::note).order_by(job::id)).all();
    CHECK(notes == std::vector<std::optional<std::string>>{std::nullopt, std::nullopt, "hi"});
    auto coalesced = s.execute(sf::select(sf::coalesce(job::note, "none")).order_by(job::id)).all();
    CHECK(coalesced == std::vector<std::string>{"none", "none", "hi"});
    auto structs = s.execute(sf::select(sf::all_of<Job>).where(job::status >= 2).order_by(job::status)).all();
    REQUIRE(structs.size() == 2);
    CHECK(structs[1].status == 5);
    auto distinct = s.execute(sf::select_distinct(job::name).order_by(job::name)).all();
    CHECK(distinct == std::vector<std::string>{"x", "y"});
    auto math = s.execute(sf::select(job::status * 2 + 1, -job::status, job::status % 2, job::status / 2)
                              .where(job::name == "y")).one();
    CHECK(math == std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t>{5, -2, 0, 1});

    CHECK(s.execute(sf::insert_into<Job>().values(job::name = "z", job::status = 9)) == 1);
    Job w{.name = "w", .status = 4};
    CHECK(s.execute(sf::insert(w)) == 1);
    CHECK(s.execute(sf::update<Job>().set(job::note = "set", job::status = job::status + 10).where(job::name == "z")) == 1);
    CHECK(s.query<Job>().where(job::name == "z").one().status == 19);
    CHECK(s.execute(sf::update<Job>().set(job::note = std::nullopt).where(job::name == "y")) == 1);
    CHECK(s.execute(sf::delete_from<Job>().where(job::note.is_null())) == 4);
    CHECK(s.query<Job>().count() == 1);

    // Values named by lvalue and temporaries both bind correctly, streamed or not.
    std::string wanted = "z";
    CHECK(s.execute(sf::select(job::status).where(job::name == wanted)).one() == 19);
    for (int status : s.execute(sf::select(job::status).where(job::name == std::string("z")))) CHECK(status == 19);
}

TEST_CASE_TEMPLATE("get, update(obj), merge, remove, refresh by primary key", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_jobs<B>();
    sf::session s{e};
    Job a{.name = "a", .status = 1};
    s.add(a);
    auto got = s.get<Job>(a.id);
    REQUIRE(got.has_value());
    CHECK(got->name == "a");
    CHECK_FALSE(s.get<Job>(999).has_value());

    a.status = 7;
    a.note = "edited";
    CHECK(s.update(a) == 1);
    CHECK(s.get<Job>(a.id)->note == std::optional<std::string>{"edited"});

    Job m{.id = 50, .name = "merged", .status = 0};
    s.merge(m);
    CHECK(s.get<Job>(50)->name == "merged");
    m.status = 3;
    s.merge(m);
    CHECK(s.get<Job>(50)->status == 3);

    Job stale = a;
    s.query<Job>().where(job::id == a.id).update(job::status = 99);
    CHECK(s.refresh(stale));
    CHECK(stale.status == 99);

    CHECK(s.remove(a) == 1);
    CHECK_FALSE(s.get<Job>(a.id).has_value());
    CHECK_FALSE(s.refresh(stale));
    s.commit();
}

TEST_CASE_TEMPLATE("a result left half-read is reset and the statement reusable", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_jobs<B>();
    sf::session s{e};
    for (int i = 0; i < 10; ++i) {
        // (not "j" + std::to_string(i): g++ 12 -O3 gives a false -Wrestrict on it, GCC PR 105329)
        Job j{.name = std::to_string(i), .status = i};
        s.add(j);
    }
    auto q = sf::select(job::status).order_by(job::status);
    {
        auto r = s.execute(q);
        auto it = r.begin();
        CHECK(*it == 0);
        ++it;
        CHECK(*it == 1);
    }  // dropped half-read
    CHECK(s.execute(q).all().size() == 10);
    CHECK(s.execute(q).first() == 0);
    s.commit();
}

// A result borrows its statement from the connection; commit / rollback / close give the
// connection back. Reading the result after that must be a clear error, never a read of a
// statement that is gone (null_pool: the connection is closed) or another session's.
TEST_CASE_TEMPLATE("a result read after commit, rollback, close or the session's end throws invalid_request_error",
                   B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    fresh_jobs<B>();
    // A file-less SQLite :memory: engine is one connection: keep it (its pool is that one).
    auto e = std::is_same_v<B, test::sqlite_backend> ? B::engine() : sf::create_engine(B::url(), {.null_pool = true});
    if constexpr (std::is_same_v<B, test::sqlite_backend>) sf::create_all<Job>(e);
    {
        sf::session s{e};
        for (int i = 0; i < 5; ++i) {
            Job j{.name = std::to_string(i), .status = i};
            s.add(j);
        }
        s.commit();
    }
    const auto q = sf::select(job::status).order_by(job::status);
    const auto revoked = doctest::Contains("committed, rolled back or closed");

    SUBCASE("half-read, then commit: the rows read stay, the next read throws") {
        sf::session s{e};
        auto r = s.query<Job>().order_by(job::id).execute();
        auto it = r.begin();
        CHECK(it->name == "0");
        s.commit();
        CHECK(it->name == "0");
        CHECK_THROWS_WITH_AS(++it, revoked, sf::invalid_request_error);
        CHECK_THROWS_AS(r.all(), sf::invalid_request_error);
        // The session and the statement go on.
        CHECK(s.execute(q).all() == std::vector<int>{0, 1, 2, 3, 4});
    }
    SUBCASE("not started, then rollback: all(), first() and iterating throw") {
        sf::session s{e};
        auto r1 = s.execute(q);
        auto r2 = s.execute(sf::select(job::name).where(job::status == 3));
        auto r3 = s.query<Job>().execute();
        s.rollback();
        CHECK_THROWS_WITH_AS(r1.all(), revoked, sf::invalid_request_error);
        CHECK_THROWS_AS(r2.first(), sf::invalid_request_error);
        CHECK_THROWS_AS((void)r3.begin(), sf::invalid_request_error);
        CHECK(s.execute(q).first() == 0);
    }
    SUBCASE("a result moved after it was returned is still tracked") {
        sf::session s{e};
        std::vector<sf::result<int>> kept;
        kept.reserve(1);
        kept.push_back(s.execute(q));
        std::optional<sf::result<int>> moved;
        moved.emplace(std::move(kept.front()));
        s.close();
        CHECK_THROWS_AS((void)moved->begin(), sf::invalid_request_error);
        CHECK(kept.front().all().empty());  // the moved-from result is empty, not an error
    }
    SUBCASE("the session destroyed before its result") {
        std::optional<sf::result<int>> r;
        {
            sf::session s{e};
            r.emplace(s.execute(q));
        }
        CHECK_THROWS_AS(r->all(), sf::invalid_request_error);
    }
    SUBCASE("raw SQL results: the first row was read by execute(), the next read throws") {
        sf::session s{e};
        auto r = s.execute(sf::text("SELECT status FROM job WHERE status >= :lo ORDER BY status"), {{"lo", 1}});
        auto it = r.begin();
        CHECK(it->get<int>(0) == 1);
        s.commit();
        CHECK(it->get<int>(0) == 1);
        CHECK_THROWS_WITH_AS(++it, revoked, sf::invalid_request_error);
    }
    SUBCASE("a Core connection's results, and results read in full before commit") {
        auto c = e.connect();
        auto r = c.execute(q);
        auto all = c.execute(q).all();  // read in full: nothing is left to revoke
        auto first = c.execute(sf::text("SELECT count(*) FROM job")).template scalar<std::int64_t>();
        c.commit();
        CHECK(all.size() == 5);
        CHECK(first == 5);
        CHECK_THROWS_AS(r.all(), sf::invalid_request_error);
    }
    SUBCASE("a result read to its end before commit stays readable as empty") {
        sf::session s{e};
        auto r = s.execute(q);
        int n = 0;
        for (int v : r) n += v;
        s.commit();
        CHECK(n == 10);
        CHECK(r.all().empty());
    }
}

// contains / startswith / endswith match their value as it is: %, _, / and \ in it are
// plain characters, the same on both backends (LIKE ... ESCAPE '/').
TEST_CASE_TEMPLATE("contains, startswith, endswith and like with ESCAPE match literally on every backend", B,
                   SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = fresh_jobs<B>();
    sf::session s{e};
    const std::vector<std::string> values = {"50% off", "50 off", "a_b", "axb", "path/to", "pathxto",
                                             "back\\slash", "backslash", "100%", "1000"};
    for (const auto& v : values) {
        Job j{.name = v, .status = 0};
        s.add(j);
    }
    auto found = [&](auto where) {
        std::vector<std::string> r;
        for (const Job& j : s.query<Job>().where(where).order_by(job::id)) r.push_back(j.name);
        return r;
    };
    using V = std::vector<std::string>;
    CHECK(found(job::name.contains("%")) == V{"50% off", "100%"});
    CHECK(found(job::name.contains("0% o")) == V{"50% off"});
    CHECK(found(job::name.contains("_")) == V{"a_b"});
    CHECK(found(job::name.startswith("a_")) == V{"a_b"});
    CHECK(found(job::name.endswith("/to")) == V{"path/to"});
    CHECK(found(job::name.contains("h/t")) == V{"path/to"});
    CHECK(found(job::name.contains("k\\s")) == V{"back\\slash"});
    CHECK(found(job::name.endswith(std::string("0%"))) == V{"100%"});
    CHECK(found(job::name.startswith("")) == values);
    // like() with an ESCAPE character: !% is a plain %, % still matches anything.
    CHECK(found(job::name.like("%0!%", sf::escape<'!'>)) == V{"100%"});
    CHECK(found(job::name.like("a!_%", sf::escape<'!'>)) == V{"a_b"});
    // Without ESCAPE the same patterns are wildcards.
    CHECK(found(job::name.like("a_b")) == V{"a_b", "axb"});
    s.commit();
}
