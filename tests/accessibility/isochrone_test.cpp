#include "accessibility/isochrone.hpp"

#include "geo/buffer.hpp"
#include "scenarios/ascii_map.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace lw::accessibility {

// A 1,000 m street; from its west end, 5 minutes of walking (4.5 km/h) reach 375 m of it.
TEST(Isochrone, ReachableStreetStopsInsideTheEdge) {
    const auto m = test::network_from_map("A---------B", {{"AB", "residential"}}, 100.0);
    const ProfileNetwork net(m.network, *graph::find_profile("walk"));
    const auto snap = net.index().snap(m.position.at('A'), 10);
    ASSERT_TRUE(snap);
    const auto lines = reachable_streets(net, net.index().origin_anchors(*snap), Direction::from_point, 300);
    double reached = 0.0;
    for (const auto& line : lines) {
        reached += geo::length(line);
    }
    // 300 s over an edge of round(1000 / 1.25) = 800 s: 3/8 of 1,000 m.
    EXPECT_NEAR(reached, 375.0, 0.5);
    // Its 10 m buffer: a 375 x 20 m band with two half discs (GEOS approximates the circle).
    const auto area = geo::area(geo::buffer_lines(lines, 10.0, 0.0));
    EXPECT_NEAR(area, 375.0 * 20.0 + M_PI * 100.0, 5.0);
}

TEST(Isochrone, TowardsAPointFollowsOneways) {
    // A one-way street A->B (car): from B nothing leads back to A, so the area from which B is
    // reached within a minute is the street behind it, and the area reached from A is ahead of it.
    const auto m = test::network_from_map(R"(
A---------B
|         |
C---------D
)",
                                          {{"AB", "residential", 1}, {"BD", "residential"}, {"DC", "residential"}, {"CA", "residential"}},
                                          100.0);
    const ProfileNetwork net(m.network, *graph::find_profile("car"));
    const auto b = net.index().snap(m.position.at('B'), 10);
    ASSERT_TRUE(b);
    const auto towards = reachable_streets(net, net.index().destination_anchors(*b), Direction::to_point, 60);
    const auto from = reachable_streets(net, net.index().origin_anchors(*b), Direction::from_point, 60);
    // Covered street length without double counting: the area of a 1 m wide band.
    const auto covered = [](const std::vector<geo::LineString>& lines) { return geo::area(geo::buffer_lines(lines, 0.5, 0.0)); };
    // 60 s at 25 km/h = 417 m along every way the car may take. Towards B: the last 417 m of A->B,
    // and D->B (200 m, 29 s) plus 215 m of C->D before it. From B: B->D (200 m) and 217 m of D->C.
    EXPECT_NEAR(covered(towards), 417 + 200 + 215, 6.0);
    EXPECT_NEAR(covered(from), 200 + 217, 6.0);
}

} // namespace lw::accessibility
