// The Lauf an der Pegnitz demo extract (data/osm/lauf-200115.osm.pbf). Expected figures come from
// data/SOURCES.md and an independent count with GDAL's OSM driver (ogrinfo, queries in
// docs/osm-import.md "Lauf demo"); where ours differ, the reason is asserted as well.

#include "import/osm/osm_test_util.hpp"

#include "import/osm/import.hpp"
#include "import/osm/reader.hpp"
#include "store/imports.hpp"
#include "store/workspace.hpp"

#include <gtest/gtest.h>

#include <map>
#include <numeric>

namespace {

using lw::import::osm::OsmExtract;

const OsmExtract& lauf() {
    static const OsmExtract extract = lw::import::osm::read_osm({lw::test::lauf_pbf()});
    return extract;
}

std::uint64_t category(const OsmExtract& e, const std::string& id) {
    const auto it = e.stats.facilities_by_category.find(id);
    return it == e.stats.facilities_by_category.end() ? 0 : it->second;
}

TEST(LaufDemo, ObjectsAndMissingNodesMatchSources) {
    const auto& s = lauf().stats;
    EXPECT_EQ(s.nodes, 72206u);
    EXPECT_EQ(s.ways, 11802u);
    EXPECT_EQ(s.relations, 406u);
    EXPECT_EQ(s.missing_node_refs, 7297u);
    EXPECT_EQ(s.highway_ways_with_missing_nodes, 119u);
    EXPECT_EQ(s.building_ways_with_missing_nodes, 38u);
    EXPECT_EQ(lauf().data_date, "2020-01-15");
}

TEST(LaufDemo, NetworkCoversEveryRoutableHighwayWay) {
    const auto& e = lauf();
    const auto& s = e.stats;
    // SOURCES.md: 2,931 highway ways = network ways + platforms + bus stop ways + areas.
    std::uint64_t skipped = 0;
    for (const auto& [reason, n] : s.highway_skipped) {
        skipped += n;
    }
    EXPECT_EQ(s.network.ways + skipped, 2931u);
    EXPECT_EQ(s.highway_skipped.at("highway=platform"), 67u);
    EXPECT_EQ(s.highway_skipped.at("highway=bus_stop"), 10u);
    EXPECT_EQ(s.highway_skipped.at("area=yes"), 9u);
    // Of SOURCES.md's 119 highway ways with missing nodes, one is of a skipped class.
    EXPECT_EQ(s.network.ways_with_missing_nodes, 118u);
    EXPECT_GT(s.network.pieces_dropped, 0u) << "ways leaving the bbox after one node";
    lw::test::expect_valid_network(e.network);
    EXPECT_GT(e.network.edges.size(), 4000u);
    EXPECT_NEAR(s.network.km_total, 255.5, 5.0);
    EXPECT_LT(s.network.km_motor_vehicle, s.network.km_foot);
}

TEST(LaufDemo, BuildingsAreTheTaggedOnesMinusThoseCutByTheBbox) {
    const auto& e = lauf();
    const auto& s = e.stats;
    // ogrinfo: 6,530 ways and relations with building != no (SOURCES.md's 6,533 also counts 2
    // nodes and 1 building=no). 38 of them lose nodes at the bbox edge and are not assembled.
    EXPECT_EQ(s.building_ways + s.building_relations, 6530u);
    EXPECT_EQ(s.buildings_missing_nodes, 38u);
    EXPECT_EQ(s.buildings_invalid_geometry, 0u);
    EXPECT_EQ(e.buildings.size(), 6530u - 38u);
    const auto rules =
        std::accumulate(s.buildings.by_rule.begin(), s.buildings.by_rule.end(), std::uint64_t{0},
                        [](auto sum, const auto& kv) { return sum + kv.second; });
    EXPECT_EQ(rules, e.buildings.size());
    // Most buildings are building=yes, so the assumptions decide: most are residential.
    EXPECT_GT(s.buildings.residential, e.buildings.size() * 3 / 4);
    EXPECT_LT(s.buildings.residential, e.buildings.size());
}

TEST(LaufDemo, FacilitiesMatchTheIndependentCount) {
    const auto& e = lauf();
    // Nahversorgung: 10 supermarkets (7 nodes + 3 areas) of which 2 are discount chains.
    EXPECT_EQ(category(e, "supermarket") + category(e, "discounter"), 10u);
    EXPECT_EQ(category(e, "discounter"), 2u);
    EXPECT_EQ(category(e, "bakery"), 9u);
    EXPECT_EQ(category(e, "butcher"), 6u);
    EXPECT_EQ(category(e, "convenience"), 1u);
    EXPECT_EQ(category(e, "weekly_market"), 1u);
    // Gesundheit: 12 amenity=doctors, one is a physiotherapist (healthcare=physiotherapist).
    EXPECT_EQ(category(e, "doctor") + category(e, "doctor_specialist"), 11u);
    EXPECT_EQ(category(e, "doctor_specialist"), 5u);
    EXPECT_EQ(category(e, "dentist"), 5u);
    EXPECT_EQ(category(e, "pharmacy"), 8u);
    EXPECT_EQ(category(e, "hospital"), 1u);
    // Bildung: 15 amenity=school objects (2 nodes + 13 areas), none teaching two levels.
    EXPECT_EQ(category(e, "primary_school") + category(e, "secondary_school") +
                  category(e, "vocational_school") + category(e, "school_unspecified"),
              15u);
    EXPECT_EQ(category(e, "secondary_school"), 3u);
    EXPECT_EQ(category(e, "kita"), 11u);
    EXPECT_EQ(category(e, "library"), 3u);
    // Mobilität: 110 highway=bus_stop objects; 39 platforms next to a pole are merged into it.
    EXPECT_EQ(category(e, "bus_stop"), 110u);
    EXPECT_EQ(e.stats.bus_stops_merged, 39u);
    EXPECT_EQ(category(e, "railway_station"), 4u);
    // Dienstleistungen, Soziales, Sicherheit.
    EXPECT_EQ(category(e, "post_office"), 5u);
    EXPECT_EQ(category(e, "bank"), 11u);
    EXPECT_EQ(category(e, "fire_station"), 4u);
    EXPECT_EQ(category(e, "nursing_home"), 1u);
    EXPECT_EQ(category(e, "community_centre"), 2u);
    EXPECT_EQ(e.stats.facilities_without_position, 0u);
}

TEST(LaufDemo, AdminBoundariesAreAllCutByTheBbox) {
    const auto& s = lauf().stats;
    EXPECT_EQ(s.admin_relations, 7u);
    EXPECT_EQ(s.admin_incomplete, 7u);
    EXPECT_TRUE(lauf().admin_areas.empty());
    const auto& names = s.admin_incomplete_names;
    EXPECT_NE(std::find(names.begin(), names.end(), "Lauf an der Pegnitz"), names.end());
}

TEST(LaufDemo, ImportIntoAWorkspace) {
    lw::test::ScratchDir dir("osm-lauf");
    auto ws = lw::store::Workspace::create(dir / "lauf.gpkg", {"Lauf", {"09574138"}});
    const auto report = lw::import::osm::import_osm(ws, {lw::test::lauf_pbf()});
    auto& db = ws.db();
    EXPECT_EQ(lw::store::count_rows(db, "buildings"),
              static_cast<std::int64_t>(lauf().buildings.size()));
    EXPECT_EQ(lw::store::count_rows(db, "network_edges"),
              static_cast<std::int64_t>(lauf().network.edges.size()));
    EXPECT_EQ(lw::store::count_rows(db, "facilities"),
              static_cast<std::int64_t>(lauf().facilities.size()));
    EXPECT_EQ(lw::store::read_imports(db).back().data_date, "2020-01-15");
    EXPECT_EQ(report.summary.at("facilities").at("opened"), lauf().facilities.size());
}

} // namespace
