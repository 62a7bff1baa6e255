#include "demand/hidden_vacancy.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

namespace lw::demand {
namespace {

TEST(HiddenVacancy, ProbabilityByHand) {
    HiddenVacancyConfig config;
    config.living_alone_65plus = 0.34;
    config.pair_share = 0.4;
    config.persons_per_household = 2.0;
    // 0.25 x (0.34 + 0.66 x 0.2) x 2 = 0.25 x 0.472 x 2 = 0.236.
    EXPECT_NEAR(small_senior_household_probability(0.25, config), 0.236, 1e-12);
    EXPECT_EQ(small_senior_household_probability(0.0, config), 0.0);
    // All residents 65+ and all living alone: every household qualifies, clamped at 1.
    config.living_alone_65plus = 1.0;
    EXPECT_DOUBLE_EQ(small_senior_household_probability(1.0, config), 1.0);
}

TEST(HiddenVacancy, ProbabilityRisesWithAgeing) {
    const HiddenVacancyConfig config;
    double previous = -1.0;
    for (double share = 0.0; share <= 0.4; share += 0.05) {
        const double p = small_senior_household_probability(share, config);
        EXPECT_GT(p, previous);
        previous = p;
    }
}

TEST(HiddenVacancy, CalibrationRoundTrips) {
    HiddenVacancyConfig config;
    const double p = small_senior_household_probability(0.2, config);
    const double pair = calibrate_pair_share(0.2, p, config);
    EXPECT_NEAR(pair, config.pair_share, 1e-12);
    // A reference that needs more than everyone pairing cannot be fitted.
    EXPECT_THROW(calibrate_pair_share(0.05, 0.5, config), Error);
}

TEST(HiddenVacancy, HousesPerAreaByHand) {
    HiddenVacancyConfig config;
    config.living_alone_65plus = 0.5;
    config.pair_share = 0.0;
    config.persons_per_household = 2.0;
    // Area 0: 40 % aged 65+ -> p = 0.4 x 0.5 x 2 = 0.4. Area 1: nobody 65+ -> 0.
    const std::vector<AreaInput> areas = {{100.0, 40.0}, {50.0, 0.0}, {0.0, 0.0}};
    const std::vector<HouseInput> houses = {
        {0, "house", true, 150.0, 3.0},
        {0, "detached", true, 250.0, 4.0},
        {0, "apartments", true, 900.0, 20.0},    // not a one/two-family house
        {0, "yes", true, 120.0, 2.0},            // generic: not counted by default
        {1, "semidetached_house", true, 110.0, 3.0},
    };
    auto result = hidden_vacancy(houses, areas, config);
    ASSERT_EQ(result.size(), 3u);
    EXPECT_EQ(result[0].houses, 2u);
    EXPECT_DOUBLE_EQ(result[0].house_floor_area_m2, 400.0);
    EXPECT_DOUBLE_EQ(result[0].house_population, 7.0);
    EXPECT_NEAR(result[0].probability, 0.4, 1e-12);
    EXPECT_NEAR(result[0].expected_houses, 0.8, 1e-12);
    EXPECT_NEAR(result[0].expected_floor_area_m2, 160.0, 1e-12);
    EXPECT_EQ(result[1].houses, 1u);
    EXPECT_EQ(result[1].expected_houses, 0.0);
    EXPECT_EQ(result[2].houses, 0u);
    // With generic buildings up to 130 m² counted, the "yes" building joins area 0.
    config.generic_max_floor_area_m2 = 130.0;
    result = hidden_vacancy(houses, areas, config);
    EXPECT_EQ(result[0].houses, 3u);
    EXPECT_NEAR(result[0].expected_houses, 1.2, 1e-12);
    // Expected houses never exceed houses.
    for (const auto& area : result) {
        EXPECT_LE(area.expected_houses, area.houses);
    }
}

TEST(HiddenVacancy, BadInputThrows) {
    const std::vector<AreaInput> areas = {{10.0, 20.0}};
    const std::vector<HouseInput> none;
    EXPECT_THROW(hidden_vacancy(none, areas), Error); // more 65+ than residents
    const std::vector<AreaInput> ok = {{10.0, 2.0}};
    const std::vector<HouseInput> stray = {{3, "house", true, 100.0, 2.0}};
    EXPECT_THROW(hidden_vacancy(stray, ok), Error);
    const std::vector<HouseInput> negative = {{0, "house", true, -1.0, 2.0}};
    EXPECT_THROW(hidden_vacancy(negative, ok), Error);
    HiddenVacancyConfig config;
    config.pair_share = 1.5;
    EXPECT_THROW(hidden_vacancy(none, ok, config), Error);
    config = {};
    config.persons_per_household = 0.5;
    EXPECT_THROW(small_senior_household_probability(0.2, config), Error);
}

} // namespace
} // namespace lw::demand
