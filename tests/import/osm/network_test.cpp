// The network built from tiny fixtures: junction splitting, dense ids, missing nodes, oneway
// roundabouts and loops.

#include "import/osm/osm_test_util.hpp"

#include "import/osm/reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace {

using lw::import::osm::OsmConfig;
using lw::import::osm::read_osm;
using lw::test::osm_fixture;

std::int64_t osm_id(const lw::store::Network& n, std::uint32_t node) {
    return n.nodes.at(node).osm_node_id;
}

std::vector<const lw::store::NetworkEdge*> edges_of_way(const lw::store::Network& n,
                                                        std::int64_t way_id) {
    std::vector<const lw::store::NetworkEdge*> out;
    for (const auto& e : n.edges) {
        if (e.osm_way_id == way_id) {
            out.push_back(&e);
        }
    }
    return out;
}

TEST(Network, CrossingWaysAreSplitAtTheJunction) {
    const auto extract = read_osm(OsmConfig{osm_fixture("cross-junction-4ways.osm")});
    const auto& n = extract.network;
    lw::test::expect_valid_network(n);

    // Dense ids: the 5 edge ends, sorted by OSM id; shape nodes 6 and 7 are no network nodes.
    ASSERT_EQ(n.nodes.size(), 5u);
    for (std::uint32_t i = 0; i < 5; ++i) {
        EXPECT_EQ(osm_id(n, i), i + 1);
    }
    ASSERT_EQ(n.edges.size(), 4u);
    std::set<std::pair<std::int64_t, std::int64_t>> ends;
    for (const auto& e : n.edges) {
        ends.insert({osm_id(n, e.from_node), osm_id(n, e.to_node)});
    }
    const std::set<std::pair<std::int64_t, std::int64_t>> expected{{2, 1}, {1, 4}, {5, 1}, {1, 3}};
    EXPECT_EQ(ends, expected);

    // The N-S edges keep their shape node: 2 -> 6 -> 1 is 2 x sqrt(10² + 50²) m.
    const auto north_south = edges_of_way(n, 10);
    ASSERT_EQ(north_south.size(), 2u);
    EXPECT_EQ(north_south[0]->geometry.size(), 3u);
    EXPECT_NEAR(north_south[0]->length_m, 2.0 * std::hypot(10.0, 50.0), 0.2);
    const auto west_east = edges_of_way(n, 11);
    ASSERT_EQ(west_east.size(), 2u);
    EXPECT_NEAR(west_east[0]->length_m, 100.0, 0.2);
    EXPECT_EQ(west_east[0]->name, "West-Ost-Straße");
    EXPECT_TRUE(west_east[0]->foot && west_east[0]->bicycle && west_east[0]->motor_vehicle);

    // The junction's position is node 1's projected position.
    EXPECT_LT(lw::test::distance(n.nodes[0].position, lw::test::fixture_point_utm(0, 0)), 0.05);
    EXPECT_EQ(extract.stats.network.ways, 2u);
    EXPECT_EQ(extract.stats.network.missing_node_refs, 0u);
}

TEST(Network, MissingNodesSplitWaysInsteadOfBridgingThem) {
    const auto extract = read_osm(OsmConfig{osm_fixture("way-with-missing-middle-node.osm")});
    const auto& n = extract.network;
    lw::test::expect_valid_network(n);
    ASSERT_EQ(n.edges.size(), 3u);
    std::set<std::pair<std::int64_t, std::int64_t>> ends;
    for (const auto& e : n.edges) {
        ends.insert({osm_id(n, e.from_node), osm_id(n, e.to_node)});
    }
    const std::set<std::pair<std::int64_t, std::int64_t>> expected{{1, 2}, {4, 5}, {11, 12}};
    EXPECT_EQ(ends, expected) << "no edge may bridge the missing node 3 (2 -> 4)";
    for (const auto& e : edges_of_way(n, 20)) {
        EXPECT_NEAR(e->length_m, 50.0, 0.1);
    }
    const auto& s = extract.stats;
    EXPECT_EQ(s.missing_node_refs, 2u);
    EXPECT_EQ(s.ways_with_missing_nodes, 2u);
    EXPECT_EQ(s.highway_ways_with_missing_nodes, 2u);
    EXPECT_EQ(s.network.missing_node_refs, 2u);
    EXPECT_EQ(s.network.pieces, 3u);
    EXPECT_EQ(s.network.pieces_dropped, 1u) << "node 10 alone before the gap";
    EXPECT_EQ(edges_of_way(n, 21).at(0)->tracktype, "grade2");
}

TEST(Network, RoundaboutLoopsAndOneways) {
    const auto extract = read_osm(OsmConfig{osm_fixture("oneway-roundabout.osm")});
    const auto& n = extract.network;
    lw::test::expect_valid_network(n);

    const auto roundabout = edges_of_way(n, 30);
    ASSERT_EQ(roundabout.size(), 4u) << "split at the 4 joining ways";
    for (const auto* e : roundabout) {
        EXPECT_EQ(e->oneway, 1);
        EXPECT_EQ(e->highway, "primary");
        EXPECT_EQ(e->tags.at("junction"), "roundabout");
    }
    const auto reverse = edges_of_way(n, 32);
    ASSERT_EQ(reverse.size(), 1u);
    EXPECT_EQ(reverse[0]->oneway, -1);

    const auto contraflow = edges_of_way(n, 33);
    ASSERT_EQ(contraflow.size(), 1u);
    EXPECT_EQ(contraflow[0]->oneway, 1);
    EXPECT_EQ(contraflow[0]->oneway_bicycle, 0);
    EXPECT_EQ(contraflow[0]->maxspeed_kmh, 50.0);

    const auto motorway = edges_of_way(n, 34);
    ASSERT_EQ(motorway.size(), 1u) << "node 9 is a shape node only";
    EXPECT_EQ(motorway[0]->oneway, 1);
    EXPECT_FALSE(motorway[0]->foot);
    EXPECT_FALSE(motorway[0]->bicycle);
    EXPECT_TRUE(motorway[0]->motor_vehicle);
    EXPECT_FALSE(motorway[0]->maxspeed_kmh);
    EXPECT_EQ(motorway[0]->tags.at("maxspeed"), "none");

    // The footway loop 7-71-72-73-7 touches the network only at node 7: split at 72.
    const auto loop = edges_of_way(n, 35);
    ASSERT_EQ(loop.size(), 2u);
    EXPECT_EQ(osm_id(n, loop[0]->from_node), 7);
    EXPECT_EQ(osm_id(n, loop[0]->to_node), 72);
    EXPECT_EQ(osm_id(n, loop[1]->from_node), 72);
    EXPECT_EQ(osm_id(n, loop[1]->to_node), 7);
    EXPECT_EQ(extract.stats.network.loops_split, 1u);
    EXPECT_TRUE(loop[0]->foot);
    EXPECT_FALSE(loop[0]->motor_vehicle);
}

TEST(Network, KilometresByModeAddUp) {
    const auto extract = read_osm(OsmConfig{osm_fixture("oneway-roundabout.osm")});
    const auto& s = extract.stats.network;
    double total = 0.0, car = 0.0;
    for (const auto& e : extract.network.edges) {
        total += e.length_m / 1000.0;
        car += e.motor_vehicle ? e.length_m / 1000.0 : 0.0;
    }
    EXPECT_NEAR(s.km_total, total, 1e-9);
    EXPECT_NEAR(s.km_motor_vehicle, car, 1e-9);
    EXPECT_LT(s.km_foot, s.km_total) << "the motorway is closed to pedestrians";
}

} // namespace
