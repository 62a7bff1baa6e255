#include "graph/csr.hpp"

#include <fmt/format.h>

namespace lw::graph {

Csr csr_from_arcs(std::size_t node_count, std::span<const Arc> arcs) {
    Csr g;
    g.first_out.assign(node_count + 1, 0);
    for (const Arc& a : arcs) {
        ++g.first_out[a.tail + 1];
    }
    for (std::size_t v = 0; v < node_count; ++v) {
        g.first_out[v + 1] += g.first_out[v];
    }
    g.head.resize(arcs.size());
    g.weight.resize(arcs.size());
    std::vector<std::uint32_t> next(g.first_out.begin(), g.first_out.end() - 1);
    for (const Arc& a : arcs) {
        const std::uint32_t pos = next[a.tail]++;
        g.head[pos] = a.head;
        g.weight[pos] = a.weight;
    }
    return g;
}

Csr reverse(const Csr& g) {
    std::vector<Arc> arcs;
    arcs.reserve(g.arc_count());
    for (NodeId v = 0; v < g.node_count(); ++v) {
        for (std::uint32_t a = g.begin(v); a < g.end(v); ++a) {
            arcs.push_back({g.head[a], v, g.weight[a]});
        }
    }
    return csr_from_arcs(g.node_count(), arcs);
}

std::string check(const Csr& g) {
    if (g.first_out.empty()) {
        return "first_out is empty (needs node_count + 1 entries)";
    }
    if (g.first_out.front() != 0) {
        return "first_out does not start at 0";
    }
    if (g.first_out.back() != g.head.size() || g.head.size() != g.weight.size()) {
        return fmt::format("first_out ends at {}, but there are {} heads and {} weights", g.first_out.back(),
                           g.head.size(), g.weight.size());
    }
    for (std::size_t v = 0; v + 1 < g.first_out.size(); ++v) {
        if (g.first_out[v] > g.first_out[v + 1]) {
            return fmt::format("first_out decreases at node {}", v);
        }
    }
    for (std::size_t a = 0; a < g.head.size(); ++a) {
        if (g.head[a] >= g.node_count()) {
            return fmt::format("arc {} points to node {} of {}", a, g.head[a], g.node_count());
        }
        if (g.weight[a] >= max_arc_time) {
            return fmt::format("arc {} has weight {} s, above the limit", a, g.weight[a]);
        }
    }
    return {};
}

} // namespace lw::graph
