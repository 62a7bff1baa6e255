#include "graph/snap.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace lw::graph {

namespace {

std::uint64_t key_of(std::int64_t cx, std::int64_t cy) {
    return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(cx)) << 32) | static_cast<std::uint32_t>(cy);
}

// Closest point on segment ab to p: parameter t in [0, 1] and squared distance.
std::pair<double, double> project(geo::Point p, geo::Point a, geo::Point b) {
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    t = std::clamp(t, 0.0, 1.0);
    const double qx = a.x + t * dx - p.x, qy = a.y + t * dy - p.y;
    return {t, qx * qx + qy * qy};
}

} // namespace

SnapIndex::SnapIndex(const store::Network& network, const RoadGraph& graph, double cell_size_m)
    : m_network(&network), m_graph(&graph), m_cell(cell_size_m), m_edges(network.edges.size()) {
    for (std::uint32_t a = 0; a < graph.forward.arc_count(); ++a) {
        auto& info = m_edges[graph.arc_edge[a]];
        (graph.arc_reversed[a] != 0 ? info.backward_arc : info.forward_arc) = a;
    }
    std::vector<std::pair<std::uint64_t, std::pair<std::uint32_t, std::uint32_t>>> keyed;
    for (std::uint32_t e = 0; e < network.edges.size(); ++e) {
        auto& info = m_edges[e];
        if (info.forward_arc == invalid_arc && info.backward_arc == invalid_arc) {
            continue;
        }
        const auto& line = network.edges[e].geometry;
        info.length_m = geo::length(line);
        for (std::uint32_t s = 0; s + 1 < line.size(); ++s) {
            const auto x0 = cell_of(std::min(line[s].x, line[s + 1].x)), x1 = cell_of(std::max(line[s].x, line[s + 1].x));
            const auto y0 = cell_of(std::min(line[s].y, line[s + 1].y)), y1 = cell_of(std::max(line[s].y, line[s + 1].y));
            for (auto cx = x0; cx <= x1; ++cx) {
                for (auto cy = y0; cy <= y1; ++cy) {
                    keyed.push_back({key_of(cx, cy), {e, s}});
                }
            }
        }
    }
    std::sort(keyed.begin(), keyed.end());
    for (std::size_t i = 0; i < keyed.size(); ++i) {
        if (i == 0 || keyed[i].first != keyed[i - 1].first) {
            m_cell_keys.push_back(keyed[i].first);
            m_cell_first.push_back(static_cast<std::uint32_t>(i));
        }
        m_entries.push_back(keyed[i].second);
    }
    m_cell_first.push_back(static_cast<std::uint32_t>(m_entries.size()));
}

std::int64_t SnapIndex::cell_of(double v) const { return static_cast<std::int64_t>(std::floor(v / m_cell)); }

std::optional<Snap> SnapIndex::snap(geo::Point p, double max_distance_m) const {
    const auto cx = cell_of(p.x), cy = cell_of(p.y);
    const auto rings = static_cast<std::int64_t>(std::ceil(max_distance_m / m_cell)) + 1;
    double best = std::numeric_limits<double>::max();
    std::optional<Snap> result;
    for (std::int64_t ring = 0; ring <= rings; ++ring) {
        // Every point in ring r is at least (r - 1) cells away: stop once that exceeds the best.
        if (result && (static_cast<double>(ring) - 1.0) * m_cell > std::sqrt(best)) {
            break;
        }
        for (auto x = cx - ring; x <= cx + ring; ++x) {
            for (auto y = cy - ring; y <= cy + ring; ++y) {
                if (std::max(std::abs(x - cx), std::abs(y - cy)) != ring) {
                    continue; // only the ring's border
                }
                const auto it = std::lower_bound(m_cell_keys.begin(), m_cell_keys.end(), key_of(x, y));
                if (it == m_cell_keys.end() || *it != key_of(x, y)) {
                    continue;
                }
                const auto c = static_cast<std::size_t>(it - m_cell_keys.begin());
                for (auto i = m_cell_first[c]; i < m_cell_first[c + 1]; ++i) {
                    const auto [e, s] = m_entries[i];
                    const auto& line = m_network->edges[e].geometry;
                    const auto [t, d2] = project(p, line[s], line[s + 1]);
                    // Ties: the smaller edge id, so results do not depend on the index layout.
                    if (d2 < best || (d2 == best && result && e < result->edge)) {
                        best = d2;
                        double offset = 0.0;
                        for (std::uint32_t k = 0; k < s; ++k) {
                            offset += std::hypot(line[k + 1].x - line[k].x, line[k + 1].y - line[k].y);
                        }
                        offset += t * std::hypot(line[s + 1].x - line[s].x, line[s + 1].y - line[s].y);
                        result = Snap{e, offset, std::sqrt(d2),
                                      {line[s].x + t * (line[s + 1].x - line[s].x), line[s].y + t * (line[s + 1].y - line[s].y)}};
                    }
                }
            }
        }
    }
    if (result && result->distance_m > max_distance_m) {
        return std::nullopt;
    }
    return result;
}

