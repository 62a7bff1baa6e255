#pragma once
// Input checks shared by the solvers; each throws lw::Error(input_value) with a clear message.

#include "location/problem.hpp"

#include <cstdint>
#include <string_view>

namespace lw::location::detail {

void require_valid(const CoverageProblem& problem);
void require_valid(const MedianProblem& problem);
// Closure with capacities is not supported (docs: known gaps).
void require_uncapacitated_closure(const CoverageProblem& problem);
// "k = 12 exceeds the 10 candidates": `what` names the count, `of` what is counted.
void require_at_most(std::uint32_t count, std::uint32_t available, std::string_view what,
                     std::string_view of);

} // namespace lw::location::detail
