#pragma once
// Empirical Bayes shrinkage of municipal net migration rates toward their group (district or
// cooperation), a normal-normal model:
//   observed rate r_i = theta_i + e_i,  e_i ~ N(0, v_i),  theta_i ~ N(mu, tau^2),
//   v_i = sigma^2 / (P_i * years) + floor.
// sigma^2 is the gross migration turnover per head and year: a net count over `years` is the
// difference of in- and out-moves, roughly Poisson, so its variance is the number of moves.
// tau^2 by the method of moments of DerSimonian & Laird (1986), mu weighted by 1 / (v_i + tau^2);
// the estimate is mu + (1 - B_i)(r_i - mu) with B_i = v_i / (v_i + tau^2) (Efron & Morris 1975).

#include <span>
#include <vector>

namespace lw::demography {

struct ShrinkageConfig {
    // Assumption derived from FACTS-demography.md section 6: 2.8 m moves across district
    // borders in Germany 2021 (Deutschlandatlas) in about 83 m residents, each move counted out
    // and in: 2 x 2.8 / 83 = 0.067 per head and year; moves between municipalities of the same
    // district add to it, so this is rounded up to 0.07 and is a lower bound.
    double turnover_per_head = 0.07;
    // Assumption: rate variance that no population size removes (errors of the base population
    // and of the municipal totals), (0.1 % per year)^2.
    double variance_floor = 1e-6;
};

struct ShrinkageResult {
    std::vector<double> rate;            // shrunken rates per area
    std::vector<double> sampling_variance; // v_i
    std::vector<double> own_weight;      // 1 - B_i: weight of the area's own rate
    double group_mean = 0;               // mu
    double between_variance = 0;         // tau^2
};

// `rate` and `population` per area (same length, population > 0), `years` > 0 the length of the
// observation period. With fewer than two areas the rates are returned unchanged.
ShrinkageResult shrink_rates(std::span<const double> rate, std::span<const double> population,
                             double years, const ShrinkageConfig& config = {});

} // namespace lw::demography
