#include "population/largest_remainder.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <random>

namespace lw::population {

TEST(Apportion, KnownCase) {
    const std::vector<double> w{1, 1, 1};
    EXPECT_EQ(apportion(10, w), (std::vector<std::int64_t>{4, 3, 3})); // tie goes to the first
    const std::vector<double> v{50, 30, 20};
    EXPECT_EQ(apportion(7, v), (std::vector<std::int64_t>{4, 2, 1})); // 3.5, 2.1, 1.4
}

TEST(Apportion, ZeroWeightsGetNothing) {
    const std::vector<double> w{0, 2, 0, 1};
    const auto counts = apportion(5, w);
    EXPECT_EQ(counts[0], 0);
    EXPECT_EQ(counts[2], 0);
    EXPECT_EQ(counts[1] + counts[3], 5);
    EXPECT_EQ(apportion(5, std::vector<double>{0, 0}), (std::vector<std::int64_t>{0, 0}));
}

// Property test: the sum is exact and every count is within one person of its exact quota
// (the quota property of Hamilton's method), for random weights including tiny and huge ones.
TEST(Apportion, QuotaPropertyOnRandomInputs) {
    std::mt19937_64 rng(7);
    std::uniform_int_distribution<int> size(1, 60);
    std::lognormal_distribution<double> weight(0.0, 3.0);
    std::uniform_int_distribution<std::int64_t> total(0, 250'000);
    for (int round = 0; round < 500; ++round) {
        std::vector<double> w(static_cast<std::size_t>(size(rng)));
        for (auto& x : w) {
            x = rng() % 5 == 0 ? 0.0 : weight(rng);
        }
        if (std::accumulate(w.begin(), w.end(), 0.0) == 0.0) {
            w[0] = 1.0;
        }
        const std::int64_t t = total(rng);
        const auto counts = apportion(t, w);
        EXPECT_EQ(std::accumulate(counts.begin(), counts.end(), std::int64_t{0}), t);
        const double sum = std::accumulate(w.begin(), w.end(), 0.0);
        for (std::size_t i = 0; i < w.size(); ++i) {
            const double quota = static_cast<double>(t) * w[i] / sum;
            EXPECT_LE(std::abs(static_cast<double>(counts[i]) - quota), 1.0 + 1e-9);
            if (w[i] == 0.0) {
                EXPECT_EQ(counts[i], 0);
            }
        }
    }
}

} // namespace lw::population
