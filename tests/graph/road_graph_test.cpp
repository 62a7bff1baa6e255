#include "graph/road_graph.hpp"

#include "scenarios/ascii_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace lw::graph {

namespace {

const Profile& profile(const char* name) { return *find_profile(name); }

} // namespace

TEST(RoadGraph, WalkTimesAndTheLargestComponent) {
    // A 100 m street, a 20 m flight of steps, and a footway island (X-Y) not connected to it.
    const auto m = test::network_from_map(R"(
A---------B--C

      X-Y
)",
                                          {{"AB", "residential"}, {"BC", "steps"}, {"XY", "footway"}}, 10.0);
    BuildStats stats;
    const auto g = build_road_graph(m.network, profile("walk"), &stats);
    EXPECT_EQ(validate(g), "");
    EXPECT_EQ(g.node_count(), 3u); // the island is left out
    EXPECT_EQ(stats.dropped_nodes, 2u);
    EXPECT_EQ(g.node_of_network[m.node.at('X')], invalid_node);
    const NodeId a = g.node_of_network[m.node.at('A')];
    ASSERT_EQ(g.forward.end(a) - g.forward.begin(a), 1u);
    EXPECT_EQ(g.forward.weight[g.forward.begin(a)], test::seconds_at(100, 4.5)); // 80 s
    const NodeId c = g.node_of_network[m.node.at('C')];
    EXPECT_EQ(g.forward.weight[g.forward.begin(c)], 2 * test::seconds_at(30, 4.5) - 0); // steps x2: 48 s
}

TEST(RoadGraph, CarFollowsOnewaysAndClassSpeeds) {
    // A ring of one-way streets (A->B->C->A) and a two-way primary road C-D; a footway D-E.
    const auto m = test::network_from_map(R"(
A-----B
 \   /
  \ /
   C------D----E
)",
                                          {{"AB", "residential", 1}, {"BC", "residential", 1}, {"CA", "residential", 1},
                                           {"CD", "primary"}, {"DE", "footway", 0, true, true, false}},
                                          10.0);
    const auto g = build_road_graph(m.network, profile("car"));
    EXPECT_EQ(validate(g), "");
    EXPECT_EQ(g.node_count(), 4u); // E only by foot
    const NodeId b = g.node_of_network[m.node.at('B')];
    ASSERT_EQ(g.forward.end(b) - g.forward.begin(b), 1u); // B -> C only
    EXPECT_EQ(g.forward.head[g.forward.begin(b)], g.node_of_network[m.node.at('C')]);
    // C-D is 70 m of primary road at 65 km/h (OSRM's class speed): 4 s.
    const NodeId d = g.node_of_network[m.node.at('D')];
    EXPECT_EQ(g.forward.weight[g.forward.begin(d)], test::seconds_at(70, 65));
}

TEST(RoadGraph, DeadEndOnewayIsNotPartOfTheStrongComponent) {
    // A<->B two-way, B->C one-way with no way back: C cannot be left by car, so it is dropped.
    const auto m = test::network_from_map("A----B----C", {{"AB", "residential"}, {"BC", "residential", 1}}, 10.0);
    const auto g = build_road_graph(m.network, profile("car"));
    EXPECT_EQ(g.node_count(), 2u);
    const auto walk = build_road_graph(m.network, profile("walk"));
    EXPECT_EQ(walk.node_count(), 3u); // pedestrians ignore oneways
}

TEST(RoadGraph, StrongComponentAgainstBruteForce) {
    std::mt19937 rng(3);
    for (int round = 0; round < 100; ++round) {
        const std::size_t n = 1 + rng() % 25;
        std::vector<Arc> arcs;
        for (std::size_t i = 0; i < rng() % (3 * n + 1); ++i) {
            arcs.push_back({static_cast<NodeId>(rng() % n), static_cast<NodeId>(rng() % n), 1});
        }
        const auto csr = csr_from_arcs(n, arcs);
        // Brute force: reachability matrix by repeated relaxation.
        std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
        for (std::size_t v = 0; v < n; ++v) {
            reach[v][v] = true;
        }
        for (bool changed = true; changed;) {
            changed = false;
            for (const auto& a : arcs) {
                for (std::size_t s = 0; s < n; ++s) {
                    if (reach[s][a.tail] && !reach[s][a.head]) {
                        reach[s][a.head] = changed = true;
                    }
                }
            }
        }
        std::size_t best = 0;
        for (std::size_t v = 0; v < n; ++v) {
            std::size_t size = 0;
            for (std::size_t w = 0; w < n; ++w) {
                size += reach[v][w] && reach[w][v] ? 1 : 0;
            }
            best = std::max(best, size);
        }
        const auto inside = largest_strong_component(csr);
        const auto count = static_cast<std::size_t>(std::count(inside.begin(), inside.end(), true));
        EXPECT_EQ(count, best) << "round " << round;
        for (std::size_t v = 0; v < n; ++v) {
            for (std::size_t w = 0; w < n; ++w) {
                if (inside[v] && inside[w]) {
                    EXPECT_TRUE(reach[v][w]) << round;
                }
            }
        }
    }
}

TEST(RoadGraph, CarSpeedTableIsDocumented) {
    const auto table = car_speed_table_markdown();
    EXPECT_NE(table.find("| `primary` | 65 |"), std::string::npos);
    store::NetworkEdge e;
    e.highway = "primary";
    e.maxspeed_kmh = 30.0;
    EXPECT_EQ(car_speed_kmh(e), 30.0); // a tagged limit below the class speed wins
    e.maxspeed_kmh = 100.0;
    EXPECT_EQ(car_speed_kmh(e), 65.0);
}

} // namespace lw::graph
