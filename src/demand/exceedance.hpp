#pragma once
// Risk from Monte-Carlo runs: the probability that a demand exceeds a capacity, with a Wilson
// score interval for the Monte-Carlo error, and quantiles of the per-run values.
// docs/demand-and-housing.md#exceedance.

#include <cstddef>
#include <span>
#include <vector>

namespace lw::demand {

// z of a two-sided 95 % interval (the 0.975 quantile of the standard normal).
inline constexpr double z_95 = 1.959963984540054;

struct Exceedance {
    std::size_t runs = 0;
    std::size_t exceeding = 0; // runs with value > capacity (strictly)
    double probability = 0.0;  // exceeding / runs
    double lower = 0.0;        // Wilson score interval (Wilson 1927) at the given z
    double upper = 0.0;
};

// Wilson score interval for `successes` of `trials` Bernoulli draws:
//   centre = (p + z²/2n) / (1 + z²/n), half = z / (1 + z²/n) * sqrt(p(1-p)/n + z²/4n²).
// Throws lw::Error (input_value) if trials == 0, successes > trials or z is not > 0.
Exceedance wilson_interval(std::size_t successes, std::size_t trials, double z = z_95);

// P(value > capacity) over the runs. Throws lw::Error (input_value) for no runs or non-finite
// values.
Exceedance exceedance(std::span<const double> run_values, double capacity, double z = z_95);

// Quantile p in [0, 1] of the runs, Hyndman & Fan (1996) type 7 (linear interpolation between
// order statistics, R's default): h = (n-1)p, x[floor h] + (h - floor h)(x[floor h + 1] -
// x[floor h]). Throws lw::Error (input_value) for no runs, non-finite values or p outside [0, 1].
double quantile(std::span<const double> run_values, double p);

// Several quantiles with one sort.
std::vector<double> quantiles(std::span<const double> run_values, std::span<const double> ps);

} // namespace lw::demand
