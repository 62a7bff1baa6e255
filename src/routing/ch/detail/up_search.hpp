#pragma once
// The first phase of PHAST: from the sources, climb the hierarchy (arcs to smaller ch ids only)
// and collect every node reached with its tentative label per lane. The climbing graph is a DAG
// in ch order, so nodes are finished in decreasing ch id (no distance queue, no decrease-key):
// when a node is taken, every node that can reach it was taken before. "Next node" is the next
// set bit below the current one in a bitset of reached nodes, which costs n/64 word reads per
// search however many sources there are (a heap made thousands of sources expensive). Labels are
// (seconds << 32) | owner, so the minimum follows Dijkstra's tie rule. Reset is O(1): the bits
// are cleared as they are taken.

#include "routing/ch/detail/sweep.hpp"

#include <span>
#include <vector>

namespace lw::routing::detail {

class UpSearch {
public:
    static constexpr unsigned max_lanes = 32;

    explicit UpSearch(std::size_t node_count)
        : m_slot(node_count), m_reached(node_count / 64 + 1, 0) {}

    void reset(unsigned lanes);
    void add_source(unsigned lane, graph::NodeId ch_node, std::uint64_t label);
    void run(SweepGraph climb);

    // After run(): the nodes reached, in increasing ch id, and their labels (lanes() per node,
    // sweep_inf_u64 where a lane did not reach the node).
    std::span<const std::uint32_t> nodes() const { return m_out_nodes; }
    std::span<const std::uint64_t> labels() const { return m_out_labels; }
    unsigned lanes() const { return m_lanes; }

private:
    std::uint32_t slot_of(graph::NodeId v) {
        const Slot s = m_slot[v];
        return s.stamp == m_now ? s.slot : new_slot(v);
    }
    std::uint32_t new_slot(graph::NodeId v);

    struct Slot {
        std::uint32_t stamp = 0; // the slot is valid if stamp == m_now
        std::uint32_t slot = 0;
    };
    std::vector<Slot> m_slot; // per ch id: one cache line holds both fields
    std::uint32_t m_now = 0;
    unsigned m_lanes = 1;
    std::vector<std::uint64_t> m_slot_labels; // lanes per slot
    std::vector<std::uint32_t> m_slot_mask;   // lanes with a finite label, per slot
    std::vector<std::uint64_t> m_reached;     // bit per ch id: reached, not yet taken
    std::size_t m_top_word = 0;               // no bit is set above this word
    bool m_pending = false;                   // bits set since the last run()
    std::vector<std::uint32_t> m_out_nodes;
    std::vector<std::uint64_t> m_out_labels;
};

} // namespace lw::routing::detail
