#pragma once
// The graph that shrinks while a CH is built: per node, one list of its remaining neighbours,
// each entry carrying both directions (a missing direction has weight ch_inf). The lists live in
// flat arrays; a full list moves to the end with twice the room, and the arrays are compacted
// when holes outnumber live entries. Entries are split into what witness searches read (node,
// weights: 12 bytes) and what only contraction needs (middle nodes, hop counts), so searches
// touch less than half the memory. Not thread-safe for writes; concurrent reads are fine.

#include "routing/ch/contraction_hierarchy.hpp"

#include <algorithm>
#include <cassert>
#include <span>
#include <stdexcept>
#include <vector>

namespace lw::routing::detail {

struct DynEntry {
    graph::NodeId other = graph::invalid_node;
    std::uint32_t w_out = ch_inf; // this -> other
    std::uint32_t w_in = ch_inf;  // other -> this
};

struct DynInfo {                                 // same index as its DynEntry
    graph::NodeId mid_out = graph::invalid_node; // bypassed node of a shortcut (input id)
    graph::NodeId mid_in = graph::invalid_node;
    std::uint32_t hops_out = 0; // input arcs the arc stands for
    std::uint32_t hops_in = 0;
};

class DynamicGraph {
public:
    // Input arcs without loops; parallel arcs keep the cheapest.
    explicit DynamicGraph(const graph::Csr& g) : m_seg(g.node_count()) {
        std::vector<std::uint32_t> room(g.node_count(), 0);
        for (graph::NodeId v = 0; v < g.node_count(); ++v) {
            for (std::uint32_t a = g.begin(v); a < g.end(v); ++a) {
                if (g.head[a] != v) {
                    ++room[v];
                    ++room[g.head[a]];
                }
            }
        }
        std::size_t total = 0;
        for (graph::NodeId v = 0; v < g.node_count(); ++v) {
            m_seg[v] = {static_cast<std::uint32_t>(total), 0, room[v] + 2};
            total += room[v] + 2;
        }
        m_entries.resize(total);
        m_infos.resize(total);
        m_live = total;
        for (graph::NodeId v = 0; v < g.node_count(); ++v) {
            for (std::uint32_t a = g.begin(v); a < g.end(v); ++a) {
                if (g.head[a] != v) {
                    relax_out(v, g.head[a], g.weight[a], graph::invalid_node, 1);
                    relax_in(g.head[a], v, g.weight[a], graph::invalid_node, 1);
                }
            }
        }
    }

    std::span<const DynEntry> entries(graph::NodeId v) const {
        return {m_entries.data() + m_seg[v].begin, m_seg[v].size};
    }
    std::span<const DynInfo> infos(graph::NodeId v) const {
        return {m_infos.data() + m_seg[v].begin, m_seg[v].size};
    }

    // Lowers the weight of v -> other (adding the neighbour if new). Callers update the mirror
    // entry with relax_in(other, v, ...) using the same values, so both stay identical.
    void relax_out(graph::NodeId v, graph::NodeId other, std::uint32_t w, graph::NodeId mid,
                   std::uint32_t hops) {
        const std::size_t i = find_or_add(v, other);
        if (w < m_entries[i].w_out) {
            m_entries[i].w_out = w;
            m_infos[i].mid_out = mid;
            m_infos[i].hops_out = hops;
        }
    }
    void relax_in(graph::NodeId v, graph::NodeId other, std::uint32_t w, graph::NodeId mid,
                  std::uint32_t hops) {
        const std::size_t i = find_or_add(v, other);
        if (w < m_entries[i].w_in) {
            m_entries[i].w_in = w;
            m_infos[i].mid_in = mid;
            m_infos[i].hops_in = hops;
        }
    }

    void remove_neighbour(graph::NodeId v, graph::NodeId other) {
        Segment& s = m_seg[v];
        DynEntry* first = m_entries.data() + s.begin;
        for (std::uint32_t i = 0; i < s.size; ++i) {
            if (first[i].other == other) {
                first[i] = first[s.size - 1];
                m_infos[s.begin + i] = m_infos[s.begin + s.size - 1];
                --s.size;
                return;
            }
        }
        assert(false && "remove_neighbour: not a neighbour");
    }

    // v is contracted: its list becomes a hole.
    void drop(graph::NodeId v) {
        m_live -= m_seg[v].cap;
        m_seg[v] = {0, 0, 0};
    }

    // Rewrites the array without holes (in node order, which keeps neighbours of nearby nodes
    // close) once holes outnumber live entries.
    void maybe_compact() {
        const std::size_t holes = m_entries.size() - m_live;
        if (holes >= (1u << 20) && holes >= m_live) {
            compact();
        }
    }

    std::size_t entry_capacity() const { return m_entries.size(); }

private:
    struct Segment {
        std::uint32_t begin = 0;
        std::uint32_t size = 0;
        std::uint32_t cap = 0;
    };

    std::size_t find_or_add(graph::NodeId v, graph::NodeId other) {
        Segment& s = m_seg[v];
        const DynEntry* first = m_entries.data() + s.begin;
        for (std::uint32_t i = 0; i < s.size; ++i) {
            if (first[i].other == other) {
                return s.begin + i;
            }
        }
        if (s.size == s.cap) {
            grow(v);
        }
        const std::size_t i = m_seg[v].begin + m_seg[v].size++;
        m_entries[i] = DynEntry{other, ch_inf, ch_inf};
        m_infos[i] = DynInfo{};
        return i;
    }

    void grow(graph::NodeId v) {
        Segment& s = m_seg[v];
        const std::uint32_t cap = std::max<std::uint32_t>(4, 2 * s.cap);
        const std::size_t end = m_entries.size();
        if (end + cap > std::size_t{0xffff'ffffu}) {
            compact();
            grow(v);
            return;
        }
        m_entries.resize(end + cap);
        m_infos.resize(end + cap);
        std::copy_n(m_entries.begin() + s.begin, s.size,
                    m_entries.begin() + static_cast<std::ptrdiff_t>(end));
        std::copy_n(m_infos.begin() + s.begin, s.size,
                    m_infos.begin() + static_cast<std::ptrdiff_t>(end));
        m_live += cap - s.cap;
        s.begin = static_cast<std::uint32_t>(end);
        s.cap = cap;
    }

    void compact() {
        std::size_t total = 0;
        for (const Segment& seg : m_seg) {
            total += seg.cap == 0 ? 0 : seg.size + seg.size / 4 + 2;
        }
        if (total > std::size_t{0xffff'ffffu} / 2) {
            throw std::length_error(
                "contraction hierarchy: more than 2^31 arcs in the remaining graph");
        }
        std::vector<DynEntry> packed(total);
        std::vector<DynInfo> packed_infos(total);
        std::size_t pos = 0;
        for (Segment& seg : m_seg) {
            if (seg.cap == 0) {
                continue; // contracted
            }
            const std::uint32_t cap = seg.size + seg.size / 4 + 2;
            const auto to = static_cast<std::ptrdiff_t>(pos);
            std::copy_n(m_entries.begin() + seg.begin, seg.size, packed.begin() + to);
            std::copy_n(m_infos.begin() + seg.begin, seg.size, packed_infos.begin() + to);
            seg = {static_cast<std::uint32_t>(pos), seg.size, cap};
            pos += cap;
        }
        m_entries = std::move(packed);
        m_infos = std::move(packed_infos);
        m_live = total;
    }

    std::vector<DynEntry> m_entries;
    std::vector<DynInfo> m_infos;
    std::vector<Segment> m_seg;
    std::size_t m_live = 0; // sum of the capacities of the lists still in use
};

} // namespace lw::routing::detail
