#pragma once
// Synthetic road-like graphs for tests and benchmarks (no OSM data needed): a perturbed grid of
// junctions with random gaps, every road between two junctions split into 1-3 segments (degree-2
// nodes, as in an OSM import), faster arterials every 4th and 16th row and column, some oneways.
// Weights are whole seconds of 10-150 m segments at 30-100 km/h (very short segments round to 0 s).
// Node ids follow a Hilbert curve over the junction grid, so nearby nodes have nearby ids, as in
// a real import. Deterministic for a given (approx_nodes, seed); ~1 M nodes take well under a
// second.

#include "graph/csr.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lw::graph {

struct RoadLikeNetwork {
    Csr graph;
    std::vector<std::int32_t> x_m; // per node, metres east of the south-west corner
    std::vector<std::int32_t> y_m; // per node, metres north of the south-west corner
};

// About approx_nodes nodes (within ~10 %); at least a 2 x 2 grid.
RoadLikeNetwork road_like_network(std::size_t approx_nodes, std::uint32_t seed);
Csr road_like_graph(std::size_t approx_nodes, std::uint32_t seed);

} // namespace lw::graph
