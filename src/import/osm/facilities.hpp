#pragma once
// Facility records from classified OSM objects, and the history sync that keeps facilities across
// imports: matched by (source_ref, category), closed when gone (valid_to), opened when new
// (valid_from). Both are pure functions; import_osm() writes the plan.

#include "geo/geometry.hpp"
#include "store/features.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace osmium {
class TagList;
}

namespace lw::import::osm {

inline constexpr std::string_view osm_source = "osm";

// The tags a facility keeps: the ones the taxonomy looked at plus name, brand, operator, opening
// hours, wheelchair access and address.
nlohmann::json facility_tags(const osmium::TagList& tags);

// Appends one record per category of the object (classify()); `source_ref` is "n123", "w45" or
// "r6", `position` is in EPSG:25832.
void add_facilities(std::vector<store::Facility>& out, const osmium::TagList& tags,
                    const std::string& source_ref, geo::Point position);

// One bus stop is often mapped twice: the pole (a highway=bus_stop node) and the platform
// (public_transport=platform + bus=yes, or a way). A bus_stop record that is not a highway=bus_stop
// node is dropped when such a node lies within `radius_m` (an assumption, docs/osm-import.md).
// Returns the number of records dropped.
inline constexpr double bus_stop_merge_radius_m = 30.0;
std::uint64_t drop_duplicate_bus_stops(std::vector<store::Facility>& facilities,
                                       double radius_m = bus_stop_merge_radius_m);

struct FacilitySyncPlan {
    std::vector<store::Facility> to_insert; // new: valid_from set when an earlier import exists
    std::vector<store::Facility> to_update; // matched, with changed position, name, tags or ags
    std::vector<std::int64_t> to_close;     // open OSM facilities no longer in the extract
    std::uint64_t unchanged = 0;
    std::uint64_t skipped_merged = 0; // replaced by a municipality's list (merged_ref)
};

// `open_facilities`: every open facility of the workspace (all sources). `incoming`: this
// import's facilities. `data_date`: the new extract's date (ISO). `earlier_osm_import`: whether
// the workspace has seen an OSM import before (else new facilities get no valid_from, meaning
// "before the first import").
FacilitySyncPlan plan_facility_sync(const std::vector<store::Facility>& open_facilities,
                                    std::vector<store::Facility> incoming,
                                    const std::string& data_date, bool earlier_osm_import);

} // namespace lw::import::osm
