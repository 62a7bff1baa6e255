// PHAST one-to-all, batched lanes and threshold counts against plain Dijkstra, for both
// directions, every kernel variant this CPU has, and one and two threads.

#include "routing/ch/phast.hpp"

#include "core/error.hpp"
#include "graph/synthetic.hpp"
#include "oracle.hpp"
#include "routing/ch/detail/sweep.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <set>

namespace lw::routing {

namespace {

std::vector<detail::Isa> isas() {
    std::vector<detail::Isa> out{detail::Isa::generic};
    if (detail::best_isa() >= detail::Isa::avx2) {
        out.push_back(detail::Isa::avx2);
    }
    if (detail::best_isa() >= detail::Isa::avx512) {
        out.push_back(detail::Isa::avx512);
    }
    return out;
}

// Restores the best kernels when a test ends.
struct IsaGuard {
    ~IsaGuard() { detail::set_isa(detail::best_isa()); }
};

const graph::Csr& oracle_graph(Direction d, const graph::Csr& forward, const graph::Csr& backward) {
    return d == Direction::from_sources ? forward : backward;
}

// No arc leaves a better time unrecorded (times along the search direction).
void expect_arc_invariant(const graph::Csr& g, Direction d,
                          const std::vector<std::uint32_t>& dist) {
    for (graph::NodeId v = 0; v < g.node_count(); ++v) {
        for (auto a = g.begin(v); a < g.end(v); ++a) {
            const graph::NodeId h = g.head[a];
            if (d == Direction::from_sources && dist[v] != graph::inf_time) {
                ASSERT_LE(dist[h], std::uint64_t{dist[v]} + g.weight[a]) << v << " -> " << h;
            }
            if (d == Direction::to_sources && dist[h] != graph::inf_time) {
                ASSERT_LE(dist[v], std::uint64_t{dist[h]} + g.weight[a]) << v << " -> " << h;
            }
        }
    }
}

} // namespace

TEST(Phast, OneToAllBothDirectionsWithOwnersAndOffsets) {
    IsaGuard guard;
    std::mt19937 rng(21);
    for (const detail::Isa isa : isas()) {
        detail::set_isa(isa);
        for (int round = 0; round < 150; ++round) {
            const auto g =
                test::random_graph(rng, {.max_nodes = 40, .max_weight = round % 3 == 0 ? 2u : 30u});
            const auto rev = graph::reverse(g);
            const auto ch = build_ch(g);
            PhastQuery q(ch);
            for (const Direction d : {Direction::from_sources, Direction::to_sources}) {
                // Few owners and small weights: many ties, which must follow Dijkstra's rule.
                const auto sources =
                    test::random_sources(rng, g.node_count(), 4, round % 2 == 0 ? 0u : 3u, 3);
                q.reset(d);
                for (const Source& s : sources) {
                    q.add_source(s.node, s.offset, s.owner);
                }
                q.run();
                const auto ref = test::dijkstra_reference(oracle_graph(d, g, rev), sources);
                std::vector<std::uint32_t> dist(g.node_count());
                std::vector<std::uint32_t> owner(g.node_count());
                q.copy_distances(dist);
                q.copy_owners(owner);
                for (graph::NodeId v = 0; v < g.node_count(); ++v) {
                    ASSERT_EQ(q.distance(v), ref.distance[v])
                        << detail::to_string(isa) << " round " << round << " node " << v;
                    ASSERT_EQ(q.owner(v), ref.owner[v])
                        << detail::to_string(isa) << " round " << round << " node " << v;
                    ASSERT_EQ(dist[v], ref.distance[v]);
                    ASSERT_EQ(owner[v], ref.owner[v]);
                }
                expect_arc_invariant(g, d, dist);
            }
        }
    }
}

TEST(Phast, QueryObjectIsReusable) {
    std::mt19937 rng(22);
    const auto g = test::random_graph(rng, {.max_nodes = 200, .components = false});
    const auto ch = build_ch(g);
    PhastQuery q(ch);
    for (int round = 0; round < 30; ++round) {
        const auto sources = test::random_sources(rng, g.node_count(), 1 + round % 5, 2);
        q.reset(Direction::from_sources);
        for (const Source& s : sources) {
            q.add_source(s.node, s.offset, s.owner);
        }
        q.run();
        const auto ref = test::dijkstra_reference(g, sources);
        for (graph::NodeId v = 0; v < g.node_count(); ++v) {
            ASSERT_EQ(q.distance(v), ref.distance[v]);
            ASSERT_EQ(q.owner(v), ref.owner[v]);
        }
    }
}

TEST(Phast, NoSourcesAndAbandonedQueries) {
    // 0 <-> 1 -> 2, 3 isolated.
    const auto g = graph::csr_from_arcs(4, std::vector<graph::Arc>{{0, 1, 5}, {1, 0, 5}, {1, 2, 0}});
    const auto ch = build_ch(g);
    PhastQuery q(ch);
    q.reset(Direction::from_sources).run();
    for (graph::NodeId v = 0; v < 4; ++v) {
        EXPECT_FALSE(q.reached(v));
        EXPECT_EQ(q.owner(v), graph::invalid_node);
    }
    // Sources added and then dropped by reset() without a run must not leak into the next query.
    q.reset(Direction::from_sources).add_source(3, 0, 1).add_source(0, 0, 2);
    q.reset(Direction::to_sources).add_source(2, 7, 4).run();
    EXPECT_EQ(q.distance(0), 12u);
    EXPECT_EQ(q.distance(1), 7u);
    EXPECT_EQ(q.owner(0), 4u);
    EXPECT_FALSE(q.reached(3));
    BatchedPhast b(ch);
    b.reset(Direction::from_sources, 3).add_source(1, 0, 0, 9).run(); // lanes 0 and 2 stay empty
    EXPECT_FALSE(b.reached(0, 2));
    EXPECT_EQ(b.distance(1, 2), 5u);
    EXPECT_EQ(b.owner(1, 2), 9u);
    EXPECT_FALSE(b.reached(2, 0));
}

TEST(Phast, BatchedLanesAgreeWithDijkstra) {
    IsaGuard guard;
    std::mt19937 rng(23);
    for (const detail::Isa isa : isas()) {
        detail::set_isa(isa);
        for (int round = 0; round < 60; ++round) {
            const auto g =
                test::random_graph(rng, {.max_nodes = 40, .max_weight = round % 2 == 0 ? 3u : 40u});
            const auto rev = graph::reverse(g);
            const auto ch = build_ch(g);
            BatchedPhast b(ch);
            const unsigned lanes = 1 + static_cast<unsigned>(rng() % BatchedPhast::max_lanes);
            const Direction d = round % 2 == 0 ? Direction::from_sources : Direction::to_sources;
            // Every third round one owner per lane (32-bit labels), otherwise mixed owners.
            const bool mixed = round % 3 != 0;
            std::vector<std::vector<Source>> lane_sources(lanes);
            b.reset(d, lanes);
            for (unsigned lane = 0; lane < lanes; ++lane) {
                lane_sources[lane] =
                    test::random_sources(rng, g.node_count(), 3, mixed ? 4u : 0u, 5);
                for (Source& s : lane_sources[lane]) {
                    s.owner = mixed ? s.owner : 100 + lane;
                    b.add_source(lane, s.node, s.offset, s.owner);
                }
            }
            std::vector<std::uint32_t> visited(g.node_count(), 0);
            std::vector<std::uint32_t> chunk_dist(std::size_t{g.node_count()} * lanes, 0);
            std::vector<std::uint32_t> chunk_owner(std::size_t{g.node_count()} * lanes, 0);
            b.run([&](const LaneChunk& chunk) {
                ASSERT_EQ(chunk.lane_count, lanes);
                for (std::size_t i = 0; i < chunk.nodes.size(); ++i) {
                    ++visited[chunk.nodes[i]];
                    for (unsigned lane = 0; lane < lanes; ++lane) {
                        chunk_dist[std::size_t{chunk.nodes[i]} * lanes + lane] =
                            chunk.distance(i, lane);
                        chunk_owner[std::size_t{chunk.nodes[i]} * lanes + lane] =
                            chunk.owner(i, lane);
                    }
                }
            });
            std::vector<std::uint32_t> all_dist(std::size_t{g.node_count()} * lanes);
            std::vector<std::uint32_t> all_owner(std::size_t{g.node_count()} * lanes);
            b.copy_lanes(all_dist, all_owner);
            for (unsigned lane = 0; lane < lanes; ++lane) {
                const auto ref =
                    test::dijkstra_reference(oracle_graph(d, g, rev), lane_sources[lane]);
                std::vector<std::uint32_t> dist(g.node_count());
                b.copy_distances(lane, dist);
                for (graph::NodeId v = 0; v < g.node_count(); ++v) {
                    const std::size_t cell = std::size_t{v} * lanes + lane;
                    ASSERT_EQ(b.distance(lane, v), ref.distance[v])
                        << detail::to_string(isa) << " round " << round << " lane " << lane;
                    ASSERT_EQ(b.owner(lane, v), ref.owner[v])
                        << detail::to_string(isa) << " round " << round << " lane " << lane;
                    ASSERT_EQ(dist[v], ref.distance[v]);
                    ASSERT_EQ(all_dist[cell], ref.distance[v]);
                    ASSERT_EQ(all_owner[cell], ref.owner[v]);
                    ASSERT_EQ(chunk_dist[cell], ref.distance[v]);
                    ASSERT_EQ(chunk_owner[cell], ref.owner[v]);
                }
                expect_arc_invariant(g, d, dist);
            }
            for (graph::NodeId v = 0; v < g.node_count(); ++v) {
                ASSERT_EQ(visited[v], 1u) << "every node is visited exactly once";
            }
        }
    }
}

TEST(Phast, CountsWithinThresholdsMatchBruteForce) {
    IsaGuard guard;
    std::mt19937 rng(24);
    for (const detail::Isa isa : isas()) {
        detail::set_isa(isa);
        for (int round = 0; round < 40; ++round) {
            const auto g = test::random_graph(rng, {.max_nodes = 40, .max_weight = 20});
            const auto rev = graph::reverse(g);
            const auto ch = build_ch(g);
            const Direction d = round % 2 == 0 ? Direction::to_sources : Direction::from_sources;
            // Up to 70 facilities (three batches of 32), some with two entrances (same owner).
            const auto facilities = static_cast<std::uint32_t>(1 + rng() % 70);
            std::vector<Source> sources;
            for (std::uint32_t f = 0; f < facilities; ++f) {
                const std::uint32_t owner = 1000 + 3 * f; // owners need not be dense
                for (unsigned e = 0; e < 1 + rng() % 2; ++e) {
                    sources.push_back(
                        {test::below(rng, g.node_count()), test::below(rng, 5), owner});
                }
            }
            std::shuffle(sources.begin(), sources.end(), rng);
            const std::vector<std::uint32_t> thresholds{0, 7, 15, 40};
            const auto counts =
                count_within(ch, d, sources, thresholds, {.threads = round % 2 == 0 ? 1u : 2u});
            // Brute force: one Dijkstra per facility.
            std::vector<std::uint32_t> expected(std::size_t{g.node_count()} * thresholds.size(), 0);
            for (std::uint32_t f = 0; f < facilities; ++f) {
                std::vector<Source> entrances;
                for (const Source& s : sources) {
                    if (s.owner == 1000 + 3 * f) {
                        entrances.push_back(s);
                    }
                }
                const auto ref = test::dijkstra_reference(oracle_graph(d, g, rev), entrances);
                for (graph::NodeId v = 0; v < g.node_count(); ++v) {
                    for (std::size_t t = 0; t < thresholds.size(); ++t) {
                        expected[v * thresholds.size() + t] +=
                            ref.distance[v] <= thresholds[t] ? 1 : 0;
                    }
                }
            }
            ASSERT_EQ(counts.counts, expected) << detail::to_string(isa) << " round " << round;
            EXPECT_EQ(counts.thresholds, thresholds);
        }
    }
}

TEST(Phast, CountRejectsThresholdsBeyondTheLabelRange) {
    const auto g = graph::csr_from_arcs(2, std::vector<graph::Arc>{{0, 1, 5}});
    const auto ch = build_ch(g);
    const std::vector<Source> sources{{0, 0, 1}};
    const std::vector<std::uint32_t> ok{32766};
    const std::vector<std::uint32_t> too_far{40000};
    EXPECT_EQ(count_within(ch, Direction::from_sources, sources, ok).at(1, 0), 1u);
    EXPECT_THROW(count_within(ch, Direction::from_sources, sources, too_far), Error);
    const auto none = count_within(ch, Direction::from_sources, {}, ok);
    EXPECT_EQ(none.at(0, 0), 0u);
}

TEST(Phast, ParallelSweepOnMediumGraphMatchesDijkstra) {
    // Large level blocks (> 16K nodes) are swept by several threads; the result must not change.
    const auto g = graph::road_like_graph(50'000, 5);
    const auto rev = graph::reverse(g);
    const auto ch = build_ch(g);
    ASSERT_EQ(validate(ch), "");
    ASSERT_GT(ch.level_first[ch.level_count()] - ch.level_first[ch.level_count() - 1], 20'000u);
    std::mt19937 rng(25);
    BatchedPhast one(ch, {.threads = 1});
    BatchedPhast two(ch, {.threads = 2});
    for (const Direction d : {Direction::from_sources, Direction::to_sources}) {
        std::vector<std::vector<Source>> lane_sources(8);
        one.reset(d, 8);
        two.reset(d, 8);
        for (unsigned lane = 0; lane < 8; ++lane) {
            lane_sources[lane] = test::random_sources(rng, g.node_count(), 1 + lane * 10, 1000, 60);
            for (const Source& s : lane_sources[lane]) {
                one.add_source(lane, s.node, s.offset, s.owner);
                two.add_source(lane, s.node, s.offset, s.owner);
            }
        }
        one.run();
        std::mutex mutex;
        std::size_t visited = 0;
        two.run([&](const LaneChunk& chunk) {
            const std::lock_guard lock(mutex);
            visited += chunk.nodes.size();
        });
        EXPECT_EQ(visited, g.node_count());
        for (unsigned lane = 0; lane < 8; ++lane) {
            const auto ref = test::dijkstra_reference(oracle_graph(d, g, rev), lane_sources[lane]);
            std::vector<std::uint32_t> dist(g.node_count());
            two.copy_distances(lane, dist);
            for (graph::NodeId v = 0; v < g.node_count(); ++v) {
                ASSERT_EQ(one.distance(lane, v), ref.distance[v])
                    << "lane " << lane << " node " << v;
                ASSERT_EQ(two.distance(lane, v), ref.distance[v])
                    << "lane " << lane << " node " << v;
                ASSERT_EQ(two.owner(lane, v), ref.owner[v]) << "lane " << lane << " node " << v;
            }
            expect_arc_invariant(g, d, dist);
        }
    }
}

} // namespace lw::routing
