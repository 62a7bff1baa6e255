#pragma once
// Isochrones for maps: the area from which a facility is reached within T minutes (towards a
// facility), or which a point reaches within T minutes (from a point). The reachable parts of the
// streets, up to where the time runs out inside an edge, are buffered by a distance and merged.

#include "accessibility/network.hpp"
#include "core/report.hpp"
#include "store/workspace.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lw::accessibility {

enum class Direction { to_point, from_point };

// Reachable street pieces (EPSG:25832) within `seconds`, given the point's anchors.
std::vector<geo::LineString> reachable_streets(const ProfileNetwork& net, const graph::Anchors& anchors,
                                               Direction direction, std::uint32_t seconds);

struct IsochroneConfig {
    std::optional<std::int64_t> facility_fid; // towards this facility
    std::optional<geo::Point> point_wgs84;    // or from this point (lon, lat)
    std::string profile = "walk";
    std::vector<std::uint32_t> minutes{5, 10, 15};
    double buffer_m = 50.0;                   // assumption: houses within 50 m of a reachable street
    double max_snap_m = 300.0;
    std::string label;
};

Report run_isochrones(store::Workspace& workspace, const IsochroneConfig& config);

} // namespace lw::accessibility
