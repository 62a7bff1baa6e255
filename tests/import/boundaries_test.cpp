#include "import/boundaries.hpp"

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/polygon_index.hpp"
#include "store/features.hpp"
#include "test_paths.hpp"
#include "workspace_snapshot.hpp"

#include <gtest/gtest.h>

namespace lw::import {

namespace {

const store::RegionSpec werra_meissner{"Werra-Meißner-Kreis", {"06636"}};

std::filesystem::path vg5000(const char* file) {
    return test::demo_dir() / "boundaries/vg5000-2021" / file;
}

ErrorKind error_kind_of(const std::function<void()>& f, std::string* message = nullptr) {
    try {
        f();
    } catch (const Error& e) {
        if (message != nullptr) {
            *message = e.what();
        }
        return e.kind();
    }
    ADD_FAILURE() << "no error";
    return ErrorKind::internal;
}

} // namespace

TEST(Boundaries, Vg5000WerraMeissnerHasItsSeventeenAreas) {
    const auto set = read_boundaries({vg5000("VG5000_GEM.shp")}, werra_meissner);
    EXPECT_EQ(set.level, BoundaryLevel::municipality);
    EXPECT_EQ(set.source_epsg, geo::epsg_gk3);
    EXPECT_EQ(set.features_read, 10'997u);
    ASSERT_EQ(set.boundaries.size(), 17u); // 16 municipalities + Gutsbezirk Kaufunger Wald
    EXPECT_EQ(set.boundaries.front().ags, "06636001");
    EXPECT_EQ(set.boundaries.back().ags, "06636200");
    EXPECT_EQ(set.data_date, "2021-01-01");
    double area_km2 = 0;
    for (const auto& b : set.boundaries) {
        area_km2 += geo::area(b.geometry_utm) / 1e6;
    }
    // Official land area of the district: 1,024.70 km² (GV-ISys sums of the municipalities); the
    // 1:5,000,000 generalisation may differ by a few per mille.
    EXPECT_NEAR(area_km2, 1024.7, 1024.7 * 0.005);
    // Eschwege's official seat coordinate lies inside Eschwege's reprojected polygon.
    geo::PolygonIndex index;
    for (std::uint32_t i = 0; i < set.boundaries.size(); ++i) {
        index.add(i, set.boundaries[i].geometry_wgs84);
    }
    const auto hit = index.locate({10.057981, 51.185804});
    ASSERT_TRUE(hit);
    EXPECT_EQ(set.boundaries[*hit].name, "Eschwege");
}

TEST(Boundaries, DistrictsKeepTheRegionAndItsParentDistrict) {
    const auto wm = read_boundaries({vg5000("VG5000_KRS.shp")}, werra_meissner);
    EXPECT_EQ(wm.level, BoundaryLevel::district);
    ASSERT_EQ(wm.boundaries.size(), 1u);
    EXPECT_EQ(wm.boundaries[0].name, "Werra-Meißner-Kreis");
    const auto lauf = read_boundaries({vg5000("VG5000_KRS.shp")}, {"Lauf", {"09574138"}});
    ASSERT_EQ(lauf.boundaries.size(), 1u);
    EXPECT_EQ(lauf.boundaries[0].ags, "09574");
}

TEST(Boundaries, ImportWritesBothCrsAndMultiPartAreas) {
    test::ScratchDir dir("boundaries");
    auto ws = store::Workspace::create(dir / "a.gpkg", werra_meissner);
    const auto report = import_boundaries(ws, {test::data_dir() / "boundaries/two-municipalities-utm32.geojson"});
    EXPECT_EQ(report.summary["kept"], 2);
    EXPECT_EQ(report.summary["outside_region"], 1);
    const auto municipalities = store::read_municipalities(ws.db(), true);
    ASSERT_EQ(municipalities.size(), 2u);
    EXPECT_EQ(municipalities[1].geometry->parts.size(), 2u);
    EXPECT_DOUBLE_EQ(geo::area(*municipalities[0].geometry), 4e6);
    EXPECT_EQ(ws.db().query_int("SELECT count(*) FROM municipalities_wgs84"), 2);
    EXPECT_EQ(ws.db().query_text("SELECT district_ags FROM municipalities LIMIT 1"), "06636");
}

TEST(Boundaries, BadInputsNameTheProblemAndChangeNothing) {
    test::ScratchDir dir("boundaries-bad");
    auto ws = store::Workspace::create(dir / "a.gpkg", werra_meissner);
    import_boundaries(ws, {test::data_dir() / "boundaries/two-municipalities-utm32.geojson"});
    const std::string before = test::snapshot(ws.db());
    std::string message;
    const auto data = test::data_dir() / "boundaries";
    EXPECT_EQ(error_kind_of([&] { import_boundaries(ws, {data / "missing.shp"}); }), ErrorKind::not_found);
    EXPECT_EQ(error_kind_of([&] { import_boundaries(ws, {data / "not-a-shapefile.shp"}); }), ErrorKind::input_format);
    EXPECT_EQ(error_kind_of([&] { import_boundaries(ws, {data / "no-ags-field.geojson"}); }, &message),
              ErrorKind::input_format);
    EXPECT_NE(message.find("AGS"), std::string::npos);
    EXPECT_EQ(error_kind_of([&] { import_boundaries(ws, {data / "bad-ags-value.geojson"}); }, &message),
              ErrorKind::input_value);
    EXPECT_NE(message.find("0663600x"), std::string::npos) << message;
    BoundariesConfig wrong_level{vg5000("VG5000_KRS.shp"), BoundaryLevel::municipality};
    EXPECT_EQ(error_kind_of([&] { import_boundaries(ws, wrong_level); }), ErrorKind::input_format);
    // A file without a single municipality of the region is refused rather than imported empty.
    auto other = store::Workspace::create(dir / "other.gpkg", {"Rheinland-Pfalz", {"07"}});
    EXPECT_EQ(error_kind_of([&] { import_boundaries(other, {data / "two-municipalities-utm32.geojson"}); }),
              ErrorKind::input_value);
    EXPECT_TRUE(test::snapshot(ws.db()) == before) << "workspace changed";
}

} // namespace lw::import
