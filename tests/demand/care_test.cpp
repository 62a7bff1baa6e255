#include "demand/care.hpp"

#include "core/error.hpp"
#include "demand/population_fixture.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace lw::demand {
namespace {

TEST(Care, BandsExpandToSingleAges) {
    const auto rates = care_rates_by_cell(care_rates_de_2021);
    EXPECT_DOUBLE_EQ(rates[cell(Sex::male, 0)], 0.023);
    EXPECT_DOUBLE_EQ(rates[cell(Sex::male, 74)], 0.023);
    EXPECT_DOUBLE_EQ(rates[cell(Sex::male, 75)], 0.196);
    EXPECT_DOUBLE_EQ(rates[cell(Sex::female, 84)], 0.271);
    EXPECT_DOUBLE_EQ(rates[cell(Sex::female, 85)], 0.606);
    EXPECT_DOUBLE_EQ(rates[cell(Sex::female, 89)], 0.606);
    EXPECT_DOUBLE_EQ(rates[cell(Sex::male, 90)], 0.696);
    EXPECT_DOUBLE_EQ(rates[cell(Sex::female, open_age)], 0.864);
    // Published rates rise with age for both sexes.
    for (std::size_t age_idx = 1; age_idx < age_count; ++age_idx) {
        EXPECT_GE(rates[cell(Sex::male, age_idx)], rates[cell(Sex::male, age_idx - 1)]);
        EXPECT_GE(rates[cell(Sex::female, age_idx)], rates[cell(Sex::female, age_idx - 1)]);
    }
}

TEST(Care, DemandByHand) {
    // 100 men and 100 women at age 80, nobody else.
    std::vector<double> population(cell_count, 0.0);
    population[cell(Sex::male, 80)] = 100.0;
    population[cell(Sex::female, 80)] = 100.0;
    const auto rates = care_rates_by_cell(care_rates_de_2021);
    const CareSettingShares halves = {0.5, 0.25, 0.25};
    const CareDemand demand = care_demand(population, rates, halves);
    EXPECT_NEAR(demand.total, 19.6 + 27.1, 1e-9);
    EXPECT_NEAR(demand.aged_65plus, demand.total, 1e-9);
    EXPECT_NEAR(demand.home_relatives_only, 46.7 / 2.0, 1e-9);
    EXPECT_NEAR(demand.residential, 46.7 / 4.0, 1e-9);
}

TEST(Care, SettingsSumToTotal) {
    const auto population = test::age_ramp();
    const CareDemand demand = care_demand(population, care_rates_by_cell(care_rates_de_2021));
    EXPECT_NEAR(demand.home_relatives_only + demand.home_ambulatory + demand.residential,
                demand.total, 1e-9 * demand.total);
    EXPECT_LT(demand.aged_65plus, demand.total); // the under-75 rate applies to children too
    // Default 2019 split: 0.82 m of 4.13 m in nursing homes.
    EXPECT_NEAR(demand.residential / demand.total, 0.82 / 4.13, 1e-3);
}

TEST(Care, RisingPrevalenceIsMonotoneAndCapped) {
    const auto base = care_rates_by_cell(care_rates_de_2021);
    const auto same = rising_prevalence(base, 0.0, 10.0);
    EXPECT_EQ(same, base);
    const auto risen = rising_prevalence(base, 0.02, 10.0);
    const auto more = rising_prevalence(base, 0.02, 20.0);
    const auto population = test::age_ramp();
    const double base_total = care_demand(population, base).total;
    const double risen_total = care_demand(population, risen).total;
    EXPECT_GT(risen_total, base_total);
    EXPECT_GT(care_demand(population, more).total, risen_total);
    EXPECT_NEAR(risen[cell(Sex::male, 80)], 0.196 * std::pow(1.02, 10.0), 1e-12);
    // 0.864 x 1.02^20 > 1: capped.
    EXPECT_DOUBLE_EQ(more[cell(Sex::female, 95)], 1.0);
}

TEST(Care, BadInputThrows) {
    const auto population = test::uniform_population(1.0);
    const auto rates = care_rates_by_cell(care_rates_de_2021);
    EXPECT_THROW(care_demand(population, rates, {0.5, 0.5, 0.5}), Error);
    EXPECT_THROW(care_demand(population, rates, {1.2, -0.1, -0.1}), Error);
    EXPECT_THROW(rising_prevalence(rates, -1.0, 1.0), Error);
    EXPECT_THROW(rising_prevalence(rates, 0.01, -1.0), Error);
    CareRateBands bad = care_rates_de_2021;
    bad.female[3] = 1.5;
    EXPECT_THROW(care_rates_by_cell(bad), Error);
}

} // namespace
} // namespace lw::demand
