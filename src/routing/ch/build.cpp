// CH construction: node order by RoutingKit's priority (level, edge quotient, hop quotient),
// witness searches bounded by settled nodes. First parallel rounds (TBB) of nodes that are
// priority minima within two hops, with the neighbours' priorities recomputed after each round;
// then, for the dense top of the hierarchy, one node at a time with neighbour updates (beyond 16
// neighbours only lazily) and re-evaluation on pop. Deterministic for any thread count. See
// docs/performance.md.

#include "routing/ch/contraction_hierarchy.hpp"
#include "routing/ch/detail/dynamic_graph.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <queue>

namespace lw::routing {

namespace {

// In the one-by-one phase, neighbours of a contracted node get their priority recomputed at once
// only up to this many neighbours (see contract_sequentially).
constexpr std::size_t eager_update_max_neighbours = 16;

using detail::DynamicGraph;
using detail::DynEntry;
using graph::NodeId;

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Dijkstra from one in-neighbour of the node being contracted, in the remaining graph without
// that node (and, in parallel rounds, without every node of the round). One per thread.
class WitnessSearch {
public:
    explicit WitnessSearch(std::size_t node_count) : m_node(node_count) {}

    void start() {
        if (++m_now == 0) {
            std::fill(m_node.begin(), m_node.end(), Node{});
            m_now = 1;
        }
        m_heap.clear();
    }
    void add_target(NodeId v) { m_node[v].target = m_now; }

    void run(const DynamicGraph& g, NodeId source, NodeId bypass, const std::uint8_t* excluded,
             std::uint32_t bound, std::uint32_t settle_limit, std::uint32_t target_count) {
        m_node[source].stamp = m_now;
        m_node[source].dist = 0;
        m_heap.push_back(source); // (distance << 32) | node: one integer compare per heap step
        std::uint32_t settled = 0;
        while (!m_heap.empty()) {
            std::pop_heap(m_heap.begin(), m_heap.end(), std::greater<>{});
            const auto key = static_cast<std::uint32_t>(m_heap.back() >> 32);
            const auto x = static_cast<NodeId>(m_heap.back());
            m_heap.pop_back();
            const Node& nx = m_node[x];
            if (key != nx.dist) {
                continue; // stale
            }
            if (nx.target == m_now && --target_count == 0) {
                return;
            }
            if (++settled > settle_limit) {
                return;
            }
            for (const DynEntry& e : g.entries(x)) {
                if (e.w_out == ch_inf || e.other == bypass ||
                    (excluded != nullptr && excluded[e.other] != 0)) {
                    continue;
                }
                const std::uint32_t d = key + e.w_out;
                if (d > bound) {
                    continue;
                }
                Node& ny = m_node[e.other];
                if (ny.stamp != m_now || d < ny.dist) {
                    ny.stamp = m_now;
                    ny.dist = d;
                    m_heap.push_back((std::uint64_t{d} << 32) | e.other);
                    std::push_heap(m_heap.begin(), m_heap.end(), std::greater<>{});
                }
            }
        }
    }

