#pragma once
// Which highway ways form the walk/bike/car network and what each mode may do on them: access,
// oneway, maxspeed. German defaults (OSM wiki "OSM tags for routing/Access restrictions#Germany",
// as in OSRM's country data for DEU) with the exceptions documented in docs/osm-import.md. The raw
// routing tags travel along as JSON, so later routing profiles can differ without a re-import.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace osmium {
class TagList;
}

namespace lw::import::osm {

// Defaults per highway class, before access tags. Classes not in this table are not routable.
struct HighwayClass {
    std::string_view highway;
    bool foot;
    bool bicycle;
    bool motor_vehicle; // cars; motorcycles and lorries are not modelled separately
    bool implied_oneway;
    std::string_view note = {};
};
std::span<const HighwayClass> highway_classes();
const HighwayClass* find_highway_class(std::string_view highway);

// The routing attributes of one highway way.
struct RoadAttributes {
    std::string highway;
    std::optional<std::string> name;
    bool foot = false;
    bool bicycle = false;
    bool motor_vehicle = false;
    std::int8_t oneway = 0;         // vehicles: 1 along the way, -1 against, 0 both
    std::int8_t oneway_bicycle = 0; // after oneway:bicycle and contraflow cycleways
    std::optional<double> maxspeed_kmh;
    std::optional<std::string> surface;
    std::optional<std::string> tracktype;
    nlohmann::json tags = nlohmann::json::object(); // the raw routing-relevant tags
};

// nullopt if the way is no part of the network: no highway tag, a class outside highway_classes()
// (proposed, construction, platform, raceway, ...) or an area (area=yes, e.g. pedestrian squares).
std::optional<RoadAttributes> road_attributes(const osmium::TagList& tags);

// What a single access value means for the mode it is set for.
enum class Access : std::uint8_t { unknown, allowed, denied };
Access parse_access(std::string_view value);

// oneway value: 1, -1, 0; nullopt for an absent or unknown value.
std::optional<std::int8_t> parse_oneway(std::string_view value);

// km/h from a maxspeed value: numbers (with km/h or mph), "walk", German implicit values
// ("DE:urban" 50, "DE:rural" 100, "DE:living_street" 7, "DE:zone30"/"DE:zone:30" 30,
// "DE:bicycle_road" 30); nullopt for no limit ("none", "DE:motorway") and unknown values.
// Lists ("50;30") give the lowest limit.
std::optional<double> parse_maxspeed(std::string_view value);
inline constexpr double walk_speed_kmh = 7.0; // "Schrittgeschwindigkeit": upper bound in case law

// The highway class table of docs/osm-import.md.
std::string highway_classes_markdown();

} // namespace lw::import::osm
