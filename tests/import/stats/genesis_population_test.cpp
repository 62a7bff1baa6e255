#include "import/stats/genesis_population.hpp"

#include "stats_test_support.hpp"

#include <gtest/gtest.h>

#include <iterator>

namespace lw::import {
namespace {

using lw::test::catch_error;
using lw::test::expect_location;
using lw::test::stats_fixture;

const store::PopulationValue* find(const ParsedStats& stats, const std::string& key, store::Sex sex,
                                   int age_from, std::optional<int> age_to) {
    for (const auto& v : stats.population) {
        if (v.area_key == key && v.sex == sex && v.age_from == age_from && v.age_to == age_to) {
            return &v;
        }
    }
    return nullptr;
}

TEST(GenesisPopulation, LongLayoutLatin1WithMarkers) {
    const ParsedStats stats =
        parse_genesis_population(stats_fixture("genesis-12411-latin1-semicolon-markers.csv"));
    EXPECT_EQ(stats.encoding, Encoding::latin1);
    EXPECT_EQ(stats.source_table, "12411-02-03-4");
    EXPECT_EQ(stats.reference_dates,
              std::vector<std::string>{"2018-12-31"}); // from the date column
    EXPECT_EQ(stats.records, 20u);
    EXPECT_EQ(stats.population.size(), 60u);

    const auto* total = find(stats, "06636", store::Sex::total, 0, std::nullopt);
    ASSERT_NE(total, nullptr);
    EXPECT_EQ(total->value.value, 101017.0);
    EXPECT_EQ(total->area_name, "Werra-Meißner-Kreis");
    EXPECT_EQ(total->year, 2018);
    EXPECT_EQ(find(stats, "06636", store::Sex::total, 75, std::nullopt)->value.value, 13678.0);
    EXPECT_EQ(find(stats, "06636", store::Sex::male, 0, 2)->value.value, 1203.0);
    EXPECT_EQ(find(stats, "06", store::Sex::female, 0, std::nullopt)->value.value, 3172584.0);

    // Each official marker keeps its status; only "-" (nothing) is a number, 0.
    const std::vector<std::tuple<store::Sex, int, int, ValueStatus>> marked{
        {store::Sex::male, 3, 5, ValueStatus::nothing},
        {store::Sex::female, 3, 5, ValueStatus::secret},
        {store::Sex::male, 6, 9, ValueStatus::not_yet},
        {store::Sex::female, 6, 9, ValueStatus::not_applicable},
        {store::Sex::male, 10, 14, ValueStatus::uncertain},
        {store::Sex::female, 10, 14, ValueStatus::missing},
        {store::Sex::male, 15, 17, ValueStatus::nothing},
        {store::Sex::female, 15, 17, ValueStatus::not_yet},
    };
    for (const auto& [sex, from, to, status] : marked) {
        const auto* v = find(stats, "06636", sex, from, to);
        ASSERT_NE(v, nullptr);
        EXPECT_EQ(v->value.status, status) << store::to_string(sex) << " " << from;
        EXPECT_EQ(v->value.value.has_value(), status == ValueStatus::nothing);
    }
    const auto* limited = find(stats, "06636", store::Sex::male, 18, 19);
    EXPECT_TRUE(limited->value.limited_reliability);
    EXPECT_EQ(limited->value.value, 1040.0);
    EXPECT_EQ(find(stats, "06636", store::Sex::female, 18, 19)->value.value, 988.0); // "988p"
}

TEST(GenesisPopulation, WideLayoutWithDateLine) {
    const ParsedStats stats =
        parse_genesis_population(stats_fixture("genesis-12411-utf8bom-wide-date-line.csv"));
    EXPECT_EQ(stats.encoding, Encoding::utf8_bom);
    EXPECT_EQ(stats.source_table, "12411-02-03-5");
    EXPECT_EQ(stats.reference_dates, std::vector<std::string>{"2018-12-31"});
    EXPECT_EQ(stats.records, 4u); // the 9-digit Gemeindeverband row is skipped
    EXPECT_EQ(stats.population.size(), 4u * 12u);
    ASSERT_EQ(stats.notes.size(), 1u);
    EXPECT_EQ(find(stats, "06636", store::Sex::total, 0, std::nullopt)->value.value, 101017.0);
    EXPECT_EQ(find(stats, "06636", store::Sex::male, 0, std::nullopt)->value.value, 49840.0);
    EXPECT_EQ(find(stats, "06636", store::Sex::female, 75, std::nullopt)->value.value,
              13678.0 - 5471.0);
    EXPECT_EQ(find(stats, "06636003", store::Sex::total, 3, 5)->value.value, 452.0);
    EXPECT_EQ(find(stats, "06636200", store::Sex::female, 0, 2)->value.status,
              ValueStatus::nothing);
    EXPECT_EQ(find(stats, "06636008", store::Sex::total, 0, 2)->value.value, 61.0); // "61p"
    EXPECT_TRUE(find(stats, "06636008", store::Sex::total, 3, 5)->value.limited_reliability);
}

TEST(GenesisPopulation, SexRowsAndStichtagInTheTitle) {
    const ParsedStats stats =
        parse_genesis_population(stats_fixture("genesis-12411-utf8-sex-rows-stichtag.csv"));
    EXPECT_EQ(stats.reference_dates, std::vector<std::string>{"2018-12-31"});
    EXPECT_EQ(stats.population.size(), 12u);
    EXPECT_EQ(find(stats, "06636", store::Sex::female, 75, std::nullopt)->value.value, 8207.0);
    EXPECT_EQ(find(stats, "06636", store::Sex::male, 0, 2)->value.value, 1262.0);
    EXPECT_EQ(find(stats, "06636", store::Sex::total, 0, std::nullopt)->value.value, 101017.0);
}

std::string fixture_text(const std::string& name) {
    std::ifstream in(stats_fixture(name), std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
    const auto pos = text.find(from);
    EXPECT_NE(pos, std::string::npos) << from;
    return text.replace(pos, from.size(), to);
}

TEST(GenesisPopulation, ReferenceDateRules) {
    lw::test::ScratchDir dir("genesis-dates");
    const std::string sex_rows = fixture_text("genesis-12411-utf8-sex-rows-stichtag.csv");
    // Without any date in the file the caller's date is used, and without that it is a usage error.
    const auto no_date = lw::test::write_file(
        dir, "nodate.csv", replaced(sex_rows, "Stichtag 31.12.2018", "Stichtag 31.12."));
    auto e = catch_error([&] { parse_genesis_population(no_date); }, ErrorKind::usage);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(e->where().file, no_date.string());
    EXPECT_EQ(e->where().line, 4u);
    const ParsedStats fallback =
        parse_genesis_population(no_date, ReferenceDate{"2017-12-31", 2017});
    EXPECT_EQ(fallback.reference_dates, std::vector<std::string>{"2017-12-31"});
    // A date that contradicts the file is refused.
    const auto with_date = stats_fixture("genesis-12411-utf8-sex-rows-stichtag.csv");
    e = catch_error(
        [&] {
            parse_genesis_population(with_date, ReferenceDate{"2019-12-31", 2019});
        },
        ErrorKind::usage);
    expect_location(e, with_date, 4, 4, "2457");
    EXPECT_NO_THROW(parse_genesis_population(with_date, ReferenceDate{"2018-12-31", 2018}));
}

TEST(GenesisPopulation, MalformedInputs) {
    lw::test::ScratchDir dir("genesis-bad");
    const std::string sex_rows = fixture_text("genesis-12411-utf8-sex-rows-stichtag.csv");

    auto file = lw::test::write_file(dir, "number.csv", replaced(sex_rows, ";1262;", ";12x62;"));
    auto e = catch_error([&] { parse_genesis_population(file); }, ErrorKind::input_value);
    expect_location(e, file, 5, 4, "12x62");

    file = lw::test::write_file(dir, "marker.csv", replaced(sex_rows, ";1262;", ";?;"));
    e = catch_error([&] { parse_genesis_population(file); }, ErrorKind::input_value);
    expect_location(e, file, 5, 4, "?");

    file = lw::test::write_file(dir, "footer.csv", replaced(sex_rows, "__________\r\n", ""));
    e = catch_error([&] { parse_genesis_population(file); }, ErrorKind::input_format);
    expect_location(e, file, 7, 1, "Stand: 14.10.2019 / 10:12:31");

    file = lw::test::write_file(dir, "short.csv", replaced(sex_rows, ";5471;49840", ""));
    e = catch_error([&] { parse_genesis_population(file); }, ErrorKind::input_format);
    expect_location(e, file, 5, 6, std::nullopt);

    file = lw::test::write_file(dir, "dimension.csv", replaced(sex_rows, "weiblich;", "männlich;"));
    e = catch_error([&] { parse_genesis_population(file); }, ErrorKind::input_format);
    expect_location(e, file, 6, 4, "1195");

    file =
        lw::test::write_file(dir, "code.csv", replaced(sex_rows, "12411-02-03-4", "12613-01-01-4"));
    e = catch_error([&] { parse_genesis_population(file); }, ErrorKind::input_format);
    expect_location(e, file, 1, 1, "12613-01-01-4");

    file = lw::test::write_file(
        dir, "nocode.csv", replaced(sex_rows, "GENESIS-Tabelle: 12411-02-03-4", "Bevölkerung"));
    e = catch_error([&] { parse_genesis_population(file); }, ErrorKind::input_format);
    expect_location(e, file, 1, 1, "Bevölkerung");

    file = lw::test::write_file(
        dir, "noheader.csv",
        replaced(sex_rows, ";;;unter 3 Jahre;3 bis unter 6 Jahre;75 Jahre und mehr;Insgesamt\r\n",
                 ""));
    e = catch_error([&] { parse_genesis_population(file); }, ErrorKind::input_format);
    expect_location(e, file, 3, 1, "06636");

    file = lw::test::write_file(dir, "empty.csv", "");
    e = catch_error([&] { parse_genesis_population(file); }, ErrorKind::input_format);
    expect_location(e, file, 1, 1, "");
}

} // namespace
} // namespace lw::import
