// The workspace must be a GeoPackage that GDAL (and thus QGIS) reads: layers, CRS, features,
// spatial index. GDAL is the independent reader here.
#include "core/error.hpp"
#include "geo/crs.hpp"
#include "store/features.hpp"
#include "store/imports.hpp"
#include "store/workspace.hpp"
#include "test_paths.hpp"
#include "test_support.hpp"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

namespace lw::store {

TEST(GeoPackage, GdalReadsLayersFeaturesAndSpatialIndex) {
    test::ScratchDir dir("gpkg");
    const auto path = dir / "a.gpkg";
    {
        auto ws = Workspace::create(path, {"A", {"06636"}});
        Transaction tx(ws.db());
        const auto import_id = test::add_test_import(ws.db());
        for (int i = 0; i < 10; ++i) {
            Facility f;
            f.category = "bakery";
            f.name = "Bäckerei " + std::to_string(i);
            f.source = "osm";
            f.source_ref = "n" + std::to_string(i);
            f.position = {570000.0 + i * 1000.0, 5670000.0};
            insert_facility(ws.db(), f, import_id);
        }
        std::vector<GridCell> cells(1);
        cells[0].cell_id = "100mN31400E43000";
        cells[0].x_ll = 4300000;
        cells[0].y_ll = 3140000;
        cells[0].pop_by_age = {3, 0, 4, 0, 5};
        upsert_grid_cells(ws.db(), cells, import_id);
        tx.commit();
    }
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    EXPECT_STREQ(ds->GetDriver()->GetDescription(), "GPKG");
    OGRLayer* facilities = ds->GetLayerByName("facilities");
    ASSERT_NE(facilities, nullptr);
    EXPECT_EQ(facilities->GetFeatureCount(), 10);
    EXPECT_STREQ(facilities->GetSpatialRef()->GetAuthorityCode(nullptr), "25832");
    EXPECT_TRUE(facilities->TestCapability(OLCFastSpatialFilter)); // the R-tree is recognised
    facilities->SetSpatialFilterRect(572500, 5669000, 575500, 5671000);
    EXPECT_EQ(facilities->GetFeatureCount(), 3);
    facilities->SetSpatialFilter(nullptr);
    OGREnvelope extent;
    ASSERT_EQ(facilities->GetExtent(&extent), OGRERR_NONE);
    EXPECT_EQ(extent.MaxX, 579000.0);
    std::unique_ptr<OGRFeature> first(facilities->GetNextFeature());
    EXPECT_STREQ(first->GetFieldAsString("name"), "Bäckerei 0");

    OGRLayer* grid = ds->GetLayerByName("grid_cells");
    ASSERT_NE(grid, nullptr);
    EXPECT_STREQ(grid->GetSpatialRef()->GetAuthorityCode(nullptr), "3035");
    std::unique_ptr<OGRFeature> cell(grid->GetNextFeature());
    EXPECT_EQ(cell->GetFieldAsInteger("pop_total"), 12);
    EXPECT_DOUBLE_EQ(cell->GetGeometryRef()->toPolygon()->get_Area(), 10000.0);
    for (const char* table : {"population", "life_tables", "lw_imports", "reference_values"}) {
        EXPECT_NE(ds->GetLayerByName(table), nullptr) << table; // attribute tables are visible
    }
}

TEST(GeoPackage, EditsByGdalKeepTheIndexConsistent) {
    // A planner edits in QGIS (GDAL writes); lebenswert reads and writes the same file later.
    test::ScratchDir dir("gpkg-edit");
    const auto path = dir / "a.gpkg";
    Workspace::create(path, {"A", {"06636"}});
    GDALAllRegister();
    {
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        ASSERT_TRUE(ds);
        OGRLayer* layer = ds->GetLayerByName("network_nodes");
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("node_idx", 0);
        feature.SetField("osm_node_id", 42);
        OGRPoint point(571000, 5671000);
        feature.SetGeometry(&point);
        ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
    auto ws = Workspace::open(path);
    EXPECT_EQ(ws.db().query_int("SELECT count(*) FROM rtree_network_nodes_geom"), 1);
    // Our connection evaluates the same triggers on a GDAL-written blob (no envelope for points).
    ws.db().exec("UPDATE network_nodes SET geom = geom WHERE node_idx = 0");
    EXPECT_EQ(ws.db().query_int("SELECT CAST(minx AS INTEGER) FROM rtree_network_nodes_geom"), 571000);
}

} // namespace lw::store
