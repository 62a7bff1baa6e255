#pragma once
// Routing graphs as workspace artefacts (store/artefact.hpp): one checked array per member, under
// the names "graph/<profile>/<member>", plus the id of the OSM import the graph was built from, so
// a graph from an older network is never used.

#include "graph/road_graph.hpp"
#include "store/sqlite.hpp"

#include <optional>

namespace lw::graph {

inline constexpr std::uint32_t road_graph_format = 1;

void save_road_graph(store::Database& db, const RoadGraph& graph, std::int64_t network_import_id);

// The stored graph of the profile, if there is one built from this network import; validated.
// Throws workspace errors for a damaged artefact.
std::optional<RoadGraph> load_road_graph(store::Database& db, std::string_view profile, std::int64_t network_import_id);

} // namespace lw::graph
