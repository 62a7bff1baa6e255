#include "routing/ch/detail/up_search.hpp"

#include <algorithm>
#include <bit>
#include <cassert>

namespace lw::routing::detail {

void UpSearch::reset(unsigned lanes) {
    assert(lanes >= 1 && lanes <= max_lanes);
    if (++m_now == 0) {
        std::fill(m_slot.begin(), m_slot.end(), Slot{});
        m_now = 1;
    }
    m_lanes = lanes;
    m_slot_labels.clear();
    if (m_pending) { // sources were added but never run: drop their bits
        std::fill(m_reached.begin(),
                  m_reached.begin() + static_cast<std::ptrdiff_t>(m_top_word) + 1, 0);
    }
    m_slot_mask.clear();
    m_top_word = 0;
    m_out_nodes.clear();
    m_out_labels.clear();
}

std::uint32_t UpSearch::new_slot(graph::NodeId v) {
    const auto slot = static_cast<std::uint32_t>(m_slot_mask.size());
    m_slot[v] = {m_now, slot};
    m_slot_mask.push_back(0);
    m_slot_labels.resize(m_slot_labels.size() + m_lanes, sweep_inf_u64);
    m_reached[v / 64] |= std::uint64_t{1} << (v % 64);
    m_pending = true;
    m_top_word = std::max<std::size_t>(m_top_word, v / 64);
    return slot;
}

void UpSearch::add_source(unsigned lane, graph::NodeId ch_node, std::uint64_t label) {
    assert(lane < m_lanes);
    const std::uint32_t s = slot_of(ch_node);
    std::uint64_t& l = m_slot_labels[std::size_t{s} * m_lanes + lane];
    l = std::min(l, label);
    m_slot_mask[s] |= 1u << lane;
}

void UpSearch::run(SweepGraph climb) {
    for (std::size_t word = m_top_word + 1; word-- > 0;) {
        // Arcs climb to smaller ids, so bits set while this word is worked on are below the
        // current one: re-reading the word always yields the next node.
        while (m_reached[word] != 0) {
            const auto bit = static_cast<unsigned>(63 - std::countl_zero(m_reached[word]));
            m_reached[word] &= ~(std::uint64_t{1} << bit);
            const auto v = static_cast<graph::NodeId>(word * 64 + bit);
            const std::uint32_t sv = m_slot[v].slot;
            m_out_nodes.push_back(v);
            const std::size_t out = m_out_labels.size();
            m_out_labels.insert(m_out_labels.end(),
                                m_slot_labels.begin() +
                                    static_cast<std::ptrdiff_t>(std::size_t{sv} * m_lanes),
                                m_slot_labels.begin() +
                                    static_cast<std::ptrdiff_t>((std::size_t{sv} + 1) * m_lanes));
            const std::uint32_t mask = m_slot_mask[sv];
            for (std::uint32_t a = climb.first[v]; a < climb.first[v + 1]; ++a) {
                const std::uint32_t su = slot_of(climb.arcs[a].other); // may grow m_slot_labels
                const std::uint64_t w = std::uint64_t{climb.arcs[a].weight} << 32;
                std::uint64_t* target = m_slot_labels.data() + std::size_t{su} * m_lanes;
                for (std::uint32_t bits = mask; bits != 0; bits &= bits - 1) {
                    const auto lane = static_cast<unsigned>(std::countr_zero(bits));
                    target[lane] = std::min(target[lane], m_out_labels[out + lane] + w);
                }
                m_slot_mask[su] |= mask;
            }
        }
    }
    m_top_word = 0;
    m_pending = false;
    // Taken in decreasing ch id; the sweep wants increasing.
    std::reverse(m_out_nodes.begin(), m_out_nodes.end());
    const std::size_t count = m_out_nodes.size();
    for (std::size_t i = 0; i < count / 2; ++i) {
        std::swap_ranges(m_out_labels.begin() + static_cast<std::ptrdiff_t>(i * m_lanes),
                         m_out_labels.begin() + static_cast<std::ptrdiff_t>((i + 1) * m_lanes),
                         m_out_labels.begin() +
                             static_cast<std::ptrdiff_t>((count - 1 - i) * m_lanes));
    }
}

} // namespace lw::routing::detail
