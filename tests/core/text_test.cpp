#include "core/text.hpp"

#include <gtest/gtest.h>

namespace lw {

TEST(ParseNumber, GermanFormatWithThousandsDotsAndDecimalComma) {
    EXPECT_EQ(parse_number("1.493", german_format), 1493.0);
    EXPECT_EQ(parse_number("2.965,50", german_format), 2965.5);
    EXPECT_EQ(parse_number("-0,25", german_format), -0.25);
    EXPECT_EQ(parse_number("  40,9 ", german_format), 40.9);
    EXPECT_EQ(parse_number("1.234.567", german_format), 1234567.0);
}

TEST(ParseNumber, RejectsMisgroupedThousands) {
    EXPECT_FALSE(parse_number("27.1", german_format));   // a dot-decimal number is not German
    EXPECT_FALSE(parse_number("1.23.456", german_format));
    EXPECT_FALSE(parse_number("1234.567", german_format));
    EXPECT_FALSE(parse_number("12,3,4", german_format));
    EXPECT_FALSE(parse_number("", german_format));
    EXPECT_FALSE(parse_number("-", german_format));
    EXPECT_FALSE(parse_number("12a", german_format));
}

TEST(ParseNumber, SpaceThousandsAsInGvIsys) {
    EXPECT_EQ(parse_number("19 412", german_space_format), 19412.0);
    EXPECT_EQ(parse_number(" 90 164", german_space_format), 90164.0);
    EXPECT_EQ(parse_number("100\xC2\xA0" "629", german_space_format), 100629.0); // no-break space
    EXPECT_EQ(parse_number("9,980802", german_space_format), 9.980802);
    EXPECT_FALSE(parse_number("19 41", german_space_format));
}

TEST(ParseNumber, PlainFormat) {
    EXPECT_EQ(parse_number("27.1", plain_format), 27.1);
    EXPECT_EQ(parse_number("73.75", plain_format), 73.75);
    EXPECT_FALSE(parse_number("1,5", plain_format));
    EXPECT_FALSE(parse_number("1 000", plain_format));
}

TEST(ParseInteger, WholeTextOnly) {
    EXPECT_EQ(parse_integer(" 42 "), 42);
    EXPECT_EQ(parse_integer("-7"), -7);
    EXPECT_FALSE(parse_integer("4.2"));
    EXPECT_FALSE(parse_integer(""));
    EXPECT_FALSE(parse_integer("x"));
}

TEST(Encoding, Latin1BecomesUtf8) {
    EXPECT_EQ(latin1_to_utf8("Wei\xDF" "enborn"), "Weißenborn");
    EXPECT_EQ(latin1_to_utf8("M\xFC" "nchen"), "München");
    EXPECT_TRUE(is_valid_utf8("Meißner"));
    EXPECT_FALSE(is_valid_utf8("Mei\xDF" "ner")); // Latin-1 ß alone is not UTF-8
    EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));         // overlong
    EXPECT_FALSE(is_valid_utf8("\xE2\x82"));         // truncated
    EXPECT_EQ(strip_utf8_bom("\xEF\xBB\xBFsatzart"), "satzart");
}

TEST(Text, TrimSplitCase) {
    EXPECT_EQ(trim("  a b \r\n"), "a b");
    EXPECT_EQ(split("a;;b", ';').size(), 3u);
    EXPECT_TRUE(iequals_ascii("GEN", "gen"));
    EXPECT_EQ(to_lower_ascii("ALTER_Kurz"), "alter_kurz");
}

} // namespace lw
