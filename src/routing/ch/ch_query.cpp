#include "routing/ch/ch_query.hpp"

#include <algorithm>
#include <cassert>
#include <functional>

namespace lw::routing {

ChQuery::ChQuery(const ContractionHierarchy& ch) : m_ch(&ch) {
    for (Side* side : {&m_fwd, &m_bwd}) {
        side->dist.assign(ch.node_count(), ch_inf);
        side->stamp.assign(ch.node_count(), 0);
        side->parent.assign(ch.node_count(), graph::invalid_node);
        side->parent_arc.assign(ch.node_count(), 0);
    }
}

ChQuery& ChQuery::reset() {
    if (++m_now == 0) {
        std::fill(m_fwd.stamp.begin(), m_fwd.stamp.end(), 0);
        std::fill(m_bwd.stamp.begin(), m_bwd.stamp.end(), 0);
        m_now = 1;
    }
    m_fwd.heap.clear();
    m_bwd.heap.clear();
    m_best = ch_inf;
    m_meet = graph::invalid_node;
    m_settled = 0;
    return *this;
}

void ChQuery::push(Side& side, graph::NodeId v, std::uint32_t d, graph::NodeId parent,
                   std::uint32_t arc) {
    if (side.stamp[v] != m_now || d < side.dist[v]) {
        side.stamp[v] = m_now;
        side.dist[v] = d;
        side.parent[v] = parent;
        side.parent_arc[v] = arc;
        side.heap.push_back({d, v});
        std::push_heap(side.heap.begin(), side.heap.end(), std::greater<>{});
    }
}

ChQuery& ChQuery::add_source(graph::NodeId node, std::uint32_t offset) {
    assert(node < m_ch->node_count() && offset < ch_inf);
    push(m_fwd, m_ch->input_to_ch[node], offset, graph::invalid_node, 0);
    return *this;
}

ChQuery& ChQuery::add_target(graph::NodeId node, std::uint32_t offset) {
    assert(node < m_ch->node_count() && offset < ch_inf);
    push(m_bwd, m_ch->input_to_ch[node], offset, graph::invalid_node, 0);
    return *this;
}

void ChQuery::run() {
    const ContractionHierarchy& ch = *m_ch;
    // Each direction stops once its smallest key reaches the best meeting: every node it could
    // still settle is at least that far.
    while (true) {
        const std::uint32_t f = m_fwd.heap.empty() ? ch_inf : m_fwd.heap.front().first;
        const std::uint32_t b = m_bwd.heap.empty() ? ch_inf : m_bwd.heap.front().first;
        if (std::min(f, b) >= m_best) {
            break;
        }
        const bool forward = f <= b;
        Side& side = forward ? m_fwd : m_bwd;
        const Side& other = forward ? m_bwd : m_fwd;
        std::pop_heap(side.heap.begin(), side.heap.end(), std::greater<>{});
        const auto [d, v] = side.heap.back();
        side.heap.pop_back();
        if (d != side.dist[v]) {
            continue; // stale
        }
        ++m_settled;
        if (reached(other, v) && d + other.dist[v] < m_best) {
            m_best = d + other.dist[v];
            m_meet = v;
        }
        const auto& first = forward ? ch.up_first : ch.down_first;
        const auto& arcs = forward ? ch.up_arcs : ch.down_arcs;
        for (std::uint32_t a = first[v]; a < first[v + 1]; ++a) {
            push(side, arcs[a].other, d + arcs[a].weight, v, a);
        }
    }
    m_fwd.heap.clear();
    m_bwd.heap.clear();
}

void ChQuery::unpack(graph::NodeId tail, graph::NodeId head, graph::NodeId middle,
                     std::vector<graph::NodeId>& out) const {
    // Appends the nodes after `tail` up to `head` (ch ids). A shortcut tail -> head via m is the
    // down arc tail -> m (stored at m) followed by the up arc m -> head (stored at m).
    struct Item {
        graph::NodeId tail, head, middle;
    };
    std::vector<Item> stack{{tail, head, middle}};
    const ContractionHierarchy& ch = *m_ch;
    const auto find = [](const std::vector<std::uint32_t>& first, const std::vector<ChArc>& arcs,
                         graph::NodeId at, graph::NodeId other) {
        for (std::uint32_t a = first[at]; a < first[at + 1]; ++a) {
            if (arcs[a].other == other) {
                return a;
            }
        }
        assert(false && "unpack: shortcut half missing");
        return first[at];
    };
    while (!stack.empty()) {
        const Item it = stack.back();
        stack.pop_back();
        if (it.middle == graph::invalid_node) {
            out.push_back(it.head);
            continue;
        }
        const graph::NodeId m = it.middle;
        const std::uint32_t first_half = find(ch.down_first, ch.down_arcs, m, it.tail);
        const std::uint32_t second_half = find(ch.up_first, ch.up_arcs, m, it.head);
        stack.push_back({m, it.head, ch.up_middle[second_half]});
        stack.push_back({it.tail, m, ch.down_middle[first_half]});
    }
}

std::vector<graph::NodeId> ChQuery::path() const {
    std::vector<graph::NodeId> nodes;
    if (m_meet == graph::invalid_node) {
        return nodes;
    }
    const ContractionHierarchy& ch = *m_ch;
    // Source -> meeting node: forward parents, collected backwards.
    std::vector<std::pair<graph::NodeId, std::uint32_t>> up_chain; // (tail, arc index in up arcs)
    graph::NodeId v = m_meet;
    while (m_fwd.parent[v] != graph::invalid_node) {
        up_chain.emplace_back(m_fwd.parent[v], m_fwd.parent_arc[v]);
        v = m_fwd.parent[v];
    }
    nodes.push_back(v);
    for (auto it = up_chain.rbegin(); it != up_chain.rend(); ++it) {
        const auto [tail, arc] = *it;
        unpack(tail, ch.up_arcs[arc].other, ch.up_middle[arc], nodes);
    }
    // Meeting node -> target: backward parents point towards the target.
    v = m_meet;
    while (m_bwd.parent[v] != graph::invalid_node) {
        const graph::NodeId next = m_bwd.parent[v];
        const std::uint32_t arc = m_bwd.parent_arc[v]; // down arc at `next`: v -> next
        unpack(v, next, ch.down_middle[arc], nodes);
        v = next;
    }
    for (graph::NodeId& node : nodes) {
        node = ch.ch_to_input[node];
    }
    return nodes;
}

} // namespace lw::routing
