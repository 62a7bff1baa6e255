// Facilities from nodes, closed ways and multipolygon relations, and the history sync planner.

#include "import/osm/osm_test_util.hpp"

#include "import/osm/facilities.hpp"
#include "import/osm/reader.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace {

using lw::import::osm::OsmConfig;
using lw::import::osm::plan_facility_sync;
using lw::import::osm::read_osm;
using lw::store::Facility;
using lw::test::osm_fixture;

std::multimap<std::string, std::string> by_ref(const std::vector<Facility>& facilities) {
    std::multimap<std::string, std::string> out;
    for (const auto& f : facilities) {
        out.emplace(f.source_ref, f.category);
    }
    return out;
}

TEST(Facilities, GrundUndMittelschuleYieldsTwoRecords) {
    const auto extract = read_osm(OsmConfig{osm_fixture("school-grund-und-mittelschule.osm")});
    const std::multimap<std::string, std::string> expected{
        {"n1", "primary_school"},     {"n1", "secondary_school"}, {"n2", "vocational_school"},
        {"n3", "school_unspecified"}, {"n4", "primary_school"},   {"w10", "secondary_school"}};
    EXPECT_EQ(by_ref(extract.facilities), expected);
    for (const auto& f : extract.facilities) {
        EXPECT_EQ(f.source, "osm");
        EXPECT_FALSE(f.valid_from);
        EXPECT_FALSE(f.ags);
        ASSERT_TRUE(f.name);
        EXPECT_EQ(f.tags.at("amenity"), "school");
        EXPECT_EQ(f.tags.at("name"), *f.name);
        if (f.source_ref == "n1") {
            EXPECT_EQ(*f.name, "Grund- und Mittelschule Rückersdorf");
            EXPECT_LT(lw::test::distance(f.position, lw::test::fixture_point_utm(0, 0)), 0.05);
        }
        if (f.source_ref == "w10") {
            // The centroid of the 100 m square with its south-west corner at (0, 200).
            EXPECT_LT(lw::test::distance(f.position, lw::test::fixture_point_utm(50, 250)), 0.2);
        }
    }
    EXPECT_EQ(extract.stats.facility_objects, 5u);
    EXPECT_EQ(extract.stats.facilities_by_category.at("primary_school"), 2u);
}

TEST(Facilities, MultipolygonRelationAtItsCentroid) {
    const auto extract = read_osm(OsmConfig{osm_fixture("facility-multipolygon-hospital.osm")});
    ASSERT_EQ(extract.facilities.size(), 1u);
    const auto& f = extract.facilities[0];
    EXPECT_EQ(f.category, "hospital");
    EXPECT_EQ(f.source_ref, "r300");
    EXPECT_EQ(f.name, "Krankenhaus Lauf");
    EXPECT_LT(lw::test::distance(f.position, lw::test::fixture_point_utm(50, 50)), 0.2);
    EXPECT_TRUE(extract.buildings.empty()) << "a hospital site is no building";
}

TEST(Facilities, BuildingsCarryFacilitiesToo) {
    const auto extract = read_osm(OsmConfig{osm_fixture("buildings-residential-rules.osm")});
    const std::multimap<std::string, std::string> expected{{"w204", "supermarket"},
                                                           {"w211", "doctor"}};
    EXPECT_EQ(by_ref(extract.facilities), expected);
}

TEST(Facilities, BusStopPlatformsNextToAPoleAreOneStop) {
    const auto extract = read_osm(OsmConfig{osm_fixture("bus-stop-pole-and-platforms.osm")});
    const std::multimap<std::string, std::string> expected{{"n1", "bus_stop"}, {"n3", "bus_stop"}};
    EXPECT_EQ(by_ref(extract.facilities), expected);
    EXPECT_EQ(extract.stats.bus_stops_merged, 2u);
    EXPECT_EQ(extract.stats.facilities_by_category.at("bus_stop"), 2u);
    EXPECT_EQ(extract.stats.highway_skipped.at("highway=platform"), 1u);
}

Facility make(std::int64_t fid, std::string ref, std::string category, double x,
              std::optional<std::string> name = std::nullopt) {
    Facility f;
    f.fid = fid;
    f.category = std::move(category);
    f.source = "osm";
    f.source_ref = std::move(ref);
    f.position = {x, 0.0};
    f.name = std::move(name);
    return f;
}

TEST(FacilitySync, KeepsUpdatesClosesAndOpens) {
    const std::vector<Facility> open{make(1, "n1", "bakery", 0, "Kern"),
                                     make(2, "n2", "butcher", 100),
                                     make(3, "n3", "supermarket", 200)};
    const std::vector<Facility> incoming{make(0, "n1", "bakery", 0, "Kern und Sohn"),
                                         make(0, "n3", "supermarket", 200),
                                         make(0, "n4", "pharmacy", 300)};
    const auto plan = plan_facility_sync(open, incoming, "2021-06-01", true);
    ASSERT_EQ(plan.to_insert.size(), 1u);
    EXPECT_EQ(plan.to_insert[0].source_ref, "n4");
    EXPECT_EQ(plan.to_insert[0].valid_from, "2021-06-01");
    ASSERT_EQ(plan.to_update.size(), 1u);
    EXPECT_EQ(plan.to_update[0].fid, 1);
    EXPECT_EQ(plan.to_update[0].name, "Kern und Sohn");
    EXPECT_EQ(plan.to_close, std::vector<std::int64_t>{2});
    EXPECT_EQ(plan.unchanged, 1u);

    const auto first = plan_facility_sync({}, incoming, "2021-06-01", false);
    EXPECT_EQ(first.to_insert.size(), 3u);
    for (const auto& f : first.to_insert) {
        EXPECT_FALSE(f.valid_from) << "before the first import: no valid_from";
    }
}

TEST(FacilitySync, MatchesByRefAndCategoryAndRespectsListMerges) {
    Facility from_list = make(7, "L-12", "supermarket", 200);
    from_list.source = "list:gemeinde";
    from_list.merged_ref = "n3";
    const std::vector<Facility> open{make(1, "n1", "primary_school", 0), from_list};
    const std::vector<Facility> incoming{
        make(0, "n1", "primary_school", 0), make(0, "n1", "secondary_school", 0),
        make(0, "n3", "supermarket", 200), make(0, "n3", "atm", 200)};
    const auto plan = plan_facility_sync(open, incoming, "2021-06-01", true);
    EXPECT_EQ(plan.skipped_merged, 1u);
    std::set<std::pair<std::string, std::string>> inserted;
    for (const auto& f : plan.to_insert) {
        inserted.insert({f.source_ref, f.category});
    }
    const std::set<std::pair<std::string, std::string>> expected{{"n1", "secondary_school"},
                                                                 {"n3", "atm"}};
    EXPECT_EQ(inserted, expected);
    EXPECT_TRUE(plan.to_close.empty()) << "list facilities are never closed by an OSM import";
    EXPECT_EQ(plan.unchanged, 1u);
}

TEST(FacilitySync, MovedFacilityIsUpdatedNotReopened) {
    const std::vector<Facility> open{make(5, "w9", "kita", 0)};
    const auto plan = plan_facility_sync(open, {make(0, "w9", "kita", 3.0)}, "2021-06-01", true);
    ASSERT_EQ(plan.to_update.size(), 1u);
    EXPECT_EQ(plan.to_update[0].position.x, 3.0);
    EXPECT_TRUE(plan.to_insert.empty());
    EXPECT_TRUE(plan.to_close.empty());
}

} // namespace
