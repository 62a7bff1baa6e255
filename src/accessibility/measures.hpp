#pragma once
// The measures for one profile and one category set, over flat arrays:
//   - seconds to the nearest facility for every origin (one multi-source search backwards from all
//     facilities, ties to the smaller facility index);
//   - how many facilities lie within 5/10/15/20/30 minutes (one bounded backward search per
//     facility, never one per origin);
//   - the E2SFCA supply ratio (Luo & Qi 2009) with step weights.
// Travel time origin -> facility = origin anchor seconds + network time + facility anchor seconds,
// or the direct time along the edge both lie on.

#include "accessibility/network.hpp"
#include "routing/dijkstra.hpp"

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace lw::accessibility {

inline constexpr std::array<std::uint32_t, 5> count_minutes{5, 10, 15, 20, 30};

// Distance-decay step function of E2SFCA: weight for times up to each bound, 0 beyond the last.
struct DecayStep {
    std::uint32_t up_to_minutes;
    double weight;
};
// Luo & Qi 2009 (Health & Place 15:1100): 1.00 / 0.68 / 0.22 for 0-10 / 10-20 / 20-30 minutes.
std::vector<DecayStep> luo_qi_decay();

// Node labels of a multi-source search: time from each node to its nearest facility, and which.
struct NodeLabels {
    std::vector<std::uint32_t> seconds;
    std::vector<std::uint32_t> owner; // destination index, or graph::invalid_node
};

struct SetResult {
    std::vector<std::uint32_t> seconds; // per origin; graph::inf_time = unsnapped or unreachable
    std::vector<std::int32_t> nearest;  // per origin: destination index, -1 if none
    std::vector<std::array<std::uint16_t, 5>> counts; // facilities within count_minutes
    std::vector<double> supply_ratio;   // E2SFCA A_i: supply per resident
};

class MeasureEngine {
public:
    MeasureEngine(const ProfileNetwork& net, const SnappedPoints& origins, const SnappedPoints& destinations);

    // Everything for one set (`members` = destination indices of the set's categories).
    SetResult compute(std::span<const std::uint32_t> members, std::span<const std::int64_t> population,
                      std::span<const std::optional<double>> capacity, const std::vector<DecayStep>& decay,
                      const NodeLabels* labels = nullptr);

    // Building blocks (used by what-if):
    NodeLabels nearest_labels(std::span<const std::uint32_t> members);
    // Several sets at once: one PHAST sweep with a lane per set where the network has a contraction
    // hierarchy (up to 16 sets per sweep), otherwise one Dijkstra per set.
    std::vector<NodeLabels> nearest_labels(const std::vector<std::vector<std::uint32_t>>& sets);
    // The origin's time and facility from node labels plus same-edge shortcuts to facilities whose
    // is_member flag is set (one flag per destination).
    std::pair<std::uint32_t, std::int32_t> origin_best(std::uint32_t origin, const NodeLabels& labels,
                                                       const std::vector<bool>& is_member) const;
    std::vector<bool> member_mask(std::span<const std::uint32_t> members) const;
    // Calls f(origin, seconds) for every origin that reaches destination `dest` within `bound`.
    void reach(std::uint32_t dest, std::uint32_t bound, const std::function<void(std::uint32_t, std::uint32_t)>& f);

    // Origins anchored at a node (CSR), and origins / destinations on each edge.
    std::span<const std::pair<std::uint32_t, std::uint32_t>> origins_at(graph::NodeId node) const {
        return {m_at_node.data() + m_at_node_first[node], m_at_node.data() + m_at_node_first[node + 1]};
    }
    std::span<const std::uint32_t> origins_on_edge(std::uint32_t edge) const { return m_origins_on_edge[edge]; }
    const ProfileNetwork& network() const { return *m_net; }
    routing::Dijkstra& search() { return m_search; }
    const SnappedPoints& origins() const { return *m_origins; }
    const SnappedPoints& destinations() const { return *m_destinations; }

private:
    const ProfileNetwork* m_net;
    const SnappedPoints* m_origins;
    const SnappedPoints* m_destinations;
    std::vector<std::uint32_t> m_at_node_first;                  // per node + 1
    std::vector<std::pair<std::uint32_t, std::uint32_t>> m_at_node; // (origin, anchor seconds)
    std::vector<std::vector<std::uint32_t>> m_origins_on_edge;   // per workspace edge
    std::vector<std::vector<std::uint32_t>> m_destinations_on_edge;
    routing::Dijkstra m_search;                                  // on the reverse graph
    std::vector<std::uint32_t> m_best;                           // per origin, scratch
    std::vector<std::uint32_t> m_touched;
};

} // namespace lw::accessibility
