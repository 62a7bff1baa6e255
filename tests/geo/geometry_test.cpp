#include "geo/geometry.hpp"

#include <gtest/gtest.h>

namespace lw::geo {

namespace {

Polygon square(double x, double y, double size) {
    Polygon p;
    p.add_ring({{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}});
    return p;
}

} // namespace

TEST(Geometry, AreaOfSquareWithHoleAtUtmCoordinates) {
    // Large absolute coordinates (as in EPSG:25832) must not cost precision.
    Polygon p = square(571000.0, 5671000.0, 100.0);
    p.add_ring({{571040.0, 5671040.0}, {571040.0, 5671060.0}, {571060.0, 5671060.0}, {571060.0, 5671040.0}});
    EXPECT_DOUBLE_EQ(area(p), 10000.0 - 400.0);
}

TEST(Geometry, AreaIgnoresWindingDirection) {
    Polygon cw;
    cw.add_ring({{0, 0}, {0, 10}, {10, 10}, {10, 0}});
    EXPECT_DOUBLE_EQ(area(cw), 100.0);
}

TEST(Geometry, CentroidOfLShapeAgainstDecomposition) {
    // L-shape = 2x1 rectangle (centroid 1, 0.5) + 1x1 square on top-left (centroid 0.5, 1.5).
    Polygon l;
    l.add_ring({{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}});
    const Point c = centroid(MultiPolygon{{l}});
    EXPECT_NEAR(c.x, (2 * 1.0 + 1 * 0.5) / 3.0, 1e-12);
    EXPECT_NEAR(c.y, (2 * 0.5 + 1 * 1.5) / 3.0, 1e-12);
}

TEST(Geometry, CentroidOfTwoPartsIsAreaWeighted) {
    const MultiPolygon m{{square(0, 0, 1), square(10, 0, 2)}};
    const Point c = centroid(m);
    EXPECT_NEAR(c.x, (1 * 0.5 + 4 * 11.0) / 5.0, 1e-12);
    EXPECT_NEAR(c.y, (1 * 0.5 + 4 * 1.0) / 5.0, 1e-12);
}

TEST(Geometry, CentroidWithHoleMovesAway) {
    Polygon p = square(0, 0, 10);
    p.add_ring({{0, 0}, {5, 0}, {5, 10}, {0, 10}}); // left half cut out
    const Point c = centroid(MultiPolygon{{p}});
    EXPECT_NEAR(c.x, 7.5, 1e-9);
    EXPECT_NEAR(c.y, 5.0, 1e-9);
}

TEST(Geometry, LengthAndBounds) {
    const LineString line{{0, 0}, {3, 4}, {3, 10}};
    EXPECT_DOUBLE_EQ(length(line), 11.0);
    const Box b = bounds(line);
    EXPECT_TRUE(b.valid);
    EXPECT_EQ(b.max_y, 10.0);
    EXPECT_TRUE(b.contains({1, 1}));
    EXPECT_FALSE(b.contains({4, 1}));
}

} // namespace lw::geo
