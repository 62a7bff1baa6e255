#include "accessibility/whatif.hpp"

#include "scenarios/ascii_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace lw::accessibility {

// The incremental update equals a full recomputation, on random street grids with random
// closures and openings (ties included: every edge has the same length, so many).
TEST(WhatIf, IncrementalEqualsFullRecomputation) {
    std::mt19937 rng(23);
    const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    for (int round = 0; round < 300; ++round) {
        const int w = 3 + static_cast<int>(rng() % 5), h = 3 + static_cast<int>(rng() % 5);
        std::string map;
        std::vector<test::MapWay> ways;
        const auto letter = [&](int x, int y) { return letters[static_cast<std::size_t>(y * w + x)]; };
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                map += letter(x, y);
                map += "    ";
            }
            map += "\n\n";
        }
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const int oneway = rng() % 5 == 0 ? 1 : 0;
                if (x + 1 < w && rng() % 7 != 0) {
                    ways.push_back({{letter(x, y), letter(x + 1, y)}, "residential", oneway});
                }
                if (y + 1 < h && rng() % 7 != 0) {
                    ways.push_back({{letter(x, y), letter(x, y + 1)}, "residential", 0});
                }
            }
        }
        const auto m = test::network_from_map(map, ways, 20.0);
        const geo::Point corner = m.position.at('A');
        std::uniform_real_distribution<double> px(-10, (w - 1) * 100.0 + 10), py(-(h - 1) * 40.0 - 10, 10);
        std::vector<geo::Point> homes, shops;
        for (int i = 0; i < 30; ++i) {
            homes.push_back({corner.x + px(rng), corner.y + py(rng)});
        }
        const std::size_t existing = 2 + rng() % 5, opened = rng() % 3;
        for (std::size_t i = 0; i < existing + opened; ++i) {
            // Half the shops sit exactly on nodes, to provoke ties.
            shops.push_back(rng() % 2 == 0 ? m.position.at(letter(static_cast<int>(rng() % w), static_cast<int>(rng() % h)))
                                           : geo::Point{corner.x + px(rng), corner.y + py(rng)});
        }
        for (const char* profile : {"walk", "car"}) {
            const ProfileNetwork net(m.network, *graph::find_profile(profile));
            const auto origins = snap_points(net, homes, PointRole::origin, 200);
            const auto destinations = snap_points(net, shops, PointRole::destination, 200);
            MeasureEngine engine(net, origins, destinations);
            std::vector<std::uint32_t> members;
            for (std::uint32_t d = 0; d < existing; ++d) {
                members.push_back(d);
            }
            Change change;
            for (const auto d : members) {
                if (rng() % 3 == 0) {
                    change.close.push_back(d);
                }
            }
            for (std::uint32_t d = static_cast<std::uint32_t>(existing); d < existing + opened; ++d) {
                change.open.push_back(d);
            }
            NearestState state = nearest_state(engine, members);
            const auto before = state;
            const auto changed = apply_change(engine, state, change);

            std::vector<std::uint32_t> after_members;
            for (const auto d : members) {
                if (std::find(change.close.begin(), change.close.end(), d) == change.close.end()) {
                    after_members.push_back(d);
                }
            }
            after_members.insert(after_members.end(), change.open.begin(), change.open.end());
            const NearestState full = nearest_state(engine, after_members);
            for (graph::NodeId v = 0; v < net.graph().node_count(); ++v) {
                ASSERT_EQ(state.labels.seconds[v], full.labels.seconds[v]) << round << " " << profile << " node " << v;
            }
            for (std::uint32_t o = 0; o < homes.size(); ++o) {
                ASSERT_EQ(state.seconds[o], full.seconds[o]) << round << " " << profile << " origin " << o;
                ASSERT_EQ(state.nearest[o], full.nearest[o]) << round << " " << profile << " origin " << o;
                const bool differs = before.seconds[o] != full.seconds[o] || before.nearest[o] != full.nearest[o];
                EXPECT_EQ(differs, std::find(changed.begin(), changed.end(), o) != changed.end()) << round << " " << o;
            }
        }
    }
}

} // namespace lw::accessibility
