#pragma once
// PHAST sweep kernels over ch ids [begin, end): for each node v, label[v] = min(seed of v,
// min over its sweep arcs of label[other] + weight), lane by lane, K lanes per node stored side by
// side (labels[v * K + lane]), so one arc costs one K-wide vector min. Label types:
//   u32 — seconds; "unreached" is ch_inf
//   u64 — (seconds << 32) | owner: the min is the nearest source with ties to the smaller owner,
//         exactly Dijkstra's tie rule; "unreached" is sweep_inf_u64
//   u16 — seconds saturated at u16_cap (threshold counting only: half the memory traffic)
// Kernels are compiled for x86-64 baseline, AVX2 and AVX-512 and picked at run time.

#include "routing/ch/contraction_hierarchy.hpp"

#include <cstddef>
#include <cstdint>

namespace lw::routing::detail {

inline constexpr std::uint64_t sweep_inf_u64 = (std::uint64_t{ch_inf} << 32) | 0xffff'ffffu;
inline constexpr std::uint16_t u16_cap = 0x7fff; // two capped values add up without overflow

struct SweepGraph {
    const std::uint32_t* first = nullptr; // per ch id + 1
    const ChArc* arcs = nullptr;
};

// Seeds: labels from the upward search, nodes in increasing ch id, `lanes` labels per seed.
template <typename Label> struct SweepSeeds {
    const std::uint32_t* nodes = nullptr;
    const Label* labels = nullptr;
    std::size_t count = 0;
};

enum class Isa : std::uint8_t { generic, avx2, avx512 };
Isa best_isa();   // what this CPU supports
Isa active_isa(); // what the kernels use (best_isa() unless overridden)
void set_isa(
    Isa isa); // for tests: run every kernel variant on the same machine; clamps to best_isa()
const char* to_string(Isa isa);

// lanes: 1, 8 or 16 (u32, u64); 16 or 32 (u16).
void sweep(SweepGraph g, SweepSeeds<std::uint32_t> seeds, std::uint32_t* labels, unsigned lanes,
           std::uint32_t begin, std::uint32_t end);
void sweep(SweepGraph g, SweepSeeds<std::uint64_t> seeds, std::uint64_t* labels, unsigned lanes,
           std::uint32_t begin, std::uint32_t end);
void sweep(SweepGraph g, SweepSeeds<std::uint16_t> seeds, std::uint16_t* labels, unsigned lanes,
           std::uint32_t begin, std::uint32_t end);

// counts[v * threshold_count + t] += number of lanes of v with label <= thresholds[t], for v in
// [begin, end). lanes: 16 or 32.
void count_within(const std::uint16_t* labels, unsigned lanes, std::uint32_t begin,
                  std::uint32_t end, const std::uint16_t* thresholds, unsigned threshold_count,
                  std::uint32_t* counts);

} // namespace lw::routing::detail
