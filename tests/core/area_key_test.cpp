#include "core/area_key.hpp"

#include <gtest/gtest.h>

namespace lw {

TEST(AreaKey, RestoresLeadingZeroLostInSpreadsheets) {
    EXPECT_EQ(normalize_area_key("6636"), "06636");
    EXPECT_EQ(normalize_area_key("6636003"), "06636003");
    EXPECT_EQ(normalize_area_key("6"), "06");
    EXPECT_EQ(normalize_area_key("09574138"), "09574138");
    EXPECT_EQ(normalize_area_key("DG"), "DG");
    EXPECT_FALSE(normalize_area_key("06636-003"));
    EXPECT_FALSE(normalize_area_key("123456789"));
    EXPECT_FALSE(normalize_area_key(""));
}

TEST(AreaKey, LevelsByLength) {
    EXPECT_EQ(area_level_of("06"), AreaLevel::state);
    EXPECT_EQ(area_level_of("066"), AreaLevel::government_region);
    EXPECT_EQ(area_level_of("06636"), AreaLevel::district);
    EXPECT_EQ(area_level_of("06636003"), AreaLevel::municipality);
    EXPECT_EQ(area_level_of("DG"), AreaLevel::country);
    EXPECT_FALSE(area_level_of("0663"));
}

TEST(AreaKey, Containment) {
    EXPECT_TRUE(key_within("06636003", "06636"));
    EXPECT_TRUE(key_within("06636003", "06"));
    EXPECT_FALSE(key_within("06635003", "06636"));
    EXPECT_EQ(district_of("06636003"), "06636");
}

} // namespace lw
