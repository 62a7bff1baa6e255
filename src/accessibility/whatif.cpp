#include "accessibility/whatif.hpp"

#include <algorithm>

namespace lw::accessibility {

NearestState nearest_state(MeasureEngine& engine, std::span<const std::uint32_t> members) {
    NearestState s;
    s.labels = engine.nearest_labels(members);
    s.is_member = engine.member_mask(members);
    const std::size_t n = engine.origins().anchors.size();
    s.seconds.resize(n);
    s.nearest.resize(n);
    for (std::uint32_t o = 0; o < n; ++o) {
        std::tie(s.seconds[o], s.nearest[o]) = engine.origin_best(o, s.labels, s.is_member);
    }
    return s;
}

std::vector<std::uint32_t> apply_change(MeasureEngine& engine, NearestState& state, const Change& change) {
    const auto& forward = engine.network().graph().forward;
    auto& labels = state.labels;
    std::vector<graph::NodeId> changed_nodes;
    std::vector<std::uint32_t> changed_edges;
    auto& search = engine.search();

    // Closing first: repair the cells of the closed facilities from their surroundings.
    for (const auto c : change.close) {
        if (!state.is_member[c]) {
            continue;
        }
        state.is_member[c] = false;
        if (engine.destinations().snapped(c)) {
            changed_edges.push_back(engine.destinations().anchors[c].edge);
        }
        std::vector<graph::NodeId> cell;
        for (graph::NodeId v = 0; v < labels.owner.size(); ++v) {
            if (labels.owner[v] == c) {
                cell.push_back(v);
                labels.seconds[v] = graph::inf_time;
                labels.owner[v] = graph::invalid_node;
            }
        }
        search.reset().set_limit(labels.seconds);
        // A node of the cell can now only be served through a neighbour outside it: in the search
        // graph (reverse) that neighbour x has an arc x -> v, i.e. the forward graph an arc v -> x.
        for (const auto v : cell) {
            for (auto a = forward.begin(v); a < forward.end(v); ++a) {
                const graph::NodeId x = forward.head[a];
                if (labels.owner[x] != graph::invalid_node) {
                    search.add_source(v, labels.seconds[x] + forward.weight[a], labels.owner[x]);
                }
            }
        }
        // ... or by another facility anchored inside the cell itself (it had lost the tie or race).
        const auto& destinations = engine.destinations();
        for (std::uint32_t d = 0; d < destinations.anchors.size(); ++d) {
            if (!state.is_member[d]) {
                continue;
            }
            for (const auto& a : destinations.anchors[d].span()) {
                if (labels.owner[a.node] == graph::invalid_node) {
                    search.add_source(a.node, a.seconds, d);
                }
            }
        }
        search.run();
        for (const auto v : search.settled()) {
            labels.seconds[v] = search.distance(v);
            labels.owner[v] = search.owner(v);
        }
        changed_nodes.insert(changed_nodes.end(), cell.begin(), cell.end());
    }
    // Opening: improve labels from each new facility, stopping where others are as close.
    for (const auto f : change.open) {
        state.is_member[f] = true;
        const auto& anchors = engine.destinations().anchors[f];
        if (anchors.count == 0) {
            continue;
        }
        changed_edges.push_back(anchors.edge);
        search.reset().set_limit(labels.seconds);
        for (const auto& a : anchors.span()) {
            search.add_source(a.node, a.seconds, f);
        }
        search.run();
        for (const auto v : search.settled()) {
            labels.seconds[v] = search.distance(v);
            labels.owner[v] = search.owner(v);
            changed_nodes.push_back(v);
        }
    }
    // Re-evaluate the origins that can see a change.
    std::vector<std::uint32_t> candidates;
    for (const auto v : changed_nodes) {
        for (const auto& [o, seconds] : engine.origins_at(v)) {
            candidates.push_back(o);
        }
    }
    for (const auto edge : changed_edges) {
        const auto on_edge = engine.origins_on_edge(edge);
        candidates.insert(candidates.end(), on_edge.begin(), on_edge.end());
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<std::uint32_t> changed;
    for (const auto o : candidates) {
        const auto [seconds, nearest] = engine.origin_best(o, labels, state.is_member);
        if (seconds != state.seconds[o] || nearest != state.nearest[o]) {
            state.seconds[o] = seconds;
            state.nearest[o] = nearest;
            changed.push_back(o);
        }
    }
    return changed;
}

} // namespace lw::accessibility
