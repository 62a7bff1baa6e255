#pragma once
// A municipality's own facility list (CSV or GeoJSON; template in docs/facility-lists.md), merged
// with the facilities already in the workspace:
//   - a list record and an open OSM facility of the same category within `merge_distance_m` are
//     one facility: the list's record wins (name, position, capacity, dates) and the OSM
//     reference is kept in merged_ref, so later OSM imports do not bring it back;
//   - a record the same list delivered before (same source and id) is updated;
//   - a record of that list missing from the new version is closed (valid_to = data date);
//   - everything else is inserted.
// The merge is reported record by record.

#include "geo/geometry.hpp"
#include "import/report.hpp"
#include "store/features.hpp"
#include "store/workspace.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lw::import {

struct FacilityListConfig {
    std::filesystem::path input;
    std::string source;                   // who keeps the list, e.g. "Stadt Lauf"
    double merge_distance_m = 50.0;       // same category within this distance = same facility
    int crs_epsg = 25832;                 // CRS of x/y columns (lon/lat columns are always WGS84)
    std::optional<std::string> data_date; // the list's date (default: today)
};

// Parses a list into facility records (position in EPSG:25832, source "list:<source>"). Throws
// with file, line, column and value on bad records.
std::vector<store::Facility> read_facility_list(const FacilityListConfig& config);

struct MergeDecision {
    std::string list_ref;
    std::string action;                   // inserted, merged, updated, closed
    std::optional<std::string> osm_ref;   // for merged
    std::optional<double> distance_m;     // for merged
};

// Pure merge planning against the workspace's facilities (for tests and the report).
std::vector<MergeDecision> plan_merge(const std::vector<store::Facility>& list,
                                      const std::vector<store::Facility>& existing_open,
                                      const FacilityListConfig& config);

ImportReport import_facility_list(store::Workspace& workspace, const FacilityListConfig& config);

} // namespace lw::import
