#include "accessibility/measures.hpp"

#include "routing/ch/phast.hpp"

#include <algorithm>
#include <limits>

namespace lw::accessibility {

std::vector<DecayStep> luo_qi_decay() { return {{10, 1.0}, {20, 0.68}, {30, 0.22}}; }

namespace {

double decay_weight(const std::vector<DecayStep>& decay, std::uint32_t seconds) {
    for (const auto& step : decay) {
        if (seconds <= step.up_to_minutes * 60) {
            return step.weight;
        }
    }
    return 0.0;
}

std::uint32_t saturating_add(std::uint32_t a, std::uint32_t b) {
    return a == graph::inf_time || b == graph::inf_time ? graph::inf_time : a + b;
}

} // namespace

MeasureEngine::MeasureEngine(const ProfileNetwork& net, const SnappedPoints& origins, const SnappedPoints& destinations)
    : m_net(&net), m_origins(&origins), m_destinations(&destinations),
      m_origins_on_edge(net.network().edges.size()), m_destinations_on_edge(net.network().edges.size()),
      m_search(net.reverse()),
      m_best(origins.anchors.size(), graph::inf_time) {
    const std::size_t nodes = net.graph().node_count();
    m_at_node_first.assign(nodes + 1, 0);
    for (const auto& a : origins.anchors) {
        for (const auto& anchor : a.span()) {
            ++m_at_node_first[anchor.node + 1];
        }
    }
    for (std::size_t v = 0; v < nodes; ++v) {
        m_at_node_first[v + 1] += m_at_node_first[v];
    }
    m_at_node.resize(m_at_node_first.back());
    std::vector<std::uint32_t> next(m_at_node_first.begin(), m_at_node_first.end() - 1);
    for (std::uint32_t o = 0; o < origins.anchors.size(); ++o) {
        for (const auto& anchor : origins.anchors[o].span()) {
            m_at_node[next[anchor.node]++] = {o, anchor.seconds};
        }
        if (origins.snapped(o)) {
            m_origins_on_edge[origins.anchors[o].edge].push_back(o);
        }
    }
    for (std::uint32_t d = 0; d < destinations.anchors.size(); ++d) {
        if (destinations.snapped(d)) {
            m_destinations_on_edge[destinations.anchors[d].edge].push_back(d);
        }
    }
}

std::vector<bool> MeasureEngine::member_mask(std::span<const std::uint32_t> members) const {
    std::vector<bool> mask(m_destinations->anchors.size(), false);
    for (const auto d : members) {
        mask[d] = true;
    }
    return mask;
}

std::vector<NodeLabels> MeasureEngine::nearest_labels(const std::vector<std::vector<std::uint32_t>>& sets) {
    std::vector<NodeLabels> out;
    out.reserve(sets.size());
    const auto* ch = m_net->ch();
    if (ch == nullptr) {
        for (const auto& members : sets) {
            out.push_back(nearest_labels(members));
        }
        return out;
    }
    const std::size_t nodes = m_net->graph().node_count();
    routing::BatchedPhast sweep(*ch, {0});
    for (std::size_t first = 0; first < sets.size(); first += routing::BatchedPhast::max_lanes) {
        const auto lanes = static_cast<unsigned>(std::min<std::size_t>(routing::BatchedPhast::max_lanes, sets.size() - first));
        sweep.reset(routing::Direction::to_sources, lanes);
        for (unsigned lane = 0; lane < lanes; ++lane) {
            for (const auto d : sets[first + lane]) {
                for (const auto& a : m_destinations->anchors[d].span()) {
                    sweep.add_source(lane, a.node, a.seconds, d);
                }
            }
        }
        for (unsigned lane = 0; lane < lanes; ++lane) {
            out.push_back({std::vector<std::uint32_t>(nodes), std::vector<std::uint32_t>(nodes)});
        }
        // Scatter each chunk while the sweep's labels are still in cache (one pass instead of
        // two copies per lane); chunks are disjoint, so concurrent calls write disjoint nodes.
        NodeLabels* const lane_out = out.data() + first;
        sweep.run([lane_out, lanes](const routing::LaneChunk& chunk) {
            for (std::size_t i = 0; i < chunk.nodes.size(); ++i) {
                const graph::NodeId v = chunk.nodes[i];
                for (unsigned lane = 0; lane < lanes; ++lane) {
                    lane_out[lane].seconds[v] = chunk.distance(i, lane);
                    lane_out[lane].owner[v] = chunk.owner(i, lane);
                }
            }
        });
    }
    return out;
}

NodeLabels MeasureEngine::nearest_labels(std::span<const std::uint32_t> members) {
    if (m_net->ch() != nullptr) {
        return std::move(nearest_labels(std::vector<std::vector<std::uint32_t>>{{members.begin(), members.end()}}).front());
    }
    m_search.reset();
    for (const auto d : members) {
        for (const auto& anchor : m_destinations->anchors[d].span()) {
            m_search.add_source(anchor.node, anchor.seconds, d);
        }
    }
    m_search.run();
    const std::size_t nodes = m_net->graph().node_count();
    NodeLabels labels{std::vector<std::uint32_t>(nodes), std::vector<std::uint32_t>(nodes)};
    for (graph::NodeId v = 0; v < nodes; ++v) {
        labels.seconds[v] = m_search.distance(v);
        labels.owner[v] = m_search.owner(v);
    }
    return labels;
}

std::pair<std::uint32_t, std::int32_t> MeasureEngine::origin_best(std::uint32_t o, const NodeLabels& labels,
                                                                  const std::vector<bool>& is_member) const {
    std::uint32_t best = graph::inf_time;
    std::int32_t owner = -1;
    const auto consider = [&](std::uint32_t seconds, std::uint32_t dest) {
        if (seconds < best || (seconds == best && seconds != graph::inf_time && static_cast<std::int32_t>(dest) < owner)) {
            best = seconds;
            owner = static_cast<std::int32_t>(dest);
        }
    };
    const auto& anchors = m_origins->anchors[o];
    for (const auto& anchor : anchors.span()) {
        if (labels.owner[anchor.node] != graph::invalid_node) {
            consider(saturating_add(anchor.seconds, labels.seconds[anchor.node]), labels.owner[anchor.node]);
        }
    }
    if (m_origins->snapped(o)) {
        // A facility on the origin's own edge may be reached directly along it.
        for (const auto d : m_destinations_on_edge[anchors.edge]) {
            if (!is_member[d]) {
                continue;
            }
            if (const auto direct = m_net->index().same_edge_seconds(*m_origins->snap[o], *m_destinations->snap[d])) {
                consider(*direct, d);
            }
        }
    }
    return {best, owner};
}

void MeasureEngine::reach(std::uint32_t dest, std::uint32_t bound,
                          const std::function<void(std::uint32_t, std::uint32_t)>& f) {
    const auto& anchors = m_destinations->anchors[dest];
    if (anchors.count == 0) {
        return;
    }
    m_search.reset().set_bound(bound);
    for (const auto& anchor : anchors.span()) {
        m_search.add_source(anchor.node, anchor.seconds, dest);
    }
    m_search.run();
    m_touched.clear();
    const auto offer = [&](std::uint32_t o, std::uint32_t seconds) {
        if (seconds > bound) {
            return;
        }
        if (m_best[o] == graph::inf_time) {
            m_touched.push_back(o);
        }
        m_best[o] = std::min(m_best[o], seconds);
    };
    for (const auto v : m_search.settled()) {
        const std::uint32_t d = m_search.distance(v);
        for (const auto& [o, s] : origins_at(v)) {
            offer(o, d + s);
        }
    }
    for (const auto o : m_origins_on_edge[anchors.edge]) {
        if (const auto direct = m_net->index().same_edge_seconds(*m_origins->snap[o], *m_destinations->snap[dest])) {
            offer(o, *direct);
        }
    }
    for (const auto o : m_touched) {
        f(o, m_best[o]);
        m_best[o] = graph::inf_time;
    }
}

SetResult MeasureEngine::compute(std::span<const std::uint32_t> members, std::span<const std::int64_t> population,
                                 std::span<const std::optional<double>> capacity, const std::vector<DecayStep>& decay,
                                 const NodeLabels* precomputed) {
    const std::size_t n = m_origins->anchors.size();
    SetResult r;
    r.seconds.assign(n, graph::inf_time);
    r.nearest.assign(n, -1);
    r.counts.assign(n, {});
    r.supply_ratio.assign(n, 0.0);

    const NodeLabels labels = precomputed != nullptr ? *precomputed : nearest_labels(members);
    const auto mask = member_mask(members);
    for (std::uint32_t o = 0; o < n; ++o) {
        std::tie(r.seconds[o], r.nearest[o]) = origin_best(o, labels, mask);
    }

    // One bounded search per facility serves both the counts and E2SFCA.
    const std::uint32_t bound = std::max(count_minutes.back(), decay.empty() ? 0u : decay.back().up_to_minutes) * 60;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> reached;
    std::vector<double> ratio(members.size(), 0.0);
    std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> reached_by(members.size());
    for (std::size_t k = 0; k < members.size(); ++k) {
        const std::uint32_t dest = members[k];
        double demand = 0.0;
        reach(dest, bound, [&](std::uint32_t o, std::uint32_t seconds) {
            for (std::size_t t = 0; t < count_minutes.size(); ++t) {
                if (seconds <= count_minutes[t] * 60) {
                    ++r.counts[o][t];
                }
            }
            const double w = decay_weight(decay, seconds);
            if (w > 0.0) {
                demand += static_cast<double>(population[o]) * w;
                reached_by[k].emplace_back(o, seconds);
            }
        });
        // Step 1: supply per weighted resident; a facility without stated capacity counts as one.
        const double supply = capacity[dest].value_or(1.0);
        ratio[k] = demand > 0.0 ? supply / demand : 0.0;
    }
    // Step 2: every origin sums the ratios of the facilities it reaches, weighted again.
    for (std::size_t k = 0; k < members.size(); ++k) {
        for (const auto& [o, seconds] : reached_by[k]) {
            r.supply_ratio[o] += ratio[k] * decay_weight(decay, seconds);
        }
    }
    return r;
}

} // namespace lw::accessibility
