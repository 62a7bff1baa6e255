#include "accessibility/measures.hpp"

#include "routing/dijkstra.hpp"
#include "scenarios/ascii_map.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace lw::accessibility {

namespace {

struct Fixture {
    test::MapNetwork map;
    ProfileNetwork net;
    SnappedPoints origins, destinations;
    MeasureEngine engine;

    Fixture(test::MapNetwork m, const char* profile, const std::vector<geo::Point>& homes,
            const std::vector<geo::Point>& shops)
        : map(std::move(m)), net(map.network, *graph::find_profile(profile)),
          origins(snap_points(net, homes, PointRole::origin, 100)),
          destinations(snap_points(net, shops, PointRole::destination, 100)), engine(net, origins, destinations) {}
};

geo::Point at(const test::MapNetwork& m, char c, double dx = 0, double dy = 0) {
    return {m.position.at(c).x + dx, m.position.at(c).y + dy};
}

} // namespace

// A village street with two shops; walking at 4.5 km/h = 75 m per minute.
//
//   H1 . . . . . . S1 . . . . . . . . . . . . . . S2            (one character = 25 m)
//   A--------------B-----------------------------C
TEST(Measures, VillageStreetMinutesAndCounts) {
    auto m = test::network_from_map("A--------------B-----------------------------C", {{"ABC", "residential"}}, 25.0);
    // Homes and shops sit right on the street (no door walk): H1 at A, S1 at B (375 m), S2 at C (1,125 m).
    const std::vector<geo::Point> homes{at(m, 'A'), at(m, 'C', -75)};
    const std::vector<geo::Point> shops{at(m, 'B'), at(m, 'C')};
    Fixture f(std::move(m), "walk", homes, shops);
    const std::vector<std::int64_t> population{10, 20};
    const std::vector<std::optional<double>> capacity{std::nullopt, 3.0};
    const std::vector<std::uint32_t> members{0, 1};
    const auto r = f.engine.compute(members, population, capacity, luo_qi_decay());
    EXPECT_EQ(r.seconds[0], test::seconds_at(375, 4.5)); // 300 s = 5 min
    EXPECT_EQ(r.nearest[0], 0);
    EXPECT_EQ(r.seconds[1], test::seconds_at(75, 4.5)); // 60 s to S2 along the same edge
    EXPECT_EQ(r.nearest[1], 1);
    // H1: S1 at 5 min, S2 at 1,125 m = 15 min.
    EXPECT_EQ(r.counts[0][0], 1); // within 5
    EXPECT_EQ(r.counts[0][1], 1); // within 10
    EXPECT_EQ(r.counts[0][2], 2); // within 15
    // E2SFCA by hand: S1 serves H1 (5 min, w 1) and H2 (675 m = 9 min, w 1): R1 = 1 / 30.
    // S2 serves H1 (15 min, w 0.68) and H2 (1 min, w 1): R2 = 3 / (6.8 + 20).
    const double r1 = 1.0 / 30.0, r2 = 3.0 / 26.8;
    EXPECT_NEAR(r.supply_ratio[0], r1 + 0.68 * r2, 1e-12);
    EXPECT_NEAR(r.supply_ratio[1], r1 + r2, 1e-12);
}

TEST(Measures, OnewayMakesTheWayBackLonger) {
    // By car: the shop S at B is reached from H (at A) directly; the way back around the block.
    auto m = test::network_from_map(R"(
A-----B
|     |
D-----C
)",
                                     {{"AB", "residential", 1}, {"BC", "residential"}, {"CD", "residential"}, {"DA", "residential"}},
                                     100.0);
    const auto a = at(m, 'A', 0, 5), b = at(m, 'B', 0, 5);
    Fixture there(test::MapNetwork(m), "car", {a}, {b});
    Fixture back(std::move(m), "car", {b}, {a});
    const std::vector<std::int64_t> population{1};
    const std::vector<std::optional<double>> capacity{std::nullopt};
    const std::vector<std::uint32_t> members{0};
    const auto to = there.engine.compute(members, population, capacity, luo_qi_decay());
    const auto from = back.engine.compute(members, population, capacity, luo_qi_decay());
    EXPECT_LT(to.seconds[0], from.seconds[0]);
    // A-B is 600 m at 25 km/h (residential) = 86 s, plus 2 x 5 m door walk at 4.5 km/h (4 s each).
    EXPECT_EQ(to.seconds[0], test::seconds_at(600, 25) + 2 * test::seconds_at(5, 4.5));
}

