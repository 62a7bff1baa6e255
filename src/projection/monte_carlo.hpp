#pragma once
// Monte-Carlo projection: `runs` trajectories per area in integer persons, reduced on the fly.
// Sources of uncertainty (docs/projection-engine.md), each switched by its own parameter:
//  - demographic noise: deaths binomial, births and net migrants Poisson around their expectation;
//  - migration level shock per area, run and year: the net migration rate per head of every cell
//    shifts by delta ~ N(0, migration_shock_sd) (independent across years and areas);
//  - national scenario factors per run, shared by all areas and constant over the run: fertility
//    rates x exp(fertility_sd z1), death probabilities x exp(mortality_sd z2) (median 1, so the
//    deterministic projection is the median scenario).
// Reproducible: every (seed, area, run) has its own random stream and every run its own national
// factors (seed, run), so results are identical for any thread count and processing order.
// Memory: one buffer of (years + 1) x cell_count x runs int32 per thread; results keep quantiles
// per area x year x cell and, per aggregate, the exact distribution of the per-run values.

#include "projection/input.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace lw::projection {

// Persons aged age_from..age_to (inclusive; 100 = 100+) of one sex or both.
struct Aggregate {
    std::size_t age_from = 0;
    std::size_t age_to = open_age;
    std::optional<Sex> sex; // empty: both sexes
};

struct MonteCarloConfig {
    std::uint32_t runs = 1000;
    std::uint64_t seed = 1;
    unsigned threads = 0; // 0: all cores TBB offers
    // false: expected values, rounded to whole persons by unbiased random rounding.
    bool demographic_noise = true;
    // Spread parameters; assumptions until calibrated by a backtest (all 0 = demographic noise only).
    double migration_shock_sd = 0;  // per head and year, additive to every cell's rate
    double fertility_sd = 0;        // log-scale sd of the run-level fertility factor
    double mortality_sd = 0;        // log-scale sd of the run-level death-probability factor
    std::vector<double> quantile_levels = {0.025, 0.10, 0.50, 0.90, 0.975};
    // false: no quantiles per area x year x cell (MonteCarloResult::quantiles stays empty), only
    // the aggregates' distributions; saves the per-cell reduction and 1.4 GB for Germany.
    bool cell_quantiles = true;
    std::vector<Aggregate> aggregates;
    SimdPath simd = SimdPath::automatic; // a path the CPU lacks is an input_value error
};

// Exact distribution of one aggregate's per-run values, per area: for (year, aggregate) the
// sorted distinct values and how many runs are <= each.
struct AggregateDistributions {
    std::vector<std::uint32_t> first;       // (years + 1) x aggregate_count + 1 offsets
    // Ascending within each (year, aggregate). int32 (an aggregate above 2^31 - 1 persons is an
    // input_value error): 1,000 runs of 11,000 areas hold ~200 M distinct values, 0.8 GB less
    // than with int64.
    std::vector<std::int32_t> value;
    std::vector<std::uint32_t> at_or_below; // runs with a value <= value[i]
};

struct MonteCarloResult {
    std::size_t area_count = 0;
    std::size_t years = 0;
    std::uint32_t runs = 0;
    std::vector<double> quantile_levels;
    std::vector<Aggregate> aggregates;
    // [((area * (years + 1) + year) * cell_count + cell) * levels + level]; year 0 = base.
    // Empty if MonteCarloConfig::cell_quantiles is false.
    std::vector<float> quantiles;
    std::vector<AggregateDistributions> distributions; // per area
    // Per area: migrants (summed over runs, steps and cells) that a negative net migration would
    // have removed from an empty cell and that were therefore not applied.
    std::vector<std::int64_t> migration_clipped;
    // Per run: the national factors drawn (for reports and tests).
    std::vector<double> fertility_factor;
    std::vector<double> mortality_factor;

    std::size_t quantile_index(std::size_t area, std::size_t year, std::size_t cell_idx) const {
        return ((area * (years + 1) + year) * cell_count + cell_idx) * quantile_levels.size();
    }
};

// Validates input and config (lw::Error input_value) and simulates all areas.
MonteCarloResult simulate(const ProjectionInput& input, const MonteCarloConfig& config);

// P(aggregate > capacity) in year index `year` (0 = base), exactly over the runs.
double exceedance_probability(const MonteCarloResult& result, std::size_t area, std::size_t year,
                              std::size_t aggregate, double capacity);

// The per-run values of one (area, year, aggregate) expanded and sorted ascending (runs values).
std::vector<std::int64_t> sorted_run_values(const MonteCarloResult& result, std::size_t area,
                                            std::size_t year, std::size_t aggregate);

} // namespace lw::projection
