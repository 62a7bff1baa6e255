#include "demography/migration_profile.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lw::demography {

TEST(MigrationProfile, FundamentalScheduleByHand) {
    const auto rates = rogers_castro_rates(rogers_castro_fundamental);
    // m(20) = 0.02 e^-2 + 0.06 e^(0 - e^0) + 0.003.
    EXPECT_NEAR(rates[20], 0.02 * std::exp(-2.0) + 0.06 * std::exp(-1.0) + 0.003, 1e-15);
    // m(0): the labour-force term is e^(2 - e^8), negligible.
    EXPECT_NEAR(rates[0], 0.023, 1e-12);
    // m(60) = 0.02 e^-6 + 0.06 e^(-4 - e^-16) + 0.003.
    EXPECT_NEAR(rates[60],
                0.02 * std::exp(-6.0) + 0.06 * std::exp(-4.0 - std::exp(-16.0)) + 0.003, 1e-15);
    // The labour-force peak of the model lies at mu2 + ln(lambda2 / alpha2) / lambda2 = 23.47;
    // the falling childhood curve moves the integer maximum to 23.
    const auto peak = std::max_element(rates.begin() + 10, rates.end()) - rates.begin();
    EXPECT_EQ(peak, 23);
}

TEST(MigrationProfile, NormalisedPerSexAndWeightsSumToOne) {
    auto female = rogers_castro_fundamental;
    female.mu2 = 18; // a different shape, to see the sexes kept apart
    const auto profile = migration_profile(rogers_castro_fundamental, female);
    ASSERT_EQ(profile.size(), cell_count);
    const double men = std::accumulate(profile.begin(), profile.begin() + age_count, 0.0);
    const double women = std::accumulate(profile.begin() + age_count, profile.end(), 0.0);
    EXPECT_NEAR(men, 1.0, 1e-12);
    EXPECT_NEAR(women, 1.0, 1e-12);
    EXPECT_NE(profile[cell(Sex::male, 18)], profile[cell(Sex::female, 18)]);
    const auto weights = migration_weights(profile, 0.4);
    EXPECT_NEAR(std::accumulate(weights.begin(), weights.end(), 0.0), 1.0, 1e-12);
    EXPECT_NEAR(std::accumulate(weights.begin(), weights.begin() + age_count, 0.0), 0.4, 1e-12);
    EXPECT_THROW(migration_weights(profile, 1.5), Error);
    RogersCastro negative;
    negative.c = -0.1;
    EXPECT_THROW(rogers_castro_rates(negative), Error);
    EXPECT_THROW(migration_profile(RogersCastro{}, RogersCastro{}), Error);
}

} // namespace lw::demography