    // An upper bound of the distance (exact for settled nodes); ch_inf if not reached.
    std::uint32_t distance(NodeId v) const {
        return m_node[v].stamp == m_now ? m_node[v].dist : ch_inf;
    }

private:
    struct Node { // one cache access per visited node
        std::uint32_t stamp = 0;
        std::uint32_t dist = 0;
        std::uint32_t target = 0; // == m_now: a target of this search
    };
    std::vector<Node> m_node;
    std::uint32_t m_now = 0;
    std::vector<std::uint64_t> m_heap;
};

struct Shortcut {
    NodeId from = 0;
    NodeId to = 0;
    std::uint32_t weight = 0;
    std::uint32_t hops = 0;
};

// Calls emit(shortcut) for every pair u -> v -> w without a witness of at most the same length.
template <typename Emit>
void find_shortcuts(const DynamicGraph& g, WitnessSearch& search, NodeId v,
                    const std::uint8_t* excluded, std::uint32_t settle_limit, Emit&& emit) {
    const auto entries = g.entries(v);
    const auto infos = g.infos(v);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const DynEntry& in = entries[i];
        if (in.w_in == ch_inf) {
            continue;
        }
        const NodeId u = in.other;
        search.start();
        std::uint32_t targets = 0;
        std::uint64_t bound = 0;
        for (const DynEntry& out : entries) {
            if (out.w_out != ch_inf && out.other != u) {
                search.add_target(out.other);
                ++targets;
                bound = std::max<std::uint64_t>(bound, std::uint64_t{in.w_in} + out.w_out);
            }
        }
        if (targets == 0) {
            continue;
        }
        if (bound >= ch_inf) {
            throw Error(ErrorKind::input_value,
                        fmt::format("contraction hierarchy: a path of {} s or more (limit {} s)",
                                    bound, ch_inf));
        }
        search.run(g, u, v, excluded, static_cast<std::uint32_t>(bound), settle_limit, targets);
        for (std::size_t j = 0; j < entries.size(); ++j) {
            const DynEntry& out = entries[j];
            if (out.w_out == ch_inf || out.other == u) {
                continue;
            }
            const std::uint32_t weight = in.w_in + out.w_out;
            if (search.distance(out.other) > weight) {
                emit(Shortcut{u, out.other, weight, infos[i].hops_in + infos[j].hops_out});
            }
        }
    }
}

// RoutingKit's priority: 1 + 1000 level + 1000 added/removed arcs + 1000 added/removed hops.
// RoutingKit's priority from the shortcuts that contracting v would add.
template <typename Shortcuts>
std::uint64_t priority_of(const DynamicGraph& g, NodeId v, std::uint32_t level, const Shortcuts& added_arcs) {
    std::uint64_t removed = 1;
    std::uint64_t removed_hops = 1;
    const auto entries = g.entries(v);
    const auto infos = g.infos(v);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].w_out != ch_inf) {
            ++removed;
            removed_hops += infos[i].hops_out;
        }
        if (entries[i].w_in != ch_inf) {
            ++removed;
            removed_hops += infos[i].hops_in;
        }
    }
    const std::uint64_t added = added_arcs.count;
    const std::uint64_t added_hops = added_arcs.hops;
    return 1 + 1000 * std::uint64_t{level} + (1000 * added) / removed +
           (1000 * added_hops) / removed_hops;
}

struct ShortcutTally {
    std::uint64_t count = 0;
    std::uint64_t hops = 0;
};

std::uint64_t priority(const DynamicGraph& g, WitnessSearch& search, NodeId v, std::uint32_t level,
                       std::uint32_t settle_limit) {
    ShortcutTally tally;
    find_shortcuts(g, search, v, nullptr, settle_limit, [&](const Shortcut& s) {
        ++tally.count;
        tally.hops += s.hops;
    });
    return priority_of(g, v, level, tally);
}

std::uint32_t tie_hash(NodeId v) {
    std::uint32_t x = v * 0x9e3779b9u;
    x ^= x >> 16;
    x *= 0x85ebca6bu;
    x ^= x >> 13;
    return x;
}

struct RawArc {
    NodeId low = 0;  // contracted first (input id)
    NodeId high = 0; // input id
    std::uint32_t weight = 0;
    NodeId middle = graph::invalid_node; // input id
};

class Builder {
public:
    Builder(const graph::Csr& g, const ChConfig& config)
        : m_config(config), m_n(static_cast<NodeId>(g.node_count())), m_graph(g), m_level(m_n, 0),
          m_priority(m_n, 0), m_contracted(m_n, 0), m_in_round(m_n, 0), m_affected(m_n, 0),
          m_searches([n = m_n] { return WitnessSearch(n); }) {}

