#pragma once
// A population by single year of age and sex in the shared layout of core/age_sex.hpp: a view of
// cell_count values, [sex * age_count + age]. Values are persons (may be fractional: Monte-Carlo
// means, projections) and must be finite and >= 0.

#include "core/age_sex.hpp"

#include <span>

namespace lw::demand {

using Population = std::span<const double>; // cell_count values

// Throws lw::Error (input_value) unless `values` has cell_count finite, non-negative entries.
// `what` names the array in the message ("population", "care rates", ...).
void check_cells(std::span<const double> values, const char* what);

// Throws lw::Error (input_value) unless `values` has cell_count entries in [0, 1].
void check_rates(std::span<const double> values, const char* what);

// Sum of all cells.
double total(Population population);

} // namespace lw::demand
