#pragma once
// Exact solutions by GLPK branch and bound, for instances up to ~500 candidates x 5,000 demand
// points (ExactConfig::max_entries guards the size). Each first runs the heuristic and hands its
// solution to GLPK as incumbent; on the time limit the best solution and GLPK's bound are
// returned with Status::time_limit. Formulations in docs/location-optimisation.md.

#include "location/config.hpp"
#include "location/problem.hpp"
#include "location/result.hpp"

#include <cstdint>

namespace lw::location {

// MCLP (capacitated if the problem has capacities).
Result solve_mclp_exact(const CoverageProblem& problem, std::uint32_t k,
                        const ExactConfig& config = {});
Result solve_pmedian_exact(const MedianProblem& problem, std::uint32_t k,
                           const ExactConfig& config = {});
Result close_mclp_exact(const CoverageProblem& open_sites, std::uint32_t close_count,
                        const ExactConfig& config = {});
Result close_pmedian_exact(const MedianProblem& open_sites, std::uint32_t close_count,
                           const ExactConfig& config = {});

} // namespace lw::location
