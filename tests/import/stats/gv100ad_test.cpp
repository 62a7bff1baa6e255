#include "import/stats/gv100ad.hpp"

#include "stats_test_support.hpp"

#include <gtest/gtest.h>

#include <map>

namespace lw::import {
namespace {

using lw::test::catch_error;
using lw::test::expect_location;
using lw::test::stats_fixture;

const ReferenceDate date_2016{"2016-12-31", 2016};

// area key -> sex -> value
std::map<std::string, std::map<store::Sex, StatValue>> by_area(const ParsedStats& stats) {
    std::map<std::string, std::map<store::Sex, StatValue>> out;
    for (const auto& v : stats.population) {
        out[v.area_key][v.sex] = v.value;
    }
    return out;
}

void expect_five_municipalities(const ParsedStats& stats) {
    EXPECT_EQ(stats.format, StatsFormat::gv100ad);
    EXPECT_EQ(stats.territorial_date, "2018-09-30");
    EXPECT_EQ(stats.records, 10u);
    EXPECT_EQ(stats.reference_dates, std::vector<std::string>{"2016-12-31"});
    ASSERT_EQ(stats.districts.size(), 3u);
    EXPECT_EQ(stats.districts[1].key, "06636");
    EXPECT_EQ(stats.districts[1].name, "Werra-Meißner-Kreis");
    ASSERT_EQ(stats.directory.size(), 5u);
    ASSERT_EQ(stats.population.size(), 15u); // total, male, female per municipality

    const auto values = by_area(stats);
    const auto& eschwege = values.at("06636003");
    EXPECT_EQ(eschwege.at(store::Sex::total).value, 19716.0);
    EXPECT_EQ(eschwege.at(store::Sex::male).value, 9542.0);
    EXPECT_EQ(eschwege.at(store::Sex::female).value, 19716.0 - 9542.0);
    EXPECT_EQ(values.at("06636008").at(store::Sex::total).value, 3049.0);

    // Textkennzeichen 66 (uninhabited): the 0 is real.
    const auto& forest = values.at("06636200");
    EXPECT_EQ(forest.at(store::Sex::total).status, ValueStatus::ok);
    EXPECT_EQ(forest.at(store::Sex::total).value, 0.0);
    // Kerken is inhabited; its 0 means "not given".
    for (const auto sex : {store::Sex::total, store::Sex::male, store::Sex::female}) {
        EXPECT_EQ(values.at("05154028").at(sex).status, ValueStatus::missing);
        EXPECT_FALSE(values.at("05154028").at(sex).value.has_value());
    }
    ASSERT_EQ(stats.notes.size(), 1u);
    EXPECT_NE(stats.notes[0].find("Kerken (05154028)"), std::string::npos);

    const auto& entry = stats.directory[1];
    EXPECT_EQ(entry.ags, "06636003");
    EXPECT_EQ(entry.name, "Eschwege, Kreisstadt");
    EXPECT_DOUBLE_EQ(*entry.area_km2, 63.26);
    EXPECT_EQ(entry.postcode, "37269");
    EXPECT_FALSE(entry.seat_lonlat.has_value());
    EXPECT_EQ(stats.directory[2].name, "Meißner");
    EXPECT_FALSE(stats.directory[3].postcode.has_value()); // the Gutsbezirk has no PLZ
}

TEST(Gv100ad, Latin1Fixture) {
    const ParsedStats stats =
        parse_gv100ad(stats_fixture("gv100ad-five-municipalities-latin1.asc"), date_2016);
    EXPECT_EQ(stats.encoding, Encoding::latin1);
    expect_five_municipalities(stats);
}

TEST(Gv100ad, Utf8FixtureReadsTheSame) {
    // Columns are characters, so "ß" taking two bytes shifts nothing.
    const ParsedStats stats =
        parse_gv100ad(stats_fixture("gv100ad-five-municipalities-utf8.asc"), date_2016);
    EXPECT_EQ(stats.encoding, Encoding::utf8);
    expect_five_municipalities(stats);
}

TEST(Gv100ad, TruncatedRecordNamesLineAndColumn) {
    const auto file = stats_fixture("gv100ad-truncated-record.asc");
    const auto e = catch_error([&] { parse_gv100ad(file, date_2016); }, ErrorKind::input_format);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->where().file, file.string());
    EXPECT_EQ(e->where().line, 2u);
    EXPECT_EQ(e->where().column, 151u);
    ASSERT_TRUE(e->where().value.has_value());
    EXPECT_EQ(e->where().value->substr(0, 22), "6020180930066360030003");
}

TEST(Gv100ad, LettersInANumberField) {
    const auto file = stats_fixture("gv100ad-letters-in-population.asc");
    const auto e = catch_error([&] { parse_gv100ad(file, date_2016); }, ErrorKind::input_value);
    expect_location(e, file, 2, 140, "000000197A6");
}

TEST(Gv100ad, UnknownRecordTypeAndBadDate) {
    lw::test::ScratchDir dir("gv100ad-bad");
    std::string good = "402018093006636       Werra-Meissner-Kreis";
    good.resize(220, ' ');
    auto file = lw::test::write_file(dir, "type.asc", good + "\r\n71" + good.substr(2) + "\r\n");
    auto e = catch_error([&] { parse_gv100ad(file, date_2016); }, ErrorKind::input_format);
    expect_location(e, file, 2, 1, "71");
    file = lw::test::write_file(dir, "date.asc", "4020181340" + good.substr(10) + "\n");
    e = catch_error([&] { parse_gv100ad(file, date_2016); }, ErrorKind::input_value);
    expect_location(e, file, 1, 3, "20181340");
}

TEST(Gv100ad, EmptyFile) {
    lw::test::ScratchDir dir("gv100ad-empty");
    const auto file = lw::test::write_file(dir, "empty.asc", "\r\n\r\n");
    const auto e = catch_error([&] { parse_gv100ad(file, date_2016); }, ErrorKind::input_format);
    expect_location(e, file, 1, 1, "");
}

TEST(Gv100ad, DemoFileHas2016Counts) {
    LW_DEMO_STATISTICS_FILE(file, "gv100ad-2018", "GV100AD_300918.ASC");
    const ParsedStats stats = parse_gv100ad(file, date_2016);
    EXPECT_EQ(stats.districts.size(), 401u);
    EXPECT_EQ(stats.directory.size(), 11089u);
    double germany = 0.0;
    double werra_meissner = 0.0;
    std::size_t werra_meissner_rows = 0;
    std::size_t missing = 0;
    for (const auto& v : stats.population) {
        if (v.sex != store::Sex::total) {
            continue;
        }
        germany += v.value.value.value_or(0.0);
        missing += v.value.status == ValueStatus::missing ? 1 : 0;
        if (v.area_key.substr(0, 5) == "06636") {
            werra_meissner += *v.value.value;
            ++werra_meissner_rows;
        }
        if (v.area_key == "06636003") {
            EXPECT_EQ(v.value.value, 19716.0);
        }
    }
    EXPECT_EQ(werra_meissner_rows, 17u);
    EXPECT_EQ(werra_meissner, 100965.0);
    EXPECT_EQ(germany, 82385138.0); // the sum with the six NRW municipalities not given
    EXPECT_EQ(missing, 6u);
}

} // namespace
} // namespace lw::import
