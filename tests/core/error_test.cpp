#include "core/error.hpp"

#include <gtest/gtest.h>

namespace lw {

TEST(Error, MessageNamesFileLineColumnAndValue) {
    const Error e(ErrorKind::input_value, "not a number", {"bev.csv", 12, 4, "12x"});
    EXPECT_STREQ(e.what(), "bev.csv:12:4: not a number (value: \"12x\")");
    EXPECT_EQ(e.kind(), ErrorKind::input_value);
    EXPECT_EQ(e.where().line, 12u);
    EXPECT_EQ(e.detail(), "not a number");
}

TEST(Error, WithoutLocationIsJustTheMessage) {
    const Error e(ErrorKind::usage, "missing --region");
    EXPECT_STREQ(e.what(), "missing --region");
    EXPECT_EQ(to_string(e.kind()), "usage");
}

} // namespace lw
