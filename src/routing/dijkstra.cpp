#include "routing/dijkstra.hpp"

#include <algorithm>
#include <cassert>

namespace lw::routing {

Dijkstra::Dijkstra(const graph::Csr& graph)
    : m_graph(&graph), m_dist(graph.node_count(), graph::inf_time), m_owner(graph.node_count(), 0),
      m_stamp(graph.node_count(), 0), m_done_flag(graph.node_count(), false) {}

Dijkstra& Dijkstra::reset() {
    if (++m_now == 0) { // the 32-bit stamp wrapped: clear once every 4 billion queries
        std::fill(m_stamp.begin(), m_stamp.end(), 0);
        m_now = 1;
    }
    m_bound = graph::inf_time;
    m_limit = {};
    m_heap.clear();
    m_settled.clear();
    return *this;
}

void Dijkstra::push(graph::NodeId node, std::uint32_t time, std::uint32_t owner) {
    if (m_stamp[node] != m_now) {
        m_stamp[node] = m_now;
        m_dist[node] = graph::inf_time;
        m_owner[node] = graph::invalid_node;
        m_done_flag[node] = false;
    }
    if (m_done_flag[node]) {
        return;
    }
    if (time < m_dist[node] || (time == m_dist[node] && owner < m_owner[node])) {
        m_dist[node] = time;
        m_owner[node] = owner;
        m_heap.push_back({time, owner, node});
        std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>{});
    }
}

Dijkstra& Dijkstra::add_source(graph::NodeId node, std::uint32_t offset, std::uint32_t owner) {
    assert(node < m_graph->node_count());
    if (offset <= m_bound && (m_limit.empty() || offset < m_limit[node])) {
        push(node, offset, owner);
    }
    return *this;
}

Dijkstra& Dijkstra::set_bound(std::uint32_t max_time) {
    m_bound = max_time;
    return *this;
}

Dijkstra& Dijkstra::set_limit(std::span<const std::uint32_t> limit) {
    assert(limit.size() == m_graph->node_count());
    m_limit = limit;
    return *this;
}

void Dijkstra::run() {
    const auto& g = *m_graph;
    while (!m_heap.empty()) {
        std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>{});
        const Entry top = m_heap.back();
        m_heap.pop_back();
        if (m_done_flag[top.node] || top.key != m_dist[top.node] || top.owner != m_owner[top.node]) {
            continue; // a stale entry (lazy deletion)
        }
        if (top.key > m_bound) {
            break;
        }
        m_done_flag[top.node] = true;
        m_settled.push_back(top.node);
        for (std::uint32_t a = g.begin(top.node); a < g.end(top.node); ++a) {
            const graph::NodeId head = g.head[a];
            const std::uint32_t time = top.key + g.weight[a];
            if (time > m_bound || (!m_limit.empty() && time >= m_limit[head])) {
                continue;
            }
            push(head, time, top.owner);
        }
    }
    m_heap.clear();
}

} // namespace lw::routing
