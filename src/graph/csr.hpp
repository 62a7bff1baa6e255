#pragma once
// A directed graph as compressed sparse rows: the arcs leaving node v are
// [first_out[v], first_out[v+1]) with their heads and weights at the same positions.

#include "graph/types.hpp"

#include <span>
#include <string>
#include <vector>

namespace lw::graph {

struct Arc {
    NodeId tail = 0;
    NodeId head = 0;
    std::uint32_t weight = 0; // seconds
};

struct Csr {
    std::vector<std::uint32_t> first_out; // node_count + 1 entries; front() == 0, back() == arc_count
    std::vector<NodeId> head;             // per arc
    std::vector<std::uint32_t> weight;    // per arc, seconds (< max_arc_time)

    std::size_t node_count() const { return first_out.empty() ? 0 : first_out.size() - 1; }
    std::size_t arc_count() const { return head.size(); }
    std::uint32_t begin(NodeId v) const { return first_out[v]; }
    std::uint32_t end(NodeId v) const { return first_out[v + 1]; }
};

// Builds a CSR from an arc list (any order); arcs keep their relative order per tail. Parallel arcs
// and loops are kept.
Csr csr_from_arcs(std::size_t node_count, std::span<const Arc> arcs);

// The same graph with every arc turned around.
Csr reverse(const Csr& graph);

// Empty string if the structure is consistent; otherwise what is wrong (for asserts and loads).
std::string check(const Csr& graph);

} // namespace lw::graph
