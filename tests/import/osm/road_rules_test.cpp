// Access, oneway and maxspeed rules of highway ways (German defaults, docs/osm-import.md).

#include "import/osm/osm_test_util.hpp"

#include "import/osm/road_rules.hpp"

#include <gtest/gtest.h>

namespace {

using lw::import::osm::road_attributes;
using lw::test::Tags;

struct Modes {
    bool foot, bicycle, car;
};

Modes modes(const Tags& tags) {
    const auto road = road_attributes(tags);
    EXPECT_TRUE(road.has_value());
    return road ? Modes{road->foot, road->bicycle, road->motor_vehicle} : Modes{};
}

#define EXPECT_MODES(tags, f, b, c)                                                                \
    do {                                                                                           \
        const auto m = modes(tags);                                                                \
        EXPECT_EQ(m.foot, f) << "foot";                                                            \
        EXPECT_EQ(m.bicycle, b) << "bicycle";                                                      \
        EXPECT_EQ(m.car, c) << "car";                                                              \
    } while (false)

TEST(RoadRules, HighwayClassDefaults) {
    EXPECT_MODES(Tags({{"highway", "residential"}}), true, true, true);
    EXPECT_MODES(Tags({{"highway", "motorway"}}), false, false, true);
    EXPECT_MODES(Tags({{"highway", "trunk"}}), true, true, true);
    EXPECT_MODES(Tags({{"highway", "footway"}}), true, false, false);
    EXPECT_MODES(Tags({{"highway", "pedestrian"}}), true, false, false);
    EXPECT_MODES(Tags({{"highway", "cycleway"}}), false, true, false);
    EXPECT_MODES(Tags({{"highway", "path"}}), true, true, false);
    EXPECT_MODES(Tags({{"highway", "steps"}}), true, false, false);
    EXPECT_MODES(Tags({{"highway", "track"}}), true, true, false);
    EXPECT_MODES(Tags({{"highway", "bridleway"}}), false, false, false);
}

TEST(RoadRules, AccessTagsOverrideDefaultsMostSpecificFirst) {
    EXPECT_MODES(Tags({{"highway", "footway"}, {"bicycle", "yes"}}), true, true, false);
    EXPECT_MODES(Tags({{"highway", "cycleway"}, {"foot", "designated"}}), true, true, false);
    EXPECT_MODES(Tags({{"highway", "track"}, {"motor_vehicle", "agricultural"}}), true, true,
                 false);
    EXPECT_MODES(Tags({{"highway", "track"}, {"motor_vehicle", "yes"}}), true, true, true);
    EXPECT_MODES(Tags({{"highway", "service"}, {"access", "private"}}), false, false, false);
    EXPECT_MODES(Tags({{"highway", "service"}, {"access", "private"}, {"foot", "yes"}}), true,
                 false, false);
    EXPECT_MODES(Tags({{"highway", "residential"}, {"access", "destination"}}), true, true, true);
    EXPECT_MODES(Tags({{"highway", "residential"}, {"motor_vehicle", "no"}, {"motorcar", "yes"}}),
                 true, true, true);
    EXPECT_MODES(Tags({{"highway", "residential"}, {"vehicle", "no"}}), true, false, false);
    EXPECT_MODES(Tags({{"highway", "trunk"}, {"motorroad", "yes"}}), false, false, true);
    EXPECT_MODES(Tags({{"highway", "primary"}, {"bicycle", "use_sidepath"}}), true, false, true);
    EXPECT_MODES(Tags({{"highway", "primary"}, {"access", "agricultural;forestry"}}), false, false,
                 false);
    EXPECT_MODES(Tags({{"highway", "primary"}, {"access", "unknown_value"}}), true, true, true);
}

TEST(RoadRules, SkippedClassesAndAreas) {
    for (const char* highway : {"proposed", "construction", "abandoned", "platform", "raceway",
                                "bus_stop", "corridor", "rest_area"}) {
        EXPECT_FALSE(road_attributes(Tags({{"highway", highway}})).has_value()) << highway;
    }
    EXPECT_FALSE(road_attributes(Tags({{"highway", "pedestrian"}, {"area", "yes"}})).has_value());
    EXPECT_TRUE(road_attributes(Tags({{"highway", "pedestrian"}})).has_value());
    EXPECT_FALSE(road_attributes(Tags({{"building", "yes"}})).has_value());
}

TEST(RoadRules, Oneway) {
    auto oneway = [](const Tags& tags) {
        const auto road = road_attributes(tags);
        return road ? std::pair<int, int>{road->oneway, road->oneway_bicycle}
                    : std::pair<int, int>{99, 99};
    };
    using P = std::pair<int, int>;
    EXPECT_EQ(oneway(Tags({{"highway", "residential"}})), P(0, 0));
    EXPECT_EQ(oneway(Tags({{"highway", "residential"}, {"oneway", "yes"}})), P(1, 1));
    EXPECT_EQ(oneway(Tags({{"highway", "residential"}, {"oneway", "-1"}})), P(-1, -1));
    EXPECT_EQ(oneway(Tags({{"highway", "primary"}, {"junction", "roundabout"}})), P(1, 1));
    EXPECT_EQ(oneway(Tags({{"highway", "primary"}, {"junction", "roundabout"}, {"oneway", "no"}})),
              P(0, 0));
    EXPECT_EQ(oneway(Tags({{"highway", "motorway"}})), P(1, 1));
    EXPECT_EQ(oneway(Tags({{"highway", "motorway_link"}})), P(1, 1));
    EXPECT_EQ(oneway(Tags({{"highway", "motorway"}, {"oneway", "no"}})), P(0, 0));
    EXPECT_EQ(
        oneway(Tags({{"highway", "residential"}, {"oneway", "yes"}, {"oneway:bicycle", "no"}})),
        P(1, 0));
    EXPECT_EQ(oneway(Tags(
                  {{"highway", "residential"}, {"oneway", "yes"}, {"cycleway", "opposite_lane"}})),
              P(1, 0));
    EXPECT_EQ(
        oneway(Tags(
            {{"highway", "residential"}, {"oneway", "yes"}, {"cycleway:left", "opposite_track"}})),
        P(1, 0));
    EXPECT_EQ(oneway(Tags(
                  {{"highway", "residential"}, {"oneway", "yes"}, {"cycleway:left:oneway", "-1"}})),
              P(1, 0));
    EXPECT_EQ(oneway(Tags({{"highway", "cycleway"}, {"oneway:bicycle", "yes"}})), P(0, 1));
    EXPECT_EQ(oneway(Tags({{"highway", "residential"}, {"oneway", "reversible"}})), P(0, 0));
}

TEST(RoadRules, Maxspeed) {
    using lw::import::osm::parse_maxspeed;
    EXPECT_EQ(parse_maxspeed("50"), 50.0);
    EXPECT_EQ(parse_maxspeed("50 km/h"), 50.0);
    EXPECT_NEAR(parse_maxspeed("30 mph").value_or(0.0), 48.28, 0.01);
    EXPECT_EQ(parse_maxspeed("DE:urban"), 50.0);
    EXPECT_EQ(parse_maxspeed("DE:rural"), 100.0);
    EXPECT_EQ(parse_maxspeed("DE:zone30"), 30.0);
    EXPECT_EQ(parse_maxspeed("DE:zone:30"), 30.0);
    EXPECT_EQ(parse_maxspeed("DE:living_street"), 7.0);
    EXPECT_EQ(parse_maxspeed("walk"), 7.0);
    EXPECT_EQ(parse_maxspeed("DE:bicycle_road"), 30.0);
    EXPECT_EQ(parse_maxspeed("50;30"), 30.0);
    EXPECT_FALSE(parse_maxspeed("DE:motorway"));
    EXPECT_FALSE(parse_maxspeed("none"));
    EXPECT_FALSE(parse_maxspeed("signals"));
    EXPECT_FALSE(parse_maxspeed("0"));
    EXPECT_FALSE(parse_maxspeed("fast"));
    EXPECT_FALSE(parse_maxspeed(""));

    const auto implied =
        road_attributes(Tags({{"highway", "residential"}, {"source:maxspeed", "DE:urban"}}));
    EXPECT_EQ(implied->maxspeed_kmh, 50.0);
    const auto unlimited = road_attributes(Tags(
        {{"highway", "motorway"}, {"maxspeed", "DE:motorway"}, {"source:maxspeed", "DE:rural"}}));
    EXPECT_FALSE(unlimited->maxspeed_kmh) << "an explicit maxspeed without a number stays unset";
    EXPECT_EQ(unlimited->tags.at("maxspeed"), "DE:motorway") << "the raw tag is kept";
}

TEST(RoadRules, RawTagsKeepRoutingKeysOnly) {
    const auto road = road_attributes(Tags({{"highway", "secondary"},
                                            {"name", "Hauptstraße"},
                                            {"ref", "LAU 5"},
                                            {"sidewalk:left", "separate"},
                                            {"surface", "asphalt"},
                                            {"smoothness", "good"},
                                            {"lit", "yes"},
                                            {"incline", "5%"},
                                            {"oneway:conditional", "yes @ (Mo-Fr 07:00-09:00)"},
                                            {"note", "bitte prüfen"},
                                            {"created_by", "JOSM"}}));
    ASSERT_TRUE(road);
    for (const char* key : {"highway", "name", "ref", "sidewalk:left", "surface", "smoothness",
                            "lit", "incline", "oneway:conditional"}) {
        EXPECT_TRUE(road->tags.contains(key)) << key;
    }
    EXPECT_FALSE(road->tags.contains("note"));
    EXPECT_FALSE(road->tags.contains("created_by"));
    EXPECT_EQ(road->name, "Hauptstraße");
    EXPECT_EQ(road->surface, "asphalt");
}

} // namespace
