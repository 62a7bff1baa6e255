#include "accessibility/network.hpp"

#include "core/error.hpp"
#include "graph/files.hpp"

#include <fmt/format.h>

namespace lw::accessibility {

ProfileNetwork::ProfileNetwork(const store::Network& network, const graph::Profile& profile)
    : m_network(&network), m_profile(&profile), m_graph(graph::build_road_graph(network, profile, &m_stats)) {
    prepare();
}

ProfileNetwork::ProfileNetwork(const store::Network& network, const graph::Profile& profile, graph::RoadGraph graph)
    : m_network(&network), m_profile(&profile), m_graph(std::move(graph)), m_loaded(true) {
    m_stats.component_nodes = m_graph.node_count();
    prepare();
}

void ProfileNetwork::prepare() {
    if (const auto problem = graph::validate(m_graph); !problem.empty()) {
        throw Error(ErrorKind::internal, fmt::format("routing graph for {} is inconsistent: {}", m_profile->name, problem));
    }
    if (m_graph.node_of_network.size() != m_network->nodes.size()) {
        throw Error(ErrorKind::workspace, fmt::format("the {} graph does not belong to this network", m_profile->name));
    }
    for (const auto e : m_graph.arc_edge) {
        if (e >= m_network->edges.size()) {
            throw Error(ErrorKind::workspace, fmt::format("the {} graph refers to a missing edge", m_profile->name));
        }
    }
    m_reverse = graph::reverse(m_graph.forward);
    m_index = std::make_unique<graph::SnapIndex>(*m_network, m_graph);
}

std::unique_ptr<ProfileNetwork> open_profile_network(store::Database& db, const store::Network& network,
                                                     const graph::Profile& profile, bool use_stored) {
    const auto source = store::network_import_id(db);
    if (source && use_stored) {
        if (auto stored = graph::load_road_graph(db, profile.name, *source)) {
            return std::make_unique<ProfileNetwork>(network, profile, std::move(*stored));
        }
    }
    return std::make_unique<ProfileNetwork>(network, profile);
}

void save_if_built(store::Database& db, const ProfileNetwork& net) {
    const auto source = store::network_import_id(db);
    if (!net.loaded() && source) {
        graph::save_road_graph(db, net.graph(), *source);
    }
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
