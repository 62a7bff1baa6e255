// Buildings: levels, footprint, multipolygons with holes and the residential rules.

#include "import/osm/osm_test_util.hpp"

#include "import/osm/buildings.hpp"
#include "import/osm/reader.hpp"

#include <gtest/gtest.h>

#include <map>

namespace {

namespace rule = lw::import::osm::residential_rule;
using lw::import::osm::decide_residential;
using lw::import::osm::OsmConfig;
using lw::import::osm::parse_levels;
using lw::import::osm::read_osm;
using lw::test::osm_fixture;

TEST(Buildings, ParseLevels) {
    EXPECT_EQ(parse_levels("2"), 2.0);
    EXPECT_EQ(parse_levels("2.5"), 2.5);
    EXPECT_EQ(parse_levels("2,5"), 2.5);
    EXPECT_EQ(parse_levels("2;3"), 3.0);
    EXPECT_EQ(parse_levels("1-3"), 3.0);
    EXPECT_EQ(parse_levels(" 4 "), 4.0);
    EXPECT_FALSE(parse_levels(""));
    EXPECT_FALSE(parse_levels("two"));
    EXPECT_FALSE(parse_levels("0"));
    EXPECT_FALSE(parse_levels("-1"));
    EXPECT_FALSE(parse_levels("500"));
}

TEST(Buildings, ResidentialRulesInOrder) {
    auto decide = [](std::string_view use, bool tag, bool zone, double footprint) {
        return decide_residential(use, tag, zone, footprint, 30.0);
    };
    EXPECT_EQ(decide("house", false, false, 10.0).rule, rule::use_residential);
    EXPECT_TRUE(decide("house", true, true, 10.0).residential) << "an explicit value wins";
    EXPECT_EQ(decide("garage", false, false, 500.0).rule, rule::use_non_residential);
    EXPECT_FALSE(decide("garage", false, false, 500.0).residential);
    EXPECT_EQ(decide("yes", true, true, 500.0).rule, rule::non_residential_tag);
    EXPECT_EQ(decide("yes", false, true, 500.0).rule, rule::non_residential_area);
    EXPECT_EQ(decide("yes", false, false, 29.9).rule, rule::small_footprint);
    EXPECT_FALSE(decide("yes", false, false, 29.9).residential);
    EXPECT_EQ(decide("yes", false, false, 30.0).rule, rule::assumed_residential);
    EXPECT_TRUE(decide("yes", false, false, 30.0).residential);
    EXPECT_EQ(decide("farmhouse_typo", false, false, 80.0).rule, rule::assumed_residential);

    using lw::import::osm::has_non_residential_tag;
    using lw::test::Tags;
    EXPECT_TRUE(has_non_residential_tag(Tags({{"building", "yes"}, {"shop", "supermarket"}})));
    EXPECT_TRUE(has_non_residential_tag(Tags({{"building", "yes"}, {"office", "company"}})));
    EXPECT_FALSE(has_non_residential_tag(Tags({{"building", "yes"}, {"shop", "bakery"}})))
        << "a bakery on the ground floor of a house with flats is common";
    EXPECT_TRUE(lw::import::osm::is_non_residential_area(Tags({{"landuse", "industrial"}})));
    EXPECT_FALSE(lw::import::osm::is_non_residential_area(Tags({{"landuse", "residential"}})));
    EXPECT_FALSE(lw::import::osm::is_non_residential_area(Tags({{"landuse", "farmyard"}})));
}

TEST(Buildings, MultipolygonWithHole) {
    const auto extract = read_osm(OsmConfig{osm_fixture("building-multipolygon-with-hole.osm")});
    ASSERT_EQ(extract.buildings.size(), 1u);
    const auto& b = extract.buildings[0];
    EXPECT_EQ(b.osm_type, 'r');
    EXPECT_EQ(b.osm_id, 100);
    EXPECT_NEAR(b.footprint_m2, 300.0, 1.5); // UTM scale at 11.28 E is 0.9999, area 0.9998
    EXPECT_EQ(b.levels, 3.0);
    EXPECT_FALSE(b.levels_assumed);
    EXPECT_NEAR(b.floor_area_m2, 3.0 * b.footprint_m2, 1e-9);
    ASSERT_EQ(b.geometry.parts.size(), 1u);
    EXPECT_EQ(b.geometry.parts[0].ring_count(), 2u);
    EXPECT_EQ(b.residential_rule, rule::assumed_residential);
    EXPECT_LT(lw::test::distance(b.centroid, lw::test::fixture_point_utm(10, 10)), 0.1);
    EXPECT_EQ(extract.stats.building_relations, 1u);
}

TEST(Buildings, EachRuleOnAFixture) {
    OsmConfig config{osm_fixture("buildings-residential-rules.osm")};
    const auto extract = read_osm(config);
    std::map<std::int64_t, const lw::store::Building*> by_id;
    for (const auto& b : extract.buildings) {
        by_id[b.osm_id] = &b;
    }
    const std::map<std::int64_t, std::string_view> expected{
        {201, rule::use_residential},      {202, rule::small_footprint},
        {203, rule::use_non_residential},  {204, rule::non_residential_tag},
        {206, rule::non_residential_area}, {207, rule::assumed_residential},
        {208, rule::use_residential},      {211, rule::use_residential}};
    ASSERT_EQ(by_id.size(), expected.size()) << "w209 (missing node) and w210 (building=no) absent";
    for (const auto& [id, r] : expected) {
        ASSERT_EQ(by_id.count(id), 1u) << id;
        EXPECT_EQ(by_id[id]->residential_rule, r) << id;
    }
    const auto& house = *by_id[201];
    EXPECT_NEAR(house.footprint_m2, 64.0, 0.3);
    EXPECT_TRUE(house.levels_assumed);
    EXPECT_FALSE(house.levels);
    EXPECT_NEAR(house.floor_area_m2, 2.0 * house.footprint_m2, 1e-9) << "default_levels = 2";
    EXPECT_EQ(by_id[207]->levels, 3.0);
    EXPECT_NEAR(by_id[207]->floor_area_m2, 300.0, 1.0);

    const auto& s = extract.stats;
    EXPECT_EQ(s.buildings.residential, 4u);
    EXPECT_EQ(s.buildings.by_rule.at(std::string(rule::use_residential)), 3u);
    EXPECT_EQ(s.building_ways, 9u) << "w210 is building=no";
    EXPECT_EQ(s.buildings_missing_nodes, 1u);
    EXPECT_EQ(s.building_ways_with_missing_nodes, 1u);

    // The settings are assumptions and can be changed.
    config.default_levels = 3.0;
    config.min_residential_footprint_m2 = 10.0;
    const auto changed = read_osm(config);
    for (const auto& b : changed.buildings) {
        if (b.osm_id == 201) {
            EXPECT_NEAR(b.floor_area_m2, 3.0 * b.footprint_m2, 1e-9);
        }
        if (b.osm_id == 202) {
            EXPECT_EQ(b.residential_rule, rule::assumed_residential);
        }
    }
}

} // namespace
