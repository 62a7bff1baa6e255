// import_osm() into a workspace: provenance, snapshots and the facility history across imports.

#include "import/osm/osm_test_util.hpp"

#include "import/osm/import.hpp"
#include "store/imports.hpp"
#include "store/sqlite.hpp"
#include "store/workspace.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

using lw::import::osm::import_osm;
using lw::import::osm::OsmConfig;
using lw::test::osm_fixture;
using lw::test::ScratchDir;

lw::store::Workspace make_workspace(const ScratchDir& dir) {
    return lw::store::Workspace::create(dir / "lauf.gpkg", {"Lauf", {"09574138"}});
}

std::map<std::string, lw::store::Facility> all_by_key(lw::store::Database& db) {
    std::map<std::string, lw::store::Facility> out;
    for (auto& f : lw::store::read_facilities(db, false)) {
        out[f.source_ref + "/" + f.category] = f;
    }
    return out;
}

TEST(OsmImport, WritesProvenanceAndSnapshotsInOneImport) {
    ScratchDir dir("osm-import");
    auto ws = make_workspace(dir);
    const auto report = import_osm(ws, OsmConfig{osm_fixture("oneway-roundabout.osm")});
    auto& db = ws.db();
    const auto imports = lw::store::read_imports(db);
    ASSERT_EQ(imports.size(), 1u);
    const auto& r = imports[0];
    EXPECT_EQ(r.kind, "osm");
    EXPECT_EQ(r.licence, "ODbL 1.0");
    EXPECT_EQ(r.attribution,
              "© OpenStreetMap contributors, ODbL 1.0, https://www.openstreetmap.org/copyright");
    EXPECT_EQ(r.data_date, "2020-01-15");
    EXPECT_EQ(r.source_file, "oneway-roundabout.osm");
    EXPECT_EQ(r.source_sha256.size(), 64u);
    EXPECT_EQ(r.summary.at("network").at("edges"), lw::store::count_rows(db, "network_edges"));
    EXPECT_EQ(lw::store::count_rows(db, "network_nodes"),
              r.summary.at("network").at("nodes").get<std::int64_t>());
    EXPECT_EQ(report.summary, r.summary);
    EXPECT_FALSE(report.lines.empty());

    // A second import replaces the snapshot instead of adding to it.
    import_osm(ws, OsmConfig{osm_fixture("cross-junction-4ways.osm")});
    EXPECT_EQ(lw::store::count_rows(db, "network_edges"), 4);
    EXPECT_EQ(lw::store::count_rows(db, "network_nodes"), 5);
    EXPECT_EQ(lw::store::read_imports(db).size(), 2u);
}

TEST(OsmImport, BuildingsAreStored) {
    ScratchDir dir("osm-import-buildings");
    auto ws = make_workspace(dir);
    import_osm(ws, OsmConfig{osm_fixture("buildings-residential-rules.osm")});
    const auto buildings = lw::store::read_buildings(ws.db(), true);
    ASSERT_EQ(buildings.size(), 8u);
    for (const auto& b : buildings) {
        EXPECT_FALSE(b.residential_rule.empty());
        EXPECT_GT(b.footprint_m2, 0.0);
        EXPECT_FALSE(b.geometry.parts.empty());
    }
}

