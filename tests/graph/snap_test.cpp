#include "graph/snap.hpp"

#include "scenarios/ascii_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace lw::graph {

TEST(Snap, PartialEdgeTimesAndDoorWalk) {
    // A 200 m street A-B; a house 30 m north of the point 50 m from A.
    const auto m = test::network_from_map("A-------------------B", {{"AB", "residential"}}, 10.0);
    const auto g = build_road_graph(m.network, *find_profile("walk"));
    const SnapIndex index(m.network, g);
    const geo::Point house{m.position.at('A').x + 50, m.position.at('A').y + 30};
    const auto snap = index.snap(house, 100);
    ASSERT_TRUE(snap);
    EXPECT_NEAR(snap->offset_m, 50, 1e-9);
    EXPECT_NEAR(snap->distance_m, 30, 1e-9);
    const auto anchors = index.origin_anchors(*snap);
    ASSERT_EQ(anchors.count, 2);
    const std::uint32_t door = test::seconds_at(30, door_walk_speed_kmh);
    const std::uint32_t full = test::seconds_at(200, 4.5); // B sits 20 grid cells = 200 m from A
    for (const auto& a : anchors.span()) {
        if (a.node == g.node_of_network[m.node.at('A')]) {
            EXPECT_EQ(a.seconds, door + static_cast<std::uint32_t>(std::lround(full * 50.0 / 200.0)));
        } else {
            EXPECT_EQ(a.seconds, door + static_cast<std::uint32_t>(std::lround(full * 150.0 / 200.0)));
        }
    }
    EXPECT_FALSE(index.snap(house, 20)); // beyond the maximum snap distance: unsnapped
}

TEST(Snap, OnewayAnchorsRespectDirection) {
    // A one-way street A->B for cars: a house on it can only drive off towards B, and a shop on it
    // can only be reached coming from A.
    const auto m = test::network_from_map(R"(
A---------B
|         |
C---------D
)",
                                          {{"AB", "residential", 1}, {"BD", "residential"}, {"DC", "residential"}, {"CA", "residential"}},
                                          10.0);
    const auto g = build_road_graph(m.network, *find_profile("car"));
    const SnapIndex index(m.network, g);
    const auto snap = index.snap({m.position.at('A').x + 40, m.position.at('A').y + 5}, 50);
    ASSERT_TRUE(snap);
    const auto from = index.origin_anchors(*snap);
    ASSERT_EQ(from.count, 1);
    EXPECT_EQ(from.items[0].node, g.node_of_network[m.node.at('B')]);
    const auto to = index.destination_anchors(*snap);
    ASSERT_EQ(to.count, 1);
    EXPECT_EQ(to.items[0].node, g.node_of_network[m.node.at('A')]);
    // Along the same edge: forward allowed, backward not.
    const auto ahead = index.snap({m.position.at('A').x + 80, m.position.at('A').y + 5}, 50);
    EXPECT_TRUE(index.same_edge_seconds(*snap, *ahead));
    EXPECT_FALSE(index.same_edge_seconds(*ahead, *snap));
}

TEST(Snap, NearestEdgeAgainstBruteForce) {
    const auto m = test::network_from_map(R"(
A-----B-----C
|     |     |
D-----E-----F
      |
      G-----H
)",
                                          {{"ABC", "residential"}, {"DEF", "residential"}, {"AD", "residential"},
                                           {"BEG", "residential"}, {"CF", "residential"}, {"GH", "residential"}},
                                          10.0);
    const auto g = build_road_graph(m.network, *find_profile("walk"));
    const SnapIndex index(m.network, g, 25.0);
    std::mt19937 rng(9);
    std::uniform_real_distribution<double> dx(-30, 150), dy(-70, 30);
    for (int k = 0; k < 500; ++k) {
        const geo::Point p{m.position.at('A').x + dx(rng), m.position.at('A').y + dy(rng)};
        double best = 1e18;
        for (const auto& e : m.network.edges) {
            const auto a = e.geometry[0], b = e.geometry[1];
            const double len2 = (b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y);
            const double t = std::clamp(((p.x - a.x) * (b.x - a.x) + (p.y - a.y) * (b.y - a.y)) / len2, 0.0, 1.0);
            best = std::min(best, std::hypot(a.x + t * (b.x - a.x) - p.x, a.y + t * (b.y - a.y) - p.y));
        }
        const auto snap = index.snap(p, 1000);
        ASSERT_TRUE(snap);
        EXPECT_NEAR(snap->distance_m, best, 1e-9);
    }
}

} // namespace lw::graph
