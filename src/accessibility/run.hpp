#pragma once
// The workspace stage `lebenswert access`: for each profile, build the routing graph, snap origins
// and facilities, compute the measures for every category set, aggregate, and write access_runs,
// access_origins, access_areas and access_catchments in one transaction (replacing the previous
// baseline run of that profile).

#include "accessibility/categories.hpp"
#include "accessibility/measures.hpp"
#include "core/report.hpp"
#include "store/workspace.hpp"

#include <string>
#include <vector>

namespace lw::accessibility {

struct AccessConfig {
    std::vector<std::string> profiles{"walk"};
    std::vector<CategorySet> sets = default_category_sets();
    std::vector<std::uint32_t> thresholds_min{5, 10, 15, 20, 30};
    double max_snap_m = 300.0;   // beyond this a building or facility counts as unsnapped (assumption)
    std::vector<DecayStep> decay = luo_qi_decay();
    bool rebuild = false;        // build the routing graphs anew even if stored ones are current
};

Report run_access(store::Workspace& workspace, const AccessConfig& config);

// Population-weighted mean airline distance to the nearest facility and the share within 1 km:
// INKAR's definition, for comparing with its reference values.
struct AirlineSummary {
    double mean_m = 0.0;
    double share_1km = 0.0;
    std::int64_t persons = 0;
};
AirlineSummary airline_summary(const std::vector<geo::Point>& origins, const std::vector<std::int64_t>& population,
                               const std::vector<geo::Point>& facilities);

} // namespace lw::accessibility
