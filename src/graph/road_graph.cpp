#include "graph/road_graph.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lw::graph {

std::vector<bool> largest_strong_component(const Csr& g) {
    const std::size_t n = g.node_count();
    constexpr std::uint32_t unvisited = invalid_node;
    std::vector<std::uint32_t> index(n, unvisited), low(n, 0), component(n, unvisited);
    std::vector<bool> on_stack(n, false);
    std::vector<NodeId> stack;
    std::vector<std::pair<NodeId, std::uint32_t>> call; // node, next arc to look at
    std::uint32_t next_index = 0, component_count = 0;
    std::vector<std::size_t> component_size;
    for (NodeId root = 0; root < n; ++root) {
        if (index[root] != unvisited) {
            continue;
        }
        call.emplace_back(root, g.begin(root));
        index[root] = low[root] = next_index++;
        stack.push_back(root);
        on_stack[root] = true;
        while (!call.empty()) {
            auto& [v, arc] = call.back();
            if (arc < g.end(v)) {
                const NodeId w = g.head[arc++];
                if (index[w] == unvisited) {
                    index[w] = low[w] = next_index++;
                    stack.push_back(w);
                    on_stack[w] = true;
                    call.emplace_back(w, g.begin(w));
                } else if (on_stack[w]) {
                    low[v] = std::min(low[v], index[w]);
                }
                continue;
            }
            const NodeId done = v;
            call.pop_back();
            if (!call.empty()) {
                low[call.back().first] = std::min(low[call.back().first], low[done]);
            }
            if (low[done] == index[done]) {
                std::size_t size = 0;
                NodeId w;
                do {
                    w = stack.back();
                    stack.pop_back();
                    on_stack[w] = false;
                    component[w] = component_count;
                    ++size;
                } while (w != done);
                component_size.push_back(size);
                ++component_count;
            }
        }
    }
    std::vector<bool> inside(n, false);
    if (component_size.empty()) {
        return inside;
    }
    const auto largest = static_cast<std::uint32_t>(
        std::max_element(component_size.begin(), component_size.end()) - component_size.begin());
    for (NodeId v = 0; v < n; ++v) {
        inside[v] = component[v] == largest;
    }
    return inside;
}

RoadGraph build_road_graph(const store::Network& network, const Profile& profile, BuildStats* stats) {
    // 1. Arcs over all network nodes.
    struct RawArc {
        Arc arc;
        std::uint32_t edge;
        std::uint8_t reversed;
    };
    std::vector<RawArc> raw;
    std::size_t usable = 0;
    for (std::uint32_t e = 0; e < network.edges.size(); ++e) {
        const auto& edge = network.edges[e];
        const Directions d = directions(profile, edge);
        if (!d.forward && !d.backward) {
            continue;
        }
        ++usable;
        const std::uint32_t seconds = edge_seconds(profile, edge);
        if (d.forward) {
            raw.push_back({{edge.from_node, edge.to_node, seconds}, e, 0});
        }
        if (d.backward) {
            raw.push_back({{edge.to_node, edge.from_node, seconds}, e, 1});
        }
    }
    std::vector<Arc> all_arcs;
    all_arcs.reserve(raw.size());
    for (const auto& r : raw) {
        all_arcs.push_back(r.arc);
    }
    const Csr full = csr_from_arcs(network.nodes.size(), all_arcs);

    // 2. Keep the largest strongly connected component among nodes that have arcs.
    const std::vector<bool> inside = largest_strong_component(full);
    RoadGraph g;
    g.profile = std::string(profile.name);
    g.node_of_network.assign(network.nodes.size(), invalid_node);
    std::size_t touched = 0;
    std::vector<bool> has_arc(network.nodes.size(), false);
    for (const auto& r : raw) {
        has_arc[r.arc.tail] = has_arc[r.arc.head] = true;
    }
    for (std::uint32_t v = 0; v < network.nodes.size(); ++v) {
        touched += has_arc[v] ? 1 : 0;
        if (inside[v] && has_arc[v]) {
            g.node_of_network[v] = static_cast<NodeId>(g.position.size());
            g.position.push_back(network.nodes[v].position);
            g.network_node.push_back(v);
        }
    }
    // 3. The CSR over the kept nodes, arcs sorted by tail with their edge links alongside.
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < raw.size(); ++i) {
        if (g.node_of_network[raw[i].arc.tail] != invalid_node && g.node_of_network[raw[i].arc.head] != invalid_node) {
            order.push_back(i);
        }
    }
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return g.node_of_network[raw[a].arc.tail] < g.node_of_network[raw[b].arc.tail];
    });
    std::vector<Arc> arcs;
    arcs.reserve(order.size());
    for (const auto i : order) {
        arcs.push_back({g.node_of_network[raw[i].arc.tail], g.node_of_network[raw[i].arc.head], raw[i].arc.weight});
        g.arc_edge.push_back(raw[i].edge);
        g.arc_reversed.push_back(raw[i].reversed);
    }
    g.forward = csr_from_arcs(g.position.size(), arcs); // stable per tail: arc i stays arc i
    if (stats != nullptr) {
        stats->usable_edges = usable;
        stats->component_nodes = g.position.size();
        stats->dropped_nodes = touched - g.position.size();
    }
    return g;
}

std::string validate(const RoadGraph& g) {
    if (auto problem = check(g.forward); !problem.empty()) {
        return problem;
    }
    const std::size_t n = g.node_count();
    if (g.position.size() != n || g.network_node.size() != n) {
        return fmt::format("{} nodes, but {} positions and {} network ids", n, g.position.size(), g.network_node.size());
    }
    if (g.arc_edge.size() != g.forward.arc_count() || g.arc_reversed.size() != g.forward.arc_count()) {
        return "per-arc edge links do not match the arc count";
    }
    for (NodeId v = 0; v < n; ++v) {
        const auto w = g.network_node[v];
        if (w >= g.node_of_network.size() || g.node_of_network[w] != v) {
            return fmt::format("node {} and network node {} do not map onto each other", v, w);
        }
    }
    return {};
}

} // namespace lw::graph
