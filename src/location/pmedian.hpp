#pragma once
// p-median (Hakimi 1964; ReVelle and Swain 1970) over sparse (demand, time) lists: choose at most k
// candidates to minimise the total weighted travel time, existing sites fixed through the current
// times. Greedy add with lazy gains, Resende-Werneck fast interchange (Teitz-Bart vertex
// substitution), and a lower bound by Lagrangian relaxation (LP relaxation for small instances).
//
//   MedianProblem p{.weight = residents, .first = first, .demand = ids, .time_s = times,
//                   .current_time_s = now, .horizon_s = 1800};
//   Result r = solve_pmedian(p, 5);   // r.value in person-seconds, r.bound <= optimum

#include "location/config.hpp"
#include "location/problem.hpp"
#include "location/result.hpp"

#include <cstdint>

namespace lw::location {

// Throws lw::Error(input_value) for invalid problems and k > candidate_count.
Result solve_pmedian(const MedianProblem& problem, std::uint32_t k,
                     const HeuristicConfig& config = {});

} // namespace lw::location
