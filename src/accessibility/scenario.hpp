#pragma once
// What-if scenarios in the workspace: a named set of closures (existing facilities) and openings
// (new facilities at coordinates). `run_whatif` stores the scenario, recomputes only what changes
// (whatif.hpp) for every profile and the category sets the changes touch, and writes who loses or
// gains access (scenario_effects, access_areas of the scenario run).

#include "accessibility/categories.hpp"
#include "core/report.hpp"
#include "geo/geometry.hpp"
#include "store/workspace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lw::accessibility {

struct Opening {
    std::string category;
    geo::Point position; // EPSG:25832
    std::optional<double> capacity;
    std::optional<std::string> name;
};

// "kita@11.2802,49.5101" or "kita@11.2802,49.5101:75" (WGS84 lon,lat; capacity after a colon).
Opening parse_opening(const std::string& text);

struct WhatIfConfig {
    std::string name;
    std::string description;
    std::vector<std::int64_t> close; // facility fids
    std::vector<Opening> open;
    std::vector<std::string> profiles{"walk"};
    std::vector<CategorySet> sets; // empty: every default or named set a change touches
    std::vector<std::uint32_t> thresholds_min{5, 10, 15, 20, 30};
    double max_snap_m = 300.0;
    bool replace = false;          // replace a stored scenario of the same name
};

Report run_whatif(store::Workspace& workspace, const WhatIfConfig& config);

struct ScenarioInfo {
    std::int64_t id = 0;
    std::string name, description, created_at;
    std::size_t closures = 0, openings = 0;
};
std::vector<ScenarioInfo> list_scenarios(store::Database& db);
void delete_scenario(store::Database& db, const std::string& name);
// Region-level shares within each threshold: baseline and both scenarios side by side.
Report compare_scenarios(store::Database& db, const std::string& a, const std::string& b);

} // namespace lw::accessibility
