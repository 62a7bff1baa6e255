#pragma once
// Settings of the solvers. The heuristic defaults suit a district: 2,000 candidates x 50,000
// demand points in a few seconds.

#include <cstddef>
#include <cstdint>

namespace lw::location {

struct HeuristicConfig {
    // Swap local search after the greedy (vertex substitution in the fast-interchange form of
    // Resende and Werneck); off: greedy only.
    bool interchange = true;
    std::uint32_t max_interchanges = 100'000; // improving swaps at most
    // Then iterated local search: this many rounds of a random kick (~k/6 swaps) followed by
    // the swap descent, keeping the best (0: plain descent). Deterministic for a given seed
    // unless the time limit cuts it short.
    std::uint32_t perturbation_rounds = 300;
    std::uint32_t seed = 1;
    double interchange_time_limit_s = 1.5; // wall clock for the local search

    // Lagrangian bound by subgradient optimisation (0 iterations: none).
    std::uint32_t bound_iterations = 1000;
    double bound_time_limit_s = 1.5;
    double target_gap = 1e-6; // stop improving the bound once the gap is below this (see
                              // optimality_tolerance in result.hpp)
    // LP relaxation (GLPK simplex) as a further bound, within what is left of the bound's time,
    // when the Lagrangian bound has not closed the gap and the reduced instance has at most this
    // many (demand, candidate) entries; 0: never. GLPK needs ~2 s for the p-median LP at 20,000
    // entries; the MCLP LP is much faster.
    std::size_t lp_bound_max_entries = 20'000;
    // The same for the capacitated MCLP, whose LP is ~6x slower still.
    std::size_t capacitated_lp_max_entries = 2'000;

    // Merge demand points that every candidate serves alike (same candidates and times, same
    // current time) into one weighted point: the same optimum, fewer rows.
    bool aggregate_demand = true;

    // Capacitated MCLP only: how many closed candidates (best by what they could still serve)
    // each swap pass tries against every open site.
    std::uint32_t capacitated_swap_candidates = 25;
};

// Settings of the exact solvers (GLPK branch and bound). They first run the heuristic, hand its
// solution to GLPK as the incumbent and keep its bound.
struct ExactConfig {
    double time_limit_s = 60; // for GLPK; on expiry the incumbent and its bound are returned
    double relative_gap = 0;  // stop once GLPK proves the gap below this (0: to optimality)
    // Refuse larger reduced instances with lw::Error(input_value): the MIP has one row (p-median:
    // two) per (demand, candidate) entry; 500 candidates x 5,000 demand points fit.
    std::size_t max_entries = 1'000'000;
    bool warm_start = true; // give GLPK the heuristic solution as first incumbent
    HeuristicConfig heuristic;
};

} // namespace lw::location
