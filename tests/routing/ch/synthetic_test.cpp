// The synthetic road-like graphs used by tests and benchmarks, and a CH on a medium one.

#include "graph/synthetic.hpp"
#include "routing/ch/ch_query.hpp"
#include "routing/ch/contraction_hierarchy.hpp"
#include "routing/dijkstra.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

namespace lw::routing {

TEST(SyntheticGraph, SizeStructureAndDeterminism) {
    for (const std::size_t size : {100u, 5'000u, 60'000u}) {
        const auto net = graph::road_like_network(size, 1);
        const auto& g = net.graph;
        EXPECT_EQ(graph::check(g), "");
        EXPECT_NEAR(static_cast<double>(g.node_count()), static_cast<double>(size),
                    0.15 * static_cast<double>(size));
        EXPECT_EQ(net.x_m.size(), g.node_count());
        EXPECT_EQ(net.y_m.size(), g.node_count());
        // Road-like: ~2-3 arcs per node, most arcs in both directions, some oneways.
        const double arcs_per_node =
            static_cast<double>(g.arc_count()) / static_cast<double>(g.node_count());
        EXPECT_GT(arcs_per_node, 2.0);
        EXPECT_LT(arcs_per_node, 3.0);
        const auto rev = graph::reverse(g);
        std::size_t oneway = 0;
        std::uint32_t max_weight = 0;
        std::uint64_t id_gap = 0;
        for (graph::NodeId v = 0; v < g.node_count(); ++v) {
            for (auto a = g.begin(v); a < g.end(v); ++a) {
                bool back = false;
                for (auto b = g.begin(g.head[a]); b < g.end(g.head[a]); ++b) {
                    back = back || g.head[b] == v;
                }
                oneway += back ? 0 : 1;
                max_weight = std::max(max_weight, g.weight[a]);
                id_gap +=
                    static_cast<std::uint64_t>(std::abs(static_cast<std::int64_t>(g.head[a]) - v));
                // Segment times fit the speeds (30-100 km/h; coordinates are rounded to metres).
                const double metres =
                    std::hypot(net.x_m[v] - net.x_m[g.head[a]], net.y_m[v] - net.y_m[g.head[a]]);
                EXPECT_LE(g.weight[a], metres * 3.6 / 30.0 + 1.0);
                EXPECT_GE(g.weight[a] + 1.0, metres * 3.6 / 100.0);
            }
        }
        if (size >= 5'000) {
            EXPECT_GT(oneway, 0u);
            EXPECT_LT(oneway, g.arc_count() / 10);
            // Spatial ids: an arc's ends are on average far closer than random ids would be.
            EXPECT_LT(static_cast<double>(id_gap) / static_cast<double>(g.arc_count()),
                      0.02 * static_cast<double>(g.node_count()));
        }
        EXPECT_LE(max_weight, 40u); // <= ~260 m at 30 km/h
    }
    const auto a = graph::road_like_graph(3'000, 7);
    const auto b = graph::road_like_graph(3'000, 7);
    const auto c = graph::road_like_graph(3'000, 8);
    EXPECT_EQ(a.head, b.head);
    EXPECT_EQ(a.weight, b.weight);
    EXPECT_NE(a.weight, c.weight);
}

TEST(SyntheticGraph, MediumChSanity) {
    const auto g = graph::road_like_graph(50'000, 2);
    ChBuildStats stats;
    const auto ch = build_ch(g, {}, &stats);
    ASSERT_EQ(validate(ch), "");
    // A road-like graph contracts to a small hierarchy: about as many shortcuts as input arcs
    // and a few hundred settled nodes per query (measured: 0.9 shortcuts per input arc, ~150).
    EXPECT_LT(stats.shortcuts, g.arc_count() * 5 / 4);
    EXPECT_GT(stats.nodes_in_rounds, g.node_count() / 2);
    Dijkstra oracle(g);
    ChQuery q(ch);
    std::mt19937 rng(9);
    std::uint64_t settled = 0;
    for (int i = 0; i < 100; ++i) {
        const auto s = static_cast<graph::NodeId>(rng() % g.node_count());
        const auto t = static_cast<graph::NodeId>(rng() % g.node_count());
        oracle.reset().add_source(s).run();
        q.reset().add_source(s).add_target(t).run();
        ASSERT_EQ(q.distance(), oracle.distance(t)) << s << " -> " << t;
        settled += q.settled_count();
    }
    EXPECT_LT(settled / 100, 2'000u);
}

} // namespace lw::routing
