#include "core/value_status.hpp"

#include <gtest/gtest.h>

namespace lw {

TEST(ValueStatus, EveryOfficialMarkerHasItsOwnMeaning) {
    EXPECT_EQ(marker_status("-"), ValueStatus::nothing);
    EXPECT_EQ(marker_status("\xe2\x80\x93"), ValueStatus::nothing);
    EXPECT_EQ(marker_status("."), ValueStatus::secret);
    EXPECT_EQ(marker_status("..."), ValueStatus::not_yet);
    EXPECT_EQ(marker_status("x"), ValueStatus::not_applicable);
    EXPECT_EQ(marker_status("/"), ValueStatus::uncertain);
    EXPECT_EQ(marker_status(" "), ValueStatus::missing);
    EXPECT_FALSE(marker_status("0"));
    EXPECT_FALSE(marker_status("12"));
    EXPECT_FALSE(marker_status(".."));
}

TEST(ValueStatus, OnlyNothingCarriesAZero) {
    for (const auto status : {ValueStatus::missing, ValueStatus::secret, ValueStatus::not_yet,
                              ValueStatus::not_applicable, ValueStatus::uncertain}) {
        EXPECT_FALSE(StatValue::marked(status).value) << to_string(status);
    }
    EXPECT_EQ(StatValue::marked(ValueStatus::nothing).value, 0.0);
}

TEST(ValueStatus, NamesRoundTrip) {
    for (const auto status : {ValueStatus::ok, ValueStatus::nothing, ValueStatus::missing, ValueStatus::secret,
                              ValueStatus::not_yet, ValueStatus::not_applicable, ValueStatus::uncertain}) {
        EXPECT_EQ(value_status_from_string(to_string(status)), status);
    }
    EXPECT_FALSE(value_status_from_string("zero"));
}

} // namespace lw
