#pragma once
// Dijkstra's algorithm as a reusable query object (one per thread): reset() is O(1) thanks to
// timestamps, so thousands of small searches cost only what they touch.
//   q.reset().add_source(s).run();               one-to-all
//   q.reset().add_source(a, 0, 0).add_source(b, 0, 1).run();   multi-source, owner = nearest source
//   q.reset().add_source(s).set_bound(1800).run(); everything within 30 minutes
// Distances are seconds; owner() tells which source reached a node first (ties: smaller owner).

#include "graph/csr.hpp"

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

namespace lw::routing {

class Dijkstra {
public:
    explicit Dijkstra(const graph::Csr& graph);

    Dijkstra& reset();
    // A source with a start offset (e.g. the time from a building to its snap point).
    Dijkstra& add_source(graph::NodeId node, std::uint32_t offset = 0, std::uint32_t owner = 0);
    // Settle nothing beyond this time. Call before add_source: sources beyond it are ignored.
    Dijkstra& set_bound(std::uint32_t max_time);
    // Only improve on these times: a node is relaxed only if the new time is strictly smaller
    // than limit[node] (incremental "open a facility" updates). The span must outlive run().
    Dijkstra& set_limit(std::span<const std::uint32_t> limit);
    void run();

    std::uint32_t distance(graph::NodeId node) const {
        return m_stamp[node] == m_now ? m_dist[node] : graph::inf_time;
    }
    std::uint32_t owner(graph::NodeId node) const {
        return m_stamp[node] == m_now ? m_owner[node] : graph::invalid_node;
    }
    bool reached(graph::NodeId node) const { return distance(node) != graph::inf_time; }
    // Nodes in the order they were settled.
    std::span<const graph::NodeId> settled() const { return m_settled; }

private:
    struct Entry {
        std::uint32_t key;
        std::uint32_t owner;
        graph::NodeId node;
        bool operator>(const Entry& o) const { return key != o.key ? key > o.key : owner > o.owner; }
    };
    void push(graph::NodeId node, std::uint32_t time, std::uint32_t owner);

    const graph::Csr* m_graph;
    std::vector<std::uint32_t> m_dist;
    std::vector<std::uint32_t> m_owner;
    std::vector<std::uint32_t> m_stamp;
    std::vector<bool> m_done_flag; // indexed like m_stamp; valid when stamped
    std::uint32_t m_now = 0;
    std::uint32_t m_bound = graph::inf_time;
    std::span<const std::uint32_t> m_limit;
    std::vector<Entry> m_heap;
    std::vector<graph::NodeId> m_settled;
};

} // namespace lw::routing
