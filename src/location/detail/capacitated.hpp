#pragma once
// Capacitated MCLP with single assignment: each open site j serves at most capacity[j] weight,
// each demand point is served by at most one open site that covers it, as a whole.

#include "location/config.hpp"
#include "location/detail/instance.hpp"
#include "location/result.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace lw::location::detail {

struct CapacitatedSolution {
    std::vector<CandidateId> sites;      // ascending
    std::vector<CandidateId> assignment; // per group of the instance: its site or no_site
    double served = 0;                   // weight served
    std::uint32_t greedy_steps = 0;
    std::uint32_t swaps = 0;
};

// `instance` is the coverage instance without aggregation (groups are demand points: two points
// with the same candidates may go to different sites). Greedy opening by what a site could still
// serve (first fit by decreasing weight), assignment by most-constrained-first best fit with
// ejection repairs, then site swaps among the most promising closed candidates.
CapacitatedSolution capacitated_heuristic(const Instance& instance,
                                          std::span<const double> capacity, std::uint32_t k,
                                          const HeuristicConfig& config);

// The whole capacitated solve in the caller's terms: heuristic, bounds (capacities alone, the
// uncapacitated bound, the LP relaxation when small) and, if exact is given, GLPK branch and bound.
// The problem must be valid and capacitated.
Result capacitated_result(const CoverageProblem& problem, std::uint32_t k,
                          const HeuristicConfig& config, const ExactConfig* exact);

// Served weight of an assignment; -1 if it breaks a rule (site not open, not covering, over
// capacity beyond rounding).
double served_weight(const Instance& instance, std::span<const double> capacity,
                     std::span<const CandidateId> sites, std::span<const CandidateId> assignment);

// Upper bound on the served weight from capacities alone: the k largest min(C_j, coverable w_j).
double capacity_bound(const Instance& instance, std::span<const double> capacity, std::uint32_t k);

} // namespace lw::location::detail
