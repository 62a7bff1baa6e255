#include "demand/age_groups.hpp"

#include "core/error.hpp"
#include "demand/population_fixture.hpp"

#include <gtest/gtest.h>

namespace lw::demand {
namespace {

TEST(AgeGroups, CountsAgeRangeAndSexByHand) {
    const auto population = test::age_ramp();
    // Ages 3..5: men 3+4+5 = 12, women 24.
    EXPECT_DOUBLE_EQ(count(population, {"x", 3, 5, std::nullopt}), 36.0);
    EXPECT_DOUBLE_EQ(count(population, {"x", 3, 5, Sex::male}), 12.0);
    EXPECT_DOUBLE_EQ(count(population, {"x", 3, 5, Sex::female}), 24.0);
    // 100+ is the open group: a group ending at open_age includes it.
    EXPECT_DOUBLE_EQ(count(population, {"x", 99, open_age, Sex::male}), 199.0);
}

TEST(AgeGroups, StandardGroupsOnUniformPopulation) {
    const auto population = test::uniform_population(1.0);
    const auto groups = standard_groups();
    const auto counts = count(population, groups);
    ASSERT_EQ(counts.size(), 6u);
    EXPECT_DOUBLE_EQ(counts[0], 6.0);   // 0-2, two sexes
    EXPECT_DOUBLE_EQ(counts[1], 6.0);   // 3-5
    EXPECT_DOUBLE_EQ(counts[2], 8.0);   // 6-9
    EXPECT_DOUBLE_EQ(counts[3], 18.0);  // 10-18
    EXPECT_DOUBLE_EQ(counts[4], 72.0);  // 65..100+: 36 ages
    EXPECT_DOUBLE_EQ(counts[5], 42.0);  // 80..100+: 21 ages
}

TEST(AgeGroups, SexSplitSumsToBoth) {
    const auto population = test::age_ramp();
    for (std::size_t first = 0; first < age_count; first += 7) {
        const AgeGroup both{"b", first, open_age, std::nullopt};
        const AgeGroup men{"m", first, open_age, Sex::male};
        const AgeGroup women{"w", first, open_age, Sex::female};
        EXPECT_DOUBLE_EQ(count(population, men) + count(population, women),
                         count(population, both));
    }
}

TEST(AgeGroups, KitaPlacesByHand) {
    const auto population = test::uniform_population(10.0);
    const KitaDemand demand = kita_places(population);
    // U3: 2 sexes x 10 x (0.018 + 0.375 + 0.645) = 20.76; Ü3: 2 x 10 x 3 x 0.92 = 55.2.
    EXPECT_NEAR(demand.under3, 20.76, 1e-9);
    EXPECT_NEAR(demand.over3, 55.2, 1e-9);
    EXPECT_NEAR(demand.total(), 75.96, 1e-9);
}

TEST(AgeGroups, PlacesNeverExceedChildren) {
    const auto population = test::age_ramp();
    const std::array<double, 3> all = {1.0, 1.0, 1.0};
    const KitaDemand full = kita_places(population, all, 1.0);
    EXPECT_DOUBLE_EQ(full.under3, count(population, {"u3", 0, 2, std::nullopt}));
    EXPECT_DOUBLE_EQ(full.over3, count(population, {"o3", 3, 5, std::nullopt}));
    const KitaDemand partial = kita_places(population);
    EXPECT_LT(partial.total(), full.total());
}

TEST(AgeGroups, PrimarySchoolHesseHalvesAges6And10) {
    const auto population = test::age_ramp();
    // Men 0.5*6 + 7 + 8 + 9 + 0.5*10 = 32, women twice that.
    EXPECT_DOUBLE_EQ(places(population, primary_school_uptake_hesse()), 96.0);
}

TEST(AgeGroups, BadInputThrows) {
    const auto population = test::uniform_population(1.0);
    EXPECT_THROW(count(population, {"x", 5, 3, std::nullopt}), Error);
    EXPECT_THROW(count(population, {"x", 0, age_count, std::nullopt}), Error);
    std::vector<double> short_population(10, 1.0);
    EXPECT_THROW(count(short_population, {"x", 0, 1, std::nullopt}), Error);
    auto negative = population;
    negative[cell(Sex::female, 3)] = -1.0;
    EXPECT_THROW(count(negative, {"x", 0, 1, std::nullopt}), Error);
    const std::array<double, 3> too_high = {0.1, 1.2, 0.5};
    EXPECT_THROW(kita_places(population, too_high, 0.9), Error);
    const std::array<double, 2> too_short = {0.1, 0.2};
    EXPECT_THROW(kita_places(population, too_short, 0.9), Error);
    const std::array<double, 3> rates = {0.1, 0.2, 0.3};
    EXPECT_THROW(uptake_by_age(99, rates), Error);
    try {
        count(negative, {"x", 0, 1, std::nullopt});
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::input_value);
        EXPECT_NE(std::string(error.what()).find("female age 3"), std::string::npos);
    }
}

} // namespace
} // namespace lw::demand
