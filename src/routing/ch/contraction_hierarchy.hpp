#pragma once
// A contraction hierarchy (CH) of a directed graph, as flat arrays, ready for PHAST sweeps.
//
// Node numbering. The CH renumbers nodes into "ch ids": nodes sorted by CH level, highest level
// first, ties by the caller's id. Every CH arc joins two different levels, so a sweep over ch ids
// 0, 1, 2, ... sees the more important end of an arc before the less important one (PHAST), and
// walks through each level block in the caller's (spatial) order, which keeps reads local.
// Queries (ch_query.hpp, phast.hpp) take and return the caller's ids only.
//
// Arcs. Each arc is stored at its less important end v (the larger ch id) and names its more
// important end `other` (a smaller ch id):
//   up arcs   v -> other  (direction of the input graph, climbing)
//   down arcs other -> v  (direction of the input graph, descending into v)
// One CH serves both directions: distances from sources climb on up arcs and sweep over down
// arcs; distances to sources (the reverse graph) climb on down arcs and sweep over up arcs.
//
// All members are vectors of trivially copyable types, so the lead's store::write_array can save
// them one by one; call validate() after loading.

#include "graph/csr.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lw::routing {

struct ChArc {
    graph::NodeId other = 0;  // ch id of the more important end
    std::uint32_t weight = 0; // seconds
};

// Internal "unreachable": every finite time in a CH is below it, and adding one arc weight to it
// cannot overflow 32 bits, so sweeps need no overflow checks. Results report graph::inf_time.
inline constexpr std::uint32_t ch_inf = 0x7fff'ffffu;

struct ChConfig {
    // Nodes a witness search may settle before it gives up (and a shortcut is added). RoutingKit
    // uses 500 pops; lower is faster to build, with more shortcuts.
    std::uint32_t witness_settle_limit = 500;
    // Threads for the parallel contraction rounds (TBB); 0 = TBB's default, 1 = no threads.
    unsigned threads = 0;
    // Contract in parallel rounds of independent nodes (local priority minima within two hops)
    // while a round still takes at least this share of the remaining nodes (per mille), then
    // one node at a time. 1000 = always one at a time (RoutingKit's scheme).
    unsigned min_round_share_permille = 5;
    unsigned min_round_nodes = 64; // ... and at least this many nodes
};

struct ChBuildStats {
    double seconds_total = 0.0;
    double seconds_priorities = 0.0; // initial priorities
    double seconds_rounds = 0.0;     // parallel rounds incl. priority updates
    double seconds_sequential = 0.0; // one-by-one phase
    std::uint32_t rounds = 0;
    std::uint32_t nodes_in_rounds = 0;  // contracted in parallel rounds
    std::uint32_t nodes_sequential = 0; // contracted one at a time
    std::uint64_t shortcuts = 0;        // CH arcs that are not input arcs
};

struct ContractionHierarchy {
    std::vector<graph::NodeId> ch_to_input; // per ch id: the caller's node id
    std::vector<graph::NodeId> input_to_ch; // per input node: its ch id
    // Level blocks in ch order: block b holds ch ids [level_first[b], level_first[b + 1]); block 0
    // is the top level. No arc joins two nodes of one block, so a block can be swept in parallel.
    std::vector<std::uint32_t> level_first;

    std::vector<std::uint32_t> up_first;   // node_count + 1
    std::vector<ChArc> up_arcs;            // sorted by `other` per node
    std::vector<graph::NodeId> up_middle;  // ch id of the bypassed node; invalid_node = input arc
    std::vector<std::uint32_t> down_first; // node_count + 1
    std::vector<ChArc> down_arcs;
    std::vector<graph::NodeId> down_middle;

    std::size_t node_count() const { return ch_to_input.size(); }
    std::size_t level_count() const { return level_first.empty() ? 0 : level_first.size() - 1; }
    std::size_t arc_count() const { return up_arcs.size() + down_arcs.size(); }
};

// Builds the CH. Loops are dropped and parallel arcs reduced to the cheapest; zero weights are
// fine. Throws lw::Error (input_value) if graph::check() fails or a path reaches ch_inf.
ContractionHierarchy build_ch(const graph::Csr& forward, const ChConfig& config = {},
                              ChBuildStats* stats = nullptr);

// Empty if consistent (permutation, CSR structure, arcs climb strictly between level blocks,
// every shortcut's two halves exist and add up to its weight); otherwise what is wrong.
std::string validate(const ContractionHierarchy& ch);

} // namespace lw::routing
