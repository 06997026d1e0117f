// The seed program: SQLAlchemy's job-table walkthrough, in sqlforge.
//   jobs [URL]     default: sqlite:///jobs.db in the working directory
//                  e.g. jobs mysql://user:pass@127.0.0.1:3306/db
#include <sqlforge/sqlforge.hpp>

#include <cstdint>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

struct Job {
    std::int64_t id;  // integral `id`: the autoincrement primary key
    std::string name;
    int status;
};

namespace sf = sqlforge;
SQLFORGE_COLUMNS(job, Job, id, name, status)

static void print(const char* title, const std::vector<Job>& rows) {
    std::cout << title << '\n';
    for (const Job& j : rows) std::cout << "  id=" << j.id << " name=" << j.name << " status=" << j.status << '\n';
}

int main(int argc, char** argv) try {
    const std::string url = argc > 1 ? argv[1] : "sqlite:///jobs.db";
    auto engine = sf::create_engine(url);
    std::cout << "engine: " << engine.address().render_safe() << '\n';

    // Start from an empty table, so the example prints the same every run.
    sf::drop_all<Job>(engine);
    sf::create_all<Job>(engine);

    sf::session s{engine};
    Job first{.name = "1号工作", .status = 0};
    s.add(first);
    std::cout << "added " << first.name << " with id " << first.id << '\n';
    s.add_all(std::vector<Job>{{.name = "2号工作", .status = 1}, {.name = "John", .status = 2},
                               {.name = "John", .status = 3}});
    s.commit();

    print("all jobs:", s.query<Job>().all());
    print("id > 1:", s.query<Job>().where(job::id > 1).all());
    print("ordered by status, name:", s.query<Job>().order_by(job::status, job::name.desc()).all());

    auto per_name = sf::select(job::name, sf::count(job::id).as<"n">(), sf::max(job::status).as<"top">())
                        .group_by(job::name)
                        .order_by(sf::desc<"n">, job::name);
    static_assert(per_name.sql<sf::sqlite_dialect>() ==
                  R"(SELECT "job"."name", COUNT("job"."id") AS "n", MAX("job"."status") AS "top" FROM "job" )"
                  R"(GROUP BY "job"."name" ORDER BY "n" DESC, "job"."name")");
    std::cout << "jobs per name:\n";
    for (auto [name, n, top] : s.execute(per_name))
        std::cout << "  " << name << ": " << n << " (highest status " << top.value_or(-1) << ")\n";

    auto changed = s.query<Job>().where(job::name == "John").update(job::status = 35);
    std::cout << "set status 35 on " << changed << " row(s) named John\n";
    print("after update:", s.query<Job>().where(job::name == "John").all());

    auto removed = s.execute(sf::delete_from<Job>().where(job::name == "John"));
    std::cout << "deleted " << removed << " row(s) named John\n";
    s.commit();

    std::cout << "jobs left: " << s.query<Job>().count() << '\n';
    s.close();
    return 0;
} catch (const sf::error& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 1;
}
