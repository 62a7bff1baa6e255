#include "routing/dijkstra.hpp"

#include <gtest/gtest.h>

#include <random>

namespace lw::routing {

namespace {

graph::Csr graph_of(std::size_t n, std::vector<graph::Arc> arcs) { return graph::csr_from_arcs(n, arcs); }

// Bellman-Ford: the brute-force oracle.
std::vector<std::uint32_t> bellman_ford(const graph::Csr& g, const std::vector<std::pair<graph::NodeId, std::uint32_t>>& sources) {
    std::vector<std::uint64_t> d(g.node_count(), graph::inf_time);
    for (const auto& [s, off] : sources) {
        d[s] = std::min<std::uint64_t>(d[s], off);
    }
    for (std::size_t round = 0; round < g.node_count(); ++round) {
        bool changed = false;
        for (graph::NodeId v = 0; v < g.node_count(); ++v) {
            for (auto a = g.begin(v); a < g.end(v); ++a) {
                if (d[v] != graph::inf_time && d[v] + g.weight[a] < d[g.head[a]]) {
                    d[g.head[a]] = d[v] + g.weight[a];
                    changed = true;
                }
            }
        }
        if (!changed) {
            break;
        }
    }
    return {d.begin(), d.end()};
}

} // namespace

TEST(Dijkstra, PathAndUnreachable) {
    //  0 --5--> 1 --5--> 2      3 (isolated)
    //   \______12_______/^
    const auto g = graph_of(4, {{0, 1, 5}, {1, 2, 5}, {0, 2, 12}});
    Dijkstra q(g);
    q.reset().add_source(0).run();
    EXPECT_EQ(q.distance(2), 10u);
    EXPECT_FALSE(q.reached(3));
    q.reset().add_source(2).run(); // directed: nothing leaves 2
    EXPECT_FALSE(q.reached(0));
    EXPECT_EQ(q.distance(2), 0u);
}

TEST(Dijkstra, MultiSourceOwnersAndOffsets) {
    // 0 -1- 1 -1- 2 -1- 3 -1- 4, both directions; sources 0 (owner 7) and 4 (owner 9, offset 1).
    std::vector<graph::Arc> arcs;
    for (graph::NodeId v = 0; v < 4; ++v) {
        arcs.push_back({v, v + 1, 1});
        arcs.push_back({v + 1, v, 1});
    }
    const auto g = graph_of(5, arcs);
    Dijkstra q(g);
    q.reset().add_source(0, 0, 7).add_source(4, 1, 9).run();
    EXPECT_EQ(q.owner(1), 7u);
    EXPECT_EQ(q.owner(2), 7u); // 2 from 0 and 3 from 4: 0 wins
    EXPECT_EQ(q.owner(3), 9u);
    EXPECT_EQ(q.distance(3), 2u);
}

TEST(Dijkstra, BoundAndLimit) {
    std::vector<graph::Arc> arcs;
    for (graph::NodeId v = 0; v < 9; ++v) {
        arcs.push_back({v, v + 1, 10});
    }
    const auto g = graph_of(10, arcs);
    Dijkstra q(g);
    q.reset().add_source(0).set_bound(35).run();
    EXPECT_EQ(q.settled().size(), 4u); // 0, 10, 20, 30
    EXPECT_FALSE(q.reached(5));
    std::vector<std::uint32_t> limit(10, graph::inf_time);
    limit[3] = 25; // node 3 already has a better time: the search stops there
    q.reset().add_source(0).set_limit(limit).run();
    EXPECT_EQ(q.distance(2), 20u);
    EXPECT_FALSE(q.reached(3));
    EXPECT_FALSE(q.reached(9));
}

TEST(Dijkstra, AgreesWithBellmanFordOnRandomGraphs) {
    std::mt19937 rng(5);
    for (int round = 0; round < 200; ++round) {
        const std::size_t n = 1 + rng() % 40;
        std::vector<graph::Arc> arcs;
        const std::size_t m = rng() % (4 * n + 1);
        for (std::size_t i = 0; i < m; ++i) {
            arcs.push_back({static_cast<graph::NodeId>(rng() % n), static_cast<graph::NodeId>(rng() % n),
                            static_cast<std::uint32_t>(rng() % 100)});
        }
        const auto g = graph_of(n, arcs);
        std::vector<std::pair<graph::NodeId, std::uint32_t>> sources;
        Dijkstra q(g);
        q.reset();
        for (std::size_t s = 0; s < 1 + rng() % 3; ++s) {
            sources.emplace_back(static_cast<graph::NodeId>(rng() % n), rng() % 20);
            q.add_source(sources.back().first, sources.back().second, static_cast<std::uint32_t>(s));
        }
        q.run();
        const auto expected = bellman_ford(g, sources);
        for (graph::NodeId v = 0; v < n; ++v) {
            ASSERT_EQ(q.distance(v), expected[v]) << "round " << round << " node " << v;
        }
        // Invariant over every arc: no arc leaves a shorter path unrecorded.
        for (graph::NodeId v = 0; v < n; ++v) {
            for (auto a = g.begin(v); a < g.end(v); ++a) {
                if (q.reached(v)) {
                    EXPECT_LE(q.distance(g.head[a]), q.distance(v) + g.weight[a]);
                }
            }
        }
    }
}

} // namespace lw::routing
