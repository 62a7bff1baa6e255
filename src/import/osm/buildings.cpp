#include "import/osm/buildings.hpp"

#include "core/text.hpp"
#include "geo/polygon_index.hpp"
#include "import/osm/detail/area_geometry.hpp"
#include "import/osm/detail/tags.hpp"

#include <fmt/format.h>
#include <osmium/osm/area.hpp>

#include <algorithm>
#include <array>

namespace lw::import::osm {

namespace {

using U = BuildingUse;

// OSM wiki Key:building. Residential: values whose purpose is dwelling. Non-residential: values
// whose purpose excludes dwelling (storage, agriculture, industry, worship, public services,
// transport, temporary structures). Values not listed are "unknown" and go to the assumptions.
constexpr std::array<BuildingUseRule, 80> use_rules{{
    // dwelling
    {"apartments", U::residential},
    {"bungalow", U::residential},
    {"detached", U::residential},
    {"dormitory", U::residential},
    {"farm", U::residential},
    {"house", U::residential},
    {"houseboat", U::residential},
    {"residential", U::residential},
    {"semi", U::residential},
    {"semidetached_house", U::residential},
    {"terrace", U::residential},
    {"villa", U::residential},
    // storage, vehicles, small structures
    {"garage", U::non_residential},
    {"garages", U::non_residential},
    {"carport", U::non_residential},
    {"shed", U::non_residential},
    {"hut", U::non_residential},
    {"cabin", U::non_residential},
    {"allotment_house", U::non_residential},
    {"outbuilding", U::non_residential},
    {"roof", U::non_residential},
    {"container", U::non_residential},
    {"tent", U::non_residential},
    {"boathouse", U::non_residential},
    {"storage_tank", U::non_residential},
    {"parking", U::non_residential},
    {"static_caravan", U::non_residential},
    // agriculture
    {"barn", U::non_residential},
    {"cowshed", U::non_residential},
    {"farm_auxiliary", U::non_residential},
    {"stable", U::non_residential},
    {"sty", U::non_residential},
    {"greenhouse", U::non_residential},
    {"glasshouse", U::non_residential},
    {"silo", U::non_residential},
    {"slurry_tank", U::non_residential},
    {"livestock", U::non_residential},
    {"digester", U::non_residential},
    // commerce and industry
    {"commercial", U::non_residential},
    {"industrial", U::non_residential},
    {"office", U::non_residential},
    {"retail", U::non_residential},
    {"supermarket", U::non_residential},
    {"kiosk", U::non_residential},
    {"warehouse", U::non_residential},
    {"manufacture", U::non_residential},
    {"factory", U::non_residential},
    {"hangar", U::non_residential},
    {"service", U::non_residential},
    {"hotel", U::non_residential},
    {"shop", U::non_residential},
    {"mortuary", U::non_residential},
    {"transformer_tower", U::non_residential},
    {"water_tower", U::non_residential},
    {"tower", U::non_residential},
    {"bunker", U::non_residential},
    // worship, public services, transport
    {"church", U::non_residential},
    {"chapel", U::non_residential},
    {"cathedral", U::non_residential},
    {"mosque", U::non_residential},
    {"synagogue", U::non_residential},
    {"temple", U::non_residential},
    {"religious", U::non_residential},
    {"shrine", U::non_residential},
    {"civic", U::non_residential},
    {"public", U::non_residential},
    {"government", U::non_residential},
    {"school", U::non_residential},
    {"kindergarten", U::non_residential},
    {"college", U::non_residential},
    {"university", U::non_residential},
    {"hospital", U::non_residential},
    {"fire_station", U::non_residential},
    {"train_station", U::non_residential},
    {"transportation", U::non_residential},
    {"sports_hall", U::non_residential},
    {"grandstand", U::non_residential},
    {"toilets", U::non_residential},
    // not (or no longer) usable
    {"construction", U::non_residential},
    {"ruins", U::non_residential},
}};

// Tags on an unknown-use building that mean the building as a whole serves another purpose.
// Small shops, doctors, cafés and banks are left out on purpose: in German town centres they
// usually occupy the ground floor of a house with flats above (Wohn- und Geschäftshaus).
constexpr std::array<NonResidentialTag, 12> building_tags{{
    {"shop", "supermarket|department_store|mall|car|car_repair|doityourself|hardware|"
             "garden_centre|furniture|wholesale|trade|agrarian|tyres|motorcycle"},
    {"amenity", "school|kindergarten|childcare|college|university|hospital|place_of_worship|"
                "townhall|fire_station|police|community_centre|library|theatre|cinema|"
                "arts_centre|parking|fuel|car_wash|bus_station|prison|courthouse|marketplace|"
                "recycling|waste_transfer_station|post_depot|events_venue|nightclub"},
    {"office", "*"},
    {"craft", "*"},
    {"industrial", "*"},
    {"man_made", "*"},
    {"power", "*"},
    {"military", "*"},
    {"aeroway", "*"},
    {"railway", "*"},
    {"tourism", "hotel|motel|hostel|museum"},
    {"leisure", "sports_centre|sports_hall|fitness_centre|ice_rink|swimming_pool|stadium"},
}};

// Areas in which an unknown-use building is taken as part of the non-residential site.
constexpr std::array<NonResidentialTag, 6> zone_tags{{
    {"landuse", "industrial|commercial|retail|railway|military|cemetery|allotments|garages|"
                "quarry|landfill|construction|depot|port|brownfield|greenhouse_horticulture"},
    {"amenity", "school|university|college|hospital|kindergarten|prison|parking|fuel|"
                "grave_yard"},
    {"leisure", "sports_centre|stadium|pitch|marina|golf_course|water_park"},
    {"aeroway", "aerodrome"},
    {"power", "plant|substation"},
    {"man_made", "wastewater_plant|works"},
}};

bool matches_any(const osmium::TagList& tags, std::span<const NonResidentialTag> table) {
    return std::any_of(table.begin(), table.end(), [&](const NonResidentialTag& t) {
        return detail::value_in(detail::tag_value(tags, t.key), t.values);
    });
}

const BuildingUseRule* find_use_rule(std::string_view value) {
    const auto it = std::find_if(use_rules.begin(), use_rules.end(),
                                 [&](const BuildingUseRule& r) { return r.value == value; });
    return it == use_rules.end() ? nullptr : &*it;
}

bool is_building(std::string_view value) {
    return !value.empty() && value != "no";
}

} // namespace

std::span<const BuildingUseRule> building_use_rules() {
    return use_rules;
}
std::span<const NonResidentialTag> non_residential_building_tags() {
    return building_tags;
}
std::span<const NonResidentialTag> non_residential_areas() {
    return zone_tags;
}

bool is_non_residential_area(const osmium::TagList& tags) {
    return matches_any(tags, zone_tags);
}

std::optional<double> parse_levels(std::string_view value) {
    std::optional<double> highest;
    for (auto part : detail::split_values(value, ';')) {
        if (part.front() == '-') {
            continue; // a negative number, not a range
        }
        for (auto item : detail::split_values(part, '-')) {
            std::string number(trim(item));
            std::replace(number.begin(), number.end(), ',', '.'); // German decimal comma
            const auto levels = parse_number(number, plain_format);
            if (levels && *levels > 0.0 && *levels <= 200.0) {
                highest = highest ? std::max(*highest, *levels) : *levels;
            }
        }
    }
    return highest;
}

bool has_non_residential_tag(const osmium::TagList& tags) {
    return matches_any(tags, building_tags);
}

ResidentialDecision decide_residential(std::string_view building_value, bool non_residential_tag,
                                       bool in_non_residential_area, double footprint_m2,
                                       double min_residential_footprint_m2) {
    if (const auto* rule = find_use_rule(building_value)) {
        return rule->use == U::residential
                   ? ResidentialDecision{true, residential_rule::use_residential}
                   : ResidentialDecision{false, residential_rule::use_non_residential};
    }
    if (non_residential_tag) {
        return {false, residential_rule::non_residential_tag};
    }
    if (in_non_residential_area) {
        return {false, residential_rule::non_residential_area};
    }
    if (footprint_m2 < min_residential_footprint_m2) {
        return {false, residential_rule::small_footprint};
    }
    return {true, residential_rule::assumed_residential};
}

void BuildingCollector::add_area(const osmium::Area& area) {
    const auto& tags = area.tags();
    const auto building_value = detail::tag_value(tags, "building");
    const bool building = is_building(building_value);
    const bool zone = is_non_residential_area(tags);
    if (!building && !zone) {
        return;
    }
    geo::MultiPolygon geometry = detail::lonlat_multipolygon(area);
    if (geometry.parts.empty()) {
        return; // the assembler could not build valid rings; counted by the reader
    }
    m_to_utm->transform(geometry);
    if (zone) {
        m_zones.push_back(geometry);
        ++m_stats.zones;
    }
    if (!building) {
        return;
    }
    Pending p;
    auto& b = p.building;
    b.osm_type = area.from_way() ? 'w' : 'r';
    b.osm_id = area.orig_id();
    b.use = std::string(building_value);
    b.levels = parse_levels(detail::tag_value(tags, "building:levels"));
    b.footprint_m2 = geo::area(geometry);
    b.levels_assumed = !b.levels.has_value();
    b.floor_area_m2 = b.footprint_m2 * b.levels.value_or(m_settings.default_levels);
    b.centroid = geo::centroid(geometry);
    b.geometry = std::move(geometry);
    // The residential decision needs the zones, which are complete only at the end.
    p.has_non_residential_tag = has_non_residential_tag(tags);
    m_pending.push_back(std::move(p));
}

std::vector<store::Building> BuildingCollector::finish() {
    geo::PolygonIndex zones;
    for (std::size_t i = 0; i < m_zones.size(); ++i) {
        zones.add(static_cast<std::uint32_t>(i), m_zones[i]);
    }
    std::vector<store::Building> out;
    out.reserve(m_pending.size());
    for (auto& p : m_pending) {
        auto& b = p.building;
        // Only unknown-use buildings need the (costlier) zone lookup.
        const bool unknown = find_use_rule(b.use) == nullptr && !p.has_non_residential_tag;
        const bool in_zone = unknown && zones.size() > 0 && zones.locate(b.centroid).has_value();
        const auto decision =
            decide_residential(b.use, p.has_non_residential_tag, in_zone, b.footprint_m2,
                               m_settings.min_residential_footprint_m2);
        b.residential = decision.residential;
        b.residential_rule = std::string(decision.rule);
        ++m_stats.assembled;
        m_stats.levels_assumed += b.levels_assumed ? 1 : 0;
        m_stats.residential += b.residential ? 1 : 0;
        ++m_stats.by_rule[b.residential_rule];
        out.push_back(std::move(b));
    }
    m_pending.clear();
    return out;
}

std::string building_rules_markdown() {
    std::string residential, non_residential;
    for (const auto& r : use_rules) {
        auto& list = r.use == U::residential ? residential : non_residential;
        list += (list.empty() ? "" : ", ") + fmt::format("`{}`", r.value);
    }
    auto table_rows = [](std::span<const NonResidentialTag> table) {
        std::string rows;
        for (const auto& t : table) {
            std::string values(t.values);
            std::replace(values.begin(), values.end(), '|', ' ');
            rows += fmt::format("| `{}` | {} |\n", t.key, values);
        }
        return rows;
    };
    return fmt::format("**Residential `building` values:** {}\n\n"
                       "**Non-residential `building` values:** {}\n\n"
                       "**Tags that make an unknown-use building non-residential:**\n\n"
                       "| key | values |\n|---|---|\n{}\n"
                       "**Areas in which unknown-use buildings are non-residential:**\n\n"
                       "| key | values |\n|---|---|\n{}",
                       residential, non_residential, table_rows(building_tags),
                       table_rows(zone_tags));
}

} // namespace lw::import::osm
