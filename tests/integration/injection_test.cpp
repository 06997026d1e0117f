// Injection (issue 8, item 1): a corpus of hostile values (quotes, comments, stacked
// statements, MySQL backslash escapes, NUL bytes inside std::string, invalid UTF-8, LIKE
// wildcards, Unicode, ~1 MiB strings) passed through every DSL position that takes a run-time
// value and through text() binds, on both backends. Each payload must be stored and read back
// byte for byte, find exactly its own rows, and change nothing else: after every payload the
// payload table holds exactly its bystander rows again, the sentinel table is unchanged and
// no table appeared or disappeared.
//
// One limit, by design of the database: a MySQL/MariaDB utf8mb4 text column holds valid UTF-8
// only, so there a text value that is not valid UTF-8 is refused with data_error (strict mode,
// never truncated) and the same bytes go through a blob column instead, byte for byte.
#include "backends.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace injection_test {

namespace sf = sqlforge;
using bytes = std::vector<std::byte>;

struct InjRow {
    std::int64_t id;
    std::string name;
    int status;
    std::optional<std::string> note;
    bytes raw;
};

struct InjSentinel {
    std::int64_t id;
    std::string label;
    int value;
};

}  // namespace injection_test

// LONGTEXT for the ~1 MiB payloads (VARCHAR(255) would refuse them), with a binary collation
// without PAD SPACE so that `=` compares bytes on MariaDB as it does on SQLite.
template <>
struct sqlforge::table_traits<injection_test::InjRow> {
    static constexpr std::tuple constraints{
        sqlforge::column_type<&injection_test::InjRow::name, "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin",
                              sqlforge::mysql_dialect>{},
        sqlforge::column_type<&injection_test::InjRow::note, "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin",
                              sqlforge::mysql_dialect>{}};
};

