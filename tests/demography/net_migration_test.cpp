#include "demography/net_migration.hpp"

#include "core/error.hpp"
#include "demo_tables.hpp"
#include "demography/detail/cohort_step.hpp"
#include "demography/fertility.hpp"
#include "demography/files.hpp"
#include "demography/migration_profile.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace lw::demography {
namespace {

struct Inputs {
    Survival survival;
    std::vector<double> fertility;
    std::vector<double> weights;
    std::vector<double> population;
};

Inputs inputs() {
    Inputs in;
    in.survival = survival_from_life_tables(test::demo_life_tables("2016-2018"));
    const auto asfr =
        read_asfr_table(lw::test::demo_dir() / "demography/asfr-germany-2017-2023.csv");
    in.fertility = fertility_schedule(asfr, std::vector<int>{2017});
    in.weights = migration_weights(
        migration_profile(rogers_castro_fundamental, rogers_castro_fundamental));
    // An old-heavy village of 1,000: 8 per age and sex under 60, fewer above.
    in.population.assign(cell_count, 0.0);
    for (std::size_t age = 0; age < age_count; ++age) {
        const double count = age < 60 ? 8.0 : 8.0 * (100.0 - static_cast<double>(age)) / 40.0;
        in.population[cell(Sex::male, age)] = count;
        in.population[cell(Sex::female, age)] = count;
    }
    return in;
}

double total(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0);
}

} // namespace

TEST(NetMigration, OneStepByHand) {
    // Two women aged 29 and 30, no mortality, fertility 0.1 at 30: births = 0.1 x (1 + 1) / 2.
    Survival survival;
    survival.to_next.assign(cell_count, 1.0);
    survival.births = {1.0, 1.0};
    std::vector<double> population(cell_count, 0.0);
    population[cell(Sex::female, 29)] = 1;
    population[cell(Sex::female, 30)] = 1;
    std::vector<double> fertility(age_count, 0.0);
    fertility[30] = 0.1;
    std::vector<double> migrants(cell_count, 0.0);
    migrants[cell(Sex::male, 20)] = 3;
    const auto next = detail::advance_one_year(population, survival, fertility, 0.5, migrants);
    EXPECT_DOUBLE_EQ(next[cell(Sex::female, 30)], 1.0);
    EXPECT_DOUBLE_EQ(next[cell(Sex::female, 31)], 1.0);
    EXPECT_DOUBLE_EQ(next[cell(Sex::male, 0)], 0.05);
    EXPECT_DOUBLE_EQ(next[cell(Sex::female, 0)], 0.05);
    EXPECT_DOUBLE_EQ(next[cell(Sex::male, 20)], 3.0);
    EXPECT_DOUBLE_EQ(total(next), 5.1);
}

TEST(NetMigration, RecoversAKnownRate) {
    const auto in = inputs();
    for (double rate : {-0.012, 0.0, 0.004, 0.02}) {
        const auto end = project_with_net_migration(in.population, 3, rate, in.survival,
                                                    in.fertility, male_share_at_birth, in.weights);
        const auto calibrated = calibrate_net_migration(in.population, total(end), 3, in.survival,
                                                        in.fertility, male_share_at_birth,
                                                        in.weights);
        EXPECT_NEAR(calibrated.annual_rate, rate, 1e-9) << rate;
        // An old village shrinks without migration.
        EXPECT_LT(calibrated.natural_change, 0.0);
        EXPECT_NEAR(total(in.population) + calibrated.natural_change + calibrated.residual,
                    total(end), 1e-9);
    }
}

TEST(NetMigration, ResidualIsObservedMinusNaturalChange) {
    const auto in = inputs();
    const auto closed = project_with_net_migration(in.population, 3, 0.0, in.survival,
                                                   in.fertility, male_share_at_birth, in.weights);
    const auto calibrated = calibrate_net_migration(in.population, total(closed) + 30, 3,
                                                    in.survival, in.fertility,
                                                    male_share_at_birth, in.weights);
    EXPECT_NEAR(calibrated.residual, 30, 1e-9);
    EXPECT_NEAR(calibrated.natural_change, total(closed) - total(in.population), 1e-9);
    // 30 people over 3 years in about 1,000: 1 % a year, a little more as migrants also die.
    EXPECT_NEAR(calibrated.annual_rate, 30.0 / 3.0 / total(in.population), 0.001);
    EXPECT_THROW(calibrate_net_migration(in.population, 1000, 0, in.survival, in.fertility,
                                         male_share_at_birth, in.weights),
                 Error);
    EXPECT_THROW(calibrate_net_migration(std::vector<double>(cell_count, 0.0), 1000, 3,
                                         in.survival, in.fertility, male_share_at_birth,
                                         in.weights),
                 Error);
}

} // namespace lw::demography
