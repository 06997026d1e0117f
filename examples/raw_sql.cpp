// The seed program's Core part: engine.connect(), conn.execute(text(...)), fetchall(),
// printing the rows as a table (the seed builds a pandas DataFrame), commit(), close().
//   raw_sql [URL]     default: sqlite://:memory:
//                     e.g. raw_sql mysql://user:pass@127.0.0.1:3306/db   (drops and recreates `job`)
#include <sqlforge/sqlforge.hpp>

#include <cstdint>
#include <iostream>
#include <optional>
#include <string>

struct Job {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
};

namespace sf = sqlforge;

int main(int argc, char** argv) try {
    const std::string url = argc > 1 ? argv[1] : "sqlite://:memory:";
    auto engine = sf::create_engine(url);
    std::cout << "engine: " << engine.address().render_safe() << '\n';

    // The example's own table (the model gives the DDL for either backend) and rows.
    sf::drop_all<Job>(engine);
    sf::create_all<Job>(engine);

    // conn = engine.connect()
    auto conn = engine.connect();

    // One text, parsed once, run once per row; the values are bound, never pasted in.
    const auto insert = sf::text("INSERT INTO job (name, status, note) VALUES (:name, :status, :note)");
    conn.execute(insert, {{"name", "1号工作"}, {"status", 0}, {"note", std::nullopt}});
    conn.execute(insert, {{"name", "2号工作"}, {"status", 1}, {"note", "urgent"}});
    conn.execute(insert, {{"name", "John"}, {"status", 2}, {"note", std::nullopt}});
    conn.execute(insert, {{"name", "'; DROP TABLE job; --"}, {"status", 3}, {"note", "stored as text"}});
    conn.commit();

    // result = conn.execute(text("SELECT ...")); rows = result.fetchall()
    auto result = conn.execute(sf::text("SELECT id, name, status, note FROM job WHERE id > :min ORDER BY id"),
                               {{"min", 0}});
    auto rows = result.all();

    // print(pd.DataFrame(rows, columns=result.keys()))
    std::cout << sf::table_view(rows) << '\n';

    // Rows by index and by column name.
    for (const sf::row& r : rows)
        std::cout << r.get<std::int64_t>("id") << ": " << r.get<std::string>(1)
                  << (r.is_null("note") ? "" : " (" + r.get<std::string>("note") + ")") << '\n';

    // A statement without rows: how many it changed.
    auto update = conn.execute(sf::text("UPDATE job SET status = :status WHERE name = :name"),
                               {{"status", 35}, {"name", "John"}});
    std::cout << "\nUPDATE changed " << update.rows_affected() << " row(s)\n";

    // scalar(): the first column of the first row.
    auto n = conn.execute(sf::text("SELECT COUNT(*) FROM job WHERE status > :s"), {{"s", 1}}).scalar<std::int64_t>();
    std::cout << "jobs with status > 1: " << n.value_or(0) << "\n\n";

    // Aggregates print the same way; a result can be printed directly.
    std::cout << sf::table_view(conn.execute(
        sf::text("SELECT status > 1 AS late, COUNT(*) AS n, MAX(name) AS last_name FROM job GROUP BY status > 1 "
                 "ORDER BY late")));

    // conn.commit(); conn.close()
    conn.commit();
    conn.close();
    return 0;
} catch (const sf::error& e) {
    std::cerr << "error: " << e.what() << '\n';
    return 1;
}