    ContractionHierarchy run(ChBuildStats& stats) {
        auto t0 = std::chrono::steady_clock::now();
        tbb::parallel_for(
            tbb::blocked_range<NodeId>(0, m_n, 1024), [&](const tbb::blocked_range<NodeId>& r) {
                auto& search = m_searches.local();
                for (NodeId v = r.begin(); v < r.end(); ++v) {
                    m_priority[v] = priority(m_graph, search, v, 0, m_config.witness_settle_limit);
                }
            });
        stats.seconds_priorities = seconds_since(t0);

        t0 = std::chrono::steady_clock::now();
        std::vector<NodeId> remaining(m_n);
        for (NodeId v = 0; v < m_n; ++v) {
            remaining[v] = v;
        }
        while (!remaining.empty() && m_config.min_round_share_permille < 1000) {
            if (!contract_round(remaining)) {
                break;
            }
            ++stats.rounds;
        }
        stats.nodes_in_rounds = static_cast<std::uint32_t>(m_order.size());
        stats.seconds_rounds = seconds_since(t0);

        t0 = std::chrono::steady_clock::now();
        contract_sequentially(remaining);
        stats.nodes_sequential = static_cast<std::uint32_t>(m_order.size()) - stats.nodes_in_rounds;
        stats.seconds_sequential = seconds_since(t0);
        return assemble(stats);
    }

private:
    bool key_less(NodeId a, NodeId b) const {
        if (m_priority[a] != m_priority[b]) {
            return m_priority[a] < m_priority[b];
        }
        const std::uint32_t ha = tie_hash(a);
        const std::uint32_t hb = tie_hash(b);
        return ha != hb ? ha < hb : a < b;
    }

    // No node within two hops has a smaller key: contracting all such nodes at once is safe
    // (they share no neighbours) and close to the sequential order.
    bool is_local_minimum(NodeId v) const {
        for (const DynEntry& e : m_graph.entries(v)) {
            if (key_less(e.other, v)) {
                return false;
            }
        }
        for (const DynEntry& e : m_graph.entries(v)) {
            for (const DynEntry& f : m_graph.entries(e.other)) {
                if (f.other != v && key_less(f.other, v)) {
                    return false;
                }
            }
        }
        return true;
    }

