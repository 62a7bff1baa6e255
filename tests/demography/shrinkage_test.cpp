#include "demography/shrinkage.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace lw::demography {

TEST(Shrinkage, LargeKeepsItsRateTinyMovesToTheGroupMean) {
    // Five mid-sized villages spread around 0 (tau^2 > 0), a town of 200,000 and a hamlet of 20.
    const std::vector<double> rate{-0.004, 0.002, 0.005, -0.001, 0.003, 0.010, 0.060};
    const std::vector<double> population{3000, 2500, 4000, 3500, 2000, 200000, 20};
    const auto result = shrink_rates(rate, population, 3.0);
    EXPECT_GT(result.between_variance, 0.0);
    EXPECT_NEAR(result.rate[5], rate[5], 0.05 * std::abs(rate[5] - result.group_mean));
    EXPECT_GT(result.own_weight[5], 0.95);
    EXPECT_LT(result.own_weight[6], 0.05);
    EXPECT_LT(std::abs(result.rate[6] - result.group_mean), 0.05 * std::abs(rate[6] - result.group_mean));
    // Hand check of the formula for one area.
    const double v = 0.07 / (population[1] * 3.0) + 1e-6;
    EXPECT_DOUBLE_EQ(result.sampling_variance[1], v);
    const double b = v / (v + result.between_variance);
    EXPECT_NEAR(result.rate[1], result.group_mean + (1 - b) * (rate[1] - result.group_mean), 1e-15);
}

TEST(Shrinkage, EqualRatesDoNotMove) {
    const std::vector<double> rate(6, 0.0042);
    const std::vector<double> population{50, 300, 1200, 8000, 30000, 150};
    const auto result = shrink_rates(rate, population, 3.0);
    EXPECT_EQ(result.between_variance, 0.0);
    for (double r : result.rate) {
        EXPECT_NEAR(r, 0.0042, 1e-15);
    }
}

TEST(Shrinkage, DerSimonianLairdByHand) {
    // Two areas with v = 1e-6 + 0.07 / (P * 1): P = 70,000 -> v = 2e-6, P = 7,000 -> v = 1.1e-5.
    const std::vector<double> rate{0.0, 0.02};
    const std::vector<double> population{70000, 7000};
    const auto result = shrink_rates(rate, population, 1.0);
    const double w1 = 1 / 2e-6, w2 = 1 / 1.1e-5;
    const double fixed = w2 * 0.02 / (w1 + w2);
    const double q = w1 * fixed * fixed + w2 * (0.02 - fixed) * (0.02 - fixed);
    const double tau2 = (q - 1) / (w1 + w2 - (w1 * w1 + w2 * w2) / (w1 + w2));
    EXPECT_NEAR(result.between_variance, tau2, 1e-12 * tau2);
    const double mu = (0.02 / (1.1e-5 + tau2)) / (1 / (2e-6 + tau2) + 1 / (1.1e-5 + tau2));
    EXPECT_NEAR(result.group_mean, mu, 1e-12);
}

TEST(Shrinkage, SmallGroupsAndBadInput) {
    const std::vector<double> one{0.01};
    EXPECT_EQ(shrink_rates(one, std::vector<double>{100}, 3.0).rate, one);
    EXPECT_THROW(shrink_rates(one, std::vector<double>{0}, 3.0), Error);
    EXPECT_THROW(shrink_rates(one, std::vector<double>{100, 200}, 3.0), Error);
    EXPECT_THROW(shrink_rates(one, std::vector<double>{100}, 0.0), Error);
}

TEST(Shrinkage, SimulationRecoversRatesBetterThanTheRawResiduals) {
    // Groups of 16 municipalities (Werra-Meissner has 16) of 100 to 20,000 residents; true rates
    // drawn around a group mean; observed net migration = in-moves - out-moves over 3 years,
    // each Poisson with mean P x 3 x 0.035 x (1 +/- rate / 0.07), i.e. the turnover assumed by
    // the variance model and the true net rate as their difference.
    std::mt19937_64 rng(20240611);
    std::normal_distribution<double> true_spread(0.0, 0.004);
    std::uniform_real_distribution<double> log_size(std::log(100.0), std::log(20000.0));
    double raw_error = 0, shrunk_error = 0, small_raw = 0, small_shrunk = 0;
    int count = 0, small_count = 0;
    for (int group = 0; group < 200; ++group) {
        const double group_mean = 0.003 * (group % 5 - 2);
        std::vector<double> truth, observed, population;
        for (int area = 0; area < 16; ++area) {
            const double size = std::round(std::exp(log_size(rng)));
            const double theta = group_mean + true_spread(rng);
            const double half_turnover = size * 3.0 * 0.035;
            std::poisson_distribution<long> in(half_turnover * (1 + theta / 0.07));
            std::poisson_distribution<long> out(half_turnover * (1 - theta / 0.07));
            const auto net = static_cast<double>(in(rng) - out(rng));
            truth.push_back(theta);
            observed.push_back(net / (3.0 * size));
            population.push_back(size);
        }
        const auto result = shrink_rates(observed, population, 3.0);
        for (std::size_t area = 0; area < truth.size(); ++area) {
            const double raw = (observed[area] - truth[area]) * (observed[area] - truth[area]);
            const double shrunk = (result.rate[area] - truth[area]) * (result.rate[area] - truth[area]);
            raw_error += raw;
            shrunk_error += shrunk;
            ++count;
            if (population[area] < 1000) {
                small_raw += raw;
                small_shrunk += shrunk;
                ++small_count;
            }
        }
    }
    const double raw_rmse = std::sqrt(raw_error / count);
    const double shrunk_rmse = std::sqrt(shrunk_error / count);
    EXPECT_LT(shrunk_rmse, 0.8 * raw_rmse) << raw_rmse << " vs " << shrunk_rmse;
    EXPECT_LT(std::sqrt(small_shrunk / small_count), 0.5 * std::sqrt(small_raw / small_count));
}

} // namespace lw::demography
