#include "demography/survival.hpp"

#include "demo_tables.hpp"
#include "demography/detail/cohort_step.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace lw::demography {

TEST(Survival, HandComputedFromTheTable) {
    const auto survival = survival_from_life_tables(test::demo_life_tables("2016-2018"));
    // Sterbetafel 2016/18, männlich: L(0) 99692, L(1) 99630, L(99) 848, T(99) 2026, T(100) 1178.
    EXPECT_DOUBLE_EQ(survival.to_next[cell(Sex::male, 0)], 99630.0 / 99692.0);
    EXPECT_DOUBLE_EQ(survival.to_next[cell(Sex::male, 98)], 848.0 / 1346.0);
    EXPECT_DOUBLE_EQ(survival.to_next[cell(Sex::male, 99)], 1178.0 / 2026.0);
    EXPECT_DOUBLE_EQ(survival.to_next[cell(Sex::male, 100)], 1178.0 / 2026.0);
    EXPECT_DOUBLE_EQ(survival.births[0], 99692.0 / 100000.0);
    // weiblich: L(0) 99741, T(99) 6427, T(100) 3998.
    EXPECT_DOUBLE_EQ(survival.births[1], 99741.0 / 100000.0);
    EXPECT_DOUBLE_EQ(survival.to_next[cell(Sex::female, 100)], 3998.0 / 6427.0);
    for (double s : survival.to_next) {
        EXPECT_GT(s, 0.0);
        EXPECT_LE(s, 1.0);
    }
}

TEST(Survival, StationaryPopulationReproducesTheTable) {
    // P(x) = L(x) with l(0) births a year (per sex) stays P after one step; its size per birth
    // is e0. The births come from a fertility schedule chosen to give exactly l(0) per sex.
    const auto tables = test::demo_life_tables("2022-2024");
    const auto survival = survival_from_life_tables(tables);
    std::vector<double> population(cell_count);
    for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
        for (std::size_t age = 0; age < age_count; ++age) {
            population[cell(static_cast<Sex>(sex_idx), age)] = tables[sex_idx].Lx[age];
        }
    }
    // Both radices are 100,000: births 200,000 split evenly need a male share of 0.5.
    const double women_30 = population[cell(Sex::female, 30)];
    std::vector<double> fertility(age_count, 0.0);
    fertility[30] = 200000.0 / women_30;
    const std::vector<double> no_migration(cell_count, 0.0);
    const auto next = detail::advance_one_year(population, survival, fertility, 0.5, no_migration);
    for (std::size_t idx = 0; idx < cell_count; ++idx) {
        EXPECT_NEAR(next[idx], population[idx], 1e-9 * population[idx]) << idx;
    }
    for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
        const auto first = next.begin() + static_cast<std::ptrdiff_t>(sex_idx * age_count);
        const double total = std::accumulate(first, first + age_count, 0.0);
        // T(0) is published rounded to a whole person-year.
        EXPECT_NEAR(total / tables[sex_idx].lx[0], life_expectancy(tables[sex_idx]), 2e-5);
    }
}

} // namespace lw::demography
