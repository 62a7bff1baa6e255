#include "demography/life_table.hpp"

#include "core/error.hpp"
#include "demo_tables.hpp"

#include <gtest/gtest.h>

namespace lw::demography {

TEST(LifeTable, ReadsTheDestatisColumnsWithTheOpenGroupFromT) {
    const auto tables = test::demo_life_tables("2016-2018");
    const LifeTable& men = tables[0];
    // Sterbetafel 2016/18, männlich: L(0) = 99692, l(1) = 99644, T(100) = 1178, l(100) = 647.
    EXPECT_DOUBLE_EQ(men.Lx[0], 99692);
    EXPECT_DOUBLE_EQ(men.lx[1], 99644);
    EXPECT_DOUBLE_EQ(men.Lx[open_age], 1178);
    EXPECT_DOUBLE_EQ(men.open_death_rate, 647.0 / 1178.0);
    // a(0) = (L(0) - l(1)) / d(0) = (99692 - 99644) / 356.
    EXPECT_NEAR(men.ax[0], 48.0 / 356.0, 1e-12);
}

TEST(LifeTable, LifeExpectancyMatchesThePublishedColumn) {
    for (const auto* years : {"2016-2018", "2020-2022", "2022-2024"}) {
        const auto rows = test::demo_life_table_rows(years);
        const auto tables = life_tables_from_rows(rows);
        for (const auto& row : rows) {
            const auto& table = tables[row.sex == store::Sex::male ? 0 : 1];
            // ex is published with two decimals, computed from unrounded lx and Tx.
            EXPECT_NEAR(life_expectancy(table, static_cast<std::size_t>(row.age)), row.ex, 0.01)
                << years << " age " << row.age;
        }
    }
}

TEST(LifeTable, RebuildFromRatesReproducesTheTable) {
    for (const auto& table : test::demo_life_tables("2020-2022")) {
        const auto rebuilt = rebuild(table);
        for (std::size_t age = 0; age < age_count; ++age) {
            // lx, Lx, Tx are published rounded to whole persons; qx with 8 decimals.
            EXPECT_NEAR(rebuilt.lx[age], table.lx[age], 2.0) << age;
            EXPECT_NEAR(rebuilt.Lx[age], table.Lx[age], 2.0) << age;
        }
        EXPECT_NEAR(life_expectancy(rebuilt), life_expectancy(table), 0.005);
        const auto unchanged = improve_mortality(table, 0.0, 30);
        EXPECT_DOUBLE_EQ(life_expectancy(unchanged), life_expectancy(rebuilt));
    }
}

TEST(LifeTable, ImprovementRaisesLifeExpectancyAndHitsTheKbvTarget) {
    const auto tables = test::demo_life_tables("2020-2022");
    const double years = kbv15_l2.year - kbv15_base_year;
    const double targets[2] = {kbv15_l2.male, kbv15_l2.female};
    for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
        const auto& table = tables[sex_idx];
        EXPECT_GT(life_expectancy(improve_mortality(table, 0.01, 10)), life_expectancy(table));
        const double rate = annual_reduction_for_e0(table, years, targets[sex_idx]);
        EXPECT_GT(rate, 0.0);
        EXPECT_LT(rate, 0.03);
        EXPECT_NEAR(life_expectancy(improve_mortality(table, rate, years)), targets[sex_idx], 1e-8);
        // Hand check of one age: q'(70) = q(70) (1 - r)^t.
        const auto improved = improve_mortality(table, rate, years);
        EXPECT_NEAR(improved.qx[70], table.qx[70] * std::pow(1 - rate, years), 1e-15);
    }
    EXPECT_THROW(annual_reduction_for_e0(tables[0], years, 10.0), Error);
}

TEST(LifeTable, RejectsInconsistentColumns) {
    auto rows = test::demo_life_table_rows("2016-2018");
    std::vector<double> qx, lx, Lx, Tx;
    for (const auto& row : rows) {
        if (row.sex == store::Sex::female) {
            qx.push_back(row.qx);
            lx.push_back(row.lx);
            Lx.push_back(row.Lx);
            Tx.push_back(row.Tx);
        }
    }
    EXPECT_NO_THROW(life_table_from_columns(qx, lx, Lx, Tx, "test"));
    auto bad_q = qx;
    bad_q[50] = 1.5;
    auto bad_l = lx;
    bad_l[60] = lx[59] + 10;
    auto bad_T = Tx;
    bad_T[30] += 100;
    for (const auto& [q, l, T] : {std::tuple{bad_q, lx, Tx}, std::tuple{qx, bad_l, Tx},
                                  std::tuple{qx, lx, bad_T}}) {
        try {
            life_table_from_columns(q, l, Lx, T, "test");
            ADD_FAILURE() << "no error";
        } catch (const Error& error) {
            EXPECT_EQ(error.kind(), ErrorKind::input_value);
        }
    }
    EXPECT_THROW(life_table_from_columns(std::span(qx).first(100), lx, Lx, Tx, "short"), Error);
}

} // namespace lw::demography