TEST(Measures, UnsnappedAndUnreachableAreNotZero) {
    auto m = test::network_from_map(R"(
A----B

C----D
)",
                                     {{"AB", "residential"}, {"CD", "residential"}}, 10.0);
    // The largest component is one of the two streets; a home on the other and one far away.
    Fixture f(std::move(m), "walk", {at(m, 'A'), at(m, 'C'), at(m, 'A', 5000, 0)}, {at(m, 'B')});
    const std::vector<std::int64_t> population{1, 1, 1};
    const std::vector<std::optional<double>> capacity{std::nullopt};
    const std::vector<std::uint32_t> members{0};
    const auto r = f.engine.compute(members, population, capacity, luo_qi_decay());
    EXPECT_FALSE(f.origins.snapped(2));
    EXPECT_EQ(r.seconds[2], graph::inf_time);
    EXPECT_EQ(r.nearest[2], -1);
}

// Oracle: every measure against brute force (a forward Dijkstra per origin anchor and facility
// anchor, plus the same-edge shortcut) on random street grids with one-way streets.
TEST(Measures, AgreeWithBruteForceOnRandomGrids) {
    std::mt19937 rng(17);
    for (int round = 0; round < 30; ++round) {
        const int w = 3 + static_cast<int>(rng() % 5), h = 3 + static_cast<int>(rng() % 5);
        std::string map;
        std::vector<test::MapWay> ways;
        const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        const auto letter = [&](int x, int y) { return letters[static_cast<std::size_t>(y * w + x) % letters.size()]; };
        if (w * h > static_cast<int>(letters.size())) {
            continue;
        }
        for (int y = 0; y < h; ++y) {
            std::string row;
            for (int x = 0; x < w; ++x) {
                row += letter(x, y);
                row += "    ";
            }
            map += row + "\n\n";
        }
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const int oneway = static_cast<int>(rng() % 4 == 0) * (rng() % 2 == 0 ? 1 : -1);
                if (x + 1 < w && rng() % 6 != 0) {
                    ways.push_back({{letter(x, y), letter(x + 1, y)}, rng() % 3 == 0 ? "primary" : "residential", oneway});
                }
                if (y + 1 < h && rng() % 6 != 0) {
                    ways.push_back({{letter(x, y), letter(x, y + 1)}, "residential", 0});
                }
            }
        }
        auto m = test::network_from_map(map, ways, 40.0);
        std::vector<geo::Point> homes, shops;
        std::uniform_real_distribution<double> px(-20, (w - 1) * 200.0 + 20), py(-(h - 1) * 80.0 - 20, 20);
        const geo::Point origin = m.position.at(letter(0, 0));
        for (int i = 0; i < 25; ++i) {
            homes.push_back({origin.x + px(rng), origin.y + py(rng)});
        }
        for (int i = 0; i < 4; ++i) {
            shops.push_back({origin.x + px(rng), origin.y + py(rng)});
        }
        for (const char* profile : {"walk", "car"}) {
            Fixture f(test::MapNetwork(m), profile, homes, shops);
            std::vector<std::int64_t> population(homes.size());
            for (auto& p : population) {
                p = 1 + static_cast<std::int64_t>(rng() % 50);
            }
            const std::vector<std::optional<double>> capacity(shops.size(), std::nullopt);
            const std::vector<std::uint32_t> members{0, 1, 2, 3};
            // Short thresholds in this small world: decay zones of 1 / 2 / 3 minutes.
            const std::vector<DecayStep> decay{{1, 1.0}, {2, 0.5}, {3, 0.25}};
            const auto r = f.engine.compute(members, population, capacity, decay);

            routing::Dijkstra q(f.net.graph().forward);
            std::vector<std::vector<std::uint32_t>> t(homes.size(), std::vector<std::uint32_t>(shops.size(), graph::inf_time));
            for (std::size_t o = 0; o < homes.size(); ++o) {
                for (const auto& a : f.origins.anchors[o].span()) {
                    q.reset().add_source(a.node, a.seconds).run();
                    for (std::size_t s = 0; s < shops.size(); ++s) {
                        for (const auto& b : f.destinations.anchors[s].span()) {
                            if (q.reached(b.node)) {
                                t[o][s] = std::min(t[o][s], q.distance(b.node) + b.seconds);
                            }
                        }
                    }
                }
                for (std::size_t s = 0; s < shops.size(); ++s) {
                    if (f.origins.snap[o] && f.destinations.snap[s]) {
                        if (const auto direct = f.net.index().same_edge_seconds(*f.origins.snap[o], *f.destinations.snap[s])) {
                            t[o][s] = std::min(t[o][s], *direct);
                        }
                    }
                }
            }
            std::vector<double> demand(shops.size(), 0.0);
            const auto weight = [&](std::uint32_t sec) {
                for (const auto& step : decay) {
                    if (sec <= step.up_to_minutes * 60) {
                        return step.weight;
                    }
                }
                return 0.0;
            };
            for (std::size_t s = 0; s < shops.size(); ++s) {
                for (std::size_t o = 0; o < homes.size(); ++o) {
                    if (t[o][s] != graph::inf_time) {
                        demand[s] += static_cast<double>(population[o]) * weight(t[o][s]);
                    }
                }
            }
            for (std::size_t o = 0; o < homes.size(); ++o) {
                const auto best = *std::min_element(t[o].begin(), t[o].end());
                ASSERT_EQ(r.seconds[o], best) << "round " << round << " " << profile << " origin " << o;
                if (best != graph::inf_time) {
                    EXPECT_EQ(t[o][static_cast<std::size_t>(r.nearest[o])], best);
                }
                double expected_ratio = 0.0;
                for (std::size_t k = 0; k < count_minutes.size(); ++k) {
                    const auto n = std::count_if(t[o].begin(), t[o].end(), [&](std::uint32_t x) { return x <= count_minutes[k] * 60; });
                    EXPECT_EQ(r.counts[o][k], n) << round << " " << profile << " origin " << o;
                }
                for (std::size_t s = 0; s < shops.size(); ++s) {
                    if (t[o][s] != graph::inf_time && demand[s] > 0) {
                        expected_ratio += weight(t[o][s]) / demand[s];
                    }
                }
                EXPECT_NEAR(r.supply_ratio[o], expected_ratio, 1e-12);
            }
        }
    }
}

