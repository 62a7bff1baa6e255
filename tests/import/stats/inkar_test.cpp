#include "import/stats/inkar.hpp"

#include "stats_test_support.hpp"

#include <gtest/gtest.h>

#include <iterator>

namespace lw::import {
namespace {

using lw::test::catch_error;
using lw::test::expect_location;
using lw::test::stats_fixture;

const store::ReferenceValue* find(const ParsedStats& stats, const std::string& key,
                                  const std::string& indicator) {
    for (const auto& v : stats.reference_values) {
        if (v.area_key == key && v.indicator == indicator) {
            return &v;
        }
    }
    return nullptr;
}

void expect_werra_meissner(const ParsedStats& stats) {
    const std::vector<std::pair<std::string, double>> expected{
        {"nahversorgung_supermärkte_durchschnittsdistanz", 1493.0},
        {"nahversorgung_supermärkte_anteil_der_bev__1km_radius", 58.0},
        {"nahversorgung_apotheken_durchschnittsdistanz", 2123.0},
        {"nahversorgung_apotheken_anteil_der_bev__1km_radius", 46.0},
        {"nahversorgung_grundschulen_durchschnittsdistanz", 1766.0},
        {"nahversorgung_grundschulen_anteil_der_bev__1km_radius", 49.0},
        {"nahversorgung_haltestellen_des_öv_durchschnittsdistanz", 439.0},
        {"nahversorgung_haltestellen_des_öv_anteil_der_bev__1km_radius", 91.0},
        {"apotheken", 26.7},                 // unquoted: dot-decimal
        {"waldfläche_je_einwohner", 4395.7}, // quoted: "4.395,70"
        {"freifläche_je_einwohner", 90.5},   // unquoted
        {"siedlungsdichte", 857.7},          // quoted: "857,7"
    };
    for (const auto& [indicator, value] : expected) {
        const auto* v = find(stats, "06636", indicator);
        ASSERT_NE(v, nullptr) << indicator;
        EXPECT_DOUBLE_EQ(*v->value.value, value) << indicator;
        EXPECT_EQ(v->year, indicator.find("erreichbarkeit") == 0 ? 2018 : 2017) << indicator;
        EXPECT_EQ(v->area_name, "Werra-Meißner-Kreis");
        EXPECT_EQ(v->source, "INKAR");
    }
    EXPECT_EQ(find(stats, "06636", "krankenhausbetten")->year, 2016);
}

TEST(Inkar, ThreeDistricts) {
    const ParsedStats stats = parse_inkar(stats_fixture("inkar-three-districts.csv"));
    EXPECT_EQ(stats.records, 3u);
    EXPECT_EQ(stats.reference_values.size(), 3u * 34u);
    expect_werra_meissner(stats);
    EXPECT_DOUBLE_EQ(*find(stats, "01001", "siedlungsdichte")->value.value, 2965.5);
    EXPECT_DOUBLE_EQ(*find(stats, "01001", "einwohnerdichte")->value.value, 1560.0);
}

std::string fixture_with(std::string_view from, std::string_view to) {
    std::ifstream in(stats_fixture("inkar-three-districts.csv"), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto pos = text.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    return text.replace(pos, from.size(), to);
}

TEST(Inkar, MixedFormatRuleIsEnforced) {
    lw::test::ScratchDir dir("inkar-bad");
    // A quoted dot-decimal would silently become 267 under the German rule: refused instead.
    auto file = lw::test::write_file(
        dir, "quoted.csv", fixture_with("\"Landkreis\",26.7,", "\"Landkreis\",\"26.7\","));
    auto e = catch_error([&] { parse_inkar(file); }, ErrorKind::input_value);
    expect_location(e, file, 3, 4, "26.7");
    file = lw::test::write_file(dir, "unquoted.csv",
                                fixture_with("\"Landkreis\",26.7,", "\"Landkreis\",26,7,"));
    e = catch_error([&] { parse_inkar(file); }, ErrorKind::input_format); // one field too many
    expect_location(e, file, 3, 38, "603");
    file = lw::test::write_file(dir, "marker.csv",
                                fixture_with("\"Landkreis\",26.7,", "\"Landkreis\",.,"));
    const ParsedStats stats = parse_inkar(file);
    EXPECT_EQ(find(stats, "06636", "apotheken")->value.status, ValueStatus::secret);
    file = lw::test::write_file(dir, "nokey.csv", fixture_with("\"krs\",", "\"kreis\","));
    e = catch_error([&] { parse_inkar(file); }, ErrorKind::input_format);
    expect_location(e, file, 1, 0, "krs");
    file = lw::test::write_file(dir, "short.csv", fixture_with(",91,\"603\"", ""));
    e = catch_error([&] { parse_inkar(file); }, ErrorKind::input_format);
    expect_location(e, file, 3, 36, std::nullopt);
}

TEST(Inkar, DemoFile) {
    LW_DEMO_STATISTICS_FILE(file, "inkar-kreise", "INKAR_Strukturdaten.csv");
    const ParsedStats stats = parse_inkar(file);
    EXPECT_EQ(stats.records, 401u);
    expect_werra_meissner(stats);
}

} // namespace
} // namespace lw::import