    // One parallel round; false if the independent set got too small to pay.
    bool contract_round(std::vector<NodeId>& remaining) {
        std::vector<std::uint8_t> selected(remaining.size(), 0);
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, remaining.size(), 2048),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                              for (std::size_t i = r.begin(); i < r.end(); ++i) {
                                  selected[i] = is_local_minimum(remaining[i]) ? 1 : 0;
                              }
                          });
        std::vector<NodeId> round;
        for (std::size_t i = 0; i < remaining.size(); ++i) {
            if (selected[i] != 0) {
                round.push_back(remaining[i]);
            }
        }
        if (round.size() * 1000 < remaining.size() * m_config.min_round_share_permille ||
            round.size() < std::max(1u, m_config.min_round_nodes)) {
            return false;
        }
        for (NodeId v : round) {
            m_in_round[v] = 1;
        }
        // Witnesses avoid every node of the round: two contracted nodes must not witness each
        // other's shortcuts.
        m_round_shortcuts.resize(std::max(m_round_shortcuts.size(), round.size()));
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, round.size(), 64),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                              auto& search = m_searches.local();
                              for (std::size_t i = r.begin(); i < r.end(); ++i) {
                                  auto& out = m_round_shortcuts[i];
                                  out.clear();
                                  find_shortcuts(m_graph, search, round[i], m_in_round.data(),
                                                 m_config.witness_settle_limit,
                                                 [&](const Shortcut& s) { out.push_back(s); });
                              }
                          });
        std::vector<NodeId> affected;
        for (std::size_t i = 0; i < round.size(); ++i) {
            remove_node(round[i], affected);
        }
        for (std::size_t i = 0; i < round.size(); ++i) {
            add_shortcuts(round[i], m_round_shortcuts[i]);
        }
        for (NodeId v : round) {
            m_in_round[v] = 0;
        }
        update_priorities(affected);
        m_graph.maybe_compact();
        std::erase_if(remaining, [&](NodeId v) { return m_contracted[v] != 0; });
        return true;
    }

    void contract_sequentially(const std::vector<NodeId>& remaining) {
        using Item = std::pair<std::uint64_t, NodeId>;
        std::priority_queue<Item, std::vector<Item>, std::greater<>> queue;
        for (NodeId v : remaining) {
            queue.push({m_priority[v], v});
        }
        auto& search = m_searches.local();
        std::vector<Shortcut> shortcuts;
        std::vector<NodeId> affected;
        while (!queue.empty()) {
            const auto [key, v] = queue.top();
            queue.pop();
            if (m_contracted[v] != 0 || key != m_priority[v]) {
                continue; // stale entry
            }
            // Lazy update: contractions elsewhere may have changed v's witnesses; if v is no
            // longer the minimum, it goes back into the queue. The shortcuts found for the
            // priority are the ones the contraction adds.
            shortcuts.clear();
            ShortcutTally tally;
            find_shortcuts(m_graph, search, v, nullptr, m_config.witness_settle_limit,
                           [&](const Shortcut& s) {
                               shortcuts.push_back(s);
                               ++tally.count;
                               tally.hops += s.hops;
                           });
            const std::uint64_t now = priority_of(m_graph, v, m_level[v], tally);
            if (now != key) {
                m_priority[v] = now;
                if (!queue.empty() && now > queue.top().first) {
                    queue.push({now, v});
                    continue;
                }
            }
            affected.clear();
            remove_node(v, affected);
            add_shortcuts(v, shortcuts);
            // Neighbours' priorities: recomputed at once where v had few neighbours; in the
            // dense top of the hierarchy (many neighbours, each recomputation d witness
            // searches) only on their next pop, by the lazy update above.
            for (NodeId x : affected) {
                m_affected[x] = 0;
                if (affected.size() <= eager_update_max_neighbours) {
                    m_priority[x] =
                        priority(m_graph, search, x, m_level[x], m_config.witness_settle_limit);
                    queue.push({m_priority[x], x});
                }
            }
            m_graph.maybe_compact();
        }
    }

    // Records v's remaining arcs as CH arcs and takes v out of the graph.
    void remove_node(NodeId v, std::vector<NodeId>& affected) {
        const auto entries = m_graph.entries(v);
        const auto infos = m_graph.infos(v);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            if (entries[i].w_out != ch_inf) {
                m_up.push_back({v, entries[i].other, entries[i].w_out, infos[i].mid_out});
            }
            if (entries[i].w_in != ch_inf) {
                m_down.push_back({v, entries[i].other, entries[i].w_in, infos[i].mid_in});
            }
        }
        m_scratch.assign(entries.begin(), entries.end()); // the lists below may move
        for (const DynEntry& e : m_scratch) {
            m_level[e.other] = std::max(m_level[e.other], m_level[v] + 1);
            m_graph.remove_neighbour(e.other, v);
            if (m_affected[e.other] == 0) {
                m_affected[e.other] = 1;
                affected.push_back(e.other);
            }
        }
        m_graph.drop(v);
        m_contracted[v] = 1;
        m_order.push_back(v);
    }

    void add_shortcuts(NodeId middle, const std::vector<Shortcut>& shortcuts) {
        for (const Shortcut& s : shortcuts) {
            m_graph.relax_out(s.from, s.to, s.weight, middle, s.hops);
            m_graph.relax_in(s.to, s.from, s.weight, middle, s.hops);
        }
    }

    void update_priorities(std::vector<NodeId>& affected) {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, affected.size(), 256),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                              auto& search = m_searches.local();
                              for (std::size_t i = r.begin(); i < r.end(); ++i) {
                                  const NodeId x = affected[i];
                                  m_priority[x] = priority(m_graph, search, x, m_level[x],
                                                           m_config.witness_settle_limit);
                              }
                          });
        for (NodeId x : affected) {
            m_affected[x] = 0;
        }
    }

    ContractionHierarchy assemble(ChBuildStats& stats) {
        ContractionHierarchy ch;
        // Sweep order: level descending, then input id (a counting sort keeps input order).
        std::uint32_t top = 0;
        for (NodeId v = 0; v < m_n; ++v) {
            top = std::max(top, m_level[v]);
        }
        const std::size_t levels = m_n == 0 ? 0 : std::size_t{top} + 1;
        ch.level_first.assign(levels + 1, 0);
        for (NodeId v = 0; v < m_n; ++v) {
            ++ch.level_first[top - m_level[v] + 1];
        }
        for (std::size_t b = 0; b < levels; ++b) {
            ch.level_first[b + 1] += ch.level_first[b];
        }
        ch.ch_to_input.resize(m_n);
        ch.input_to_ch.resize(m_n);
        {
            std::vector<std::uint32_t> next(ch.level_first.begin(),
                                            ch.level_first.end() - (levels > 0 ? 1 : 0));
            for (NodeId v = 0; v < m_n; ++v) {
                const std::uint32_t pos = next[top - m_level[v]]++;
                ch.ch_to_input[pos] = v;
                ch.input_to_ch[v] = pos;
            }
        }
        const auto to_side = [&](std::vector<RawArc>& raw, std::vector<std::uint32_t>& first,
                                 std::vector<ChArc>& arcs, std::vector<NodeId>& middle) {
            first.assign(std::size_t{m_n} + 1, 0);
            for (const RawArc& a : raw) {
                ++first[ch.input_to_ch[a.low] + 1];
            }
            for (std::size_t v = 0; v < m_n; ++v) {
                first[v + 1] += first[v];
            }
            arcs.resize(raw.size());
            middle.resize(raw.size());
            std::vector<std::uint32_t> next(first.begin(), first.end() - 1);
            for (const RawArc& a : raw) {
                const std::uint32_t pos = next[ch.input_to_ch[a.low]]++;
                arcs[pos] = {ch.input_to_ch[a.high], a.weight};
                middle[pos] = a.middle == graph::invalid_node ? graph::invalid_node
                                                              : ch.input_to_ch[a.middle];
                stats.shortcuts += a.middle == graph::invalid_node ? 0 : 1;
            }
            raw.clear();
            raw.shrink_to_fit();
            // Arcs of a node by increasing `other`: a sweep then reads labels in address order.
            std::vector<std::pair<ChArc, NodeId>> tmp;
            for (std::size_t v = 0; v < m_n; ++v) {
                tmp.clear();
                for (std::uint32_t a = first[v]; a < first[v + 1]; ++a) {
                    tmp.emplace_back(arcs[a], middle[a]);
                }
                std::sort(tmp.begin(), tmp.end(), [](const auto& x, const auto& y) {
                    return x.first.other < y.first.other;
                });
                for (std::uint32_t a = first[v]; a < first[v + 1]; ++a) {
                    arcs[a] = tmp[a - first[v]].first;
                    middle[a] = tmp[a - first[v]].second;
                }
            }
        };
        to_side(m_up, ch.up_first, ch.up_arcs, ch.up_middle);
        to_side(m_down, ch.down_first, ch.down_arcs, ch.down_middle);
        return ch;
    }

    const ChConfig& m_config;
    NodeId m_n;
    DynamicGraph m_graph;
    std::vector<std::uint32_t> m_level;
    std::vector<std::uint64_t> m_priority;
    std::vector<std::uint8_t> m_contracted;
    std::vector<std::uint8_t> m_in_round;
    std::vector<std::uint8_t> m_affected;
    tbb::enumerable_thread_specific<WitnessSearch> m_searches;
    std::vector<std::vector<Shortcut>> m_round_shortcuts;
    std::vector<DynEntry> m_scratch;
    std::vector<NodeId> m_order;
    std::vector<RawArc> m_up;
    std::vector<RawArc> m_down;
};

} // namespace