// The PHAST path (used for large networks) gives the same labels as Dijkstra, owners included.
TEST(Measures, ContractionHierarchyGivesTheSameNearestLabels) {
    std::mt19937 rng(29);
    for (int round = 0; round < 20; ++round) {
        std::string map;
        std::vector<test::MapWay> ways;
        const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        const int w = 4 + static_cast<int>(rng() % 4), h = 4 + static_cast<int>(rng() % 4);
        const auto letter = [&](int x, int y) { return letters[static_cast<std::size_t>(y * w + x)]; };
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                map += letter(x, y);
                map += "   ";
            }
            map += "\n\n";
        }
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                if (x + 1 < w) {
                    ways.push_back({{letter(x, y), letter(x + 1, y)}, "residential", rng() % 4 == 0 ? 1 : 0});
                }
                if (y + 1 < h) {
                    ways.push_back({{letter(x, y), letter(x, y + 1)}, "residential", 0});
                }
            }
        }
        const auto m = test::network_from_map(map, ways, 30.0);
        std::vector<geo::Point> shops;
        for (int i = 0; i < 6; ++i) {
            shops.push_back(m.position.at(letter(static_cast<int>(rng() % w), static_cast<int>(rng() % h))));
        }
        ProfileNetwork plain(m.network, *graph::find_profile("car"));
        ProfileNetwork fast(m.network, *graph::find_profile("car"));
        fast.build_ch();
        const auto none = snap_points(plain, {}, PointRole::origin, 100);
        const auto d1 = snap_points(plain, shops, PointRole::destination, 100);
        const auto d2 = snap_points(fast, shops, PointRole::destination, 100);
        MeasureEngine e1(plain, none, d1), e2(fast, none, d2);
        const std::vector<std::vector<std::uint32_t>> sets{{0, 1, 2}, {3, 4, 5}, {0, 5}};
        const auto a = e1.nearest_labels(sets), b = e2.nearest_labels(sets);
        for (std::size_t s = 0; s < sets.size(); ++s) {
            EXPECT_EQ(a[s].seconds, b[s].seconds) << round;
            EXPECT_EQ(a[s].owner, b[s].owner) << round;
        }
    }
}

} // namespace lw::accessibility
