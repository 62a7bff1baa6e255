#pragma once
// MIP formulations of the location problems for GLPK (branch and bound, or just the LP
// relaxation as a bound). All objectives are in the minimisation form of detail::Instance
// (coverage: the uncovered weight), so callers convert once.

#include "location/detail/instance.hpp"
#include "location/result.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace lw::location::detail {

enum class Formulation {
    coverage, // MCLP: z_g <= sum_{j covers g} y_j, one row per group (Church and ReVelle 1974)
    median,   // p-median, strong form: x_gj <= y_j per entry, sum_j x_gj <= 1 per group
    capacitated_coverage, // single assignment x_gj binary, sum_g w_g x_gj <= C_j y_j
};

struct MipSettings {
    double time_limit_s = 60;
    double relative_gap = 0;                      // GLPK's mip_gap: stop once the gap is below this
    std::span<const CandidateId> warm_sites;      // a known solution, handed to GLPK as incumbent
    std::span<const CandidateId> warm_assignment; // capacitated: per group its site or no_site
};

struct MipOutcome {
    bool has_solution = false;
    std::vector<CandidateId> sites;      // ascending
    std::vector<CandidateId> assignment; // capacitated: per group its site or no_site
    double cost = 0;                     // objective of the solution (minimisation form)
    double bound = 0;                    // lower bound on the optimal cost
    // optimal: proved; feasible: within settings.relative_gap; time_limit: stopped early.
    Status status = Status::time_limit;
    std::uint32_t nodes = 0; // branch-and-bound subproblems solved
};

// Branch and bound over "choose at most k candidates". capacity: per candidate (capacitated
// only; inf allowed).
MipOutcome solve_mip(const Instance& instance, Formulation formulation, std::uint32_t k,
                     std::span<const double> capacity, const MipSettings& settings);

// The optimal value of the LP relaxation (a lower bound on the cost), or nothing if the simplex
// did not finish within the time limit.
std::optional<double> lp_bound(const Instance& instance, Formulation formulation, std::uint32_t k,
                               std::span<const double> capacity, double time_limit_s);

} // namespace lw::location::detail
