#pragma once
// The solve pipelines shared by MCLP, p-median and closure, in the minimisation form of
// detail::Instance: heuristic (greedy, interchange, bounds) and exact (heuristic, then GLPK).

#include "location/config.hpp"
#include "location/detail/instance.hpp"
#include "location/detail/mip.hpp"
#include "location/result.hpp"

#include <cstdint>
#include <vector>

namespace lw::location::detail {

enum class Mode {
    select, // choose at most k candidates (candidates adding nothing are left out)
    keep,   // closure: keep exactly k of the candidates (all open now), close the rest
};

struct Outcome {
    std::vector<CandidateId> sites; // select: chosen; keep: kept; ascending
    double cost = 0;
    double bound = 0; // lower bound on the optimal cost
    BoundKind bound_kind = BoundKind::none;
    Method method = Method::greedy;
    bool proved = false;     // the exact solver proved optimality
    bool time_limit = false; // the exact solver stopped at its time limit
    std::uint32_t greedy_steps = 0;
    std::uint32_t interchanges = 0;
    std::uint32_t perturbation_rounds = 0;
    std::uint32_t bound_iterations = 0;
    std::uint32_t fixed_candidates = 0; // exact: decided by the Lagrangian reduction tests
    double bound_seconds = 0;
    // The Lagrangian bound and rho at its multipliers (empty if none ran), for the reduction.
    double lagrangian_bound = 0;
    std::vector<double> lagrangian_rho;
};

Outcome run_heuristic(const Instance& instance, std::uint32_t k, Mode mode, Formulation formulation,
                      const HeuristicConfig& config);
Outcome run_exact(const Instance& instance, std::uint32_t k, Mode mode, Formulation formulation,
                  const ExactConfig& config);

// The outcome in the caller's terms, gap and status included. Selection: MCLP (coverage) reports
// the newly covered weight (maximise), p-median the weighted time. Closure (an outcome on a
// loss_instance): the loss, the closed sites (the complement of the kept ones), the baseline.
Result selection_result(const Instance& instance, const Outcome& outcome, bool coverage);
Result closure_result(const Instance& loss_instance, const Outcome& outcome, double baseline);

// Fills value-independent fields of a result from an outcome (method, counters, status, gap);
// value, bound and sense must already be set.
void finish(Result& result, const Outcome& outcome);

// Throws lw::Error(input_value) if the reduced instance is beyond config.max_entries.
void require_exact_size(const Instance& instance, const ExactConfig& config);

} // namespace lw::location::detail
