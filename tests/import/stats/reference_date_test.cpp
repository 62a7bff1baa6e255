#include "import/stats/age_group.hpp"
#include "import/stats/reference_date.hpp"

#include <gtest/gtest.h>

namespace lw::import {
namespace {

TEST(ReferenceDate, IsoAndGermanForms) {
    EXPECT_EQ(parse_reference_date("2019-12-31"), (ReferenceDate{"2019-12-31", 2019}));
    EXPECT_EQ(parse_reference_date("31.12.2019"), (ReferenceDate{"2019-12-31", 2019}));
    EXPECT_EQ(parse_reference_date(" 29.02.2020 "), (ReferenceDate{"2020-02-29", 2020}));
    EXPECT_EQ(german_date(*parse_reference_date("2016-12-31")), "31.12.2016");
}

TEST(ReferenceDate, RejectsWhatIsNoDate) {
    for (const char* text : {"", "2019", "31.12.", "2019-13-01", "30.02.2019", "29.02.2019",
                             "2019/12/31", "12/31/2019", "2019-12-31T00:00", "3l.12.2019"}) {
        EXPECT_FALSE(parse_reference_date(text).has_value()) << text;
    }
}

TEST(AgeGroup, GenesisLabels) {
    EXPECT_EQ(parse_age_label("unter 3 Jahre"), (AgeGroup{0, 2}));
    EXPECT_EQ(parse_age_label("3 bis unter 6 Jahre"), (AgeGroup{3, 5}));
    EXPECT_EQ(parse_age_label("65 bis unter 75 Jahre"), (AgeGroup{65, 74}));
    EXPECT_EQ(parse_age_label("75 Jahre und mehr"), (AgeGroup{75, std::nullopt}));
    EXPECT_EQ(parse_age_label("90 Jahre und älter"), (AgeGroup{90, std::nullopt}));
    EXPECT_EQ(parse_age_label("unter 1 Jahr"), (AgeGroup{0, 0}));
    EXPECT_EQ(parse_age_label("1 Jahr"), (AgeGroup{1, 1}));
    EXPECT_EQ(parse_age_label("  18  bis unter 20 Jahre "), (AgeGroup{18, 19}));
    EXPECT_FALSE(parse_age_label("Insgesamt").has_value());
    EXPECT_FALSE(parse_age_label("Altersgruppen (unter 3 bis 75 u.m.)").has_value());
    EXPECT_FALSE(parse_age_label("6 bis unter 3 Jahre").has_value());
}

TEST(AgeGroup, PandasColumns) {
    EXPECT_EQ(parse_age_column("A00-02"), (AgeGroup{0, 2}));
    EXPECT_EQ(parse_age_column("A65-74"), (AgeGroup{65, 74}));
    EXPECT_EQ(parse_age_column("A75-open"), (AgeGroup{75, std::nullopt}));
    EXPECT_FALSE(parse_age_column("Insgesamt").has_value());
    EXPECT_FALSE(parse_age_column("A5-9").has_value());
    EXPECT_EQ(to_string(AgeGroup{75, std::nullopt}), "75+");
    EXPECT_EQ(to_string(AgeGroup{0, std::nullopt}), "all");
    EXPECT_EQ(to_string(AgeGroup{3, 5}), "3-5");
}

} // namespace
} // namespace lw::import
