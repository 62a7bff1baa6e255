#pragma once
// Location problems over sparse data, independent of routing: demand points with a weight
// (residents), candidate sites, and per candidate the demand it serves as compressed sparse rows
// (CSR). The caller builds the lists from travel times (bounded searches from each candidate);
// everything here is pure arithmetic on flat arrays.
//
// Existing sites are not candidates: they enter as a per-demand value (MCLP: already covered;
// p-median: the current travel time). For "which open sites can close", the open sites are the
// candidates and the per-demand value holds what the sites that stay anyway provide.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace lw::location {

using DemandId = std::uint32_t;    // index into the demand arrays
using CandidateId = std::uint32_t; // index into the candidate rows
using TimeS = std::uint32_t;       // travel time in whole seconds

inline constexpr CandidateId no_site = std::numeric_limits<CandidateId>::max();
inline constexpr TimeS inf_time = std::numeric_limits<TimeS>::max();

// Maximal covering (MCLP): choose k candidates to maximise the weight of demand newly covered,
// i.e. within the threshold T of a chosen site and not already covered.
struct CoverageProblem {
    std::vector<double> weight;                // per demand point, finite and >= 0
    std::vector<std::uint32_t> first;          // candidate_count + 1 offsets into demand
    std::vector<DemandId> demand;              // the demand points candidate j covers, in
                                               // [first[j], first[j+1]); duplicates are ignored
    std::vector<std::uint8_t> already_covered; // per demand point (1 = an existing site covers it),
                                               // or empty: nothing is covered yet
    // Capacitated variant (optional): per candidate the most weight it may serve, or empty for
    // no capacities. inf is allowed. Each demand point is then served by at most one site,
    // as a whole (single assignment); see docs/location-optimisation.md.
    std::vector<double> capacity;

    std::uint32_t demand_count() const { return static_cast<std::uint32_t>(weight.size()); }
    std::uint32_t candidate_count() const {
        return first.empty() ? 0 : static_cast<std::uint32_t>(first.size() - 1);
    }
    bool capacitated() const { return !capacity.empty(); }
};

// p-median: choose k candidates to minimise the total weighted travel time
//   sum_i weight[i] * min(base_i, min over chosen j of time(i, j)).
// A candidate's list holds the (demand, time) pairs within the horizon; a pair that is not listed
// means "this candidate does not serve that demand point". base_i is the time to the nearest
// existing site (current_time_s[i]) when that is finite, and otherwise unserved_time_s (a
// penalty, by default the horizon): demand that no site reaches stays at its current time or
// at the penalty. The objective is in weight x seconds (person-seconds).
struct MedianProblem {
    std::vector<double> weight;           // per demand point, finite and >= 0
    std::vector<std::uint32_t> first;     // candidate_count + 1 offsets into demand and time_s
    std::vector<DemandId> demand;         // per entry
    std::vector<TimeS> time_s;            // per entry, <= horizon_s; duplicates keep the smallest
    std::vector<TimeS> current_time_s;    // per demand point (inf_time: no existing site), or empty
    TimeS horizon_s = 0;                  // the lists hold every pair within this time
    std::optional<TimeS> unserved_time_s; // penalty for demand nothing serves; >= horizon_s;
                                          // default: horizon_s

    std::uint32_t demand_count() const { return static_cast<std::uint32_t>(weight.size()); }
    std::uint32_t candidate_count() const {
        return first.empty() ? 0 : static_cast<std::uint32_t>(first.size() - 1);
    }
    TimeS penalty_s() const { return unserved_time_s.value_or(horizon_s); }
};

// Everything wrong with the input (at most max_messages messages, each naming the offending id
// and value); empty if the problem is well-formed. The solvers throw lw::Error(input_value) with
// these messages.
std::vector<std::string> validate(const CoverageProblem& problem, std::size_t max_messages = 10);
std::vector<std::string> validate(const MedianProblem& problem, std::size_t max_messages = 10);

// The objective of a given set of sites (ids may repeat; out-of-range ids throw).
// Newly covered weight (uncapacitated: every covered point counts).
double coverage_value(const CoverageProblem& problem, const std::vector<CandidateId>& sites);
// Total weighted time in weight x seconds.
double median_value(const MedianProblem& problem, const std::vector<CandidateId>& sites);
// The time each demand point gets from the sites (base time where no site is closer).
std::vector<TimeS> median_times(const MedianProblem& problem,
                                const std::vector<CandidateId>& sites);

} // namespace lw::location
