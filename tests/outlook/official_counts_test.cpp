#include "outlook/official_counts.hpp"

#include "outlook/backtest_errors.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <numeric>

namespace lw::outlook {
namespace {

std::size_t pooled_count(const std::vector<MatchedUnit>& units) {
    return static_cast<std::size_t>(std::count_if(units.begin(), units.end(), [](const auto& u) { return u.pooled(); }));
}

// The real directories of 2016 (GV100AD 30.09.2018) and 2019 (GV-ISys) for all of Germany.
TEST(OfficialCounts, GermanyIn2016And2019MatchesAcrossTheMergers) {
    const auto demo = test::demo_dir() / "statistics";
    const auto before = read_official_counts(demo / "gv100ad-2018/GV100AD_300918.ASC", "31.12.2016");
    const auto after = read_official_counts(demo / "gv-isys-2019/AuszugGV4QAktuell.csv", "31.12.2019");
    EXPECT_EQ(before.reference_date, "2016-12-31");
    EXPECT_GT(before.total.size(), 11000u);
    EXPECT_GT(after.total.size(), 10900u);
    const auto units = match_areas(before.total, after.total);
    const auto sum = [](const std::vector<MatchedUnit>& u, bool b) {
        return std::accumulate(u.begin(), u.end(), 0.0, [&](double s, const auto& x) {
            return s + (b ? x.population_before : x.population_after);
        });
    };
    const auto given = [](const std::vector<AreaCount>& a) {
        return std::accumulate(a.begin(), a.end(), 0.0, [](double s, const auto& x) { return s + x.population.value_or(0); });
    };
    // Every code lands in exactly one unit, so the totals are kept.
    EXPECT_DOUBLE_EQ(sum(units, true), given(before.total));
    EXPECT_DOUBLE_EQ(sum(units, false), given(after.total));
    // Germany: 82.5 M (2016) and 83.2 M (2019); 290 codes disappear, 205 appear, in a few
    // dozen districts.
    EXPECT_NEAR(given(after.total), 83.17e6, 0.01e6);
    EXPECT_GT(pooled_count(units), 20u);
    EXPECT_LT(pooled_count(units), 120u);
    for (const auto& u : units) {
        if (u.complete && u.population_before > 5000) {
            EXPECT_NEAR(u.population_after / u.population_before, 1.0, 0.2) << u.label;
        }
    }
    // The naive "no change" forecast: errors of a few per cent in three years, larger in small
    // municipalities (the baseline every projection must beat).
    std::vector<UnitForecast> naive;
    for (const auto& u : units) {
        naive.push_back({u.population_before, std::nullopt, std::nullopt});
    }
    const auto errors = summarise_errors(units, naive);
    std::size_t codes_pooled = 0;
    for (const auto& u : units) {
        codes_pooled += u.pooled() ? u.before.size() : 0;
    }
    std::cout << fmt::format("{} units, {} pooled holding {} codes of 2016\n", units.size(), pooled_count(units), codes_pooled);
    for (const auto& e : errors) {
        std::cout << fmt::format("naive {:>18}: {:5} units, median APE {:.2f} %, P90 {:.2f} %, mean {:+.2f} %\n",
                                 e.size_class, e.units, e.median_ape, e.p90_ape, e.mean_error);
    }
    EXPECT_GT(errors.back().units, 7000u); // 7,888: pooled districts count once
    EXPECT_GT(errors.back().median_ape, 0.5);
    EXPECT_LT(errors.back().median_ape, 5.0);
    EXPECT_GT(errors[0].p90_ape, errors[3].p90_ape);
}

} // namespace
} // namespace lw::outlook
