#include "import/stats/age_groups_csv.hpp"

#include "stats_test_support.hpp"

#include <gtest/gtest.h>

namespace lw::import {
namespace {

using lw::test::catch_error;
using lw::test::expect_location;
using lw::test::stats_fixture;

const ReferenceDate date_2018{"2018-12-31", 2018};

std::optional<StatValue> value_of(const ParsedStats& stats, const std::string& key, int age_from,
                                  std::optional<int> age_to) {
    for (const auto& v : stats.population) {
        if (v.area_key == key && v.age_from == age_from && v.age_to == age_to) {
            return v.value;
        }
    }
    return std::nullopt;
}

TEST(AgeGroupsCsv, ThreeAreas) {
    const ParsedStats stats =
        parse_age_groups_csv(stats_fixture("age-groups-csv-three-areas.csv"), date_2018);
    EXPECT_EQ(stats.records, 3u);
    EXPECT_EQ(stats.source_table, "12411-02-03-4");
    EXPECT_EQ(stats.population.size(), 3u * 18u); // 17 age groups and the total
    // Keys get their leading zero back: 6636 -> 06636, 3241001 -> 03241001.
    EXPECT_EQ(value_of(stats, "06636", 0, std::nullopt)->value, 101017.0);
    EXPECT_EQ(value_of(stats, "06636", 75, std::nullopt)->value, 13678.0);
    EXPECT_EQ(value_of(stats, "06636", 0, 2)->value, 2457.0);
    EXPECT_EQ(value_of(stats, "06636", 65, 74)->value, 12150.0);
    EXPECT_EQ(value_of(stats, "03241001", 0, std::nullopt)->value, 538068.0);
    EXPECT_EQ(value_of(stats, "01001", 0, std::nullopt)->value, 89504.0);
    for (const auto& v : stats.population) {
        EXPECT_EQ(v.sex, store::Sex::total);
        EXPECT_EQ(v.reference_date, "2018-12-31");
        if (v.area_key == "06636") {
            EXPECT_EQ(v.area_name, "Werra-Meißner-Kreis"); // indentation trimmed
        }
    }
    // The age groups add up to the total, so none was lost or doubled.
    double sum = 0.0;
    for (const auto& v : stats.population) {
        if (v.area_key == "06636" && (v.age_from != 0 || v.age_to)) {
            sum += *v.value.value;
        }
    }
    EXPECT_EQ(sum, 101017.0);
}

std::string fixture_with(std::string_view from, std::string_view to) {
    std::ifstream in(stats_fixture("age-groups-csv-three-areas.csv"), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto pos = text.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    return text.replace(pos, from.size(), to);
}

TEST(AgeGroupsCsv, MarkersAndErrors) {
    lw::test::ScratchDir dir("age-groups-csv");
    auto file =
        lw::test::write_file(dir, "marker.csv", fixture_with("Kreis,2457,2407,", "Kreis,.,-,"));
    const ParsedStats stats = parse_age_groups_csv(file, date_2018);
    EXPECT_EQ(value_of(stats, "06636", 0, 2)->status, ValueStatus::secret);
    EXPECT_EQ(value_of(stats, "06636", 3, 5)->status, ValueStatus::nothing);

    file = lw::test::write_file(dir, "bad.csv", fixture_with("Kreis,2457,", "Kreis,24 57,"));
    auto e = catch_error([&] { parse_age_groups_csv(file, date_2018); }, ErrorKind::input_value);
    expect_location(e, file, 4, 4, "24 57");

    file = lw::test::write_file(dir, "key.csv", fixture_with("143,6636,", "143,66x6,"));
    e = catch_error([&] { parse_age_groups_csv(file, date_2018); }, ErrorKind::input_value);
    expect_location(e, file, 4, 2, "66x6");

    file = lw::test::write_file(dir, "nokrs.csv", fixture_with(",krs,", ",kreis,"));
    e = catch_error([&] { parse_age_groups_csv(file, date_2018); }, ErrorKind::input_format);
    expect_location(e, file, 1, 0, "krs");

    file = lw::test::write_file(dir, "short.csv", fixture_with(",101017,HE", ""));
    e = catch_error([&] { parse_age_groups_csv(file, date_2018); }, ErrorKind::input_format);
    expect_location(e, file, 4, 21, std::nullopt);
}

TEST(AgeGroupsCsv, DemoFileWerraMeissner) {
    LW_DEMO_STATISTICS_FILE(file, "kreise-altersgruppen-2018", "bev.csv");
    const ParsedStats stats = parse_age_groups_csv(file, date_2018);
    EXPECT_EQ(stats.records, 404u);
    EXPECT_EQ(value_of(stats, "06636", 0, std::nullopt)->value, 101017.0);
    EXPECT_EQ(value_of(stats, "06636", 75, std::nullopt)->value, 13678.0);
}

} // namespace
} // namespace lw::import
