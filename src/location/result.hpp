#pragma once
// What every solver returns: the sites, the objective, a proven bound on the optimum and the gap
// between the two, and how they were obtained.

#include "location/problem.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace lw::location {

enum class Sense {
    maximise, // MCLP: newly covered weight; the bound is an upper bound
    minimise, // p-median: weighted time; closure: the loss; the bound is a lower bound
};

// Relative gap below which a result counts as optimal (the bound meets the value up to the
// rounding of sums and the subgradient's precision).
inline constexpr double optimality_tolerance = 1e-6;

enum class Status {
    optimal,    // proved by the exact solver, or gap <= optimality_tolerance
    feasible,   // a heuristic solution; the gap says how far from optimal it can be at most
    time_limit, // the exact solver stopped at its time limit; the incumbent and its bound
};

enum class BoundKind {
    none,          // no bound computed (gap = 1 unless the value is trivially optimal)
    trivial,       // e.g. all coverable weight, or the best k single-site values
    lagrangian,    // Lagrangian relaxation, subgradient optimisation
    lp_relaxation, // the LP relaxation of the MIP, solved by GLPK
    mip,           // the branch-and-bound bound of GLPK (equal to the value when optimal)
};

enum class Method {
    greedy,             // greedy add (lazy gains) or greedy drop for closure
    greedy_interchange, // greedy, then vertex substitution / swap local search
    exact_mip,          // GLPK branch and bound, warm-started with the heuristic
};

std::string_view to_string(Sense sense);
std::string_view to_string(Status status);
std::string_view to_string(BoundKind kind);
std::string_view to_string(Method method);

// Relative gap in [0, 1]: (bound - value) / bound when maximising, (value - bound) / value when
// minimising; 0 when both are 0. A bound on the wrong side of the value (rounding) counts as 0.
double relative_gap(Sense sense, double value, double bound);

struct Result {
    // Selection: the chosen candidates, ascending; at most k (candidates that add nothing are
    // left out). Closure: the candidates (open sites) to close, ascending, exactly as many as
    // asked.
    std::vector<CandidateId> sites;
    Sense sense = Sense::maximise;
    // MCLP: newly covered weight. p-median: total weighted time (weight x s) with the sites.
    // Closure: the loss, i.e. coverage lost or weighted time added by closing the sites.
    double value = 0;
    double bound = 0; // upper bound (maximise) / lower bound (minimise) on the optimal value
    double gap = 1;   // relative_gap(sense, value, bound)
    // p-median: the objective with no new site (all demand at its base time), so that the caller
    // can also state the gap relative to the improvement: (value - bound) / (baseline - bound).
    // Closure: the objective with every site open. MCLP selection: 0.
    double baseline = 0;
    Status status = Status::feasible;
    Method method = Method::greedy;
    BoundKind bound_kind = BoundKind::none;
    std::uint32_t greedy_steps = 0;        // sites added (or dropped) greedily
    std::uint32_t interchanges = 0;        // swaps applied by local search
    std::uint32_t perturbation_rounds = 0; // iterated local search rounds
    std::uint32_t bound_iterations = 0;    // subgradient iterations, or branch-and-bound nodes
    std::uint32_t fixed_candidates = 0;    // exact: candidates decided before branch and bound by
                                           // the Lagrangian reduction tests
    double seconds = 0;                    // wall time of the whole call
    double bound_seconds = 0;              // of which computing the bound
    // Capacitated MCLP only: per demand point the site serving it, or no_site.
    std::vector<CandidateId> assignment;
};

} // namespace lw::location
