#include "backtest/backtest.hpp"

#include "demography/base_population.hpp"
#include "demography/fertility.hpp"
#include "demography/files.hpp"
#include "demography/from_workspace.hpp"
#include "demography/survival.hpp"
#include "import/stats/age_groups_csv.hpp"
#include "import/stats/life_table.hpp"
#include "import/stats/reference_date.hpp"
#include "outlook/official_counts.hpp"

#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace lw::backtest {
namespace {

// Two Länder keep the debug run short: Saxony-Anhalt (mergers 2016-19, villages to cities)
// and the Saarland (no changes). The full run is BacktestFull.Germany (LW_BACKTEST_FULL=1).
BacktestConfig subset_config() {
    auto c = demo_config(test::demo_dir());
    c.lands = {"10", "15"};
    c.runs = 100; // the full run uses 200
    c.calibration_steps = 6;
    return c;
}

const BacktestReport& subset_report() {
    static const BacktestReport report = [] {
        auto r = run_backtest(subset_config());
        std::cout << format_report(r);
        return r;
    }();
    return report;
}

std::vector<outlook::AreaCount> of_lands(std::vector<outlook::AreaCount> v, const std::vector<std::string>& lands) {
    std::erase_if(v, [&](const auto& a) { return std::find(lands.begin(), lands.end(), a.key.substr(0, 2)) == lands.end(); });
    return v;
}

TEST(Backtest, UnitCountsAreThoseOfTheMatching) {
    const auto& r = subset_report();
    const auto c = subset_config();
    const auto before = of_lands(outlook::read_official_counts(c.gv100ad, "31.12.2016").total, c.lands);
    const auto after = of_lands(outlook::read_official_counts(c.gvisys, "31.12.2019").total, c.lands);
    const auto units = outlook::match_areas(before, after);
    ASSERT_EQ(r.units.size(), units.size());
    EXPECT_EQ(r.municipalities_2016, before.size());
    std::size_t scorable = 0, pooled = 0;
    for (std::size_t u = 0; u < units.size(); ++u) {
        EXPECT_EQ(r.units[u].before, units[u].before);
        EXPECT_EQ(r.units[u].after, units[u].after);
        scorable += units[u].complete && units[u].population_before > 0 && units[u].population_after > 0;
        pooled += units[u].pooled();
    }
    EXPECT_GT(pooled, 0u); // the subset exercises the matching across mergers
    EXPECT_EQ(r.scored_calibration + r.scored_held_out, scorable);
    for (const auto& m : r.methods) {
        const auto expected = m.scored_on == "all units" ? scorable : r.scored_held_out;
        EXPECT_EQ(m.errors.back().units, expected) << m.method;
    }
    // Every 2016 municipality's forecast is counted once: the sums over units equal the sums over
    // municipalities (naive: the given 2016 counts).
    double naive = 0, given = 0;
    for (std::size_t u = 0; u < units.size(); ++u) {
        naive += r.rows[u].naive;
    }
    for (const auto& a : before) {
        given += a.population.value_or(0);
    }
    EXPECT_DOUBLE_EQ(naive, given);
}

// Zero net migration is natural change only: the same base rebuilt here and carried three years
// by hand (survivors, births from the mean of women at both ends of each year).
TEST(Backtest, ZeroMigrationIsNaturalChangeByHand) {
    const auto& r = subset_report();
    const auto c = subset_config();
    // A single municipality of a few thousand inhabitants.
    std::size_t u = 0;
    while (u < r.units.size() && (r.units[u].pooled() || !r.rows[u].scored || r.units[u].population_before < 2000 ||
                                  r.units[u].population_before > 5000)) {
        ++u;
    }
    ASSERT_LT(u, r.units.size());
    const auto key = r.units[u].before.front();
    const auto counts = outlook::read_official_counts(c.gv100ad, "31.12.2016");
    double total = 0, male = 0;
    for (std::size_t i = 0; i < counts.total.size(); ++i) {
        if (counts.total[i].key == key) {
            total = *counts.total[i].population;
            male = *counts.male[i].population;
        }
    }
    ASSERT_EQ(total, r.units[u].population_before);
    const auto parsed = import::parse_age_groups_csv(c.age_groups, *import::parse_reference_date("31.12.2018"));
    std::vector<store::PopulationValue> district;
    std::copy_if(parsed.population.begin(), parsed.population.end(), std::back_inserter(district),
                 [&](const auto& v) { return v.area_key == key.substr(0, 5); });
    const auto groups = demography::age_groups_from_population(district, 2018, parsed.source_table);
    const auto tables = demography::life_tables_from_rows(import::parse_life_table(c.life_table).life_table);
    const auto survival = demography::survival_from_life_tables(tables);
    const std::vector<int> y2017{2017};
    const auto f = demography::fertility_schedule(demography::read_asfr_table(c.asfr), y2017);
    EXPECT_NEAR(demography::total_fertility(f), 1.57, 0.005); // Germany 2017 (12612-0009)
    auto p = demography::disaggregate_population(groups, total, demography::SexTotals{male, total - male}, tables, 0.513);
    double births = 0, deaths = 0;
    for (int year = 0; year < 3; ++year) {
        std::vector<double> next(cell_count, 0.0);
        for (std::size_t s = 0; s < sex_count; ++s) {
            for (std::size_t a = 0; a + 1 < age_count; ++a) {
                next[s * age_count + a + 1] += p[s * age_count + a] * survival.to_next[s * age_count + a];
            }
            next[s * age_count + open_age] += p[s * age_count + open_age] * survival.to_next[s * age_count + open_age];
        }
        double b = 0;
        for (std::size_t a = 15; a <= 49; ++a) {
            b += f[a] * (p[age_count + a] + next[age_count + a]) / 2;
        }
        next[0] = b * 0.513 * survival.births[0];
        next[age_count] = b * 0.487 * survival.births[1];
        double before_sum = 0, after_sum = 0;
        for (std::size_t k = 0; k < cell_count; ++k) {
            before_sum += p[k];
            after_sum += next[k];
        }
        births += b;
        deaths += before_sum + b - after_sum;
        p = next;
    }
    double end = 0;
    for (const double v : p) {
        end += v;
    }
    EXPECT_NEAR(r.rows[u].natural, end, 1e-9 * total) << key;
    EXPECT_NEAR(r.rows[u].natural - total, births - deaths, 1e-6 * total);
    // Plausible size: Brandenburg and the Saarland had more deaths than births, by well under
    // 1.5 % a year.
    EXPECT_LT(r.rows[u].natural, total);
    EXPECT_GT(r.rows[u].natural, total * (1 - 0.045));
}

// The interval's coverage is reported on the held-out half (even district codes) only; the
// calibration half (odd codes) is where the spread was tuned.
TEST(Backtest, CoverageIsScoredOnTheHeldOutHalfOnly) {
    const auto& r = subset_report();
    std::size_t inside[2] = {0, 0}, count[2] = {0, 0};
    for (std::size_t u = 0; u < r.units.size(); ++u) {
        const auto& row = r.rows[u];
        const int district = std::stoi(r.units[u].before.front().substr(2, 3));
        EXPECT_EQ(row.half == Half::calibration, district % 2 == 1) << r.units[u].label;
        if (!row.scored) {
            continue;
        }
        const auto h = static_cast<std::size_t>(row.half);
        const double actual = r.units[u].population_after;
        EXPECT_LE(row.mc_low80, row.mc_median);
        EXPECT_LE(row.mc_median, row.mc_high80);
        ++count[h];
        inside[h] += actual >= row.mc_low80 && actual <= row.mc_high80;
    }
    ASSERT_GT(count[0], 50u);
    ASSERT_GT(count[1], 50u);
    EXPECT_EQ(count[1], r.scored_held_out);
    EXPECT_DOUBLE_EQ(r.coverage_held_out, static_cast<double>(inside[1]) / static_cast<double>(count[1]));
    EXPECT_DOUBLE_EQ(r.coverage_calibration, static_cast<double>(inside[0]) / static_cast<double>(count[0]));
    const auto& mc = r.methods.back();
    EXPECT_EQ(mc.scored_on, "held-out half");
    ASSERT_TRUE(mc.errors.back().coverage80.has_value());
    EXPECT_DOUBLE_EQ(*mc.errors.back().coverage80, r.coverage_held_out);
    // The calibration moved the spread: demographic noise alone covers far less than 80 %, the
    // chosen sd covers about 80 % where it was tuned.
    ASSERT_FALSE(r.calibration.empty());
    EXPECT_EQ(r.calibration.front().shock_sd, 0.0);
    EXPECT_LT(r.calibration.front().coverage, 0.7);
    ASSERT_EQ(r.shock_sd.size(), size_class_count);
    EXPECT_GT(r.shock_sd[0], 0.0);
    // Villages need the widest shock per head (their migration is the most erratic).
    EXPECT_GT(r.shock_sd[0], r.shock_sd[2]);
    EXPECT_NEAR(r.coverage_calibration, 0.8, 0.06);
}

// Same configuration, same report; another seed moves the Monte-Carlo intervals only.
TEST(Backtest, DeterministicForTheSameSeed) {
    auto c = demo_config(test::demo_dir());
    c.lands = {"10"};
    c.calibration_steps = 3;
    c.runs = 50;
    const auto a = run_backtest(c);
    const auto b = run_backtest(c);
    c.seed = 2;
    const auto other = run_backtest(c);
    ASSERT_EQ(a.rows.size(), b.rows.size());
    bool differs = false;
    for (std::size_t u = 0; u < a.rows.size(); ++u) {
        EXPECT_EQ(a.rows[u].natural, b.rows[u].natural);
        EXPECT_EQ(a.rows[u].district, b.rows[u].district);
        EXPECT_EQ(a.rows[u].mc_low80, b.rows[u].mc_low80);
        EXPECT_EQ(a.rows[u].mc_median, b.rows[u].mc_median);
        EXPECT_EQ(a.rows[u].mc_high80, b.rows[u].mc_high80);
        EXPECT_EQ(a.rows[u].district, other.rows[u].district);
        differs = differs || a.rows[u].mc_high80 != other.rows[u].mc_high80;
    }
    EXPECT_TRUE(differs);
    EXPECT_EQ(a.shock_sd, b.shock_sd);
    EXPECT_EQ(format_report(a).substr(0, 200), format_report(b).substr(0, 200));
}

// The whole of Germany (release build: `LW_BACKTEST_FULL=1 build/release/tests/backtest/backtest_tests
// --gtest_filter=BacktestFull.*`); the figures of docs/projection-backtest.md.
TEST(BacktestFull, Germany) {
    if (std::getenv("LW_BACKTEST_FULL") == nullptr) {
        GTEST_SKIP() << "set LW_BACKTEST_FULL=1 for the full run";
    }
    const auto r = run_backtest(demo_config(test::demo_dir()));
    std::cout << format_report(r);
    EXPECT_GT(r.scored_calibration + r.scored_held_out, 7000u);
}

} // namespace
} // namespace lw::backtest
