#include "geo/polygon_index.hpp"

#include <gtest/gtest.h>

#include <random>

namespace lw::geo {

namespace {

MultiPolygon square(double x, double y, double size) {
    Polygon p;
    p.add_ring({{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}});
    return {{p}};
}

} // namespace

TEST(PolygonIndex, LocatesPointsAgainstBruteForce) {
    PolygonIndex index;
    std::vector<MultiPolygon> squares;
    for (std::uint32_t i = 0; i < 25; ++i) {
        squares.push_back(square((i % 5) * 10.0, (i / 5) * 10.0, 9.0)); // 1-unit gaps between them
        index.add(i, squares.back());
    }
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> coord(-5.0, 55.0);
    for (int k = 0; k < 2000; ++k) {
        const Point p{coord(rng), coord(rng)};
        std::optional<std::uint32_t> expected;
        for (std::uint32_t i = 0; i < squares.size(); ++i) {
            const Box b = bounds(squares[i]);
            if (b.contains(p)) {
                expected = i;
                break;
            }
        }
        EXPECT_EQ(index.locate(p), expected) << p.x << "," << p.y;
    }
}

TEST(PolygonIndex, HolesAreOutsideAndFirstAddedWinsOnOverlap) {
    Polygon ring;
    ring.add_ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
    ring.add_ring({{4, 4}, {6, 4}, {6, 6}, {4, 6}});
    PolygonIndex index;
    index.add(7, MultiPolygon{{ring}});
    index.add(8, square(0, 0, 10));
    EXPECT_EQ(index.locate({5, 5}), 8u); // in the hole of 7, inside 8
    EXPECT_EQ(index.locate({1, 1}), 7u); // both cover it: the first added wins
    EXPECT_EQ(index.locate({0, 5}), 7u); // on the boundary counts as inside
    EXPECT_FALSE(index.locate({11, 5}));
}

} // namespace lw::geo
