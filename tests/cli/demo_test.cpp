// The two demo workspaces, built exactly as the README's quick start builds them
// (scripts/build-demo.sh), carry the real figures of their sources.
#include "process.hpp"
#include "store/workspace.hpp"
#include "test_paths.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

namespace lw::test {

namespace {

class DemoWorkspaces : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir = std::make_unique<ScratchDir>("demo");
        const auto r = run({"/bin/bash", (repo_dir() / "scripts/build-demo.sh").string(), binary().string(),
                            dir->path().string()});
        ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    }
    static void TearDownTestSuite() { dir.reset(); }

    static nlohmann::json info(const std::string& name) {
        const auto r = run({binary().string(), "info", "--json", "-w", (dir->path() / name).string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }

    static inline std::unique_ptr<ScratchDir> dir;
};

double population(const nlohmann::json& municipality, const char* year) {
    return municipality["population"][year]["value"].get<double>();
}

} // namespace

TEST_F(DemoWorkspaces, WerraMeissnerHasTheOfficialFigures) {
    const auto s = info("werra-meissner.gpkg");
    const auto& municipalities = s["municipalities"];
    ASSERT_EQ(municipalities.size(), 17u); // 16 municipalities + Gutsbezirk Kaufunger Wald
    double total_2019 = 0, total_2016 = 0;
    for (const auto& m : municipalities) {
        EXPECT_TRUE(m["has_boundary"].get<bool>()) << m["ags"];
        total_2019 += population(m, "2019");
        total_2016 += population(m, "2016");
        if (m["ags"] == "06636003") {
            EXPECT_EQ(population(m, "2019"), 19'412); // Eschwege
            EXPECT_EQ(population(m, "2016"), 19'716);
        }
    }
    EXPECT_EQ(total_2019, 100'629); // GV-ISys, 31.12.2019
    EXPECT_EQ(total_2016, 100'965); // GV100AD, 31.12.2016
    bool district_2018 = false;
    for (const auto& t : s["population_tables"]) {
        if (t["year"] == 2018 && t["area_level"] == "district") {
            district_2018 = true;
            EXPECT_EQ(t["total_of_areas"].get<double>(), 101'017); // 12411-02-03-4
            EXPECT_EQ(t["age_groups"].get<int>(), 17);             // 17 groups besides the total
        }
    }
    EXPECT_TRUE(district_2018);
    EXPECT_EQ(s["grid"]["census_2011_persons"].get<int>(), 102'413);
    ASSERT_EQ(s["life_tables"].size(), 3u);
    EXPECT_DOUBLE_EQ(s["life_tables"][0]["e0_male"].get<double>(), 78.48);
    bool supermarket_reference = false;
    for (const auto& r : s["reference_values"]) {
        if (r["indicator"] == "nahversorgung_supermärkte_durchschnittsdistanz") {
            supermarket_reference = true;
            EXPECT_EQ(r["value"].get<double>(), 1'493);
        }
    }
    EXPECT_TRUE(supermarket_reference);
    double placed = 0;
    for (const auto& p : s["placement"]) {
        placed += p["on_buildings"].get<double>() + p["on_cells_only"].get<double>() + p["unplaced"].get<double>();
        EXPECT_EQ(p["year"], 2019);
    }
    EXPECT_EQ(placed, 100'629);
    EXPECT_EQ(s["imports"].size(), 10u);
}

TEST_F(DemoWorkspaces, LaufHasOsmDataAndPlacesItsPopulationExactly) {
    const auto s = info("lauf.gpkg");
    ASSERT_EQ(s["municipalities"].size(), 3u);
    EXPECT_EQ(population(s["municipalities"][0], "2019"), 26'483); // Lauf a. d. Pegnitz
    EXPECT_GT(s["buildings"]["count"].get<int>(), 6'400);
    EXPECT_GT(s["network"]["edges"].get<int>(), 3'000);
    const auto& f = s["facilities"];
    EXPECT_EQ(f["supermarket"]["open"].get<int>() + f["discounter"]["open"].get<int>(), 10);
    EXPECT_EQ(f["kita"]["open"].get<int>(), 11);
    EXPECT_EQ(f["pharmacy"]["open"].get<int>(), 8);
    std::int64_t total = 0, placed = 0, on_buildings = 0;
    for (const auto& p : s["placement"]) {
        total += p["total"].get<std::int64_t>();
        on_buildings += p["on_buildings"].get<std::int64_t>();
        placed += p["on_buildings"].get<std::int64_t>() + p["on_cells_only"].get<std::int64_t>() +
                  p["unplaced"].get<std::int64_t>();
    }
    EXPECT_EQ(total, 35'886);
    EXPECT_EQ(placed, total);
    EXPECT_EQ(s["buildings"]["population"].get<std::int64_t>(), on_buildings);
}

TEST_F(DemoWorkspaces, LaufAccessibilityIsPlausibleAndComplete) {
    const auto ws = (dir->path() / "lauf.gpkg").string();
    auto workspace = store::Workspace::open(ws);
    auto& db = workspace.db();
    // Both profiles ran; every placed person is an origin of each (buildings + cell remainders).
    for (const char* profile : {"walk", "car"}) {
        store::Statement region(db, R"sql(
SELECT a.residents, a.assessed, a.share, a.mean_minutes FROM access_areas a JOIN access_runs r ON r.id = a.run_id
WHERE r.profile = ?1 AND r.scenario_id IS NULL AND a.level = 'region' AND a.category = 'grocery'
  AND a.threshold_min = 10)sql");
        region.bind(1, profile);
        ASSERT_TRUE(region.step()) << profile;
        EXPECT_EQ(region.get_int(0), 35'886) << profile;
        EXPECT_GT(region.get_int(1), 20'000) << profile; // the OSM extract holds ~2/3 of the people
        const double share = region.get_double(2), mean = region.get_double(3);
        if (std::string(profile) == "walk") {
            EXPECT_GT(share, 0.4); // a small town: most within 10 minutes' walk, not all
            EXPECT_LT(share, 0.8);
            EXPECT_GT(mean, 5.0);
            EXPECT_LT(mean, 20.0);
        } else {
            EXPECT_GT(share, 0.95); // by car everyone in the town is within 10 minutes
            EXPECT_LT(mean, 5.0);
        }
    }
    EXPECT_GT(db.query_int("SELECT count(*) FROM access_catchments").value_or(0), 0);
    // Closing the most used grocery: some residents lose access within 5 minutes, nobody gains.
    const auto busiest = db.query_int(R"sql(
SELECT o.nearest_fid FROM access_origins o JOIN access_runs r ON r.id = o.run_id
WHERE r.profile = 'walk' AND o.category = 'grocery' AND o.nearest_fid IS NOT NULL
GROUP BY o.nearest_fid ORDER BY sum(o.population) DESC LIMIT 1)sql");
    ASSERT_TRUE(busiest);
    auto r = run({binary().string(), "whatif", "-w", ws, "--name", "closure", "--close", std::to_string(*busiest),
                  "--category", "grocery"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("lose"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find(", gain 1"), std::string::npos) << r.out;
    EXPECT_GT(db.query_int("SELECT count(*) FROM scenario_effects").value_or(0), 100);
    r = run({binary().string(), "locate", "-w", ws, "--category", "kita", "--k", "2"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(db.query_int("SELECT count(*) FROM location_sites").value_or(0), 2);
    r = run({binary().string(), "isochrone", "-w", ws, "--facility", std::to_string(*busiest), "--minutes", "5,10"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(db.query_int("SELECT count(*) FROM isochrones").value_or(0), 2);
}

TEST_F(DemoWorkspaces, WerraMeissnerProjectsTo2050WithIntervals) {
    const auto ws = (dir->path() / "werra-meissner.gpkg").string();
    auto r = run({binary().string(), "project", "run", "-w", ws, "--name", "Basis", "--runs", "200",
                  "--capacity", "06636003:children_3_5:450"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("Eschwege"), std::string::npos) << r.out;
    r = run({binary().string(), "project", "run", "-w", ws, "--name", "Ohne Wanderung", "--no-migration", "--runs", "100"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    auto workspace = store::Workspace::open(ws);
    auto& db = workspace.db();
    const auto total = [&](const char* scenario, int year, const char* column) {
        store::Statement q(db, fmt::format(R"sql(SELECT sum(d.{}) FROM projection_demand d
JOIN projection_scenarios s ON s.id = d.scenario_id WHERE s.name = ? AND d.year = ? AND d.indicator = 'total')sql", column));
        q.bind(1, scenario).bind(2, year);
        EXPECT_TRUE(q.step());
        return q.get_double(0);
    };
    // The base year is the official count exactly (16 inhabited municipalities, 31.12.2019).
    EXPECT_DOUBLE_EQ(total("Basis", 2019, "deterministic"), 100'629);
    EXPECT_DOUBLE_EQ(total("Basis", 2019, "p50"), 100'629);
    // Without migration the district shrinks (births 7 per 1,000, far fewer than deaths, FACTS
    // section 1); the scenario with the migration of 2016-2019 shrinks less.
    EXPECT_LT(total("Ohne Wanderung", 2050, "deterministic"), 0.85 * 100'629);
    EXPECT_GT(total("Basis", 2050, "deterministic"), total("Ohne Wanderung", 2050, "deterministic"));
    // Intervals are ordered and widen with the horizon.
    EXPECT_EQ(db.query_int("SELECT count(*) FROM projection_demand WHERE p10 > p50 OR p50 > p90").value_or(-1), 0);
    EXPECT_GT(db.query_int(R"sql(SELECT count(*) FROM projection_demand a JOIN projection_demand b
ON a.scenario_id = b.scenario_id AND a.ags = b.ags AND a.indicator = b.indicator
WHERE a.indicator = 'total' AND a.year = 2030 AND b.year = 2050 AND b.p90 - b.p10 > a.p90 - a.p10)sql").value_or(0), 25);
    // Single years of age for the age pyramid: 202 cells per municipality and year.
    EXPECT_EQ(db.query_int("SELECT count(*) FROM projection_population WHERE scenario_id = 1 AND year = 2050").value_or(0),
              16 * 202);
    EXPECT_EQ(db.query_int("SELECT count(*) FROM projection_exceedance WHERE probability < 0 OR probability > 1").value_or(-1), 0);
    // The low variant (kBV G1-L1-W1: fewer births, shorter lives, less migration) ends below the
    // moderate one in every municipality.
    r = run({binary().string(), "project", "run", "-w", ws, "--name", "Niedrig", "--variant", "low", "--runs", "50"});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(db.query_int(R"sql(SELECT count(*) FROM projection_demand a JOIN projection_demand b
ON a.ags = b.ags AND a.year = b.year AND a.indicator = b.indicator
WHERE a.scenario_id = 1 AND b.scenario_id = 3 AND a.indicator = 'total' AND a.year = 2050
  AND b.deterministic < a.deterministic)sql").value_or(0), 16);
    r = run({binary().string(), "project", "compare", "-w", ws, "Basis", "Niedrig"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    r = run({binary().string(), "project", "list", "-w", ws});
    EXPECT_NE(r.out.find("3 projections"), std::string::npos) << r.out;
}

TEST_F(DemoWorkspaces, LaufHiddenVacancyIsModelledPerMunicipality) {
    const auto ws = (dir->path() / "lauf.gpkg").string();
    // Almost every OSM building in Lauf is tagged only building=yes: without a floor-area rule
    // hardly any counts as a one- or two-family house.
    auto r = run({binary().string(), "housing", "-w", ws});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = run({binary().string(), "housing", "-w", ws, "--generic-max-floor-area", "300"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto at = r.out.find("Lauf a.d.Pegnitz");
    ASSERT_NE(at, std::string::npos) << r.out;
    const auto open = r.out.find('(', at);
    const double share = std::stod(r.out.substr(open + 1));
    EXPECT_GT(share, 5.0) << r.out; // % of the houses
    EXPECT_LT(share, 40.0) << r.out;
    r = run({binary().string(), "housing", "-w", (dir->path() / "werra-meissner.gpkg").string()});
    EXPECT_EQ(r.exit_code, 6) << r.out; // no buildings there: a workspace error, not a zero
}

TEST_F(DemoWorkspaces, QgisCompatibleToolsOpenThem) {
    GDALAllRegister();
    for (const char* name : {"werra-meissner.gpkg", "lauf.gpkg"}) {
        const auto path = dir->path() / name;
        std::unique_ptr<GDALDataset> ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
        ASSERT_TRUE(ds) << name;
        EXPECT_STREQ(ds->GetDriver()->GetDescription(), "GPKG");
        EXPECT_EQ(ds->GetLayerByName("municipalities")->GetFeatureCount(), std::string(name) == "lauf.gpkg" ? 3 : 17);
    }
    // ogrinfo, as a planner would check it, reads every layer without complaint.
    const auto r = run({"/usr/bin/ogrinfo", "-ro", "-al", "-so", (dir->path() / "lauf.gpkg").string()});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.err.find("ERROR"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("Layer name: buildings"), std::string::npos);
}

} // namespace lw::test
