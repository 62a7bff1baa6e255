#include "demand/exceedance.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include <random>

namespace lw::demand {
namespace {

TEST(Exceedance, WilsonByHand) {
    // 8 of 10 at z = 1.96: centre = (0.8 + 0.19208) / 1.38416, half = 1.96 / 1.38416 *
    // sqrt(0.016 + 0.009604) = 0.71674 -/+ 0.22658 -> [0.49016, 0.94332].
    const Exceedance result = wilson_interval(8, 10, 1.96);
    EXPECT_DOUBLE_EQ(result.probability, 0.8);
    EXPECT_NEAR(result.lower, 0.4902, 1e-4);
    EXPECT_NEAR(result.upper, 0.9433, 1e-4);
}

TEST(Exceedance, WilsonAtTheEdges) {
    // 0 of 10: lower 0, upper z²/(n + z²) = 3.8416 / 13.8416.
    const Exceedance none = wilson_interval(0, 10, 1.96);
    EXPECT_DOUBLE_EQ(none.lower, 0.0);
    EXPECT_NEAR(none.upper, 3.8416 / 13.8416, 1e-12);
    const Exceedance all = wilson_interval(10, 10, 1.96);
    EXPECT_NEAR(all.lower, 10.0 / 13.8416, 1e-12);
    EXPECT_DOUBLE_EQ(all.upper, 1.0);
}

TEST(Exceedance, CountsStrictlyAbove) {
    const std::vector<double> runs = {10, 20, 30, 40, 50};
    EXPECT_EQ(exceedance(runs, 30.0).exceeding, 2u);
    EXPECT_EQ(exceedance(runs, 29.9).exceeding, 3u);
    EXPECT_EQ(exceedance(runs, 50.0).exceeding, 0u);
    EXPECT_EQ(exceedance(runs, 0.0).exceeding, 5u);
    // Monotone in the capacity.
    double previous = 1.0;
    for (double capacity = 0.0; capacity <= 60.0; capacity += 5.0) {
        const double p = exceedance(runs, capacity).probability;
        EXPECT_LE(p, previous);
        previous = p;
    }
}

TEST(Exceedance, IntervalCoversTrueProbabilityAndNarrowsWithRuns) {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> demand(100.0, 10.0);
    // P(N(100, 10) > 110) = 1 - Phi(1) = 0.158655.
    const double truth = 0.15865525393145707;
    double previous_width = 1.0;
    for (std::size_t runs : {100u, 1000u, 10000u}) {
        std::vector<double> values(runs);
        for (double& value : values) {
            value = demand(rng);
        }
        const Exceedance result = exceedance(values, 110.0);
        EXPECT_LE(result.lower, truth);
        EXPECT_GE(result.upper, truth);
        EXPECT_LT(result.upper - result.lower, previous_width);
        previous_width = result.upper - result.lower;
    }
}

TEST(Exceedance, QuantilesType7ByHand) {
    const std::vector<double> runs = {40, 10, 30, 20}; // sorted 10 20 30 40
    EXPECT_DOUBLE_EQ(quantile(runs, 0.0), 10.0);
    EXPECT_DOUBLE_EQ(quantile(runs, 1.0), 40.0);
    EXPECT_DOUBLE_EQ(quantile(runs, 0.5), 25.0);                 // h = 1.5
    EXPECT_DOUBLE_EQ(quantile(runs, 0.9), 37.0);                 // h = 2.7
    const std::vector<double> ps = {0.1, 0.5, 0.95};
    const auto qs = quantiles(runs, ps);
    EXPECT_DOUBLE_EQ(qs[0], 13.0);
    EXPECT_DOUBLE_EQ(qs[1], 25.0);
    EXPECT_DOUBLE_EQ(qs[2], 38.5);
    const std::vector<double> one = {7.0};
    EXPECT_DOUBLE_EQ(quantile(one, 0.3), 7.0);
}

TEST(Exceedance, BadInputThrows) {
    const std::vector<double> none;
    EXPECT_THROW(exceedance(none, 1.0), Error);
    EXPECT_THROW(quantile(none, 0.5), Error);
    const std::vector<double> runs = {1.0, std::nan("")};
    EXPECT_THROW(exceedance(runs, 1.0), Error);
    const std::vector<double> ok = {1.0, 2.0};
    EXPECT_THROW(quantile(ok, 1.5), Error);
    EXPECT_THROW(exceedance(ok, std::nan("")), Error);
    EXPECT_THROW(wilson_interval(3, 2), Error);
    EXPECT_THROW(wilson_interval(0, 0), Error);
    EXPECT_THROW(wilson_interval(1, 2, 0.0), Error);
}

} // namespace
} // namespace lw::demand
