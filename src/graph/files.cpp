#include "graph/files.hpp"

#include "core/error.hpp"
#include "store/artefact.hpp"

#include <fmt/format.h>

namespace lw::graph {

namespace {

std::string name_of(std::string_view profile, std::string_view member) {
    return fmt::format("graph/{}/{}", profile, member);
}

template <typename T>
void save(store::Database& db, std::string_view profile, std::string_view member, const std::vector<T>& values) {
    store::write_array(db, name_of(profile, member), fmt::format("road-graph-{}", member), road_graph_format, values);
}

template <typename T> std::vector<T> load(store::Database& db, std::string_view profile, std::string_view member) {
    return store::read_array<T>(db, name_of(profile, member), fmt::format("road-graph-{}", member), road_graph_format);
}

} // namespace

void save_road_graph(store::Database& db, const RoadGraph& g, std::int64_t network_import_id) {
    save(db, g.profile, "source", std::vector<std::int64_t>{network_import_id});
    save(db, g.profile, "first_out", g.forward.first_out);
    save(db, g.profile, "head", g.forward.head);
    save(db, g.profile, "weight", g.forward.weight);
    save(db, g.profile, "position", g.position);
    save(db, g.profile, "network_node", g.network_node);
    save(db, g.profile, "arc_edge", g.arc_edge);
    save(db, g.profile, "arc_reversed", g.arc_reversed);
    save(db, g.profile, "node_of_network", g.node_of_network);
}

std::optional<RoadGraph> load_road_graph(store::Database& db, std::string_view profile, std::int64_t network_import_id) {
    store::Statement exists(db, "SELECT 1 FROM lw_artefacts WHERE name = ?");
    exists.bind(1, name_of(profile, "source"));
    if (!exists.step()) {
        return std::nullopt;
    }
    const auto source = load<std::int64_t>(db, profile, "source");
    if (source.size() != 1 || source[0] != network_import_id) {
        return std::nullopt; // built from another network: rebuild
    }
    RoadGraph g;
    g.profile = std::string(profile);
    g.forward.first_out = load<std::uint32_t>(db, profile, "first_out");
    g.forward.head = load<NodeId>(db, profile, "head");
    g.forward.weight = load<std::uint32_t>(db, profile, "weight");
    g.position = load<geo::Point>(db, profile, "position");
    g.network_node = load<std::uint32_t>(db, profile, "network_node");
    g.arc_edge = load<std::uint32_t>(db, profile, "arc_edge");
    g.arc_reversed = load<std::uint8_t>(db, profile, "arc_reversed");
    g.node_of_network = load<NodeId>(db, profile, "node_of_network");
    if (const auto problem = validate(g); !problem.empty()) {
        throw Error(ErrorKind::workspace, fmt::format("the stored {} graph is inconsistent ({}); rebuild it with "
                                                      "`lebenswert access --rebuild`",
                                                      profile, problem));
    }
    return g;
}

} // namespace lw::graph
