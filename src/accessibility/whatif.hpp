#pragma once
// What-if: a scenario closes facilities and opens new ones. Only what changes is recomputed:
//   - opening: a search from the new facility that stops wherever the current nearest facility is
//     at least as close (it only improves labels);
//   - closing: the nodes whose nearest facility closes lose their label and are repaired from the
//     labels around them (the Voronoi cell of the closed facility);
// then only the origins anchored at changed nodes (or on the changed facilities' edges) are
// re-evaluated. Tests check the result equals a full recomputation.

#include "accessibility/measures.hpp"

#include <cstdint>
#include <vector>

namespace lw::accessibility {

struct Change {
    std::vector<std::uint32_t> close; // destination indices
    std::vector<std::uint32_t> open;  // destination indices (new facilities appended to the list)
};

struct NearestState {
    NodeLabels labels;                  // per graph node
    std::vector<std::uint32_t> seconds; // per origin
    std::vector<std::int32_t> nearest;  // per origin
    std::vector<bool> is_member;        // per destination
};

// The full computation (baseline, or the reference the tests compare with).
NearestState nearest_state(MeasureEngine& engine, std::span<const std::uint32_t> members);

// Applies a change in place; returns the origins whose time or nearest facility changed.
std::vector<std::uint32_t> apply_change(MeasureEngine& engine, NearestState& state, const Change& change);

} // namespace lw::accessibility
