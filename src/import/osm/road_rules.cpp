#include "import/osm/road_rules.hpp"

#include "core/text.hpp"
#include "import/osm/detail/tags.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace lw::import::osm {

namespace {

constexpr std::array<HighwayClass, 25> classes{{
    {"motorway", false, false, true, true, "Autobahn (StVO Zeichen 330.1)"},
    {"motorway_link", false, false, true, true},
    {"trunk", true, true, true, false, "foot and bicycle no with `motorroad=yes` (Zeichen 331.1)"},
    {"trunk_link", true, true, true, false},
    {"primary", true, true, true, false},
    {"primary_link", true, true, true, false},
    {"secondary", true, true, true, false},
    {"secondary_link", true, true, true, false},
    {"tertiary", true, true, true, false},
    {"tertiary_link", true, true, true, false},
    {"unclassified", true, true, true, false},
    {"residential", true, true, true, false},
    {"living_street", true, true, true, false, "verkehrsberuhigter Bereich (Zeichen 325.1)"},
    {"road", true, true, true, false, "unknown class: open to all"},
    {"service", true, true, true, false},
    {"track", true, true, false, false,
     "cars only with an explicit allowance (deviation from the wiki default, see below)"},
    {"pedestrian", true, false, false, false, "Fußgängerzone (Zeichen 242.1)"},
    {"footway", true, false, false, false, "Gehweg (Zeichen 239); bicycles need `bicycle=yes`"},
    {"steps", true, false, false, false},
    {"path", true, true, false, false},
    {"cycleway", false, true, false, false,
     "Radweg (Zeichen 237); shared paths carry `foot=designated`"},
    {"bridleway", false, false, false, false, "Reitweg (Zeichen 238)"},
    {"busway", false, false, false, false, "buses only"},
    {"bus_guideway", false, false, false, false, "buses only"},
    {"pier", true, false, false, false},
}};

// Keys copied verbatim into the edge's tags JSON, plus every key starting with one of the prefixes.
constexpr std::array<std::string_view, 27> routing_keys{
    "highway",    "access",    "foot",     "bicycle",    "motor_vehicle", "motorcar",
    "vehicle",    "motorroad", "junction", "surface",    "smoothness",    "tracktype",
    "incline",    "area",      "service",  "lit",        "name",          "ref",
    "bridge",     "tunnel",    "layer",    "segregated", "bicycle_road",  "wheelchair",
    "step_count", "handrail",  "width"};
constexpr std::array<std::string_view, 12> routing_prefixes{
    "oneway",         "sidewalk",  "cycleway",        "maxspeed",
    "ramp",           "access:",   "foot:",           "bicycle:",
    "motor_vehicle:", "motorcar:", "source:maxspeed", "zone:maxspeed"};

bool is_routing_key(std::string_view key) {
    if (std::find(routing_keys.begin(), routing_keys.end(), key) != routing_keys.end()) {
        return true;
    }
    return std::any_of(routing_prefixes.begin(), routing_prefixes.end(),
                       [&](std::string_view prefix) { return key.starts_with(prefix); });
}

// The most specific access tag with a known meaning decides (OSRM's access_tag hierarchy).
template <std::size_t N>
Access resolve(const osmium::TagList& tags, const std::array<std::string_view, N>& hierarchy) {
    for (const auto key : hierarchy) {
        const auto access = parse_access(detail::tag_value(tags, key));
        if (access != Access::unknown) {
            return access;
        }
    }
    return Access::unknown;
}

bool apply(Access access, bool default_value) {
    return access == Access::unknown ? default_value : access == Access::allowed;
}

std::optional<double> parse_one_maxspeed(std::string_view value) {
    value = trim(value);
    if (value.empty()) {
        return std::nullopt;
    }
    if (value == "walk" || value == "DE:walk" || value == "DE:living_street") {
        return walk_speed_kmh;
    }
    if (value == "DE:urban") {
        return 50.0;
    }
    if (value == "DE:rural") {
        return 100.0;
    }
    if (value == "DE:bicycle_road" || value == "DE:cyclestreet") {
        return 30.0; // Fahrradstraße: StVO Anlage 2, Zeichen 244.1
    }
    if (value.starts_with("DE:zone")) {
        value.remove_prefix(7);
        if (!value.empty() && value.front() == ':') {
            value.remove_prefix(1);
        }
    } else if (value.starts_with("DE:")) {
        value.remove_prefix(3); // "DE:30" as used in zone:maxspeed
    }
    // A number, optionally followed by a unit.
    std::size_t digits = 0;
    while (digits < value.size() &&
           ((value[digits] >= '0' && value[digits] <= '9') || value[digits] == '.')) {
        ++digits;
    }
    const auto number = parse_number(value.substr(0, digits), plain_format);
    if (!number || *number <= 0.0) {
        return std::nullopt;
    }
    const auto unit = trim(value.substr(digits));
    if (unit.empty() || unit == "km/h" || unit == "kmh" || unit == "kph") {
        return *number;
    }
    if (unit == "mph") {
        return *number * 1.609344;
    }
    return std::nullopt;
}

} // namespace

std::span<const HighwayClass> highway_classes() {
    return classes;
}

const HighwayClass* find_highway_class(std::string_view highway) {
    const auto it = std::find_if(classes.begin(), classes.end(),
                                 [&](const HighwayClass& c) { return c.highway == highway; });
    return it == classes.end() ? nullptr : &*it;
}

