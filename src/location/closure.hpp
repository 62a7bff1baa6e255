#pragma once
// "Which of these sites can close with the least loss": the candidates are the sites open today
// (their lists as for selection); already_covered / current_time_s hold what the sites that stay
// regardless provide. Picks exactly close_count sites whose closure loses the least coverage
// (MCLP) or adds the least weighted time (p-median). Greedy drop (losses only grow as sites
// close, so the cheapest closure first), then swaps; the bound is a lower bound on the loss.
// Result::value is the loss, Result::baseline the objective with every site open.

#include "location/config.hpp"
#include "location/problem.hpp"
#include "location/result.hpp"

#include <cstdint>

namespace lw::location {

// Throws lw::Error(input_value) for invalid problems, close_count > the number of open sites,
// and capacitated problems (closure with capacities is not supported).
Result close_mclp(const CoverageProblem& open_sites, std::uint32_t close_count,
                  const HeuristicConfig& config = {});
Result close_pmedian(const MedianProblem& open_sites, std::uint32_t close_count,
                     const HeuristicConfig& config = {});

} // namespace lw::location
