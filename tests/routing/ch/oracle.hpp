#pragma once
// Helpers for the CH and PHAST oracle tests: random small graphs with everything that can go
// wrong (oneways, zero weights, parallel arcs, loops, several components) and plain Dijkstra
// (routing::Dijkstra, itself checked against Bellman-Ford) as the reference.

#include "graph/csr.hpp"
#include "routing/ch/phast.hpp"
#include "routing/dijkstra.hpp"

#include <random>
#include <vector>

namespace lw::routing::test {

// A uniform-enough number in [0, bound).
inline std::uint32_t below(std::mt19937& rng, std::uint64_t bound) {
    return static_cast<std::uint32_t>(rng() % bound);
}

struct RandomGraphSpec {
    std::size_t max_nodes = 40;
    std::uint32_t max_weight = 20; // weights in [0, max_weight]
    double arcs_per_node = 2.5;
    bool components = true; // split the node range into 1-3 separate parts
};

inline graph::Csr random_graph(std::mt19937& rng, const RandomGraphSpec& spec = {}) {
    const std::size_t n = 1 + rng() % spec.max_nodes;
    const std::size_t parts = spec.components ? 1 + rng() % 3 : 1;
    const auto m = static_cast<std::size_t>(spec.arcs_per_node * static_cast<double>(n) *
                                            (0.5 + below(rng, 100) / 100.0));
    std::vector<graph::Arc> arcs;
    for (std::size_t i = 0; i < m; ++i) {
        // Arcs stay within a part (nodes of part p: v % parts == p), so parts are disconnected.
        const auto tail = static_cast<graph::NodeId>(rng() % n);
        auto head = static_cast<graph::NodeId>(rng() % n);
        head = static_cast<graph::NodeId>(head - head % parts + tail % parts);
        if (head >= n) {
            head = tail;
        }
        const std::uint32_t w =
            rng() % 5 == 0 ? 0 : static_cast<std::uint32_t>(rng() % (spec.max_weight + 1));
        arcs.push_back({tail, head, w});
        if (rng() % 3 == 0) { // a two-way road
            arcs.push_back({head, tail, w});
        }
        if (rng() % 10 == 0) { // a parallel arc
            arcs.push_back({tail, head, static_cast<std::uint32_t>(rng() % (spec.max_weight + 1))});
        }
    }
    return graph::csr_from_arcs(n, arcs);
}

inline std::vector<Source> random_sources(std::mt19937& rng, std::size_t node_count,
                                          std::size_t max_sources, std::uint32_t max_owner,
                                          std::uint32_t max_offset = 10) {
    std::vector<Source> sources(1 + rng() % max_sources);
    for (Source& s : sources) {
        s.node = static_cast<graph::NodeId>(rng() % node_count);
        s.offset = below(rng, max_offset + 1);
        s.owner = below(rng, std::uint64_t{max_owner} + 1);
    }
    return sources;
}

struct Reference {
    std::vector<std::uint32_t> distance;
    std::vector<std::uint32_t> owner;
};

// Dijkstra on `graph` (the input graph for from_sources, its reverse for to_sources).
inline Reference dijkstra_reference(const graph::Csr& graph, const std::vector<Source>& sources) {
    Dijkstra q(graph);
    q.reset();
    for (const Source& s : sources) {
        q.add_source(s.node, s.offset, s.owner);
    }
    q.run();
    Reference r;
    for (graph::NodeId v = 0; v < graph.node_count(); ++v) {
        r.distance.push_back(q.distance(v));
        r.owner.push_back(q.reached(v) ? q.owner(v) : graph::invalid_node);
    }
    return r;
}

} // namespace lw::routing::test
