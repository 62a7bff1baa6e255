#pragma once
// From origins to areas: residents within each threshold per census cell, municipality and the
// whole region (with the 65+ and under-18 estimates), population-weighted mean minutes and
// supply ratio; and the catchment matrix (residents of municipality A whose nearest facility lies
// in municipality B).

#include "accessibility/inputs.hpp"
#include "accessibility/measures.hpp"

#include <string>
#include <vector>

namespace lw::accessibility {

struct AreaRow {
    std::string level; // "region", "municipality", "cell"
    std::string area_key;
    std::string category;
    std::uint32_t threshold_min = 0;
    std::int64_t residents = 0; // all persons placed in the area
    std::int64_t assessed = 0;  // of which snapped to the network
    std::int64_t within = 0;    // of which within the threshold
    double residents_65plus = 0, within_65plus = 0, residents_under18 = 0, within_under18 = 0;
    std::optional<double> mean_minutes;  // over assessed residents who reach a facility at all
    std::optional<double> supply_ratio;  // E2SFCA, per 1,000 residents

    std::optional<double> share() const {
        return assessed > 0 ? std::optional(static_cast<double>(within) / static_cast<double>(assessed)) : std::nullopt;
    }
};

std::vector<AreaRow> aggregate(const Origins& origins, const SnappedPoints& snapped, const std::string& category,
                               const SetResult& result, const std::vector<std::uint32_t>& thresholds_min);

struct CatchmentRow {
    std::string category;
    std::string from_ags;
    std::string to_ags;
    std::int64_t residents = 0;
};

std::vector<CatchmentRow> catchments(const Origins& origins, const Destinations& destinations,
                                     const std::string& category, const SetResult& result);

} // namespace lw::accessibility