ContractionHierarchy build_ch(const graph::Csr& forward, const ChConfig& config,
                              ChBuildStats* stats) {
    if (const std::string problem = graph::check(forward); !problem.empty()) {
        throw Error(ErrorKind::input_value, "contraction hierarchy: input graph: " + problem);
    }
    if (forward.node_count() >= graph::invalid_node) {
        throw Error(ErrorKind::input_value, "contraction hierarchy: too many nodes");
    }
    const auto t0 = std::chrono::steady_clock::now();
    ChBuildStats local;
    ChBuildStats& s = stats != nullptr ? *stats : local;
    s = {};
    ContractionHierarchy ch;
    tbb::task_arena arena(config.threads == 0 ? tbb::task_arena::automatic
                                              : static_cast<int>(config.threads));
    arena.execute([&] {
        Builder builder(forward, config);
        ch = builder.run(s);
    });
    s.seconds_total = seconds_since(t0);
    return ch;
}

std::string validate(const ContractionHierarchy& ch) {
    const std::size_t n = ch.node_count();
    if (ch.input_to_ch.size() != n) {
        return fmt::format("{} ch ids but {} input ids", n, ch.input_to_ch.size());
    }
    for (std::size_t c = 0; c < n; ++c) {
        if (ch.ch_to_input[c] >= n || ch.input_to_ch[ch.ch_to_input[c]] != c) {
            return fmt::format("ch id {} and input id {} do not map back to each other", c,
                               ch.ch_to_input[c]);
        }
    }
    if (ch.level_first.empty() || ch.level_first.front() != 0 || ch.level_first.back() != n ||
        (n > 0 && ch.level_first.size() < 2)) {
        return "level_first does not cover the nodes";
    }
    for (std::size_t b = 0; b + 1 < ch.level_first.size(); ++b) {
        if (ch.level_first[b] >= ch.level_first[b + 1]) {
            return fmt::format("level block {} is empty or decreasing", b);
        }
    }
    // Level block of every ch id, for the climbing check.
    std::vector<std::uint32_t> block(n);
    for (std::size_t b = 0; b + 1 < ch.level_first.size(); ++b) {
        for (std::uint32_t c = ch.level_first[b]; c < ch.level_first[b + 1]; ++c) {
            block[c] = static_cast<std::uint32_t>(b);
        }
    }
    const auto find_weight = [](const std::vector<std::uint32_t>& first,
                                const std::vector<ChArc>& arcs, NodeId at,
                                NodeId other) -> std::uint64_t {
        for (std::uint32_t a = first[at]; a < first[at + 1]; ++a) {
            if (arcs[a].other == other) {
                return arcs[a].weight;
            }
        }
        return std::uint64_t{ch_inf} * 4; // no such arc
    };
    const auto check_structure = [&](const char* name, const std::vector<std::uint32_t>& first,
                                     const std::vector<ChArc>& arcs,
                                     const std::vector<NodeId>& middle) -> std::string {
        if (first.size() != n + 1 || first.front() != 0 || first.back() != arcs.size() ||
            middle.size() != arcs.size()) {
            return fmt::format("{} arcs: CSR sizes do not match", name);
        }
        for (std::size_t v = 0; v < n; ++v) {
            if (first[v] > first[v + 1]) {
                return fmt::format("{} arcs: first decreases at {}", name, v);
            }
            for (std::uint32_t a = first[v]; a < first[v + 1]; ++a) {
                const NodeId u = arcs[a].other;
                if (u >= n || block[u] >= block[v]) {
                    return fmt::format(
                        "{} arc {} at ch id {} does not climb to a higher level (other {})", name,
                        a, v, u);
                }
                if (arcs[a].weight >= ch_inf) {
                    return fmt::format("{} arc {} has weight {} >= ch_inf", name, a,
                                       arcs[a].weight);
                }
                if (middle[a] != graph::invalid_node &&
                    (middle[a] >= n || block[middle[a]] <= block[v])) {
                    return fmt::format("{} arc {} bypasses ch id {}, which is not below both ends",
                                       name, a, middle[a]);
                }
            }
        }
        return {};
    };
    // A shortcut tail -> head via m is the down arc tail -> m plus the up arc m -> head, both
    // stored at m (m is below both ends).
    const auto check_shortcuts = [&](const char* name, const std::vector<std::uint32_t>& first,
                                     const std::vector<ChArc>& arcs,
                                     const std::vector<NodeId>& middle, bool up) -> std::string {
        for (std::size_t v = 0; v < n; ++v) {
            for (std::uint32_t a = first[v]; a < first[v + 1]; ++a) {
                const NodeId m = middle[a];
                if (m == graph::invalid_node) {
                    continue;
                }
                const NodeId tail = up ? static_cast<NodeId>(v) : arcs[a].other;
                const NodeId head = up ? arcs[a].other : static_cast<NodeId>(v);
                const std::uint64_t halves = find_weight(ch.down_first, ch.down_arcs, m, tail) +
                                             find_weight(ch.up_first, ch.up_arcs, m, head);
                if (halves != arcs[a].weight) {
                    return fmt::format(
                        "{} arc {} ({} -> {} via {}, {} s) does not match its halves", name, a,
                        tail, head, m, arcs[a].weight);
                }
            }
        }
        return {};
    };
    for (auto problem : {check_structure("up", ch.up_first, ch.up_arcs, ch.up_middle),
                         check_structure("down", ch.down_first, ch.down_arcs, ch.down_middle)}) {
        if (!problem.empty()) {
            return problem;
        }
    }
    if (auto problem = check_shortcuts("up", ch.up_first, ch.up_arcs, ch.up_middle, true);
        !problem.empty()) {
        return problem;
    }
    return check_shortcuts("down", ch.down_first, ch.down_arcs, ch.down_middle, false);
}

} // namespace lw::routing
