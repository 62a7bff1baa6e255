#include "core/error.hpp"
#include "projection/detail/quantiles.hpp"
#include "projection/detail/random.hpp"
#include "projection/detail/sampling.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

namespace lw::projection::detail {
namespace {

double type7(std::vector<std::int64_t> values, double p) {
    std::sort(values.begin(), values.end());
    const double h = static_cast<double>(values.size() - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, values.size() - 1);
    return static_cast<double>(values[lo]) +
           (h - static_cast<double>(lo)) * static_cast<double>(values[hi] - values[lo]);
}

// Both paths (histogram for narrow ranges, sort for wide ones) against a plain sort.
TEST(Quantiles, EqualExactSortOnRandomSamples) {
    std::mt19937 gen(7);
    const std::vector<double> levels = {0, 0.025, 0.1, 0.5, 0.9, 0.975, 1};
    QuantileScratch scratch;
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t n = 1 + gen() % 300;
        const int spread = trial % 2 == 0 ? 5 : 1'000'000;
        std::vector<std::int32_t> values(n);
        std::vector<std::int64_t> wide(n);
        for (std::size_t idx = 0; idx < n; ++idx) {
            values[idx] = static_cast<std::int32_t>(gen() % static_cast<unsigned>(spread)) - 3;
            wide[idx] = values[idx];
        }
        std::vector<float> out(levels.size());
        quantiles(values, levels, out, scratch);
        for (std::size_t l = 0; l < levels.size(); ++l) {
            EXPECT_FLOAT_EQ(out[l], static_cast<float>(type7(wide, levels[l]))) << trial;
        }
        std::vector<std::int32_t> value;
        std::vector<std::uint32_t> below;
        append_distribution(wide, value, below, scratch);
        std::sort(wide.begin(), wide.end());
        ASSERT_EQ(below.back(), n);
        for (std::size_t idx = 0; idx < value.size(); ++idx) {
            const auto count = std::upper_bound(wide.begin(), wide.end(), value[idx]) - wide.begin();
            EXPECT_EQ(below[idx], static_cast<std::uint32_t>(count));
            EXPECT_TRUE(std::binary_search(wide.begin(), wide.end(), value[idx]));
        }
    }
}

// Levels in any order and repeated; constant samples, few values (compare passes), histogram and
// sort ranges: every path and instruction set equals the plain sort exactly.
TEST(Quantiles, UnsortedLevelsAndConstantSamplesEqualExactSort) {
    std::mt19937 gen(9);
    const std::vector<double> levels = {0.975, 0.5, 0.025, 0.5, 1, 0, 0.9, 0.1};
    QuantileScratch scratch;
    for (int trial = 0; trial < 60; ++trial) {
        const std::size_t n = 1 + gen() % 1100;
        const unsigned spreads[] = {1, 2, 3, 11, 13, 40, 5000, 100000};
        const unsigned spread = spreads[trial % 8];
        std::vector<std::int32_t> values(n);
        std::vector<std::int64_t> wide(n);
        for (std::size_t idx = 0; idx < n; ++idx) {
            values[idx] = static_cast<std::int32_t>(gen() % spread) + trial;
            wide[idx] = values[idx];
        }
        std::vector<float> out(levels.size());
        quantiles(values, levels, out, scratch);
        for (std::size_t l = 0; l < levels.size(); ++l) {
            EXPECT_EQ(out[l], static_cast<float>(type7(wide, levels[l]))) << trial << " " << levels[l];
        }
        // The other instruction sets give the same floats.
        if (cpu_has(Isa::avx2)) {
            std::vector<float> other(levels.size());
            avx2::quantiles(values, levels, other, scratch);
            EXPECT_EQ(other, out);
        }
        if (cpu_has(Isa::avx512)) {
            std::vector<float> other(levels.size());
            avx512::quantiles(values, levels, other, scratch);
            EXPECT_EQ(other, out);
        }
    }
}

// Distribution values are stored as int32: a larger aggregate is reported, not truncated.
TEST(Quantiles, DistributionBeyondInt32Throws) {
    QuantileScratch scratch;
    std::vector<std::int32_t> value;
    std::vector<std::uint32_t> below;
    const std::vector<std::int64_t> fine = {2'147'483'647, -5};
    append_distribution(fine, value, below, scratch);
    EXPECT_EQ(value, (std::vector<std::int32_t>{-5, 2'147'483'647}));
    const std::vector<std::int64_t> huge = {3'000'000'000, 1};
    EXPECT_THROW(append_distribution(huge, value, below, scratch), Error);
}

// Sample mean and variance of the samplers against theory, for means below and above the switch
// to the normal approximation. 200,000 draws: the mean's standard error is sqrt(var / n).
TEST(Random, PoissonAndBinomialMoments) {
    const int n = 200'000;
    for (const double lambda : {0.01, 0.3, 2.0, 15.0, 60.0}) {
        Rng rng = Rng::stream(3, 1, static_cast<std::uint64_t>(lambda * 100));
        double sum = 0;
        double sum2 = 0;
        for (int idx = 0; idx < n; ++idx) {
            const auto k = static_cast<double>(poisson(lambda, rng));
            sum += k;
            sum2 += k * k;
        }
        const double mean = sum / n;
        const double var = sum2 / n - mean * mean;
        EXPECT_NEAR(mean, lambda, 5 * std::sqrt(lambda / n)) << lambda;
        // Relative sd of the sample variance: sqrt((1 / lambda + 2) / n).
        EXPECT_NEAR(var / lambda, 1.0, 0.01 + 5 * std::sqrt((1 / lambda + 2) / n)) << lambda;
    }
    for (const auto& [persons, q] : std::vector<std::pair<std::int64_t, double>>{
             {3, 0.001}, {40, 0.05}, {7, 0.45}, {12, 0.8}, {500, 0.2}, {30, 0.999}}) {
        Rng rng = Rng::stream(4, static_cast<std::uint64_t>(persons), static_cast<std::uint64_t>(q * 1000));
        double sum = 0;
        double sum2 = 0;
        for (int idx = 0; idx < n; ++idx) {
            const auto k = binomial(persons, q, rng);
            ASSERT_GE(k, 0);
            ASSERT_LE(k, persons);
            sum += static_cast<double>(k);
            sum2 += static_cast<double>(k * k);
        }
        const double mean = sum / n;
        const double var = sum2 / n - mean * mean;
        const double theory_mean = static_cast<double>(persons) * q;
        const double theory_var = theory_mean * (1 - q);
        EXPECT_NEAR(mean, theory_mean, 5 * std::sqrt(theory_var / n) + 1e-12) << persons << " " << q;
        EXPECT_NEAR(var / theory_var, 1.0, 0.01 + 5 * std::sqrt((1 / theory_var + 2) / n))
            << persons << " " << q;
    }
}

TEST(Random, StreamsAreReproducibleAndDistinct) {
    Rng a = Rng::stream(1, 2, 3);
    Rng b = Rng::stream(1, 2, 3);
    Rng c = Rng::stream(1, 2, 4);
    for (int idx = 0; idx < 10; ++idx) {
        const auto x = a.next();
        EXPECT_EQ(x, b.next());
        EXPECT_NE(x, c.next());
    }
}

} // namespace
} // namespace lw::projection::detail
