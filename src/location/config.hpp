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
    std::uint32_t max_interchanges = 10'000; // improving swaps at most
    double interchange_time_limit_s = 10.0;  // wall clock for the local search

    // Lagrangian bound by subgradient optimisation (0 iterations: none).
    std::uint32_t bound_iterations = 300;
    double bound_time_limit_s = 2.0;
    double target_gap = 1e-6; // stop improving the bound once the gap is below this
    // LP relaxation (GLPK simplex) as a further bound when the reduced instance has at most this
    // many (demand, candidate) entries; 0: never. The LP takes ~1 s at 100,000 entries.
    std::size_t lp_bound_max_entries = 50'000;

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
    double time_limit_s = 60;      // for GLPK; on expiry the incumbent and its bound are returned
    double relative_gap = 0;       // stop once GLPK proves the gap below this (0: to optimality)
    // Refuse larger reduced instances with lw::Error(input_value): the MIP has one row (p-median:
    // two) per (demand, candidate) entry; 500 candidates x 5,000 demand points fit.
    std::size_t max_entries = 1'000'000;
    bool warm_start = true; // give GLPK the heuristic solution as first incumbent
    HeuristicConfig heuristic;
};

} // namespace lw::location
