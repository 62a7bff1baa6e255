#pragma once
// Snapping points (buildings, facilities) to the nearest edge of a profile's routing graph, and
// the "anchors" that connect a snapped point to the graph: the nodes it can reach (origins) or be
// reached from (destinations), each with the seconds along the partial edge plus the walk from
// the door to the road.

#include "geo/geometry.hpp"
#include "graph/road_graph.hpp"

#include <array>
#include <optional>
#include <vector>

namespace lw::graph {

struct Snap {
    std::uint32_t edge = 0;   // workspace edge_idx
    double offset_m = 0.0;    // along the edge geometry from its from_node
    double distance_m = 0.0;  // from the point to the edge
    geo::Point on_edge;       // the snapped position
};

struct Anchor {
    NodeId node = invalid_node;
    std::uint32_t seconds = 0;
};

// Up to two anchors (one per edge end the profile may use in the needed direction).
struct Anchors {
    std::array<Anchor, 2> items{};
    std::uint8_t count = 0;
    std::uint32_t edge = 0;
    double offset_m = 0.0;
    std::uint32_t door_seconds = 0;

    std::span<const Anchor> span() const { return {items.data(), count}; }
};

class SnapIndex {
public:
    // Indexes the segments of every edge with at least one arc in the graph.
    SnapIndex(const store::Network& network, const RoadGraph& graph, double cell_size_m = 200.0);

    // The nearest usable edge within max_distance_m, or nullopt ("unsnapped").
    std::optional<Snap> snap(geo::Point p, double max_distance_m) const;

    // Nodes a point on the edge reaches (as an origin) or is reached from (as a destination).
    Anchors origin_anchors(const Snap& snap) const;
    Anchors destination_anchors(const Snap& snap) const;

    // Direct time along one edge between two snapped points, if the profile may go that way.
    std::optional<std::uint32_t> same_edge_seconds(const Snap& from, const Snap& to) const;

private:
    struct EdgeInfo {
        std::uint32_t forward_arc = invalid_arc;  // from_node -> to_node, if usable and kept
        std::uint32_t backward_arc = invalid_arc; // to_node -> from_node
        double length_m = 0.0;
    };
    std::uint32_t seconds_along(std::uint32_t arc, double part_m, double length_m) const;
    std::int64_t cell_of(double v) const;

    const store::Network* m_network;
    const RoadGraph* m_graph;
    double m_cell;
    std::vector<EdgeInfo> m_edges; // per workspace edge
    // Uniform grid: cell key -> (edge, segment) entries, as sorted flat arrays.
    std::vector<std::uint64_t> m_cell_keys;
    std::vector<std::uint32_t> m_cell_first;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_entries;
};

} // namespace lw::graph
