#pragma once
// Integer apportionment that preserves a total exactly (Hamilton / largest-remainder method):
// each share gets floor(total * w / sum w), the persons left over go to the largest remainders.

#include <cstdint>
#include <span>
#include <vector>

namespace lw::population {

// Returns counts summing to `total` exactly, proportional to `weights` (all >= 0, sum > 0).
// Ties are broken by position, so the result is deterministic.
std::vector<std::int64_t> apportion(std::int64_t total, std::span<const double> weights);

} // namespace lw::population
