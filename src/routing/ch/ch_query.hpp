#pragma once
// Point-to-point shortest paths on a contraction hierarchy: bidirectional Dijkstra, forward on up
// arcs from the sources, backward on down arcs from the targets; reset() is O(1) (timestamps).
//   ChQuery q(ch);                          one per thread
//   q.reset().add_source(s).add_target(t).run();
//   q.distance();  q.path();               seconds (graph::inf_time if none); input node ids
// Several sources and targets (with offsets) give the best pair.

#include "routing/ch/contraction_hierarchy.hpp"

#include <vector>

namespace lw::routing {

class ChQuery {
public:
    explicit ChQuery(const ContractionHierarchy& ch);

    ChQuery& reset();
    ChQuery& add_source(graph::NodeId node, std::uint32_t offset = 0);
    ChQuery& add_target(graph::NodeId node, std::uint32_t offset = 0);
    void run();

    std::uint32_t distance() const { return m_best >= ch_inf ? graph::inf_time : m_best; }
    // The nodes of a shortest path (the caller's ids, source and target included), shortcuts
    // unpacked; empty if there is no path.
    std::vector<graph::NodeId> path() const;
    // Nodes settled by the last run(), both directions (search space size).
    std::uint32_t settled_count() const { return m_settled; }

private:
    struct Side {
        std::vector<std::uint32_t> dist;
        std::vector<std::uint32_t> stamp;
        std::vector<graph::NodeId> parent;     // ch id the node was reached from; invalid = a start
        std::vector<std::uint32_t> parent_arc; // arc index at `parent`
        std::vector<std::pair<std::uint32_t, graph::NodeId>> heap;
    };
    void push(Side& side, graph::NodeId v, std::uint32_t d, graph::NodeId parent,
              std::uint32_t arc);
    bool reached(const Side& side, graph::NodeId v) const { return side.stamp[v] == m_now; }
    void unpack(graph::NodeId tail, graph::NodeId head, graph::NodeId middle,
                std::vector<graph::NodeId>& out) const;

    const ContractionHierarchy* m_ch;
    Side m_fwd;
    Side m_bwd;
    std::uint32_t m_now = 0;
    std::uint32_t m_best = ch_inf;
    graph::NodeId m_meet = graph::invalid_node;
    std::uint32_t m_settled = 0;
};

} // namespace lw::routing
