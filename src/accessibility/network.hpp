#pragma once
// One profile's routing network, ready for queries: the graph, its reverse (searches "to" a
// facility run backwards from it), and the snap index. Pinned in memory (the snap index points
// into the graph), so it is handed around by reference.

#include "graph/road_graph.hpp"
#include "graph/snap.hpp"
#include "routing/ch/contraction_hierarchy.hpp"

#include <memory>
#include <optional>
#include <vector>

namespace lw::accessibility {

class ProfileNetwork {
public:
    // Builds the profile's graph from the network.
    ProfileNetwork(const store::Network& network, const graph::Profile& profile);
    // Uses a graph loaded from the workspace (it must belong to this network).
    ProfileNetwork(const store::Network& network, const graph::Profile& profile, graph::RoadGraph graph);
    ProfileNetwork(const ProfileNetwork&) = delete;
    ProfileNetwork& operator=(const ProfileNetwork&) = delete;

    const graph::Profile& profile() const { return *m_profile; }
    const graph::RoadGraph& graph() const { return m_graph; }
    const graph::Csr& reverse() const { return m_reverse; }
    const graph::SnapIndex& index() const { return *m_index; }
    const graph::BuildStats& stats() const { return m_stats; }
    const store::Network& network() const { return *m_network; }
    bool loaded() const { return m_loaded; }

    // Large networks answer "nearest facility for every node" with PHAST sweeps over a contraction
    // hierarchy instead of Dijkstra; small ones do not need it (a town: under a millisecond).
    static constexpr std::size_t ch_min_nodes = 50'000;
    const routing::ContractionHierarchy* ch() const { return m_ch.get(); }
    void use_ch(routing::ContractionHierarchy ch);
    void build_ch();

private:
    void prepare();

    const store::Network* m_network;
    const graph::Profile* m_profile;
    graph::BuildStats m_stats;
    graph::RoadGraph m_graph;
    graph::Csr m_reverse;
    std::unique_ptr<graph::SnapIndex> m_index;
    std::unique_ptr<routing::ContractionHierarchy> m_ch;
    bool m_loaded = false;
    bool m_ch_loaded = false;

    friend void save_if_built(store::Database& db, const ProfileNetwork& net);
};

// The profile's network from the graph stored in the workspace if it was built from the current
// OSM import, else built now (and saved by the caller with save_if_built inside its transaction).
std::unique_ptr<ProfileNetwork> open_profile_network(store::Database& db, const store::Network& network,
                                                     const graph::Profile& profile, bool use_stored = true);
void save_if_built(store::Database& db, const ProfileNetwork& net);

// Points snapped to a profile's network: per point its anchors (count 0 = unsnapped) and snap.
struct SnappedPoints {
    std::vector<graph::Anchors> anchors;
    std::vector<std::optional<graph::Snap>> snap;

    bool snapped(std::size_t i) const { return anchors[i].count > 0; }
};

enum class PointRole { origin, destination };

SnappedPoints snap_points(const ProfileNetwork& net, const std::vector<geo::Point>& points, PointRole role,
                          double max_snap_m);

} // namespace lw::accessibility