namespace injection_test {

SQLFORGE_COLUMNS(inj, InjRow, id, name, status, note, raw)
SQLFORGE_COLUMNS(inj_sentinel, InjSentinel, id, label, value)

using namespace std::string_literals;

// The corpus. Table names in the payloads are the real ones (inj_row, inj_sentinel).
std::vector<std::string> payloads() {
    std::vector<std::string> p = {
        // quotes
        "'", "''", "\"", "`", "' OR '1'='1", "' OR 1=1 --", "\" OR \"\"=\"", "') OR ('a'='a", "admin'--",
        "admin' #", "' UNION SELECT label FROM inj_sentinel --",
        // stacked statements
        "'; DROP TABLE inj_sentinel; --", "\"; DROP TABLE inj_sentinel; --", "1; DELETE FROM inj_sentinel",
        "x'); DELETE FROM inj_sentinel; --", "'); DROP TABLE inj_row; --", "'; UPDATE inj_sentinel SET value = 0; --",
        "`; DROP TABLE `inj_sentinel`; --",
        // comments
        "--", "-- \nDROP TABLE inj_sentinel", "/*", "*/", "/* comment */", "*/ DROP TABLE inj_sentinel; /*",
        "/*!50000 DROP TABLE inj_sentinel */", "# DROP TABLE inj_sentinel",
        // backslashes (MySQL string escapes)
        "\\", "\\\\", "\\'", "\\\"", "\\\\'; DROP TABLE inj_sentinel; --", "\\' OR 1=1 -- ", "\\0", "\\N",
        "\\%", "\\_", "C:\\path\\",
        // LIKE wildcards
        "%", "_", "%_%", "100%", "a_b", "[a-z]%", "%' OR '%'='",
        // NUL bytes inside the std::string
        "\0"s, "a\0b"s, "\0'; DROP TABLE inj_sentinel; --"s, "trailing NUL\0"s, "\0\0\0"s,
        // invalid UTF-8
        "\xff", "\xc0\xaf", "\xed\xa0\x80", "\x80 lone continuation", "\xf4\x90\x80\x80", "abc\xe2\x82",
        "\xbf\x27 OR 1=1 --", "\xfe\xff",
        // Unicode
        "1号工作", "emoji \xF0\x9F\x98\x80", "Ünïcödé ß", "\u202Eevil", "zero\u200Bwidth", "\uFEFFbom",
        "e\u0301", "\uFF07 OR \uFF071\uFF07=\uFF071", "\u2028line\u2029sep",
        // control characters and other syntax
        "\r\n\t\v\f", "\x1a", "\x08 backspace", "", "   ", "trailing space ", ":name", ":raw", "?", "$1", "@@version",
        "NULL", "null", "SELECT * FROM inj_sentinel", "0x27", "CHAR(39)", "${jndi:ldap://x}",
        "ROLLBACK; COMMIT;", ";",
    };
    // very long strings
    p.push_back(std::string(1 << 20, 'a'));
    std::string quotes;
    while (quotes.size() < (1u << 20)) quotes += "'; DROP TABLE inj_sentinel; -- \\' ";
    p.push_back(std::move(quotes));
    p.push_back(std::string((1 << 16) + 1, '\\'));
    return p;
}

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s, bool allow_surrogates = false) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07u;
        } else {
            return false;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size()) return false;
            const auto d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0u) != 0x80u) return false;
            cp = (cp << 6) | (d & 0x3Fu);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (!allow_surrogates && cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

bytes to_bytes(std::string_view s) {
    bytes b(s.size());
    std::transform(s.begin(), s.end(), b.begin(), [](char c) { return static_cast<std::byte>(c); });
    return b;
}

// A printable name for a payload in failure messages.
std::string shown(std::size_t index, std::string_view p) {
    std::string s = "payload #";
    s += std::to_string(index);
    s += " (";
    s += std::to_string(p.size());
    s += " bytes): ";
    for (std::size_t i = 0; i < p.size() && i < 60; ++i) {
        const auto c = static_cast<unsigned char>(p[i]);
        if (c >= 0x20 && c < 0x7f) {
            s += static_cast<char>(c);
        } else {
            static constexpr char hex[] = "0123456789abcdef";
            s += "\\x";
            s += hex[c >> 4];
            s += hex[c & 0xF];
        }
    }
    if (p.size() > 60) s += "...";
    return s;
}

const std::vector<InjSentinel>& sentinels() {
    static const std::vector<InjSentinel> rows = {
        {1, "alpha", 1}, {2, "beta", 2}, {3, "gamma '; --", 3}, {4, "delta \\", 4}, {5, "epsilon %", 5},
    };
    return rows;
}

// Rows that stay in the payload table the whole time; no payload equals any of their texts.
std::vector<InjRow> bystanders() {
    return {
        InjRow{.id = 1, .name = "bystander one", .status = 100, .note = std::nullopt, .raw = to_bytes("b1")},
        InjRow{.id = 2, .name = "bystander two", .status = 101, .note = "kept", .raw = {}},
        InjRow{.id = 3, .name = "Bystander 'three'", .status = 102, .note = "a%b_c", .raw = to_bytes("b\0003"s)},
    };
}

bool same_row(const InjRow& a, const InjRow& b) {
    return a.id == b.id && a.name == b.name && a.status == b.status && a.note == b.note && a.raw == b.raw;
}

template <class B>
std::vector<std::string> inj_tables(sf::engine& e) {
    auto conn = e.connect();
    sf::text q{std::is_same_v<B, test::mysql_backend>
                   ? "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND "
                     "table_name LIKE 'inj%' ORDER BY table_name"
                   : "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'inj%' ORDER BY name"};
    std::vector<std::string> out;
    for (const sf::row& r : conn.execute(q)) out.push_back(r.get<std::string>(0));
    return out;
}

// The whole database state this test can see: the sentinel table and the payload table.
template <class B>
void check_untouched(sf::engine& e, const std::string& what) {
    INFO(what);
    CHECK(inj_tables<B>(e) == std::vector<std::string>{"inj_row", "inj_sentinel"});
    sf::session s{e};
    auto sent = s.query<InjSentinel>().order_by(inj_sentinel::id).all();
    REQUIRE(sent.size() == sentinels().size());
    for (std::size_t i = 0; i < sent.size(); ++i) {
        CHECK(sent[i].id == sentinels()[i].id);
        CHECK(sent[i].label == sentinels()[i].label);
        CHECK(sent[i].value == sentinels()[i].value);
    }
    auto rows = s.query<InjRow>().order_by(inj::id).all();
    auto expected = bystanders();
    REQUIRE(rows.size() == expected.size());
    for (std::size_t i = 0; i < rows.size(); ++i) CHECK(same_row(rows[i], expected[i]));
}

struct tally {
    std::size_t checks = 0;           // payload x position runs
    std::size_t refused = 0;          // (MySQL, invalid UTF-8 into text) refused with data_error
    std::size_t like_too_complex = 0; // SQLite LIKE patterns over its 50,000-byte limit
};

template <class B>
void run_payload(sf::engine& e, std::size_t index, const std::string& p, tally& t) {
    constexpr bool mysql = std::is_same_v<B, test::mysql_backend>;
    const std::string label = shown(index, p);
    INFO(label);
    const bytes raw = to_bytes(p);
    // MariaDB's utf8mb4 takes UTF-8-encoded surrogates (ED A0 80): they are stored as they are.
    const bool storable = !mysql || valid_utf8(p, true);

    sf::session s{e};
    // Positions that write the payload as text. Each leaves one row with status `code`.
    auto writes = [&](std::int64_t expected, auto&& write) {
        ++t.checks;
        if (storable) {
            CHECK(write() == expected);
        } else {
            CHECK_THROWS_AS(write(), sf::data_error);
            ++t.refused;
        }
    };
    // status 1: session.add
    writes(1, [&]() -> std::int64_t {
        InjRow r{.name = p, .status = 1, .note = p, .raw = raw};
        s.add(r);
        return r.id > 3 ? 1 : 0;
    });
    // 2: insert_into().values()
    writes(1, [&] {
        return s.execute(sf::insert_into<InjRow>().values(inj::name = p, inj::status = 2, inj::note = p, inj::raw = raw));
    });
    // 3, 4: insert_many over a vector (batched statements)
    writes(2, [&] {
        std::vector<InjRow> v{InjRow{.name = p, .status = 3, .note = p, .raw = raw},
                              InjRow{.name = p, .status = 4, .note = p, .raw = raw}};
        return s.execute(sf::insert_many(v));
    });
    // 5: text() INSERT, the same name bound twice
    writes(1, [&] {
        return s
            .execute(sf::text("INSERT INTO inj_row (name, status, note, raw) VALUES (:p, 5, :p, :raw)"),
                     {{"p", p}, {"raw", raw}})
            .rows_affected();
    });
    // 6: upsert: values() on the primary key, do_update with excluded() and with the value itself
    s.execute(sf::insert_into<InjRow>().values(inj::id = 1000, inj::name = "before upsert", inj::status = 6,
                                               inj::raw = bytes{}));
    writes(mysql ? 2 : 1, [&] {  // MySQL counts an updated row twice
        return s.execute(sf::insert_into<InjRow>()
                             .values(inj::id = 1000, inj::name = p, inj::status = 6, inj::raw = raw)
                             .on_conflict(inj::id)
                             .do_update(inj::name = sf::excluded(inj::name), inj::note = p,
                                        inj::raw = sf::excluded(inj::raw)));
    });
    // 7: update().set()
    s.execute(sf::insert_into<InjRow>().values(inj::name = "before set", inj::status = 7, inj::raw = bytes{}));
    writes(1, [&] {
        return s.execute(sf::update<InjRow>().set(inj::name = p, inj::note = p, inj::raw = raw).where(inj::status == 7));
    });
    // 8: query<T>().where().update()
    s.execute(sf::insert_into<InjRow>().values(inj::name = "before query update", inj::status = 8, inj::raw = bytes{}));
    writes(1, [&] { return s.query<InjRow>().where(inj::status == 8).update(inj::name = p, inj::note = p, inj::raw = raw); });

    if (storable) {
        // Read back byte for byte, through the DSL and through text().
        auto rows = s.query<InjRow>().where(inj::status >= 1 && inj::status <= 8).order_by(inj::status).all();
        REQUIRE(rows.size() == 8);
        std::set<std::int64_t> ids;
        for (const InjRow& r : rows) {
            CHECK(r.name == p);
            CHECK(r.note == std::optional<std::string>{p});
            CHECK(r.raw == raw);
            ids.insert(r.id);
        }
        REQUIRE(ids.size() == 8);
        for (const sf::row& r : s.execute(sf::text("SELECT name, note, raw FROM inj_row WHERE status BETWEEN 1 AND 8"))) {
            CHECK(r.get<std::string>("name") == p);
            CHECK(r.get<std::string>("note") == p);
            CHECK(r.get<bytes>("raw") == raw);
        }

        // where ==: exactly the payload's rows
        ++t.checks;
        std::set<std::int64_t> found;
        for (const InjRow& r : s.query<InjRow>().where(inj::name == p)) found.insert(r.id);
        CHECK(found == ids);
        // in({...})
        ++t.checks;
        const std::string other = "no such name";
        CHECK(s.query<InjRow>().where(inj::name.in({p, other})).count() == 8);
        // like(): the payload as a pattern matches its own rows, except where the backend reads
        // pattern characters differently (a backslash escapes in MySQL's LIKE) or refuses a
        // pattern over SQLite's length limit (SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 50,000 bytes).
        ++t.checks;
        if (!mysql && p.size() > 50000) {
            CHECK_THROWS_AS(s.query<InjRow>().where(inj::name.like(p)).count(), sf::dbapi_error);
            ++t.like_too_complex;
        } else {
            std::set<std::int64_t> liked;
            for (const InjRow& r : s.query<InjRow>().where(inj::name.like(p))) liked.insert(r.id);
            if (!(mysql && p.find('\\') != std::string::npos))
                CHECK(std::includes(liked.begin(), liked.end(), ids.begin(), ids.end()));
        }
        // text() SELECT with the payload in WHERE
        ++t.checks;
        CHECK(s.execute(sf::text("SELECT id FROM inj_row WHERE name = :p AND note = :p AND raw = :raw"),
                        {{"p", p}, {"raw", raw}})
                  .all()
                  .size() == 8);
        // the payload as a value in the select list
        ++t.checks;
        CHECK(s.execute(sf::select(sf::coalesce(inj::note, p)).where(inj::id == 1)).one() == p);
        // delete where ==: exactly the payload's rows
        ++t.checks;
        CHECK(s.execute(sf::delete_from<InjRow>().where(inj::name == p)) == 8);
    } else {
        // Nothing was written as text; the same bytes go through the blob column.
        CHECK(s.query<InjRow>().where(inj::status >= 1 && inj::status <= 5).count() == 0);
        InjRow r{.name = "blob only", .status = 9, .note = std::nullopt, .raw = raw};
        s.add(r);
        CHECK(s.get<InjRow>(r.id)->raw == raw);
        CHECK(s.execute(sf::text("SELECT raw FROM inj_row WHERE raw = :raw"), {{"raw", raw}}).one().get<bytes>(0) == raw);
        // Reading with the invalid text finds nothing or is refused; it never matches other rows.
        for (auto query : {0, 1, 2}) {
            ++t.checks;
            try {
                std::int64_t n = query == 0   ? s.query<InjRow>().where(inj::name == p).count()
                                 : query == 1 ? s.query<InjRow>().where(inj::name.like(p)).count()
                                              : static_cast<std::int64_t>(
                                                    s.execute(sf::text("SELECT id FROM inj_row WHERE name = :p"), {{"p", p}})
                                                        .all()
                                                        .size());
                CHECK(n == 0);
            } catch (const sf::dbapi_error&) {
            }
        }
        s.execute(sf::delete_from<InjRow>().where(inj::status >= 6 && inj::status <= 9));
    }
    s.execute(sf::delete_from<InjRow>().where(inj::id == 1000 || inj::status == 7 || inj::status == 8));
    s.commit();
    check_untouched<B>(e, label);
}

}  // namespace injection_test

