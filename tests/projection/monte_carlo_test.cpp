#include "core/error.hpp"
#include "fixtures.hpp"
#include "projection/deterministic.hpp"
#include "projection/monte_carlo.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace lw::projection {
namespace {

const Aggregate total{0, open_age, {}};
const Aggregate one_cell{40, 40, Sex::female}; // a single cell, to cross-check cell quantiles

ProjectionInput village_and_town() {
    ProjectionInput input = testing::flat_input(2, 20, 0);
    for (std::size_t c = 0; c < cell_count; ++c) {
        input.base_population[c] = 4.3;                // ~870 persons
        input.base_population[cell_count + c] = 430.0; // ~87,000 persons
    }
    for (std::size_t idx = 0; idx < input.migration_rate.size(); ++idx) {
        input.migration_rate[idx] = (idx % cell_count) % age_count < 30 ? -0.01 : 0.004;
    }
    return input;
}

MonteCarloConfig small_config() {
    MonteCarloConfig config;
    config.runs = 200;
    config.seed = 42;
    config.migration_shock_sd = 0.003;
    config.fertility_sd = 0.05;
    config.mortality_sd = 0.05;
    config.aggregates = {total, one_cell, Aggregate{0, 2, {}}, Aggregate{80, open_age, Sex::male}};
    return config;
}

double quantile_of(const MonteCarloResult& r, std::size_t area, std::size_t year, std::size_t c,
                   std::size_t level) {
    return r.quantiles[r.quantile_index(area, year, c) + level];
}

double type7(const std::vector<std::int64_t>& sorted, double p) {
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return static_cast<double>(sorted[lo]) +
           (h - static_cast<double>(lo)) * static_cast<double>(sorted[hi] - sorted[lo]);
}

TEST(MonteCarlo, SameSeedSameResultsForAnyThreadCount) {
    const ProjectionInput input = village_and_town();
    MonteCarloConfig config = small_config();
    config.threads = 1;
    const MonteCarloResult one = simulate(input, config);
    config.threads = 2;
    const MonteCarloResult two = simulate(input, config);
    const MonteCarloResult again = simulate(input, config);
    EXPECT_EQ(one.quantiles, two.quantiles);
    EXPECT_EQ(two.quantiles, again.quantiles);
    for (std::size_t area = 0; area < input.area_count; ++area) {
        EXPECT_EQ(one.distributions[area].value, two.distributions[area].value);
        EXPECT_EQ(one.distributions[area].at_or_below, two.distributions[area].at_or_below);
    }
    config.seed = 43;
    const MonteCarloResult other = simulate(input, config);
    EXPECT_NE(other.quantiles, two.quantiles);
}

// Every SIMD path the CPU runs gives bit-identical results to the baseline (SSE2) kernel, with and
// without demographic noise, for a run count that is no multiple of any vector width.
TEST(MonteCarlo, EverySimdPathGivesIdenticalResults) {
    const ProjectionInput input = village_and_town();
    for (const bool noise : {true, false}) {
        MonteCarloConfig config = small_config();
        config.runs = 203;
        config.demographic_noise = noise;
        config.simd = SimdPath::baseline;
        const MonteCarloResult reference = simulate(input, config);
        for (const SimdPath path : {SimdPath::automatic, SimdPath::avx2, SimdPath::avx512}) {
            if (!simd_path_supported(path)) {
                config.simd = path;
                EXPECT_THROW(simulate(input, config), Error);
                continue;
            }
            config.simd = path;
            const MonteCarloResult other = simulate(input, config);
            EXPECT_EQ(other.quantiles, reference.quantiles) << static_cast<int>(path);
            EXPECT_EQ(other.migration_clipped, reference.migration_clipped);
            for (std::size_t area = 0; area < input.area_count; ++area) {
                EXPECT_EQ(other.distributions[area].value, reference.distributions[area].value);
                EXPECT_EQ(other.distributions[area].at_or_below,
                          reference.distributions[area].at_or_below);
            }
        }
    }
}

// Without cell quantiles the aggregates are the same draws (same streams), only the per-cell
// reduction is skipped.
TEST(MonteCarlo, AggregatesOnlyGiveTheSameDistributions) {
    const ProjectionInput input = village_and_town();
    MonteCarloConfig config = small_config();
    const MonteCarloResult full = simulate(input, config);
    config.cell_quantiles = false;
    const MonteCarloResult lean = simulate(input, config);
    EXPECT_FALSE(full.quantiles.empty());
    EXPECT_TRUE(lean.quantiles.empty());
    for (std::size_t area = 0; area < input.area_count; ++area) {
        EXPECT_EQ(full.distributions[area].value, lean.distributions[area].value);
        EXPECT_EQ(full.distributions[area].at_or_below, lean.distributions[area].at_or_below);
    }
}

TEST(MonteCarlo, QuantilesAndExceedanceMatchTheSortedRunValues) {
    const ProjectionInput input = village_and_town();
    const MonteCarloResult result = simulate(input, small_config());
    for (std::size_t area = 0; area < input.area_count; ++area) {
        for (const std::size_t year : {std::size_t{0}, std::size_t{7}, input.years}) {
            const std::vector<std::int64_t> cell_runs = sorted_run_values(result, area, year, 1);
            ASSERT_EQ(cell_runs.size(), result.runs);
            ASSERT_TRUE(std::is_sorted(cell_runs.begin(), cell_runs.end()));
            for (std::size_t l = 0; l < result.quantile_levels.size(); ++l) {
                EXPECT_FLOAT_EQ(
                    static_cast<float>(quantile_of(result, area, year, cell(Sex::female, 40), l)),
                    static_cast<float>(type7(cell_runs, result.quantile_levels[l])));
            }
            const std::vector<std::int64_t> totals = sorted_run_values(result, area, year, 0);
            for (const std::size_t pick : {std::size_t{0}, std::size_t{50}, std::size_t{199}}) {
                for (const double capacity : {static_cast<double>(totals[pick]) - 0.5,
                                              static_cast<double>(totals[pick])}) {
                    const auto exceeding = std::count_if(totals.begin(), totals.end(),
                                                         [&](std::int64_t v) { return static_cast<double>(v) > capacity; });
                    EXPECT_DOUBLE_EQ(exceedance_probability(result, area, year, 0, capacity),
                                     static_cast<double>(exceeding) / result.runs);
                }
            }
            EXPECT_EQ(exceedance_probability(result, area, year, 0, -1.0), 1.0);
            EXPECT_EQ(exceedance_probability(result, area, year, 0, 1e12), 0.0);
        }
    }
}

// On a large population the median trajectory is the deterministic one: noise is small relative
// to the cell and the national factors have median 1.
TEST(MonteCarlo, MedianEqualsDeterministicOnALargePopulation) {
    ProjectionInput input = testing::flat_input(1, 15, 20'000);
    for (std::size_t c = 0; c < cell_count; ++c) {
        input.migration_rate[c] = c % age_count < 40 ? 0.01 : -0.002;
    }
    MonteCarloConfig config;
    config.runs = 301;
    config.seed = 9;
    config.aggregates = {total};
    const MonteCarloResult mc = simulate(input, config);
    // With national factors the median of the total is still the deterministic total (the total
    // is monotone in both factors); per cell the sampling error of the median factor of 301 runs
    // (1.25 / sqrt(301) sd = 0.4 % on the factor) would dominate, so cells are checked without.
    config.fertility_sd = 0.05;
    config.mortality_sd = 0.05;
    const MonteCarloResult national = simulate(input, config);
    const DeterministicResult det = project(input);
    for (std::size_t year = 0; year <= input.years; ++year) {
        for (std::size_t c = 0; c < cell_count; ++c) {
            const double expected = det.population[det.population_index(0, year) + c];
            const double median = quantile_of(mc, 0, year, c, 2);
            // Demographic noise of a cell: a few sqrt(N); the median of 301 runs is well inside.
            EXPECT_NEAR(median, expected, 0.004 * expected + 3 * std::sqrt(expected) / 4 + 1)
                << year << " " << c;
        }
        const std::vector<std::int64_t> totals = sorted_run_values(mc, 0, year, 0);
        double expected_total = 0;
        for (std::size_t c = 0; c < cell_count; ++c) {
            expected_total += det.population[det.population_index(0, year) + c];
        }
        EXPECT_NEAR(type7(totals, 0.5), expected_total, 0.002 * expected_total) << year;
        EXPECT_NEAR(type7(sorted_run_values(national, 0, year, 0), 0.5), expected_total,
                    0.002 * expected_total)
            << year;
    }
}

// Without shocks the Monte-Carlo mean is the deterministic expectation (samplers are unbiased
// and the model is linear in the population).
TEST(MonteCarlo, MeanEqualsDeterministicWithDemographicNoiseOnly) {
    ProjectionInput input = testing::flat_input(1, 10, 3.6);
    for (std::size_t c = 0; c < cell_count; ++c) {
        input.migration_rate[c] = 0.01;
    }
    MonteCarloConfig config;
    config.runs = 4000;
    config.aggregates = {total};
    const MonteCarloResult mc = simulate(input, config);
    const DeterministicResult det = project(input);
    for (const std::size_t year : {std::size_t{1}, std::size_t{5}, std::size_t{10}}) {
        const std::vector<std::int64_t> totals = sorted_run_values(mc, 0, year, 0);
        double sum = 0;
        double sum2 = 0;
        for (const auto v : totals) {
            sum += static_cast<double>(v);
            sum2 += static_cast<double>(v) * static_cast<double>(v);
        }
        const double mean = sum / config.runs;
        const double sd = std::sqrt(sum2 / config.runs - mean * mean);
        double expected = 0;
        for (std::size_t c = 0; c < cell_count; ++c) {
            expected += det.population[det.population_index(0, year) + c];
        }
        EXPECT_NEAR(mean, expected, 4 * sd / std::sqrt(config.runs)) << year;
    }
}

TEST(MonteCarlo, IntervalsWidenWithHorizonAndNarrowWithSize) {
    const ProjectionInput input = village_and_town();
    const MonteCarloResult result = simulate(input, small_config());
    auto width = [&](std::size_t area, std::size_t year) {
        const std::vector<std::int64_t> totals = sorted_run_values(result, area, year, 0);
        return type7(totals, 0.975) - type7(totals, 0.025);
    };
    auto relative = [&](std::size_t area, std::size_t year) {
        return width(area, year) / type7(sorted_run_values(result, area, year, 0), 0.5);
    };
    for (std::size_t area = 0; area < 2; ++area) {
        EXPECT_LT(width(area, 2), width(area, 10)) << area;
        EXPECT_LT(width(area, 10), width(area, 20)) << area;
    }
    for (const std::size_t year : {std::size_t{2}, std::size_t{10}, std::size_t{20}}) {
        EXPECT_LT(relative(1, year), 0.8 * relative(0, year)) << year;
    }
}

TEST(MonteCarlo, WithoutNoiseAndShocksItIsTheRoundedDeterministicProjection) {
    ProjectionInput input = testing::flat_input(1, 5, 1000);
    MonteCarloConfig config;
    config.runs = 21;
    config.demographic_noise = false;
    const MonteCarloResult mc = simulate(input, config);
    const DeterministicResult det = project(input);
    for (std::size_t year = 0; year <= input.years; ++year) {
        for (std::size_t c = 0; c < cell_count; ++c) {
            const double expected = det.population[det.population_index(0, year) + c];
            // Random rounding of each event count: a few persons at most per cell.
            EXPECT_NEAR(quantile_of(mc, 0, year, c, 2), expected, 2.0 + 1e-3 * expected);
        }
    }
}

TEST(MonteCarlo, NegativeMigrationIsClippedAndReported) {
    ProjectionInput input = testing::flat_input(1, 3, 2);
    input.migration_rate.assign(cell_count, -1.0);
    MonteCarloConfig config;
    config.runs = 50;
    config.aggregates = {total};
    const MonteCarloResult mc = simulate(input, config);
    EXPECT_GT(mc.migration_clipped[0], 0);
    for (std::size_t year = 1; year <= input.years; ++year) {
        for (const auto v : sorted_run_values(mc, 0, year, 0)) {
            EXPECT_GE(v, 0);
        }
    }
}

} // namespace
} // namespace lw::projection
