#include "outlook/backtest_errors.hpp"

#include <gtest/gtest.h>

namespace lw::outlook {
namespace {

MatchedUnit unit(double before, double after) {
    return {.label = "x", .before = {"x"}, .after = {"x"}, .population_before = before, .population_after = after};
}

TEST(BacktestErrors, QuantilesAndCoveragePerSizeClass) {
    // Five small units with errors 0, 1, 2, 3, 4 % and one large unit with -10 %.
    std::vector<MatchedUnit> units;
    std::vector<UnitForecast> forecasts;
    for (int k = 0; k < 5; ++k) {
        units.push_back(unit(500, 100));
        forecasts.push_back({100.0 + k, 99.0, k < 2 ? 101.0 : 100.5});
    }
    units.push_back(unit(200000, 200000));
    forecasts.push_back({180000, 170000, 190000});
    const auto s = summarise_errors(units, forecasts);
    ASSERT_EQ(s.size(), 6u);
    EXPECT_EQ(s[0].units, 5u);
    EXPECT_DOUBLE_EQ(s[0].median_ape, 2.0);
    EXPECT_NEAR(s[0].p90_ape, 3.6, 1e-12); // type 7: 3 + 0.6 * (4 - 3)
    EXPECT_DOUBLE_EQ(s[0].mean_error, 2.0);
    EXPECT_DOUBLE_EQ(*s[0].coverage80, 1.0); // every count 100 lies in [99, 100.5] or [99, 101]
    EXPECT_EQ(s[4].units, 1u);
    EXPECT_DOUBLE_EQ(s[4].mean_error, -10.0);
    EXPECT_DOUBLE_EQ(*s[4].coverage80, 0.0);
    EXPECT_EQ(s[5].units, 6u);
}

TEST(BacktestErrors, IncompleteUnitsAreNotScoredAndPointForecastsHaveNoCoverage) {
    std::vector<MatchedUnit> units{unit(1000, 1000), unit(1000, 1000)};
    units[1].complete = false;
    const std::vector<UnitForecast> forecasts{{1000, std::nullopt, std::nullopt}, {5, 1, 9}};
    const auto s = summarise_errors(units, forecasts);
    EXPECT_EQ(s.back().units, 1u);
    EXPECT_FALSE(s.back().coverage80.has_value());
    EXPECT_DOUBLE_EQ(s.back().median_ape, 0.0);
}

} // namespace
} // namespace lw::outlook
