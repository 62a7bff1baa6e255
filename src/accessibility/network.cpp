#include "accessibility/network.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace lw::accessibility {

ProfileNetwork::ProfileNetwork(const store::Network& network, const graph::Profile& profile)
    : m_network(&network), m_profile(&profile), m_graph(graph::build_road_graph(network, profile, &m_stats)),
      m_reverse(graph::reverse(m_graph.forward)) {
    if (const auto problem = graph::validate(m_graph); !problem.empty()) {
        throw Error(ErrorKind::internal, fmt::format("routing graph for {} is inconsistent: {}", profile.name, problem));
    }
    m_index = std::make_unique<graph::SnapIndex>(network, m_graph);
}

SnappedPoints snap_points(const ProfileNetwork& net, const std::vector<geo::Point>& points, PointRole role,
                          double max_snap_m) {
    SnappedPoints out;
    out.anchors.resize(points.size());
    out.snap.resize(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        out.snap[i] = net.index().snap(points[i], max_snap_m);
        if (out.snap[i]) {
            out.anchors[i] = role == PointRole::origin ? net.index().origin_anchors(*out.snap[i])
                                                       : net.index().destination_anchors(*out.snap[i]);
        }
    }
    return out;
}

} // namespace lw::accessibility
