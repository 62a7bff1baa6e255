#include "geo/gpkg_blob.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>
#include <ogr_geometry.h>

namespace lw::geo {

namespace {

// GDAL is the independent reader: strip the GeoPackage header and let OGR parse the WKB.
std::unique_ptr<OGRGeometry> gdal_read(const Blob& blob) {
    const std::size_t header = 8 + 32; // envelope [minx, maxx, miny, maxy]
    OGRGeometry* geometry = nullptr;
    const OGRErr err = OGRGeometryFactory::createFromWkb(blob.data() + header, nullptr, &geometry,
                                                         blob.size() - header);
    EXPECT_EQ(err, OGRERR_NONE);
    return std::unique_ptr<OGRGeometry>(geometry);
}

} // namespace

TEST(GpkgBlob, PointRoundTripAndGdalAgrees) {
    const Blob blob = encode_gpkg(Point{571234.5, 5671234.25}, 25832);
    ASSERT_EQ(blob[0], 'G');
    ASSERT_EQ(blob[1], 'P');
    const auto decoded = decode_gpkg(blob);
    EXPECT_EQ(decoded.srs_id, 25832);
    EXPECT_EQ(std::get<Point>(decoded.geometry), (Point{571234.5, 5671234.25}));
    const auto g = gdal_read(blob);
    EXPECT_EQ(g->toPoint()->getX(), 571234.5);
}

TEST(GpkgBlob, MultiPolygonWithHoleMatchesGdalArea) {
    Polygon p;
    p.add_ring({{0, 0}, {10, 0}, {10, 10}, {0, 10}});
    p.add_ring({{2, 2}, {2, 4}, {4, 4}, {4, 2}});
    Polygon q;
    q.add_ring({{20, 0}, {21, 0}, {21, 1}});
    const MultiPolygon m{{p, q}};
    const Blob blob = encode_gpkg(m, 25832);
    const auto g = gdal_read(blob);
    ASSERT_EQ(wkbFlatten(g->getGeometryType()), wkbMultiPolygon);
    EXPECT_DOUBLE_EQ(g->toMultiPolygon()->get_Area(), area(m));
    const auto decoded = std::get<MultiPolygon>(decode_gpkg(blob).geometry);
    ASSERT_EQ(decoded.parts.size(), 2u);
    EXPECT_EQ(decoded.parts[0].points, p.points); // rings come back open, as written
    const auto box = gpkg_envelope(blob);
    ASSERT_TRUE(box);
    EXPECT_EQ(box->max_x, 21.0);
    EXPECT_EQ(box->min_y, 0.0);
}

TEST(GpkgBlob, LineStringRoundTrip) {
    const LineString line{{1, 2}, {3, 4}, {5, 7}};
    const auto decoded = decode_gpkg(encode_gpkg(line, 25832));
    EXPECT_EQ(std::get<LineString>(decoded.geometry), line);
    EXPECT_EQ(gdal_read(encode_gpkg(line, 25832))->toLineString()->getNumPoints(), 3);
}

TEST(GpkgBlob, RejectsGarbage) {
    const Blob garbage{'X', 'Y', 0, 1, 0, 0, 0, 0};
    EXPECT_THROW(decode_gpkg(garbage), Error);
    Blob truncated = encode_gpkg(LineString{{1, 2}, {3, 4}}, 25832);
    truncated.resize(truncated.size() - 5);
    EXPECT_THROW(decode_gpkg(truncated), Error);
    EXPECT_FALSE(gpkg_envelope(garbage));
}

} // namespace lw::geo
