// CH construction and point-to-point queries against plain Dijkstra on random graphs.

#include "routing/ch/ch_query.hpp"
#include "routing/ch/contraction_hierarchy.hpp"

#include "core/error.hpp"
#include "graph/synthetic.hpp"
#include "oracle.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace lw::routing {

namespace {

graph::Csr graph_of(std::size_t n, std::vector<graph::Arc> arcs) {
    return graph::csr_from_arcs(n, arcs);
}

// Every construction path: parallel rounds (forced even on tiny graphs), one by one, no witness
// search at all (every pair gets a shortcut), one thread.
std::vector<ChConfig> configs() {
    std::vector<ChConfig> c(4);
    c[0].min_round_nodes = 1;
    c[0].min_round_share_permille = 0;
    c[1].min_round_share_permille = 1000;
    c[2].witness_settle_limit = 0;
    c[2].min_round_nodes = 1;
    c[3].threads = 1;
    c[3].min_round_nodes = 2;
    return c;
}

std::uint32_t arc_weight(const graph::Csr& g, graph::NodeId from, graph::NodeId to) {
    std::uint32_t best = graph::inf_time;
    for (auto a = g.begin(from); a < g.end(from); ++a) {
        if (g.head[a] == to) {
            best = std::min(best, g.weight[a]);
        }
    }
    return best;
}

} // namespace

TEST(ContractionHierarchy, SmallDirectedExample) {
    // 0 -> 1 -> 2 -> 3 oneway chain with a 0 s arc, a slower direct arc 0 -> 3, a loop at 2,
    // parallel arcs 1 -> 2, and node 4 unreachable.
    const auto g =
        graph_of(5, {{0, 1, 4}, {1, 2, 0}, {1, 2, 7}, {2, 2, 1}, {2, 3, 5}, {0, 3, 12}, {3, 0, 1}});
    const auto ch = build_ch(g);
    ASSERT_EQ(validate(ch), "");
    ChQuery q(ch);
    q.reset().add_source(0).add_target(3).run();
    EXPECT_EQ(q.distance(), 9u);
    EXPECT_EQ(q.path(), (std::vector<graph::NodeId>{0, 1, 2, 3}));
    q.reset().add_source(3).add_target(2).run();
    EXPECT_EQ(q.distance(), 5u); // 3 -> 0 -> 1 -> 2
    q.reset().add_source(0).add_target(4).run();
    EXPECT_EQ(q.distance(), graph::inf_time);
    EXPECT_TRUE(q.path().empty());
    q.reset().add_source(2).add_target(2).run();
    EXPECT_EQ(q.distance(), 0u);
    EXPECT_EQ(q.path(), (std::vector<graph::NodeId>{2}));
    q.reset().add_source(0).run(); // no target
    EXPECT_EQ(q.distance(), graph::inf_time);
    q.reset().run();
    EXPECT_TRUE(q.path().empty());
}

TEST(ContractionHierarchy, EmptyAndSingleNode) {
    const auto empty = build_ch(graph_of(0, {}));
    EXPECT_EQ(validate(empty), "");
    EXPECT_EQ(empty.node_count(), 0u);
    const auto one = build_ch(graph_of(1, {{0, 0, 3}}));
    EXPECT_EQ(validate(one), "");
    EXPECT_EQ(one.arc_count(), 0u); // the loop is dropped
}

TEST(ContractionHierarchy, RejectsBrokenInput) {
    graph::Csr g = graph_of(2, {{0, 1, 1}});
    g.weight[0] = graph::max_arc_time;
    EXPECT_THROW(build_ch(g), Error);
    g.weight[0] = 1;
    g.head[0] = 7;
    EXPECT_THROW(build_ch(g), Error);
}