TEST(OsmImport, FacilityHistoryAcrossTwoExtracts) {
    ScratchDir dir("osm-history");
    auto ws = make_workspace(dir);
    auto& db = ws.db();
    import_osm(ws, OsmConfig{osm_fixture("shops-v1.osm")});
    auto v1 = all_by_key(db);
    ASSERT_EQ(v1.size(), 3u);
    for (const auto& [key, f] : v1) {
        EXPECT_FALSE(f.valid_from) << key << ": present before the first import";
        EXPECT_FALSE(f.valid_to) << key;
    }
    const auto bakery_fid = v1.at("n1/bakery").fid;

    const auto report = import_osm(ws, OsmConfig{osm_fixture("shops-v2.osm")});
    auto v2 = all_by_key(db);
    ASSERT_EQ(v2.size(), 4u) << "rows are closed, never deleted";
    EXPECT_EQ(v2.at("n2/butcher").valid_to, "2021-06-01");
    EXPECT_EQ(v2.at("n4/pharmacy").valid_from, "2021-06-01");
    EXPECT_FALSE(v2.at("n4/pharmacy").valid_to);
    EXPECT_EQ(v2.at("n1/bakery").fid, bakery_fid) << "kept, not re-created";
    EXPECT_EQ(v2.at("n1/bakery").name, "Bäckerei Kern und Sohn");
    EXPECT_FALSE(v2.at("n1/bakery").valid_from);
    EXPECT_FALSE(v2.at("n3/supermarket").valid_to);
    EXPECT_EQ(lw::store::read_facilities(db, true).size(), 3u);

    const auto& facilities = report.summary.at("facilities");
    EXPECT_EQ(facilities.at("opened"), 1);
    EXPECT_EQ(facilities.at("closed"), 1);
    EXPECT_EQ(facilities.at("updated"), 1);
    EXPECT_EQ(facilities.at("unchanged"), 1);

    // Importing the same extract again changes nothing.
    const auto again = import_osm(ws, OsmConfig{osm_fixture("shops-v2.osm")});
    EXPECT_EQ(again.summary.at("facilities").at("opened"), 0);
    EXPECT_EQ(again.summary.at("facilities").at("closed"), 0);
    EXPECT_EQ(again.summary.at("facilities").at("unchanged"), 3);
    EXPECT_EQ(all_by_key(db).size(), 4u);
}

TEST(OsmImport, FacilityReplacedByAMunicipalityListIsNotReAdded) {
    ScratchDir dir("osm-merged");
    auto ws = make_workspace(dir);
    auto& db = ws.db();
    import_osm(ws, OsmConfig{osm_fixture("shops-v1.osm")});
    // The municipality's list takes over the supermarket (as the list import does).
    auto supermarket = all_by_key(db).at("n3/supermarket");
    lw::store::Facility from_list = supermarket;
    from_list.source = "list:gemeinde";
    from_list.source_ref = "L-12";
    from_list.merged_ref = "n3";
    {
        lw::store::Transaction tx(db);
        lw::store::update_facility_from_list(db, supermarket.fid, from_list,
                                             lw::store::read_imports(db).back().id);
        tx.commit();
    }
    const auto report = import_osm(ws, OsmConfig{osm_fixture("shops-v2.osm")});
    EXPECT_EQ(report.summary.at("facilities").at("skipped_merged"), 1);
    const auto all = all_by_key(db);
    EXPECT_EQ(all.count("n3/supermarket"), 0u);
    EXPECT_FALSE(all.at("L-12/supermarket").valid_to) << "the list entry stays open";
}

TEST(OsmImport, FacilitiesGetTheMunicipalityKeyWhenBoundariesExist) {
    ScratchDir dir("osm-ags");
    auto ws = make_workspace(dir);
    auto& db = ws.db();
    {
        // A boundary around the shops n1 (x = 0 m) and n2 (x = 100 m), not n3 (x = 200 m).
        lw::store::Transaction tx(db);
        lw::store::ImportRecord record;
        record.kind = "test-boundaries";
        record.title = "test";
        const auto id = lw::store::insert_import(db, record);
        lw::store::Boundary b;
        b.ags = "09574138";
        b.name = "Lauf a.d.Pegnitz";
        lw::geo::Polygon square;
        const auto sw = lw::test::fixture_point_utm(-50, -50);
        const auto ne = lw::test::fixture_point_utm(150, 50);
        square.add_ring({{sw.x, sw.y}, {ne.x, sw.y}, {ne.x, ne.y}, {sw.x, ne.y}});
        b.geometry_utm.parts.push_back(square);
        b.geometry_wgs84 = b.geometry_utm; // not used here
        lw::store::upsert_municipality_boundaries(db, {b}, id);
        tx.commit();
    }
    import_osm(ws, OsmConfig{osm_fixture("shops-v1.osm")});
    const auto all = all_by_key(db);
    EXPECT_EQ(all.at("n1/bakery").ags, "09574138");
    EXPECT_EQ(all.at("n2/butcher").ags, "09574138");
    EXPECT_FALSE(all.at("n3/supermarket").ags);
}

} // namespace
