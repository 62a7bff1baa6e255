#include "import/table/stat_cell.hpp"

#include <gtest/gtest.h>

namespace lw::import {
namespace {

TEST(StatCell, NumbersInEachFormat) {
    EXPECT_EQ(parse_stat_cell("19 412", german_space_format)->value, 19412.0);
    EXPECT_EQ(parse_stat_cell("2.965,50", german_format)->value, 2965.5);
    EXPECT_EQ(parse_stat_cell("1.493", german_format)->value, 1493.0);
    EXPECT_EQ(parse_stat_cell("27.1", plain_format)->value, 27.1);
    EXPECT_EQ(parse_stat_cell(" 0 ", plain_format)->status, ValueStatus::ok);
    EXPECT_EQ(parse_stat_cell("0", plain_format)->value, 0.0);
}

TEST(StatCell, EveryMarkerKeepsItsStatusAndNoNumber) {
    const std::vector<std::pair<std::string, ValueStatus>> cases{
        {"-", ValueStatus::nothing},
        {"\xE2\x80\x93", ValueStatus::nothing},
        {".", ValueStatus::secret},
        {"...", ValueStatus::not_yet},
        {"\xE2\x80\xA6", ValueStatus::not_yet},
        {"x", ValueStatus::not_applicable},
        {"X", ValueStatus::not_applicable},
        {"/", ValueStatus::uncertain},
        {"", ValueStatus::missing},
        {"  ", ValueStatus::missing},
    };
    for (const auto& [cell, status] : cases) {
        const auto value = parse_stat_cell(cell, german_format);
        ASSERT_TRUE(value.has_value()) << cell;
        EXPECT_EQ(value->status, status) << cell;
        EXPECT_EQ(marker_status(cell), status) << cell; // the one table decides
        if (status == ValueStatus::nothing) {
            EXPECT_EQ(value->value, 0.0) << "\"-\" means exactly zero";
        } else {
            EXPECT_FALSE(value->value.has_value()) << cell << " must not become a number";
        }
    }
}

TEST(StatCell, ParenthesesMarkLimitedReliability) {
    const auto value = parse_stat_cell("(1 040)", german_space_format);
    ASSERT_TRUE(value.has_value());
    EXPECT_EQ(value->status, ValueStatus::ok);
    EXPECT_EQ(value->value, 1040.0);
    EXPECT_TRUE(value->limited_reliability);
    EXPECT_FALSE(parse_stat_cell("1040", german_space_format)->limited_reliability);
}

TEST(StatCell, TrailingFlagsAreSplitOff) {
    for (const char flag : {'p', 'r', 's', 'e'}) {
        const std::string text = std::string("988") + flag;
        const auto cell = parse_stat_cell_flagged(text, german_format);
        ASSERT_TRUE(cell.has_value()) << text;
        EXPECT_EQ(cell->value.value, 988.0);
        EXPECT_EQ(cell->flag, flag);
    }
    const auto spaced = parse_stat_cell_flagged("1.234,5 p", german_format);
    ASSERT_TRUE(spaced.has_value());
    EXPECT_EQ(spaced->value.value, 1234.5);
    const auto both = parse_stat_cell_flagged("(45) e", german_format);
    ASSERT_TRUE(both.has_value());
    EXPECT_TRUE(both->value.limited_reliability);
    EXPECT_EQ(both->flag, 'e');
    EXPECT_TRUE(is_stat_flag("e"));
    EXPECT_FALSE(is_stat_flag("q"));
    EXPECT_FALSE(is_stat_flag("ep"));
}

TEST(StatCell, AnythingElseIsNoValue) {
    for (const char* text :
         {"abc", "12a", "1,2,3", "..", "x1", "--", "12 q", "p", "1.2.3", "()", "(12"}) {
        EXPECT_FALSE(parse_stat_cell(text, german_format).has_value()) << text;
    }
    // A thousands separator in the wrong format is refused rather than misread.
    EXPECT_FALSE(parse_stat_cell("27.1", german_format).has_value());
    // The format decides: the same text is 1.493 dot-decimal (INKAR's rule: the quotes tell).
    EXPECT_EQ(parse_stat_cell("1.493", plain_format)->value, 1.493);
}

} // namespace
} // namespace lw::import
