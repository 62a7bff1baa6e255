#include "accessibility/network.hpp"

#include "core/error.hpp"
#include "graph/files.hpp"
#include "store/artefact.hpp"
#include "store/features.hpp"

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

void ProfileNetwork::use_ch(routing::ContractionHierarchy ch) {
    if (ch.node_count() != m_graph.node_count()) {
        throw Error(ErrorKind::workspace, fmt::format("the stored {} hierarchy does not match its graph", m_profile->name));
    }
    m_ch = std::make_unique<routing::ContractionHierarchy>(std::move(ch));
    m_ch_loaded = true;
}

void ProfileNetwork::build_ch() {
    m_ch = std::make_unique<routing::ContractionHierarchy>(routing::build_ch(m_graph.forward));
    m_ch_loaded = false;
}

namespace {

constexpr std::uint32_t ch_format = 1;

template <typename T>
void save_ch_array(store::Database& db, std::string_view profile, std::string_view member, const std::vector<T>& values) {
    store::write_array(db, fmt::format("ch/{}/{}", profile, member), fmt::format("ch-{}", member), ch_format, values);
}

template <typename T> std::vector<T> load_ch_array(store::Database& db, std::string_view profile, std::string_view member) {
    return store::read_array<T>(db, fmt::format("ch/{}/{}", profile, member), fmt::format("ch-{}", member), ch_format);
}

std::optional<routing::ContractionHierarchy> load_ch(store::Database& db, std::string_view profile, std::int64_t source) {
    store::Statement exists(db, "SELECT 1 FROM lw_artefacts WHERE name = ?");
    exists.bind(1, fmt::format("ch/{}/source", profile));
    if (!exists.step() || load_ch_array<std::int64_t>(db, profile, "source") != std::vector<std::int64_t>{source}) {
        return std::nullopt;
    }
    routing::ContractionHierarchy ch;
    ch.ch_to_input = load_ch_array<graph::NodeId>(db, profile, "ch_to_input");
    ch.input_to_ch = load_ch_array<graph::NodeId>(db, profile, "input_to_ch");
    ch.level_first = load_ch_array<std::uint32_t>(db, profile, "level_first");
    ch.up_first = load_ch_array<std::uint32_t>(db, profile, "up_first");
    ch.up_arcs = load_ch_array<routing::ChArc>(db, profile, "up_arcs");
    ch.up_middle = load_ch_array<graph::NodeId>(db, profile, "up_middle");
    ch.down_first = load_ch_array<std::uint32_t>(db, profile, "down_first");
    ch.down_arcs = load_ch_array<routing::ChArc>(db, profile, "down_arcs");
    ch.down_middle = load_ch_array<graph::NodeId>(db, profile, "down_middle");
    if (const auto problem = routing::validate(ch); !problem.empty()) {
        throw Error(ErrorKind::workspace, fmt::format("the stored {} hierarchy is inconsistent ({}); rebuild it with "
                                                      "`lebenswert access --rebuild`",
                                                      profile, problem));
    }
    return ch;
}

void save_ch(store::Database& db, std::string_view profile, const routing::ContractionHierarchy& ch, std::int64_t source) {
    save_ch_array(db, profile, "source", std::vector<std::int64_t>{source});
    save_ch_array(db, profile, "ch_to_input", ch.ch_to_input);
    save_ch_array(db, profile, "input_to_ch", ch.input_to_ch);
    save_ch_array(db, profile, "level_first", ch.level_first);
    save_ch_array(db, profile, "up_first", ch.up_first);
    save_ch_array(db, profile, "up_arcs", ch.up_arcs);
    save_ch_array(db, profile, "up_middle", ch.up_middle);
    save_ch_array(db, profile, "down_first", ch.down_first);
    save_ch_array(db, profile, "down_arcs", ch.down_arcs);
    save_ch_array(db, profile, "down_middle", ch.down_middle);
}

} // namespace

std::unique_ptr<ProfileNetwork> open_profile_network(store::Database& db, const store::Network& network,
                                                     const graph::Profile& profile, bool use_stored) {
    const auto source = store::network_import_id(db);
    std::unique_ptr<ProfileNetwork> net;
    if (source && use_stored) {
        if (auto stored = graph::load_road_graph(db, profile.name, *source)) {
            net = std::make_unique<ProfileNetwork>(network, profile, std::move(*stored));
        }
    }
    if (!net) {
        net = std::make_unique<ProfileNetwork>(network, profile);
    }
    if (net->graph().node_count() >= ProfileNetwork::ch_min_nodes) {
        std::optional<routing::ContractionHierarchy> stored;
        if (source && use_stored && net->loaded()) {
            stored = load_ch(db, profile.name, *source);
        }
        if (stored) {
            net->use_ch(std::move(*stored));
        } else {
            net->build_ch();
        }
    }
    return net;
}

void save_if_built(store::Database& db, const ProfileNetwork& net) {
    const auto source = store::network_import_id(db);
    if (!source) {
        return;
    }
    if (!net.loaded()) {
        graph::save_road_graph(db, net.graph(), *source);
    }
    if (net.m_ch && !net.m_ch_loaded) {
        save_ch(db, net.profile().name, *net.m_ch, *source);
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
