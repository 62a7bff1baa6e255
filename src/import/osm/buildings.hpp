#pragma once
// Buildings from OSM areas: footprint and floor area in EPSG:25832, and whether people live there.
// The residential decision is a table of building values plus three labelled assumptions for
// unknown values (docs/osm-import.md, "Buildings"); residential_rule records which rule decided.

#include "geo/crs.hpp"
#include "store/features.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace osmium {
class Area;
class TagList;
} // namespace osmium

namespace lw::import::osm {

// Rule ids stored in buildings.residential_rule.
namespace residential_rule {
inline constexpr std::string_view use_residential = "use_residential";
inline constexpr std::string_view use_non_residential = "use_non_residential";
inline constexpr std::string_view non_residential_tag = "non_residential_tag";
inline constexpr std::string_view non_residential_area = "non_residential_area";
inline constexpr std::string_view small_footprint = "small_footprint";
inline constexpr std::string_view assumed_residential = "unknown_use_assumed_residential";
} // namespace residential_rule

enum class BuildingUse : std::uint8_t { residential, non_residential };

// building=* values with a fixed answer. Every other value (yes, and the long tail) is "unknown".
struct BuildingUseRule {
    std::string_view value;
    BuildingUse use;
};
std::span<const BuildingUseRule> building_use_rules();

// Tags that make an unknown-use building non-residential: key=value ("*" = any value).
struct NonResidentialTag {
    std::string_view key;
    std::string_view values;
};
std::span<const NonResidentialTag> non_residential_building_tags();
// Areas (landuse, amenity grounds, ...) in which unknown-use buildings are not residential.
std::span<const NonResidentialTag> non_residential_areas();
bool is_non_residential_area(const osmium::TagList& tags);

// building:levels: "2" -> 2, "2.5"/"2,5" -> 2.5, "2;3" and "2-3" -> 3 (the highest); nullopt for
// missing, non-numeric, zero or implausible (> 200) values.
std::optional<double> parse_levels(std::string_view value);

struct ResidentialDecision {
    bool residential = false;
    std::string_view rule;
};

// Whether a building carries one of non_residential_building_tags().
bool has_non_residential_tag(const osmium::TagList& tags);

// Decides for one building, first rule that applies wins: the building value table; then, for
// unknown values only, a non-residential tag, a centroid inside one of non_residential_areas(),
// a footprint below the minimum; else residential (assumed).
ResidentialDecision decide_residential(std::string_view building_value, bool non_residential_tag,
                                       bool in_non_residential_area, double footprint_m2,
                                       double min_residential_footprint_m2);

struct BuildingSettings {
    double default_levels = 2.0; // assumption: storeys when building:levels is absent
    double min_residential_footprint_m2 = 30.0; // assumption: smaller unknown buildings are sheds
};

struct BuildingStats {
    std::uint64_t assembled = 0; // buildings with a valid footprint
    std::uint64_t levels_assumed = 0;
    std::uint64_t residential = 0;
    std::map<std::string, std::uint64_t> by_rule;
    std::uint64_t zones = 0; // non-residential areas found
};

// Collects building and non-residential areas during the read; decides residential use at the
// end, when every area is known (relations are assembled last).
class BuildingCollector {
public:
    BuildingCollector(const geo::Transformer& to_utm, BuildingSettings settings)
        : m_to_utm(&to_utm), m_settings(settings) {}

    // Looks at one assembled area; keeps it if it is a building or a non-residential area.
    void add_area(const osmium::Area& area);

    std::vector<store::Building> finish();
    const BuildingStats& stats() const { return m_stats; }

private:
    struct Pending {
        store::Building building;
        bool has_non_residential_tag = false;
    };
    const geo::Transformer* m_to_utm;
    BuildingSettings m_settings;
    std::vector<Pending> m_pending;
    std::vector<geo::MultiPolygon> m_zones; // non-residential areas, EPSG:25832
    BuildingStats m_stats;
};

// Tables of docs/osm-import.md.
std::string building_rules_markdown();

} // namespace lw::import::osm