using namespace injection_test;

TEST_CASE_TEMPLATE("injection: every payload through every value position and text() is stored verbatim and "
                   "changes nothing else",
                   B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    sf::engine e = B::engine();
    sf::drop_all<InjRow, InjSentinel>(e);
    sf::create_all<InjRow, InjSentinel>(e);
    {
        sf::session s{e};
        for (InjSentinel r : sentinels()) s.add(r);
        for (InjRow r : bystanders()) s.add(r);
        s.commit();
    }
    check_untouched<B>(e, "before");

    const auto corpus = payloads();
    REQUIRE(corpus.size() >= 50);
    tally t;
    std::size_t invalid = 0;
    std::size_t refusable = 0;  // not UTF-8 even with surrogates allowed
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        invalid += valid_utf8(corpus[i]) ? 0 : 1;
        refusable += valid_utf8(corpus[i], true) ? 0 : 1;
        run_payload<B>(e, i, corpus[i], t);
    }
    MESSAGE(B::name << ": " << corpus.size() << " payloads (" << invalid << " not valid UTF-8), " << t.checks
                    << " payload x position runs, " << t.refused << " text writes refused with data_error, "
                    << t.like_too_complex << " LIKE patterns over the length limit");
    if constexpr (std::is_same_v<B, test::mysql_backend>) {
        CHECK(t.refused == refusable * 7);
    } else {
        CHECK(t.refused == 0);
    }
    sf::drop_all<InjRow, InjSentinel>(e);
}
