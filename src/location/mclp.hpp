#pragma once
// Maximal covering location (MCLP; Church and ReVelle 1974): choose at most k candidates to
// maximise the weight newly covered. Greedy with lazy gains, fast-interchange swaps, and an
// upper bound (LP relaxation for moderate sizes, Lagrangian beyond) so the result states its gap.
// With capacities (CoverageProblem::capacity) the capacitated variant is solved instead.
//
//   CoverageProblem p{.weight = residents, .first = first, .demand = covered};
//   Result r = solve_mclp(p, 10);   // r.sites, r.value, r.bound, r.gap

#include "location/config.hpp"
#include "location/problem.hpp"
#include "location/result.hpp"

#include <cstdint>

namespace lw::location {

// Throws lw::Error(input_value) for invalid problems and k > candidate_count.
Result solve_mclp(const CoverageProblem& problem, std::uint32_t k,
                  const HeuristicConfig& config = {});

} // namespace lw::location
