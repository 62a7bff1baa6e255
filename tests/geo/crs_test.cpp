#include "geo/crs.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace lw::geo {

TEST(Crs, CentralMeridianOfUtm32MapsToFalseEasting) {
    const Transformer to_utm(epsg_wgs84, epsg_utm32);
    const Point p = to_utm({9.0, 51.0});
    EXPECT_NEAR(p.x, 500000.0, 1e-3);
    // Northing = 0.9996 x meridian arc to 51° N on GRS80, from the series expansion (Snyder 1987,
    // eq. 3-21) computed independently of PROJ: 5,649,824.9 m.
    EXPECT_NEAR(p.y, 5649824.9, 0.5);
}

TEST(Crs, RoundTripIsExactToMillimetres) {
    const Transformer to_utm(epsg_wgs84, epsg_utm32);
    const Transformer back(epsg_utm32, epsg_wgs84);
    std::vector<Point> points{{10.057981, 51.185804}, {11.27, 49.51}, {9.65, 51.29}};
    const auto original = points;
    to_utm.transform(points);
    back.transform(points);
    for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_NEAR(points[i].x, original[i].x, 1e-8);
        EXPECT_NEAR(points[i].y, original[i].y, 1e-8);
    }
}

TEST(Crs, LaeaGridOriginOfTheCensusTiles) {
    // Eschwege's seat lies in census tile (33, 40): 3,900,000 + 33 * 12,800 <= X < ... + 12,800.
    const Transformer to_laea(epsg_wgs84, epsg_laea);
    const Point p = to_laea({10.057981, 51.185804});
    EXPECT_EQ(static_cast<int>((p.x - 3'900'000) / 12'800), 33);
    EXPECT_EQ(static_cast<int>((p.y - 2'600'000) / 12'800), 40);
}

TEST(Crs, WktAndNameFromProjDatabase) {
    EXPECT_NE(crs_wkt(epsg_utm32).find("UTM zone 32N"), std::string::npos);
    EXPECT_EQ(crs_name(epsg_wgs84), "WGS 84");
    EXPECT_THROW(crs_wkt(999999), Error);
}

} // namespace lw::geo