std::uint32_t SnapIndex::seconds_along(std::uint32_t arc, double part_m, double length_m) const {
    const double fraction = length_m > 0 ? std::clamp(part_m / length_m, 0.0, 1.0) : 0.0;
    return static_cast<std::uint32_t>(std::lround(fraction * m_graph->forward.weight[arc]));
}

namespace {

std::uint32_t door_seconds(double distance_m) {
    return static_cast<std::uint32_t>(std::lround(distance_m / (door_walk_speed_kmh / 3.6)));
}

} // namespace

namespace {

// A point at an end of its edge is at that node: 0 s along the edge, whatever the direction.
constexpr double at_node_m = 0.01;

void add_anchor(Anchors& out, NodeId node, std::uint32_t seconds) {
    if (node == invalid_node) {
        return;
    }
    for (std::uint8_t i = 0; i < out.count; ++i) {
        if (out.items[i].node == node) {
            out.items[i].seconds = std::min(out.items[i].seconds, seconds);
            return;
        }
    }
    out.items[out.count++] = {node, seconds};
}

} // namespace

Anchors SnapIndex::origin_anchors(const Snap& s) const {
    const auto& info = m_edges[s.edge];
    const auto& edge = m_network->edges[s.edge];
    Anchors out;
    out.edge = s.edge;
    out.offset_m = s.offset_m;
    out.door_seconds = door_seconds(s.distance_m);
    const NodeId from = m_graph->node_of_network[edge.from_node], to = m_graph->node_of_network[edge.to_node];
    // Leaving along the geometry reaches to_node; against it reaches from_node.
    if (info.forward_arc != invalid_arc || s.offset_m >= info.length_m - at_node_m) {
        const std::uint32_t part = info.forward_arc != invalid_arc
                                       ? seconds_along(info.forward_arc, info.length_m - s.offset_m, info.length_m)
                                       : 0;
        add_anchor(out, to, out.door_seconds + part);
    }
    if (info.backward_arc != invalid_arc || s.offset_m <= at_node_m) {
        const std::uint32_t part = info.backward_arc != invalid_arc ? seconds_along(info.backward_arc, s.offset_m, info.length_m) : 0;
        add_anchor(out, from, out.door_seconds + part);
    }
    return out;
}

Anchors SnapIndex::destination_anchors(const Snap& s) const {
    const auto& info = m_edges[s.edge];
    const auto& edge = m_network->edges[s.edge];
    Anchors out;
    out.edge = s.edge;
    out.offset_m = s.offset_m;
    out.door_seconds = door_seconds(s.distance_m);
    const NodeId from = m_graph->node_of_network[edge.from_node], to = m_graph->node_of_network[edge.to_node];
    // Arriving along the geometry comes from from_node; against it from to_node.
    if (info.forward_arc != invalid_arc || s.offset_m <= at_node_m) {
        const std::uint32_t part = info.forward_arc != invalid_arc ? seconds_along(info.forward_arc, s.offset_m, info.length_m) : 0;
        add_anchor(out, from, out.door_seconds + part);
    }
    if (info.backward_arc != invalid_arc || s.offset_m >= info.length_m - at_node_m) {
        const std::uint32_t part = info.backward_arc != invalid_arc
                                       ? seconds_along(info.backward_arc, info.length_m - s.offset_m, info.length_m)
                                       : 0;
        add_anchor(out, to, out.door_seconds + part);
    }
    return out;
}

std::optional<std::uint32_t> SnapIndex::same_edge_seconds(const Snap& from, const Snap& to) const {
    if (from.edge != to.edge) {
        return std::nullopt;
    }
    const auto& info = m_edges[from.edge];
    const std::uint32_t doors = door_seconds(from.distance_m) + door_seconds(to.distance_m);
    const double part = std::abs(to.offset_m - from.offset_m);
    const std::uint32_t arc = to.offset_m >= from.offset_m ? info.forward_arc : info.backward_arc;
    if (arc == invalid_arc) {
        return std::nullopt;
    }
    return doors + seconds_along(arc, part, info.length_m);
}

} // namespace lw::graph