TEST(ContractionHierarchy, ValidateFindsDamage) {
    std::mt19937 rng(3);
    graph::Csr g;
    do {
        g = test::random_graph(rng, {.max_nodes = 30});
    } while (g.node_count() < 10 || g.arc_count() < 20);
    const auto ch = build_ch(g);
    ASSERT_EQ(validate(ch), "");
    auto broken = ch;
    std::swap(broken.ch_to_input[0], broken.ch_to_input[1]);
    EXPECT_NE(validate(broken), "");
    broken = ch;
    ASSERT_FALSE(broken.down_arcs.empty());
    broken.down_arcs[0].other = static_cast<graph::NodeId>(broken.node_count() - 1); // points down
    EXPECT_NE(validate(broken), "");
    broken = ch;
    const auto shortcut = std::find_if(broken.up_middle.begin(), broken.up_middle.end(),
                                       [](graph::NodeId m) { return m != graph::invalid_node; });
    if (shortcut != broken.up_middle.end()) {
        broken.up_arcs[static_cast<std::size_t>(shortcut - broken.up_middle.begin())].weight += 1;
        EXPECT_NE(validate(broken), "");
    }
}

TEST(ContractionHierarchy, PointToPointAgreesWithDijkstraOnRandomGraphs) {
    std::mt19937 rng(11);
    const auto cfgs = configs();
    for (int round = 0; round < 120; ++round) {
        const auto g =
            test::random_graph(rng, {.max_nodes = 35, .max_weight = round % 2 == 0 ? 3u : 50u});
        const ChConfig& cfg = cfgs[static_cast<std::size_t>(round) % cfgs.size()];
        const auto ch = build_ch(g, cfg);
        ASSERT_EQ(validate(ch), "") << "round " << round;
        Dijkstra oracle(g);
        ChQuery q(ch);
        for (graph::NodeId s = 0; s < g.node_count(); ++s) {
            oracle.reset().add_source(s).run();
            for (graph::NodeId t = 0; t < g.node_count(); ++t) {
                q.reset().add_source(s).add_target(t).run();
                ASSERT_EQ(q.distance(), oracle.distance(t))
                    << "round " << round << " " << s << " -> " << t;
                const auto path = q.path();
                if (!oracle.reached(t)) {
                    EXPECT_TRUE(path.empty());
                    continue;
                }
                // The unpacked path runs over input arcs and adds up to the distance.
                ASSERT_FALSE(path.empty());
                EXPECT_EQ(path.front(), s);
                EXPECT_EQ(path.back(), t);
                std::uint64_t length = 0;
                for (std::size_t i = 0; i + 1 < path.size(); ++i) {
                    const std::uint32_t w = arc_weight(g, path[i], path[i + 1]);
                    ASSERT_NE(w, graph::inf_time) << "no arc " << path[i] << " -> " << path[i + 1];
                    length += w;
                }
                EXPECT_EQ(length, q.distance());
            }
        }
    }
}

TEST(ContractionHierarchy, SeveralSourcesAndTargetsWithOffsets) {
    std::mt19937 rng(12);
    for (int round = 0; round < 100; ++round) {
        const auto g = test::random_graph(rng, {.max_nodes = 30});
        const auto ch = build_ch(g);
        const auto sources = test::random_sources(rng, g.node_count(), 3, 0);
        const auto targets = test::random_sources(rng, g.node_count(), 3, 0);
        // Oracle: min over targets of (distance from the sources + target offset).
        const auto ref = test::dijkstra_reference(g, sources);
        std::uint64_t expected = graph::inf_time;
        for (const Source& t : targets) {
            if (ref.distance[t.node] != graph::inf_time) {
                expected = std::min<std::uint64_t>(expected,
                                                   std::uint64_t{ref.distance[t.node]} + t.offset);
            }
        }
        ChQuery q(ch);
        q.reset();
        for (const Source& s : sources) {
            q.add_source(s.node, s.offset);
        }
        for (const Source& t : targets) {
            q.add_target(t.node, t.offset);
        }
        q.run();
        ASSERT_EQ(q.distance(), expected) << "round " << round;
    }
}

TEST(ContractionHierarchy, BuildIsDeterministicAcrossThreadCounts) {
    const auto g = graph::road_like_graph(5'000, 3);
    ChConfig one;
    one.threads = 1;
    one.min_round_nodes = 1;
    ChConfig two = one;
    two.threads = 2;
    const auto a = build_ch(g, one);
    const auto b = build_ch(g, two);
    ASSERT_EQ(validate(a), "");
    EXPECT_EQ(a.ch_to_input, b.ch_to_input);
    EXPECT_EQ(a.up_first, b.up_first);
    EXPECT_EQ(a.down_middle, b.down_middle);
    EXPECT_EQ(a.up_middle, b.up_middle);
}

} // namespace lw::routing
