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

struct InterchangeLimits {
    std::uint32_t max_swaps = 10'000;
    std::uint32_t perturbation_rounds = 0; // iterated local search rounds after the descent
    std::uint32_t seed = 1;
    Clock::time_point deadline = Clock::time_point::max();
};

struct InterchangeStats {
    std::uint32_t swaps = 0;        // swaps applied by the descents
    std::uint32_t rounds = 0;       // perturbation rounds run
    std::uint32_t improvements = 0; // rounds that found a better solution
};

// Best-improvement swap local search (vertex substitution, Teitz and Bart) with the incremental
// gain/loss/extra bookkeeping of Resende and Werneck's fast interchange: each swap costs only the
// entries of the demand the two sites touch, and finding the best swap is one scan of an
// n x k table. Then, if asked, iterated local search: random kicks of ~k/6 swaps, each followed
// by a descent, keeping the best. Improves `sites` in place.
InterchangeStats interchange(const Instance& instance, std::vector<CandidateId>& sites,
                             const InterchangeLimits& limits);

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
    // Per candidate rho_j at the multipliers of the best bound (empty if no iteration ran): the
    // relaxed value with j forced in or out is bound - rho_(k) + rho_j or bound - rho_j +
    // rho_(k+1), which fixes candidates for the exact solver (Beasley 1993).
    std::vector<double> rho;
};

// Candidates whose inclusion (or exclusion) provably costs more than `upper`: with the k-th and
// (k+1)-th smallest rho, j outside the relaxed solution is closed if
// bound - rho_(k) + rho_j > upper, j inside is open if bound - rho_j + rho_(k+1) > upper.
// Returns per candidate 0 (free), 1 (fixed open) or 2 (fixed closed).
std::vector<std::uint8_t> fix_candidates(std::span<const double> rho, double bound, std::uint32_t k,
                                         double upper, double margin);

// Lagrangian relaxation of the assignment constraints, maximised by subgradient optimisation
// with Polyak steps towards `upper` (the cost of a known solution); multipliers start from that
// solution's times. Stops at max_iterations, the deadline, or when the gap to `upper` is below
// target_gap. Also a Lagrangian heuristic: it keeps the best k-set of the relaxed solutions.
LagrangianResult lagrangian_bound(const Instance& instance, std::uint32_t k,
                                  std::span<const CandidateId> solution, double upper,
                                  std::uint32_t max_iterations, Clock::time_point deadline,
                                  double target_gap);

} // namespace lw::location::detail
