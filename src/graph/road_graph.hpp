#pragma once
// The routing graph of one profile, built from the workspace network: a CSR over the network
// nodes of the profile's largest strongly connected component (so every origin in it can reach
// every facility in it and back), with per-arc links to the workspace edges for geometry.

#include "geo/geometry.hpp"
#include "graph/csr.hpp"
#include "graph/profile.hpp"
#include "store/features.hpp"

#include <string>
#include <vector>

namespace lw::graph {

struct RoadGraph {
    std::string profile;
    Csr forward;                             // arc weights: seconds
    std::vector<geo::Point> position;        // per node, EPSG:25832
    std::vector<std::uint32_t> network_node; // per node: the workspace's node_idx
    std::vector<std::uint32_t> arc_edge;     // per arc: the workspace's edge_idx
    std::vector<std::uint8_t> arc_reversed;  // per arc: 1 if it runs against the edge's geometry
    std::vector<NodeId> node_of_network;     // per workspace node: graph node, or invalid_node

    std::size_t node_count() const { return forward.node_count(); }
};

struct BuildStats {
    std::size_t usable_edges = 0;    // edges the profile may use
    std::size_t component_nodes = 0; // nodes in the largest strongly connected component
    std::size_t dropped_nodes = 0;   // usable nodes outside it (islands, dead-end oneways)
};

RoadGraph build_road_graph(const store::Network& network, const Profile& profile, BuildStats* stats = nullptr);

// Empty if consistent, otherwise what is wrong. Called after every build and load.
std::string validate(const RoadGraph& graph);

// Largest strongly connected component of a CSR: per node true if inside (iterative Tarjan).
std::vector<bool> largest_strong_component(const Csr& graph);

} // namespace lw::graph
