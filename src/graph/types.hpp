#pragma once
// Ids and units of the routing engines. Nodes and arcs are dense 32-bit ids (OSM ids are mapped
// once, at import); travel times are whole seconds in 32 bits. Every "unreachable" and "no id" is
// one constant here.

#include "core/units.hpp"

#include <cstdint>
#include <limits>

namespace lw::graph {

using NodeId = std::uint32_t;
using ArcId = std::uint32_t;

inline constexpr NodeId invalid_node = std::numeric_limits<NodeId>::max();
inline constexpr ArcId invalid_arc = std::numeric_limits<ArcId>::max();

// Travel time in whole seconds. Raw arrays of it have the layout of std::uint32_t, so SIMD
// sweeps may view them as such.
using TravelTime = Quantity<struct TravelTimeTag, std::uint32_t>;
static_assert(sizeof(TravelTime) == sizeof(std::uint32_t));

// "Not reached". Sums of two finite times never reach it: the longest finite time is far below
// half the range (a path over a whole country is < 2^20 s), checked by validate().
inline constexpr std::uint32_t inf_time = std::numeric_limits<std::uint32_t>::max();
inline constexpr std::uint32_t max_arc_time = 1u << 24; // 194 days: no single arc may be slower
static_assert(std::uint64_t{max_arc_time} * 64 < inf_time / 2);

} // namespace lw::graph
