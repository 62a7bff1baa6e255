#pragma once
// The one problem every heuristic and bound works on: minimise
//   constant + sum_g weight[g] * min(base[g], min over chosen j of time(g, j))
// over demand groups g. MCLP maps to it with base 1 and time 0 (the cost is the uncovered
// weight); p-median with base = current time or penalty. Only entries that beat the base are kept,
// demand no candidate can improve goes into the constant, and demand points with identical
// (base, entries) are merged into one group.

#include "location/problem.hpp"

#include <cstdint>
#include <span>
#include <vector>

namespace lw::location::detail {

struct Instance {
    std::uint32_t candidate_count = 0;
    std::vector<double> weight;           // per group
    std::vector<TimeS> base;              // per group
    std::vector<DemandId> representative; // per group: its smallest demand id
    // Group-major entries, per group sorted by (time, candidate).
    std::vector<std::uint32_t> group_first;
    std::vector<CandidateId> group_candidate;
    std::vector<TimeS> group_time;
    // Candidate-major entries (same set), per candidate by group.
    std::vector<std::uint32_t> candidate_first;
    std::vector<std::uint32_t> candidate_group;
    std::vector<TimeS> candidate_time;
    double constant = 0;  // weighted base time of demand that no candidate improves
    double base_cost = 0; // the objective with no site chosen: constant + sum weight * base

    std::uint32_t group_count() const { return static_cast<std::uint32_t>(weight.size()); }
    std::size_t entry_count() const { return group_candidate.size(); }
};

// Demand-level input of the builder: per demand point weight and base (MCLP: 0 if already
// covered, else 1), and the candidate-major lists.
struct RawInput {
    std::span<const double> weight;
    std::span<const TimeS> base;
    std::span<const std::uint32_t> first;
    std::span<const DemandId> demand;
    std::span<const TimeS> time; // empty: every time is 0 (coverage)
};

// Input must be valid (validate()).
Instance build_instance(const RawInput& input, bool aggregate);
Instance coverage_instance(const CoverageProblem& problem, bool aggregate);
Instance median_instance(const MedianProblem& problem, bool aggregate);

// For closure: the same instance with each group's all-candidates-open time subtracted from its
// base and its entries, so that the cost of a kept set is its loss against all sites open (the
// bounds and stopping rules then work relative to the loss, not to the total time). Sets
// all_open_cost to the original cost with every candidate open.
Instance loss_instance(const Instance& instance, double& all_open_cost);

// The instance with some candidates decided (state per candidate: 0 free, 1 open, 2 closed):
// open ones fold into each group's base, closed ones leave, so that the cost of a set of free
// candidates equals the original cost of that set plus the open ones. original[c] is the
// original id of the new candidate c.
Instance restrict_instance(const Instance& instance, std::span<const std::uint8_t> state,
                           std::vector<CandidateId>& original, bool aggregate);

// The objective of a set of candidates (repeats allowed).
double cost(const Instance& instance, std::span<const CandidateId> sites);

} // namespace lw::location::detail
