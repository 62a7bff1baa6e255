#include "import/stats/gvisys.hpp"

#include "stats_test_support.hpp"

#include <gtest/gtest.h>

#include <iterator>

namespace lw::import {
namespace {

using lw::test::catch_error;
using lw::test::expect_location;
using lw::test::stats_fixture;

const ReferenceDate date_2019{"2019-12-31", 2019};

const store::PopulationValue* find(const ParsedStats& stats, const std::string& key,
                                   store::Sex sex) {
    for (const auto& v : stats.population) {
        if (v.area_key == key && v.sex == sex) {
            return &v;
        }
    }
    return nullptr;
}

TEST(GvIsys, ExcerptFixture) {
    const ParsedStats stats =
        parse_gvisys(stats_fixture("gvisys-werra-meissner-excerpt.csv"), date_2019);
    EXPECT_EQ(stats.encoding, Encoding::utf8_bom);
    EXPECT_EQ(stats.records, 12u);
    ASSERT_EQ(stats.districts.size(), 2u);
    EXPECT_EQ(stats.districts[1].key, "06636");
    ASSERT_EQ(stats.directory.size(), 4u);
    ASSERT_EQ(stats.population.size(), 12u);

    const auto* eschwege = find(stats, "06636003", store::Sex::total);
    ASSERT_NE(eschwege, nullptr);
    EXPECT_EQ(eschwege->value.value, 19412.0);
    EXPECT_EQ(eschwege->reference_date, "2019-12-31");
    EXPECT_EQ(eschwege->year, 2019);
    EXPECT_EQ(eschwege->source_table, "GV-ISys");
    EXPECT_EQ(eschwege->area_name, "Eschwege, Kreisstadt");
    EXPECT_EQ(find(stats, "06636003", store::Sex::male)->value.value, 9373.0);
    EXPECT_EQ(find(stats, "06636003", store::Sex::female)->value.value, 10039.0);
    EXPECT_EQ(find(stats, "06611000", store::Sex::total)->value.value, 202137.0);
    // Textkennzeichen 66: an uninhabited unincorporated area really has 0.
    EXPECT_EQ(find(stats, "06636200", store::Sex::total)->value.status, ValueStatus::ok);
    EXPECT_EQ(find(stats, "06636200", store::Sex::total)->value.value, 0.0);
    EXPECT_TRUE(stats.notes.empty());

    const auto& entry = stats.directory[1];
    EXPECT_EQ(entry.ags, "06636003");
    EXPECT_DOUBLE_EQ(*entry.area_km2, 63.26);
    ASSERT_TRUE(entry.seat_lonlat.has_value());
    EXPECT_DOUBLE_EQ(entry.seat_lonlat->x, 10.057981);
    EXPECT_DOUBLE_EQ(entry.seat_lonlat->y, 51.185804);
    EXPECT_EQ(entry.postcode, "37269");
    EXPECT_FALSE(stats.directory[3].postcode.has_value());
}

std::string excerpt_with(std::string_view from, std::string_view to) {
    std::ifstream in(stats_fixture("gvisys-werra-meissner-excerpt.csv"), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto pos = text.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    return text.replace(pos, from.size(), to);
}

TEST(GvIsys, BadNumberNamesItsCell) {
    lw::test::ScratchDir dir("gvisys-bad-number");
    const auto file = lw::test::write_file(dir, "bad.csv", excerpt_with(" 19 412,", " 19 41x,"));
    const auto e = catch_error([&] { parse_gvisys(file, date_2019); }, ErrorKind::input_value);
    expect_location(e, file, 9, 10, " 19 41x");
}

TEST(GvIsys, InhabitedZeroBecomesMissing) {
    lw::test::ScratchDir dir("gvisys-zero");
    const auto file = lw::test::write_file(
        dir, "zero.csv",
        excerpt_with("Meißner, 44.81, 2 943, 1 467, 1 476,", "Meißner, 44.81, 0, 0, 0,"));
    const ParsedStats stats = parse_gvisys(file, date_2019);
    EXPECT_EQ(find(stats, "06636008", store::Sex::total)->value.status, ValueStatus::missing);
    EXPECT_EQ(find(stats, "06636008", store::Sex::female)->value.status, ValueStatus::missing);
    ASSERT_EQ(stats.notes.size(), 1u);
    EXPECT_NE(stats.notes[0].find("Meißner (06636008)"), std::string::npos);
}

TEST(GvIsys, MarkersInCounts) {
    lw::test::ScratchDir dir("gvisys-marker");
    const auto file = lw::test::write_file(dir, "marker.csv",
                                           excerpt_with(" 19 412, 9 373, 10 039,", " 19 412,.,/,"));
    const ParsedStats stats = parse_gvisys(file, date_2019);
    EXPECT_EQ(find(stats, "06636003", store::Sex::male)->value.status, ValueStatus::secret);
    EXPECT_EQ(find(stats, "06636003", store::Sex::female)->value.status, ValueStatus::uncertain);
}

TEST(GvIsys, MissingColumn) {
    lw::test::ScratchDir dir("gvisys-missing-column");
    const auto file =
        lw::test::write_file(dir, "nocol.csv", excerpt_with("bevoelkerung,", "einwohner,"));
    const auto e = catch_error([&] { parse_gvisys(file, date_2019); }, ErrorKind::input_format);
    expect_location(e, file, 1, 0, "bevoelkerung");
}

TEST(GvIsys, ShortRowAndBadKeyAndSwappedCoordinates) {
    lw::test::ScratchDir dir("gvisys-rows");
    auto file = lw::test::write_file(
        dir, "short.csv",
        excerpt_with(
            "60,64,06,6,36,0008,008,Meißner, 44.81, 2 943, 1 467, 1 476,  "
            "66,37290,\"9,937311\",\"51,211361\",I03,Werra-Meissner Land,03,gering besiedelt",
            "60,64,06,6,36,0008,008,Meißner, 44.81"));
    auto e = catch_error([&] { parse_gvisys(file, date_2019); }, ErrorKind::input_format);
    expect_location(e, file, 11, 10, std::nullopt);
    file = lw::test::write_file(dir, "key.csv",
                                excerpt_with("60,63,06,6,36,0003,003,", "60,63,06,6,36,0003,03,"));
    e = catch_error([&] { parse_gvisys(file, date_2019); }, ErrorKind::input_value);
    expect_location(e, file, 9, 7, "03");
    file = lw::test::write_file(
        dir, "swap.csv",
        excerpt_with("\"10,057981\",\"51,185804\"", "\"51,185804\",\"10,057981\""));
    e = catch_error([&] { parse_gvisys(file, date_2019); }, ErrorKind::input_value);
    expect_location(e, file, 9, 15, "51,185804");
}

TEST(GvIsys, DemoFileHas2019Counts) {
    LW_DEMO_STATISTICS_FILE(file, "gv-isys-2019", "AuszugGV4QAktuell.csv");
    const ParsedStats stats = parse_gvisys(file, date_2019);
    EXPECT_EQ(stats.directory.size(), 11004u);
    EXPECT_EQ(stats.districts.size(), 401u);
    double germany = 0.0;
    double werra_meissner = 0.0;
    std::size_t werra_meissner_rows = 0;
    for (const auto& v : stats.population) {
        if (v.sex != store::Sex::total) {
            continue;
        }
        germany += v.value.value.value_or(0.0);
        if (v.area_key.substr(0, 5) == "06636") {
            werra_meissner += *v.value.value;
            ++werra_meissner_rows;
        }
    }
    EXPECT_EQ(germany, 83166711.0);
    EXPECT_EQ(werra_meissner_rows, 17u);
    EXPECT_EQ(werra_meissner, 100629.0);
}

} // namespace
} // namespace lw::import
