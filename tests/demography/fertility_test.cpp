#include "demography/fertility.hpp"

#include "core/error.hpp"
#include "demography/files.hpp"
#include "test_paths.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

namespace lw::demography {
namespace {

AsfrTable germany() {
    return read_asfr_table(lw::test::demo_dir() / "demography/asfr-germany-2017-2023.csv");
}

} // namespace

TEST(Fertility, ShippedRatesReproduceTheOfficialTfr) {
    const auto table = germany();
    ASSERT_EQ(table.years, (std::vector<int>{2017, 2018, 2019, 2020, 2021, 2022, 2023}));
    // TFR 15-49 of GENESIS 12612-0009 (FACTS-demography.md section 1). The single-year rates are
    // published with one decimal per 1,000, so their sum matches to three decimals.
    const double official[] = {1.569, 1.565, 1.540, 1.527, 1.576, 1.455, 1.354};
    for (std::size_t year_idx = 0; year_idx < table.years.size(); ++year_idx) {
        const int year[] = {table.years[year_idx]};
        const auto schedule = fertility_schedule(table, year);
        EXPECT_EQ(std::round(total_fertility(schedule) * 1000) / 1000, official[year_idx])
            << table.years[year_idx];
        EXPECT_EQ(schedule[14], 0.0);
        EXPECT_EQ(schedule[50], 0.0);
    }
    const int y2019[] = {2019};
    const auto schedule = fertility_schedule(table, y2019);
    EXPECT_DOUBLE_EQ(schedule[31], 0.1146); // 114.6 per 1,000 at age 31 in 2019
    EXPECT_DOUBLE_EQ(schedule[15], 0.0006);
    EXPECT_DOUBLE_EQ(schedule[49], 0.0003);
}

TEST(Fertility, MeanOfYearsAndScalingToATfr) {
    const auto table = germany();
    const int years[] = {2022, 2023};
    const auto mean = fertility_schedule(table, years);
    EXPECT_DOUBLE_EQ(mean[30], (0.1042 + 0.0939) / 2); // 104.2 and 93.9 per 1,000
    const auto scaled = scale_to_tfr(mean, 1.44);    // kBV 15 assumption G1
    EXPECT_NEAR(total_fertility(scaled), 1.44, 1e-12);
    EXPECT_NEAR(scaled[30] / scaled[25], mean[30] / mean[25], 1e-12);
    EXPECT_THROW(scale_to_tfr(mean, -1.0), Error);
    const int missing[] = {2016};
    EXPECT_THROW(fertility_schedule(table, missing), Error);
    EXPECT_THROW(fertility_schedule(table, {}), Error);
}

TEST(Fertility, ReaderReportsTheOffendingCell) {
    lw::test::ScratchDir dir("asfr");
    auto write = [&](const std::string& text) {
        std::ofstream(dir / "asfr.csv") << text;
        return dir / "asfr.csv";
    };
    std::string good = "Alter;2019\n";
    for (int age = 15; age <= 49; ++age) {
        good += std::to_string(age) + " Jahre;1,5\n";
    }
    EXPECT_DOUBLE_EQ(total_fertility(fertility_schedule(read_asfr_table(write(good)),
                                                        std::vector<int>{2019})),
                     35 * 0.0015);
    auto secret = good;
    secret.replace(secret.find("1,5\n20 Jahre"), 3, ".");
    try {
        read_asfr_table(write(secret));
        ADD_FAILURE() << "no error";
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::input_value);
        EXPECT_EQ(error.where().line, 6u);
        EXPECT_EQ(error.where().column, 2u);
        EXPECT_EQ(error.where().value, ".");
    }
    auto gap = good;
    gap.erase(gap.find("30 Jahre"), std::string("30 Jahre;1,5\n").size());
    EXPECT_THROW(read_asfr_table(write(gap)), Error);
    EXPECT_THROW(read_asfr_table(write("Jahr;2019\n15;1\n")), Error);
    EXPECT_THROW(read_asfr_table(dir / "none.csv"), Error);
}

} // namespace lw::demography
