#pragma once
// Heuristics and the Lagrangian bound on a detail::Instance (minimisation; see instance.hpp).

#include "location/detail/instance.hpp"

#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

namespace lw::location::detail {

using Clock = std::chrono::steady_clock;

// Greedy add with lazy (CELF) gains: the saving of a candidate can only shrink as sites are
// added (the saving function is submodular), so a stale gain is an upper bound. Stops early when
// no candidate saves anything. Sites in the order they were added.
std::vector<CandidateId> greedy_add(const Instance& instance, std::uint32_t k);

// Greedy drop: from all candidates open, repeatedly close the one whose closure costs least
// (losses only grow as sites close), until keep_count remain. The kept sites, ascending.
std::vector<CandidateId> greedy_drop(const Instance& instance, std::uint32_t keep_count);

// Best-improvement swap local search (vertex substitution, Teitz and Bart) with the incremental
// gain/loss/extra bookkeeping of Resende and Werneck's fast interchange: each swap costs only the
// entries of the demand the two sites touch, and finding the best swap is one scan of an
// n x k table. Improves `sites` in place; returns the number of swaps applied.
std::uint32_t interchange(const Instance& instance, std::vector<CandidateId>& sites,
                          std::uint32_t max_swaps, Clock::time_point deadline);

// Removes sites whose closure would not change the objective, one at a time.
std::vector<CandidateId> prune(const Instance& instance, std::vector<CandidateId> sites);

// Per candidate, the saving of opening it alone (no other site).
std::vector<double> single_savings(const Instance& instance);
// Per candidate, the cost of closing it alone while all other candidates are open.
std::vector<double> single_losses(const Instance& instance);

struct LagrangianResult {
    double bound = 0; // a lower bound on the optimal cost over all k-subsets
    std::uint32_t iterations = 0;
    // The best of the relaxed solutions' site sets (every few iterations), and its cost.
    std::vector<CandidateId> best_sites;
    double best_cost = 0;
};

// Lagrangian relaxation of the assignment constraints, maximised by subgradient optimisation
// with Polyak steps towards `upper` (the cost of a known solution); multipliers start from that
// solution's times. Stops at max_iterations, the deadline, or when the gap to `upper` is below
// target_gap. Also a Lagrangian heuristic: it keeps the best k-set of the relaxed solutions.
LagrangianResult lagrangian_bound(const Instance& instance, std::uint32_t k,
                                  std::span<const CandidateId> solution, double upper,
                                  std::uint32_t max_iterations, Clock::time_point deadline,
                                  double target_gap);

} // namespace lw::location::detail
