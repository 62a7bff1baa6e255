#include "import/stats/detect.hpp"

#include "stats_test_support.hpp"

#include <gtest/gtest.h>

namespace lw::import {
namespace {

using lw::test::catch_error;
using lw::test::expect_location;
using lw::test::stats_fixture;

TEST(DetectStatsFormat, EveryFixtureByContent) {
    const std::vector<std::pair<std::string, StatsFormat>> cases{
        {"gv100ad-five-municipalities-latin1.asc", StatsFormat::gv100ad},
        {"gv100ad-five-municipalities-utf8.asc", StatsFormat::gv100ad},
        {"gvisys-werra-meissner-excerpt.csv", StatsFormat::gvisys},
        {"age-groups-csv-three-areas.csv", StatsFormat::age_groups_csv},
        {"genesis-12411-latin1-semicolon-markers.csv", StatsFormat::genesis_population},
        {"genesis-12411-utf8bom-wide-date-line.csv", StatsFormat::genesis_population},
        {"genesis-12411-utf8-sex-rows-stichtag.csv", StatsFormat::genesis_population},
        {"lifetable-12621-0001-three-ages.csv", StatsFormat::life_table},
        {"inkar-three-districts.csv", StatsFormat::inkar},
    };
    lw::test::ScratchDir dir("detect");
    for (const auto& [name, format] : cases) {
        EXPECT_EQ(detect_stats_format(stats_fixture(name)), format) << name;
        // The name plays no part: the same bytes under a neutral name give the same answer.
        std::ifstream in(stats_fixture(name), std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)),
                                std::istreambuf_iterator<char>());
        EXPECT_EQ(detect_stats_format(lw::test::write_file(dir, "data.txt", bytes)), format)
            << name;
    }
}

TEST(DetectStatsFormat, DemoFiles) {
    const std::vector<std::tuple<std::string, std::string, StatsFormat>> cases{
        {"gv100ad-2018", "GV100AD_300918.ASC", StatsFormat::gv100ad},
        {"gv-isys-2019", "AuszugGV4QAktuell.csv", StatsFormat::gvisys},
        {"kreise-altersgruppen-2018", "bev.csv", StatsFormat::age_groups_csv},
        {"sterbetafel", "Sterbetafel2016-2018.csv", StatsFormat::life_table},
        {"inkar-kreise", "INKAR_Strukturdaten.csv", StatsFormat::inkar},
    };
    for (const auto& [folder, name, format] : cases) {
        LW_DEMO_STATISTICS_FILE(file, folder, name);
        EXPECT_EQ(detect_stats_format(file), format) << name;
    }
}

TEST(DetectStatsFormat, UnknownContentIsAClearError) {
    lw::test::ScratchDir dir("detect-unknown");
    auto file = lw::test::write_file(dir, "other.csv", "\n\nid;name;value\n1;a;2\n");
    auto e = catch_error([&] { detect_stats_format(file); }, ErrorKind::input_format);
    expect_location(e, file, 3, 1, "id;name;value");
    EXPECT_NE(std::string(e->what()).find("--format"), std::string::npos);

    file = lw::test::write_file(dir, "empty.csv", "");
    e = catch_error([&] { detect_stats_format(file); }, ErrorKind::input_format);
    expect_location(e, file, 1, 1, "");

    file = lw::test::write_file(dir, "blank.csv", " \r\n\r\n");
    e = catch_error([&] { detect_stats_format(file); }, ErrorKind::input_format);
    expect_location(e, file, 1, 1, "");

    file = lw::test::write_file(dir, "births.csv",
                                "GENESIS-Tabelle: 12612-01-01-4\nLebendgeborene;;\n");
    e = catch_error([&] { detect_stats_format(file); }, ErrorKind::input_format);
    expect_location(e, file, 1, 1, "12612-01-01-4");

    file = lw::test::write_file(dir, "utf16.csv", std::string("\xFF\xFEs\0a\0", 6));
    e = catch_error([&] { detect_stats_format(file); }, ErrorKind::input_format);
    expect_location(e, file, 1, 1, "\\xFF\\xFE");

    catch_error([&] { detect_stats_format(dir / "missing.csv"); }, ErrorKind::not_found);
}

TEST(StatsFormatNames, RoundTrip) {
    for (const auto format : {StatsFormat::detect, StatsFormat::gv100ad, StatsFormat::gvisys,
                              StatsFormat::age_groups_csv, StatsFormat::genesis_population,
                              StatsFormat::life_table, StatsFormat::inkar}) {
        EXPECT_EQ(stats_format_from_string(to_string(format)), format);
    }
    EXPECT_EQ(stats_format_from_string("auto"), StatsFormat::detect);
    EXPECT_FALSE(stats_format_from_string("xlsx").has_value());
}

} // namespace
} // namespace lw::import
