// Relationships on both backends: one-to-many, many-to-one, self-referencing and
// many-to-many, each loaded for many objects at once in one query per batch (no N+1).
#include "backends.hpp"
#include "chinook_models.hpp"

#include <sqlforge/orm/relationship.hpp>

#include <vector>

using namespace chinook;

namespace rel {
struct Playlist {
    std::int64_t PlaylistId;
    std::string Name;
};
struct PlaylistTrack {
    std::int64_t PlaylistId;
    std::int64_t TrackId;
};
}  // namespace rel

template <>
struct sqlforge::table_traits<rel::Playlist> {
    static constexpr auto name = sqlforge::fixed_string{"Playlist"};
    static constexpr auto primary_key = sqlforge::primary_key<&rel::Playlist::PlaylistId>{};
};
template <>
struct sqlforge::table_traits<rel::PlaylistTrack> {
    static constexpr auto name = sqlforge::fixed_string{"PlaylistTrack"};
    static constexpr auto primary_key = sqlforge::primary_key<&rel::PlaylistTrack::PlaylistId, &rel::PlaylistTrack::TrackId>{};
};

namespace {
constexpr auto albums_of = sf::one_to_many<&Album::ArtistId, &Artist::ArtistId>{};
constexpr auto reports_of = sf::one_to_many<&Employee::ReportsTo, &Employee::EmployeeId>{};
constexpr auto tracks_of = sf::many_to_many<&rel::PlaylistTrack::PlaylistId, &rel::PlaylistTrack::TrackId,
                                            &rel::Playlist::PlaylistId, &Track::TrackId>{};

template <class B>
sf::engine slice() {
    auto e = B::engine();
    sf::drop_all<rel::PlaylistTrack, rel::Playlist, Track, Album, Artist, Employee>(e);
    sf::create_all<Artist, Album, Track, Employee, rel::Playlist, rel::PlaylistTrack>(e);
    sf::session s{e};
    // 100 artists (more than one batch of 64), artist i has i % 3 albums.
    std::vector<Artist> artists;
    for (int i = 1; i <= 100; ++i) artists.push_back({i, "artist " + std::to_string(i)});
    s.add_all(artists);
    std::int64_t album_id = 1;
    for (int i = 1; i <= 100; ++i)
        for (int k = 0; k < i % 3; ++k) {
            Album a{album_id++, "album " + std::to_string(i) + "." + std::to_string(k), i};
            s.add(a);
        }
    s.add_all(std::vector<Track>{{1, "t1", 1, 1000}, {2, "t2", 1, 2000}, {3, "t3", 2, 3000}, {4, "t4", std::nullopt, 4000}});
    s.add_all(std::vector<Employee>{{1, "Adams", std::nullopt}, {2, "Edwards", 1}, {3, "Peacock", 2}, {4, "Park", 2}});
    s.add_all(std::vector<rel::Playlist>{{1, "Music"}, {2, "Empty"}, {3, "Short"}});
    s.add_all(std::vector<rel::PlaylistTrack>{{1, 1}, {1, 2}, {1, 3}, {3, 1}});
    s.commit();
    return e;
}
}  // namespace

TEST_CASE_TEMPLATE("one-to-many for 100 parents: every parent, its children, two batches", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = slice<B>();
    sf::session s{e};
    auto artists = s.query<Artist>().order_by(artist::ArtistId).all();
    auto loaded = sf::load_children(s, albums_of, artists);
    REQUIRE(loaded.size() == 100);
    for (const auto& [a, albums] : loaded) {
        CHECK(albums.size() == static_cast<std::size_t>(a.ArtistId % 3));
        for (const Album& al : albums) CHECK(al.ArtistId == a.ArtistId);
    }
}

TEST_CASE_TEMPLATE("many-to-one and self-reference", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = slice<B>();
    sf::session s{e};
    auto albums = s.query<Album>().all();
    auto owners = sf::load_parents(s, albums_of, albums);
    for (const Album& al : albums) {
        REQUIRE(owners.count(al.ArtistId) == 1);
        CHECK(owners.at(al.ArtistId).ArtistId == al.ArtistId);
    }
    auto staff = s.query<Employee>().order_by(employee::EmployeeId).all();
    auto teams = sf::load_children(s, reports_of, staff);
    CHECK(teams[0].second.size() == 1);  // Adams: Edwards
    CHECK(teams[1].second.size() == 2);  // Edwards: Peacock, Park
    CHECK(teams[2].second.empty());
    auto bosses = sf::load_parents(s, reports_of, staff);  // Adams has none: skipped
    CHECK(bosses.size() == 2);
    CHECK(bosses.at(2).LastName == "Edwards");
}

TEST_CASE_TEMPLATE("many-to-many through an association table", B, SQLFORGE_BACKENDS) {
    if (test::skipped<B>()) return;
    auto e = slice<B>();
    sf::session s{e};
    auto playlists = s.query<rel::Playlist>().order_by(sf::col<&rel::Playlist::PlaylistId>).all();
    auto loaded = sf::load_related(s, tracks_of, playlists);
    REQUIRE(loaded.size() == 3);
    std::vector<std::string> music;
    for (const Track& t : loaded[0].second) music.push_back(t.Name);
    CHECK(music == std::vector<std::string>{"t1", "t2", "t3"});
    CHECK(loaded[1].second.empty());
    REQUIRE(loaded[2].second.size() == 1);
    CHECK(loaded[2].second[0].Name == "t1");
}
