#include "demography/base_population.hpp"

#include "core/error.hpp"
#include "demo_tables.hpp"
#include "demography/fertility.hpp"
#include "import/stats/age_groups_csv.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace lw::demography {
namespace {

double sum(const std::vector<double>& values) {
    return std::accumulate(values.begin(), values.end(), 0.0);
}

double sex_sum(const std::vector<double>& values, Sex sex) {
    const auto first = values.begin() + static_cast<std::ptrdiff_t>(cell(sex, 0));
    return std::accumulate(first, first + age_count, 0.0);
}

// The groups of data/statistics/kreise-altersgruppen-2018/bev.csv.
const std::vector<std::size_t> bev_groups{0,  3,  6,  10, 15, 18, 20, 25, 30,
                                          35, 40, 45, 50, 55, 60, 65, 75};

} // namespace

TEST(BasePopulation, StationaryDistrictGivesTheStationaryPopulationBack) {
    // A district that is the stationary population of the tables (births split 0.513 : 0.487):
    // grouping and disaggregating again must return it, scaled to the municipality's total.
    const auto tables = test::demo_life_tables("2016-2018");
    std::vector<double> stationary(cell_count);
    for (std::size_t age = 0; age < age_count; ++age) {
        stationary[cell(Sex::male, age)] = male_share_at_birth * tables[0].Lx[age];
        stationary[cell(Sex::female, age)] = (1 - male_share_at_birth) * tables[1].Lx[age];
    }
    AgeGroupCounts district{bev_groups, std::vector<double>(bev_groups.size(), 0.0)};
    for (std::size_t group = 0; group < bev_groups.size(); ++group) {
        const std::size_t end = group + 1 < bev_groups.size() ? bev_groups[group + 1] : age_count;
        for (std::size_t age = bev_groups[group]; age < end; ++age) {
            district.count[group] +=
                stationary[cell(Sex::male, age)] + stationary[cell(Sex::female, age)];
        }
    }
    const double total = 1234.0;
    const auto population =
        disaggregate_population(district, total, std::nullopt, tables, male_share_at_birth);
    const double scale = total / sum(stationary);
    for (std::size_t idx = 0; idx < cell_count; ++idx) {
        EXPECT_NEAR(population[idx], stationary[idx] * scale, 1e-12 * total) << idx;
    }
}

TEST(BasePopulation, EschwegeFromTheWerraMeissnerGroups) {
    const auto parsed = import::parse_age_groups_csv(
        lw::test::demo_dir() / "statistics/kreise-altersgruppen-2018/bev.csv",
        import::ReferenceDate{"2018-12-31", 2018});
    std::vector<store::PopulationValue> district_rows;
    for (const auto& value : parsed.population) {
        if (value.area_key == "06636") {
            district_rows.push_back(value);
        }
    }
    const auto groups = age_groups_from_population(district_rows, 2018, parsed.source_table);
    ASSERT_EQ(groups.first_age, bev_groups);
    const double district_total = std::accumulate(groups.count.begin(), groups.count.end(), 0.0);
    EXPECT_EQ(district_total, 101017); // 12411-02-03-4, 31.12.2018 (data/SOURCES.md)

    const auto tables = test::demo_life_tables("2016-2018");
    const double total = 19412; // Eschwege, 31.12.2019 (GV-ISys)
    const auto population =
        disaggregate_population(groups, total, std::nullopt, tables, male_share_at_birth);
    EXPECT_NEAR(sum(population), total, 1e-9 * total);
    for (double value : population) {
        EXPECT_GE(value, 0.0);
    }
    // Each group keeps the district's share: 75+ (ages 75..100+).
    double old = 0;
    for (std::size_t age = 75; age < age_count; ++age) {
        old += population[cell(Sex::male, age)] + population[cell(Sex::female, age)];
    }
    EXPECT_NEAR(old, total * groups.count.back() / district_total, 1e-9 * total);
    // Women outnumber men at old ages (higher survival), boys girls at birth.
    EXPECT_GT(population[cell(Sex::female, 85)], population[cell(Sex::male, 85)]);
    EXPECT_NEAR(population[cell(Sex::male, 0)] /
                    (population[cell(Sex::male, 0)] + population[cell(Sex::female, 0)]),
                0.513, 0.001);

    // With totals by sex (here made up: 9,500 men), both margins hold.
    const auto by_sex = disaggregate_population(groups, total, SexTotals{9500, 9912}, tables,
                                                male_share_at_birth);
    EXPECT_NEAR(sex_sum(by_sex, Sex::male), 9500, 1e-9 * total);
    EXPECT_NEAR(sex_sum(by_sex, Sex::female), 9912, 1e-9 * total);
    for (std::size_t age = 0; age < age_count; ++age) {
        EXPECT_NEAR(by_sex[cell(Sex::male, age)] + by_sex[cell(Sex::female, age)],
                    population[cell(Sex::male, age)] + population[cell(Sex::female, age)],
                    1e-9 * total);
    }
    const auto persons = round_largest_remainder(by_sex, 19412);
    EXPECT_EQ(std::accumulate(persons.begin(), persons.end(), std::int64_t{0}), 19412);
    for (std::size_t idx = 0; idx < cell_count; ++idx) {
        EXPECT_LT(std::abs(static_cast<double>(persons[idx]) - by_sex[idx]), 1.0);
    }
}

TEST(BasePopulation, LargestRemainderByHand) {
    const std::vector<double> values{1.5, 2.7, 0.8};
    EXPECT_EQ(round_largest_remainder(values, 5), (std::vector<std::int64_t>{1, 3, 1}));
    const std::vector<double> tie{0.5, 0.5};
    EXPECT_EQ(round_largest_remainder(tie, 1), (std::vector<std::int64_t>{1, 0}));
    EXPECT_THROW(round_largest_remainder(values, 6), Error);
    const std::vector<double> negative{-1, 2};
    EXPECT_THROW(round_largest_remainder(negative, 1), Error);
}

TEST(BasePopulation, RejectsBadInput) {
    const auto tables = test::demo_life_tables("2016-2018");
    const AgeGroupCounts good{{0, 50}, {10, 10}};
    EXPECT_NO_THROW(disaggregate_population(good, 100, std::nullopt, tables, 0.513));
    EXPECT_THROW(disaggregate_population({{5, 50}, {10, 10}}, 100, std::nullopt, tables, 0.513),
                 Error);
    EXPECT_THROW(disaggregate_population({{0, 50, 40}, {1, 1, 1}}, 100, std::nullopt, tables,
                                         0.513),
                 Error);
    EXPECT_THROW(disaggregate_population({{0, 50}, {0, 0}}, 100, std::nullopt, tables, 0.513),
                 Error);
    EXPECT_THROW(disaggregate_population(good, 100, SexTotals{40, 50}, tables, 0.513), Error);
}

} // namespace lw::demography