Access parse_access(std::string_view value) {
    if (value.empty()) {
        return Access::unknown;
    }
    bool denied = false;
    for (const auto part : detail::split_values(value)) {
        // destination/customers: "Anlieger frei" lets residents and visitors in, which is what an
        // accessibility analysis needs.
        if (detail::value_in(part, "yes|designated|permissive|destination|customers|official|"
                                   "discouraged")) {
            return Access::allowed;
        }
        // use_sidepath: a parallel cycleway must be used (StVO §2 (4)); dismount: push the bike.
        if (detail::value_in(part, "no|private|agricultural|forestry|delivery|emergency|military|"
                                   "permit|psv|bus|use_sidepath|dismount|restricted")) {
            denied = true;
        }
    }
    return denied ? Access::denied : Access::unknown;
}

std::optional<std::int8_t> parse_oneway(std::string_view value) {
    if (value == "yes" || value == "true" || value == "1") {
        return 1;
    }
    if (value == "-1" || value == "reverse") {
        return -1;
    }
    // reversible/alternating change direction over the day: both directions, tag kept.
    if (value == "no" || value == "false" || value == "0" || value == "reversible" ||
        value == "alternating") {
        return 0;
    }
    return std::nullopt;
}

std::optional<double> parse_maxspeed(std::string_view value) {
    std::optional<double> lowest;
    for (const auto part : detail::split_values(value)) {
        if (const auto speed = parse_one_maxspeed(part)) {
            lowest = lowest ? std::min(*lowest, *speed) : *speed;
        }
    }
    return lowest;
}

std::optional<RoadAttributes> road_attributes(const osmium::TagList& tags) {
    const auto highway = detail::tag_value(tags, "highway");
    const HighwayClass* cls = find_highway_class(highway);
    if (cls == nullptr || detail::tag_value(tags, "area") == "yes") {
        return std::nullopt;
    }
    RoadAttributes road;
    road.highway = std::string(highway);
    if (const auto name = detail::tag_value(tags, "name"); !name.empty()) {
        road.name = std::string(name);
    }

    bool foot = cls->foot, bicycle = cls->bicycle;
    if (detail::tag_value(tags, "motorroad") == "yes") {
        foot = bicycle = false;
    }
    road.foot = apply(resolve(tags, std::array<std::string_view, 2>{"foot", "access"}), foot);
    road.bicycle = apply(
        resolve(tags, std::array<std::string_view, 3>{"bicycle", "vehicle", "access"}), bicycle);
    road.motor_vehicle =
        apply(resolve(tags, std::array<std::string_view, 4>{"motorcar", "motor_vehicle", "vehicle",
                                                            "access"}),
              cls->motor_vehicle);

    const auto junction = detail::tag_value(tags, "junction");
    std::int8_t oneway = 0;
    if (const auto explicit_oneway = parse_oneway(detail::tag_value(tags, "oneway"))) {
        oneway = *explicit_oneway;
    } else if (junction == "roundabout" || junction == "circular" || cls->implied_oneway) {
        oneway = 1;
    }
    road.oneway = oneway;
    road.oneway_bicycle = oneway;
    if (const auto bike = parse_oneway(detail::tag_value(tags, "oneway:bicycle"))) {
        road.oneway_bicycle = *bike;
    } else if (oneway != 0) {
        // Contraflow cycling ("Radfahrer frei" in a one-way street).
        for (const auto key : {"cycleway", "cycleway:left", "cycleway:right", "cycleway:both"}) {
            if (detail::tag_value(tags, key).starts_with("opposite")) {
                road.oneway_bicycle = 0;
            }
        }
        for (const auto key :
             {"cycleway:left:oneway", "cycleway:right:oneway", "cycleway:both:oneway"}) {
            const auto value = detail::tag_value(tags, key);
            if (value == "no" || value == "-1") {
                road.oneway_bicycle = 0;
            }
        }
    }

    // maxspeed, else the implicit limit some mappers put in maxspeed:type or source:maxspeed.
    for (const auto key : {"maxspeed", "maxspeed:type", "source:maxspeed", "zone:maxspeed"}) {
        const auto value = detail::tag_value(tags, key);
        if (!value.empty()) {
            road.maxspeed_kmh = parse_maxspeed(value);
            if (road.maxspeed_kmh || std::string_view(key) == "maxspeed") {
                break; // an explicit maxspeed without a number ("none") is not overridden
            }
        }
    }
    if (const auto surface = detail::tag_value(tags, "surface"); !surface.empty()) {
        road.surface = std::string(surface);
    }
    if (const auto tracktype = detail::tag_value(tags, "tracktype"); !tracktype.empty()) {
        road.tracktype = std::string(tracktype);
    }
    for (const osmium::Tag& tag : tags) {
        if (is_routing_key(tag.key())) {
            road.tags[tag.key()] = tag.value();
        }
    }
    return road;
}

std::string highway_classes_markdown() {
    auto yes_no = [](bool value) { return value ? "yes" : "no"; };
    std::string out = "| highway | foot | bicycle | car | implied oneway | note |\n"
                      "|---|---|---|---|---|---|\n";
    for (const auto& c : classes) {
        out += fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", c.highway, yes_no(c.foot),
                           yes_no(c.bicycle), yes_no(c.motor_vehicle),
                           c.implied_oneway ? "yes" : "–", c.note.empty() ? "–" : c.note);
    }
    return out;
}

} // namespace lw::import::osm
