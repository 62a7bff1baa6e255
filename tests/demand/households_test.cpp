#include "demand/households.hpp"

#include "core/error.hpp"
#include "demand/population_fixture.hpp"

#include <gtest/gtest.h>

namespace lw::demand {
namespace {

TEST(Households, ReferenceGivesMultiPersonSize) {
    const HouseholdConfig config = household_config(living_alone_de_2011(), household_sizes_de_2018);
    EXPECT_NEAR(config.multi_person_mean_size, (1.99 - 0.42) / 0.58, 1e-12);
    EXPECT_NEAR(config.multi_size_share[0], 0.34 / 0.58, 1e-12);
    EXPECT_NEAR(config.multi_size_share[3], 0.03 / 0.58, 1e-12);
}

TEST(Households, ByHand) {
    // 100 women aged 70 and 100 men aged 30: 45 + 23 live alone.
    std::vector<double> population(cell_count, 0.0);
    population[cell(Sex::female, 70)] = 100.0;
    population[cell(Sex::male, 30)] = 100.0;
    HouseholdConfig config;
    config.living_alone = living_alone_de_2011();
    config.multi_person_mean_size = 2.0;
    config.multi_size_share = {1.0, 0.0, 0.0, 0.0};
    config.dwelling_reserve = 0.02;
    const HouseholdDemand demand = household_demand(population, config);
    EXPECT_NEAR(demand.by_size[0], 68.0, 1e-9);
    EXPECT_NEAR(demand.by_size[1], (200.0 - 68.0) / 2.0, 1e-9);
    EXPECT_NEAR(demand.households, 134.0, 1e-9);
    EXPECT_NEAR(demand.dwellings, 134.0 * 1.02, 1e-9);
    EXPECT_NEAR(demand.persons_per_household(), 200.0 / 134.0, 1e-12);
}

TEST(Households, InvariantsOnRamp) {
    const auto population = test::age_ramp();
    const HouseholdConfig config = household_config(living_alone_de_2011(), household_sizes_de_2018);
    const HouseholdDemand demand = household_demand(population, config);
    double by_size = 0.0;
    for (double count : demand.by_size) {
        by_size += count;
    }
    EXPECT_NEAR(by_size, demand.households, 1e-9 * demand.households);
    // Persons are conserved: alone + multi-person households x their mean size.
    EXPECT_NEAR(demand.by_size[0] + (demand.households - demand.by_size[0]) *
                                        config.multi_person_mean_size,
                demand.persons, 1e-9 * demand.persons);
    // More people living alone means more households from the same population.
    HouseholdConfig more_alone = config;
    for (double& share : more_alone.living_alone) {
        share = std::min(1.0, share * 1.2);
    }
    EXPECT_GT(household_demand(population, more_alone).households, demand.households);
    // An older population forms more households per person (more live alone).
    std::vector<double> young(cell_count, 0.0), old(cell_count, 0.0);
    young[cell(Sex::female, 40)] = 1000.0;
    old[cell(Sex::female, 80)] = 1000.0;
    EXPECT_GT(household_demand(old, config).households, household_demand(young, config).households);
}

TEST(Households, CalibrationReproducesObservedCount) {
    const auto population = test::age_ramp();
    const HouseholdConfig reference =
        household_config(living_alone_de_2011(), household_sizes_de_2018);
    const double persons = total(population);
    const double observed = persons / 2.1;
    HouseholdConfig config = reference;
    config.multi_person_mean_size =
        calibrate_multi_person_size(population, config.living_alone, observed);
    EXPECT_NEAR(household_demand(population, config).households, observed, 1e-9 * observed);
    EXPECT_THROW(calibrate_multi_person_size(population, config.living_alone, 1.0), Error);
    EXPECT_THROW(calibrate_multi_person_size(population, config.living_alone, persons), Error);
}

TEST(Households, BadInputThrows) {
    const auto population = test::uniform_population(1.0);
    HouseholdConfig config = household_config(living_alone_de_2011(), household_sizes_de_2018);
    HouseholdConfig small = config;
    small.multi_person_mean_size = 1.5;
    EXPECT_THROW(household_demand(population, small), Error);
    HouseholdConfig shares = config;
    shares.multi_size_share = {0.5, 0.5, 0.5, 0.0};
    EXPECT_THROW(household_demand(population, shares), Error);
    HouseholdConfig reserve = config;
    reserve.dwelling_reserve = -0.1;
    EXPECT_THROW(household_demand(population, reserve), Error);
    EXPECT_THROW(household_config(living_alone_de_2011(), {{0.5, 0.5, 0.5, 0.0, 0.0}, 2.0}),
                 Error);
    HouseholdConfig alone = config;
    alone.living_alone.pop_back();
    EXPECT_THROW(household_demand(population, alone), Error);
}

} // namespace
} // namespace lw::demand
