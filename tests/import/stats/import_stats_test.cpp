#include "import/stats/import_stats.hpp"

#include "store/features.hpp"
#include "store/imports.hpp"
#include "store/sqlite.hpp"
#include "store/statistics.hpp"

#include "stats_test_support.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <iterator>
#include <sstream>

namespace lw::import {
namespace {

using lw::test::catch_error;
using lw::test::expect_location;
using lw::test::stats_fixture;

store::Workspace make_workspace(const lw::test::ScratchDir& dir) {
    return store::Workspace::create(dir / "ws.gpkg", {"Test", {"06636"}});
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

// Everything an import may touch, as one comparable text.
std::string snapshot(store::Workspace& ws) {
    store::Database& db = ws.db();
    std::ostringstream out;
    for (const char* table :
         {"population", "municipalities", "life_tables", "reference_values", "lw_imports"}) {
        out << table << '=' << store::count_rows(db, table) << '\n';
    }
    out << db.query_text("SELECT group_concat(r, ';') FROM (SELECT area_key || '/' || year || '/' "
                         "|| sex || '/' || "
                         "age_from || '/' || ifnull(age_to, '+') || '/' || ifnull(value, 'NULL') "
                         "|| '/' || status "
                         "|| '/' || import_id AS r FROM population ORDER BY r)")
               .value_or("")
        << '\n';
    out << db.query_text(
                 "SELECT group_concat(r, ';') FROM (SELECT ags || '/' || name || '/' || "
                 "ifnull(area_km2, '') || "
                 "'/' || ifnull(postcode, '') || '/' || ifnull(directory_import_id, '') AS r "
                 "FROM municipalities ORDER BY r)")
               .value_or("");
    return out.str();
}

double municipality_sum(store::Workspace& ws, int year) {
    double sum = 0.0;
    for (const auto& t : store::read_population_totals(ws.db(), year)) {
        if (t.area_key.size() == 8 && t.value.value) {
            sum += *t.value.value;
        }
    }
    return sum;
}

std::optional<double> total_of(store::Workspace& ws, const std::string& key, int year,
                               int age_from = 0, std::optional<int> age_to = std::nullopt) {
    for (const auto& v : store::read_population(ws.db(), key)) {
        if (v.year == year && v.sex == store::Sex::total && v.age_from == age_from &&
            v.age_to == age_to) {
            return v.value.value;
        }
    }
    return std::nullopt;
}

TEST(ImportStats, GvIsysExcerptWritesRegionAndProvenance) {
    lw::test::ScratchDir dir("import-gvisys");
    store::Workspace ws = make_workspace(dir);
    const auto file = stats_fixture("gvisys-werra-meissner-excerpt.csv");
    const ImportReport report = import_stats(ws, {file, StatsFormat::detect, "31.12.2019"});

    // Kassel (06611000) lies outside the region; the three Werra-Meißner rows stay.
    EXPECT_EQ(store::count_rows(ws.db(), "population"), 9);
    EXPECT_EQ(total_of(ws, "06636003", 2019), 19412.0);
    EXPECT_FALSE(total_of(ws, "06611000", 2019).has_value());
    const auto municipalities = store::read_municipalities(ws.db(), false);
    ASSERT_EQ(municipalities.size(), 3u);
    EXPECT_EQ(municipalities[0].ags, "06636003");
    EXPECT_DOUBLE_EQ(*municipalities[0].area_km2, 63.26);
    EXPECT_EQ(ws.db().query_text("SELECT postcode FROM municipalities WHERE ags = '06636003'"),
              "37269");
    EXPECT_EQ(ws.db().query_text("SELECT seat_lon FROM municipalities WHERE ags = '06636003'"),
              "10.057981");

    const auto imports = store::read_imports(ws.db());
    ASSERT_EQ(imports.size(), 1u);
    const auto& record = imports[0];
    EXPECT_EQ(record.kind, "gvisys");
    EXPECT_EQ(record.licence, "dl-de/by-2-0");
    EXPECT_NE(record.attribution.find("Gemeindeverzeichnis-Informationssystem GV-ISys"),
              std::string::npos);
    EXPECT_NE(record.attribution.find("31.12.2019"), std::string::npos);
    EXPECT_EQ(record.data_date, "2019-12-31");
    EXPECT_EQ(record.source_file, "gvisys-werra-meissner-excerpt.csv");
    EXPECT_EQ(record.source_sha256, store::sha256_hex(file));
    EXPECT_EQ(record.summary.at("region_population").at("06636").at("2019-12-31"), 19412 + 2943);
    EXPECT_EQ(record.summary.at("municipalities"), 3);
    // Every written row points at this provenance record.
    EXPECT_EQ(ws.db().query_int("SELECT count(*) FROM population WHERE import_id <> " +
                                std::to_string(record.id)),
              0);

    std::ostringstream text;
    print_report(report, text);
    EXPECT_NE(text.str().find("Population 06636 on 31.12.2019"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("22,355 (sum of 3 municipalities)"), std::string::npos) << text.str();
    EXPECT_EQ(report.summary.at("import_id"), record.id);
}

TEST(ImportStats, ReimportReplacesRows) {
    lw::test::ScratchDir dir("import-twice");
    store::Workspace ws = make_workspace(dir);
    const StatsConfig config{stats_fixture("gvisys-werra-meissner-excerpt.csv"),
                             StatsFormat::gvisys, "2019-12-31"};
    import_stats(ws, config);
    import_stats(ws, config);
    EXPECT_EQ(store::count_rows(ws.db(), "population"), 9);
    EXPECT_EQ(store::count_rows(ws.db(), "municipalities"), 3);
    EXPECT_EQ(store::count_rows(ws.db(), "lw_imports"), 2);
}

TEST(ImportStats, MarkersKeepTheirStatusAndNeverBecomeZero) {
    lw::test::ScratchDir dir("import-markers");
    store::Workspace ws = make_workspace(dir);
    import_stats(ws, {stats_fixture("genesis-12411-latin1-semicolon-markers.csv"),
                      StatsFormat::detect, std::nullopt});
    store::Statement stmt(
        ws.db(), "SELECT sex, age_from, status, value, limited_reliability FROM population "
                 "WHERE area_key = '06636' AND age_from BETWEEN 3 AND 18 AND sex <> 'total' "
                 "ORDER BY age_from, sex");
    std::map<std::string, std::string> statuses; // "male 3" -> status
    while (stmt.step()) {
        const std::string key = stmt.get_text(0) + " " + std::to_string(stmt.get_int(1));
        const std::string status = stmt.get_text(2);
        statuses[key] = status;
        if (status == "ok" || status == "nothing") {
            EXPECT_FALSE(stmt.is_null(3)) << key;
        } else {
            EXPECT_TRUE(stmt.is_null(3)) << key << " (" << status << ") must be NULL, not a number";
        }
        if (status == "nothing") {
            EXPECT_EQ(stmt.get_double(3), 0.0) << key;
        }
    }
    const std::map<std::string, std::string> expected{
        {"male 3", "nothing"},    {"female 3", "secret"},
        {"male 6", "not_yet"},    {"female 6", "not_applicable"},
        {"male 10", "uncertain"}, {"female 10", "missing"},
        {"male 15", "nothing"},   {"female 15", "not_yet"},
        {"male 18", "ok"},        {"female 18", "ok"},
    };
    EXPECT_EQ(statuses, expected);
    EXPECT_EQ(
        ws.db().query_int("SELECT limited_reliability FROM population WHERE area_key = '06636' AND "
                          "sex = 'male' AND age_from = 18"),
        1);
    // No marker became a zero: the only zeros are the "-" cells.
    EXPECT_EQ(ws.db().query_int(
                  "SELECT count(*) FROM population WHERE value = 0 AND status <> 'nothing'"),
              0);
    EXPECT_EQ(ws.db().query_int("SELECT count(*) FROM population WHERE value IS NULL"), 6);
    // Hessen (06) is a parent of the region and kept; its import names the table's own date.
    EXPECT_EQ(total_of(ws, "06", 2018), 6265809.0);
    const auto imports = store::read_imports(ws.db());
    EXPECT_EQ(imports[0].kind, "regionalstatistik");
    EXPECT_NE(imports[0].attribution.find(
                  "Regionaldatenbank Deutschland, Tabelle 12411-02-03-4, Stand 31.12.2018"),
              std::string::npos);
}

struct BrokenCase {
    std::string name;
    std::function<StatsConfig(const lw::test::ScratchDir&)> config;
    ErrorKind kind;
    std::uint64_t line;
    std::uint64_t column;
    std::optional<std::string> value;
};

std::vector<BrokenCase> broken_cases() {
    using lw::test::write_file;
    return {
        {"wrong file kind",
         [](const auto&) {
             return StatsConfig{stats_fixture("inkar-three-districts.csv"), StatsFormat::gvisys,
                                "2019-12-31"};
         },
         ErrorKind::input_format, 1, 0, "satzart"},
        {"truncated fixed-width record",
         [](const auto&) {
             return StatsConfig{stats_fixture("gv100ad-truncated-record.asc"), StatsFormat::detect,
                                "2016-12-31"};
         },
         ErrorKind::input_format, 2, 151,
         fixture_text("gv100ad-truncated-record.asc").substr(222, 150)},
        {"bad number",
         [](const auto& d) {
             return StatsConfig{
                 write_file(d, "bad-number.csv",
                            replaced(fixture_text("gvisys-werra-meissner-excerpt.csv"), " 2 943,",
                                     " 2 9x3,")),
                 StatsFormat::detect, "2019-12-31"};
         },
         ErrorKind::input_value, 11, 10, " 2 9x3"},
        {"unquoted comma shifts the fields",
         [](const auto& d) {
             return StatsConfig{
                 write_file(d, "shifted.csv",
                            replaced(fixture_text("gvisys-werra-meissner-excerpt.csv"), " 2 943,",
                                     " 2,943,")),
                 StatsFormat::detect, "2019-12-31"};
         },
         ErrorKind::input_format, 11, 21, "gering besiedelt"},
        {"letters in a fixed-width number",
         [](const auto&) {
             return StatsConfig{stats_fixture("gv100ad-letters-in-population.asc"),
                                StatsFormat::gv100ad, "2016-12-31"};
         },
         ErrorKind::input_value, 2, 140, "000000197A6"},
        {"unknown marker",
         [](const auto& d) {
             return StatsConfig{
                 write_file(d, "marker.csv",
                            replaced(fixture_text("genesis-12411-utf8-sex-rows-stichtag.csv"),
                                     ";1236;", ";?;")),
                 StatsFormat::detect, std::nullopt};
         },
         ErrorKind::input_value, 5, 5, "?"},
        {"missing column",
         [](const auto& d) {
             return StatsConfig{
                 write_file(d, "nocol.csv",
                            replaced(fixture_text("gvisys-werra-meissner-excerpt.csv"),
                                     ",maennlich,", ",maenner,")),
                 StatsFormat::detect, "2019-12-31"};
         },
         ErrorKind::input_format, 1, 0, "maennlich"},
        {"wrong encoding bytes",
         [](const auto& d) {
             return StatsConfig{
                 write_file(d, "encoding.csv",
                            replaced(fixture_text("gvisys-werra-meissner-excerpt.csv"),
                                     "Meißner, 44.81", "Mei\xDFner, 44.81")),
                 StatsFormat::detect, "2019-12-31"};
         },
         ErrorKind::input_format, 11, 27, "\\xDF"},
        {"empty file",
         [](const auto& d) {
             return StatsConfig{write_file(d, "empty.csv", ""), StatsFormat::detect, "2019-12-31"};
         },
         ErrorKind::input_format, 1, 1, ""},
        {"unknown content",
         [](const auto& d) {
             return StatsConfig{write_file(d, "other.csv", "a;b\n1;2\n"), StatsFormat::detect,
                                "2019-12-31"};
         },
         ErrorKind::input_format, 1, 1, "a;b"},
        {"missing reference date",
         [](const auto&) {
             return StatsConfig{stats_fixture("gvisys-werra-meissner-excerpt.csv"),
                                StatsFormat::detect, std::nullopt};
         },
         ErrorKind::usage, 0, 0, std::nullopt},
        {"impossible reference date",
         [](const auto&) {
             return StatsConfig{stats_fixture("gv100ad-five-municipalities-latin1.asc"),
                                StatsFormat::detect, "30.02.2016"};
         },
         ErrorKind::usage, 0, 0, "30.02.2016"},
        {"contradicting reference date",
         [](const auto&) {
             return StatsConfig{stats_fixture("genesis-12411-utf8-sex-rows-stichtag.csv"),
                                StatsFormat::detect, "2019-12-31"};
         },
         ErrorKind::usage, 4, 4, "2457"},
        {"marker in a life table",
         [](const auto& d) {
             return StatsConfig{
                 write_file(d, "life.csv",
                            replaced(fixture_text("lifetable-12621-0001-three-ages.csv"), ";78,48;",
                                     ";...;")),
                 StatsFormat::detect, std::nullopt};
         },
         ErrorKind::input_value, 11, 14, "..."},
        {"quoted dot-decimal in INKAR",
         [](const auto& d) {
             return StatsConfig{
                 write_file(d, "inkar.csv",
                            replaced(fixture_text("inkar-three-districts.csv"),
                                     "\"Landkreis\",26.7,", "\"Landkreis\",\"26.7\",")),
                 StatsFormat::detect, std::nullopt};
         },
         ErrorKind::input_value, 3, 4, "26.7"},
        {"missing file",
         [](const auto& d) {
             return StatsConfig{d / "missing.csv", StatsFormat::detect, std::nullopt};
         },
         ErrorKind::not_found, 0, 0, std::nullopt},
    };
}

TEST(ImportStats, BrokenInputLeavesTheWorkspaceUnchanged) {
    lw::test::ScratchDir dir("import-broken");
    store::Workspace ws = make_workspace(dir);
    import_stats(ws, {stats_fixture("gvisys-werra-meissner-excerpt.csv"), StatsFormat::detect,
                      "2019-12-31"});
    import_stats(ws,
                 {stats_fixture("inkar-three-districts.csv"), StatsFormat::detect, std::nullopt});
    const std::string before = snapshot(ws);
    ASSERT_NE(before.find("population=9"), std::string::npos) << before;

    for (const auto& broken : broken_cases()) {
        SCOPED_TRACE(broken.name);
        const StatsConfig config = broken.config(dir);
        const auto e = catch_error([&] { import_stats(ws, config); }, broken.kind);
        ASSERT_TRUE(e.has_value());
        EXPECT_EQ(e->where().file, config.input.string()) << e->what();
        if (broken.kind != ErrorKind::not_found) {
            expect_location(e, config.input, broken.line, broken.column, broken.value);
        }
        EXPECT_EQ(snapshot(ws), before);
    }
}

TEST(ImportStats, DemoFilesIntoOneWerraMeissnerWorkspace) {
    LW_DEMO_STATISTICS_FILE(gvisys, "gv-isys-2019", "AuszugGV4QAktuell.csv");
    LW_DEMO_STATISTICS_FILE(gv100ad, "gv100ad-2018", "GV100AD_300918.ASC");
    LW_DEMO_STATISTICS_FILE(bev, "kreise-altersgruppen-2018", "bev.csv");
    LW_DEMO_STATISTICS_FILE(life, "sterbetafel", "Sterbetafel2016-2018.csv");
    LW_DEMO_STATISTICS_FILE(inkar, "inkar-kreise", "INKAR_Strukturdaten.csv");
    lw::test::ScratchDir dir("import-demo");
    store::Workspace ws = make_workspace(dir);

    const ImportReport isys = import_stats(ws, {gvisys, StatsFormat::detect, "2019-12-31"});
    EXPECT_EQ(isys.summary.at("municipalities"), 17);
    EXPECT_EQ(isys.summary.at("region_population").at("06636").at("2019-12-31"), 100629);
    EXPECT_EQ(municipality_sum(ws, 2019), 100629.0);
    EXPECT_EQ(total_of(ws, "06636003", 2019), 19412.0);
    EXPECT_EQ(store::read_municipalities(ws.db(), false).size(), 17u);

    const ImportReport gv = import_stats(ws, {gv100ad, StatsFormat::detect, "31.12.2016"});
    EXPECT_EQ(gv.summary.at("region_population").at("06636").at("2016-12-31"), 100965);
    EXPECT_EQ(municipality_sum(ws, 2016), 100965.0);
    EXPECT_EQ(total_of(ws, "06636003", 2016), 19716.0);
    EXPECT_EQ(
        ws.db().query_int("SELECT count(*) FROM population WHERE year = 2016 AND sex = 'total'"),
        17);

    const ImportReport age = import_stats(ws, {bev, StatsFormat::detect, "2018-12-31"});
    EXPECT_EQ(age.summary.at("population_values"), 18);
    EXPECT_EQ(total_of(ws, "06636", 2018), 101017.0);
    EXPECT_EQ(total_of(ws, "06636", 2018, 75, std::nullopt), 13678.0);

    import_stats(ws, {life, StatsFormat::detect, std::nullopt});
    EXPECT_EQ(store::read_life_table(ws.db(), "2016/18").size(), 202u);

    import_stats(ws, {inkar, StatsFormat::detect, std::nullopt});
    const auto references = store::read_reference_values(ws.db(), "06636");
    EXPECT_EQ(references.size(), 34u);
    EXPECT_EQ(store::count_rows(ws.db(), "reference_values"), 34);

    const auto imports = store::read_imports(ws.db());
    ASSERT_EQ(imports.size(), 5u);
    EXPECT_EQ(imports[1].kind, "gv100ad");
    EXPECT_NE(imports[1].attribution.find("Gebietsstand 30.09.2018"), std::string::npos);
    EXPECT_EQ(imports[1].data_date, "2016-12-31");
    EXPECT_EQ(imports[3].kind, "lifetable");
    EXPECT_EQ(imports[4].kind, "inkar");
    for (const auto& record : imports) {
        EXPECT_EQ(record.licence, "dl-de/by-2-0");
        EXPECT_FALSE(record.attribution.empty());
    }
}

} // namespace
} // namespace lw::import
