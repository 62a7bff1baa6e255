#include "import/stats/life_table.hpp"

#include "stats_test_support.hpp"

#include <gtest/gtest.h>

#include <iterator>

namespace lw::import {
namespace {

using lw::test::catch_error;
using lw::test::expect_location;
using lw::test::stats_fixture;

std::string fixture_text() {
    std::ifstream in(stats_fixture("lifetable-12621-0001-three-ages.csv"), std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto pos = text.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    return text.replace(pos, from.size(), to);
}

TEST(LifeTable, ThreeAges) {
    const ParsedStats stats =
        parse_life_table(stats_fixture("lifetable-12621-0001-three-ages.csv"));
    EXPECT_EQ(stats.source_table, "12621-0001");
    EXPECT_EQ(stats.records, 3u);
    ASSERT_EQ(stats.life_table.size(), 6u);
    const auto& male0 = stats.life_table[0];
    EXPECT_EQ(male0.period, "2016/18");
    EXPECT_EQ(male0.region, "DG");
    EXPECT_EQ(male0.sex, store::Sex::male);
    EXPECT_EQ(male0.age, 0);
    EXPECT_DOUBLE_EQ(male0.qx, 0.00356226);
    EXPECT_DOUBLE_EQ(male0.px, 0.99643774);
    EXPECT_DOUBLE_EQ(male0.lx, 100000.0);
    EXPECT_DOUBLE_EQ(male0.dx, 356.0);
    EXPECT_DOUBLE_EQ(male0.Lx, 99692.0);
    EXPECT_DOUBLE_EQ(male0.Tx, 7847962.0);
    EXPECT_DOUBLE_EQ(male0.ex, 78.48);
    const auto& female2 = stats.life_table[5];
    EXPECT_EQ(female2.sex, store::Sex::female);
    EXPECT_EQ(female2.age, 2);
    EXPECT_DOUBLE_EQ(female2.ex, 81.54);
    EXPECT_DOUBLE_EQ(female2.qx, 0.00012423);
}

TEST(LifeTable, MalformedInputs) {
    lw::test::ScratchDir dir("lifetable-bad");
    const std::string text = fixture_text();

    auto file =
        lw::test::write_file(dir, "marker.csv", replaced(text, "1 Jahr;0,00027641;", "1 Jahr;.;"));
    auto e = catch_error([&] { parse_life_table(file); }, ErrorKind::input_value);
    expect_location(e, file, 12, 2, ".");

    file = lw::test::write_file(dir, "number.csv", replaced(text, ";78,48;", ";78,4.8;"));
    e = catch_error([&] { parse_life_table(file); }, ErrorKind::input_value);
    expect_location(e, file, 11, 14, "78,4.8");

    file = lw::test::write_file(dir, "flag.csv",
                                replaced(text, "0 Jahre;0,00356226;e;", "0 Jahre;0,00356226;q;"));
    e = catch_error([&] { parse_life_table(file); }, ErrorKind::input_value);
    expect_location(e, file, 11, 3, "q");

    file = lw::test::write_file(
        dir, "column.csv",
        replaced(text, ";;Durchschnittliche Lebenserwartung [e(x)];\n", ";;;\n"));
    e = catch_error([&] { parse_life_table(file); }, ErrorKind::input_format);
    expect_location(e, file, 8, 0, "e(x) weiblich");

    file = lw::test::write_file(dir, "footer.csv", replaced(text, "__________\n", ""));
    e = catch_error([&] { parse_life_table(file); }, ErrorKind::input_format);
    expect_location(
        e, file, 14, 1,
        "q(x) = Sterbewahrscheinlichkeit vom Alter x bis x+1\np(x) = Überlebenswahrscheinlichkeit "
        "vom Alter x bis x+1\nl(x) = Überlebende im Alter x\nd(x) = Gestorbene im Alter x bis "
        "unter x+1\nL(x) = Von den Überlebenden im Alter x bis zum Alter x+1\n       durchlebte "
        "Jahre\nT(x) = Von den Überlebenden im Alter x insgesamt noch\n       zu durchlebende "
        "Jahre\ne(x) = Durchschnittliche Lebenserwartung (von den\n       Überlebenden) im Alter x "
        "in Jahren");

    file = lw::test::write_file(dir, "other.csv", replaced(text, "12621-0001", "12613-0001"));
    e = catch_error([&] { parse_life_table(file); }, ErrorKind::input_format);
    expect_location(e, file, 1, 1, "12613-0001");
}

TEST(LifeTable, DemoFiles) {
    for (const auto& [name, period, e0_male] :
         std::vector<std::tuple<std::string, std::string, double>>{
             {"Sterbetafel2016-2018.csv", "2016/18", 78.48},
             {"Sterbetafel2020-2022.csv", "2020/22", 0.0},
             {"Sterbetafel2022-2024.csv", "2022/24", 0.0}}) {
        LW_DEMO_STATISTICS_FILE(file, "sterbetafel", name);
        const ParsedStats stats = parse_life_table(file);
        EXPECT_EQ(stats.records, 101u) << name;
        ASSERT_EQ(stats.life_table.size(), 202u) << name;
        EXPECT_EQ(stats.life_table.front().period, period);
        EXPECT_EQ(stats.life_table.back().age, 100);
        for (const auto& row : stats.life_table) {
            EXPECT_NEAR(row.qx + row.px, 1.0, 1e-7) << name << " age " << row.age;
        }
        if (e0_male > 0.0) {
            EXPECT_DOUBLE_EQ(stats.life_table.front().ex, e0_male);
        }
    }
}

} // namespace
} // namespace lw::import
