#include "import/facility_list.hpp"

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "store/imports.hpp"
#include "test_paths.hpp"
#include "test_support.hpp"
#include "workspace_snapshot.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace lw::import {

namespace {

std::filesystem::path fixture(const char* name) { return test::data_dir() / "facilities" / name; }

FacilityListConfig config(const char* name) {
    FacilityListConfig c;
    c.input = fixture(name);
    c.source = "Stadt Lauf";
    c.data_date = "2022-01-15";
    return c;
}

// A workspace with two OSM facilities: a Kita 20 m east of list record K1 and a supermarket.
struct Fixture {
    test::ScratchDir dir{"facility-list"};
    store::Workspace ws = store::Workspace::create(dir / "lauf.gpkg", {"Lauf", {"09574138"}});
    geo::Point k1 = geo::Transformer(geo::epsg_wgs84, geo::epsg_utm32)({11.28, 49.51});

    Fixture() {
        store::Transaction tx(ws.db());
        const auto id = test::add_test_import(ws.db(), "osm");
        store::Facility kita;
        kita.category = "kita";
        kita.name = "Kindergarten (OSM)";
        kita.source = "osm";
        kita.source_ref = "n100";
        kita.position = {k1.x + 20.0, k1.y};
        store::insert_facility(ws.db(), kita, id);
        store::Facility far_kita = kita;
        far_kita.source_ref = "n101";
        far_kita.position = {k1.x + 3000.0, k1.y};
        store::insert_facility(ws.db(), far_kita, id);
        tx.commit();
    }
};

} // namespace

TEST(FacilityList, ReadsLatin1SemicolonGermanNumbersAndDates) {
    const auto list = read_facility_list(config("three-records-latin1-semicolon-german-numbers.csv"));
    ASSERT_EQ(list.size(), 3u);
    EXPECT_EQ(list[0].category, "kita");
    EXPECT_EQ(list[0].source, "list:Stadt Lauf");
    EXPECT_EQ(list[0].source_ref, "K1");
    EXPECT_EQ(list[0].capacity, 75.0);
    EXPECT_EQ(list[0].capacity_unit, "Plätze");
    EXPECT_EQ(list[0].valid_from, "2015-09-01");
    EXPECT_FALSE(list[1].capacity); // empty = unknown, not 0
    EXPECT_EQ(list[2].category, "supermarket");
    EXPECT_EQ(list[2].valid_from, "2021-03-01");
    const geo::Point expected = geo::Transformer(geo::epsg_wgs84, geo::epsg_utm32)({11.28, 49.51});
    EXPECT_NEAR(list[0].position.x, expected.x, 1e-6);
}

TEST(FacilityList, GeoJsonInUtm) {
    auto c = config("two-kitas-utm32.geojson");
    const auto list = read_facility_list(c);
    ASSERT_EQ(list.size(), 2u);
    EXPECT_NEAR(list[0].position.x, 664000.0, 1e-6);
    EXPECT_EQ(list[1].name, "Kita Süd");
    EXPECT_EQ(list[1].capacity, 40.0);
}

TEST(FacilityList, MergesWithOsmThenUpdatesAndClosesOnTheNextVersion) {
    Fixture f;
    auto report = import_facility_list(f.ws, config("three-records-latin1-semicolon-german-numbers.csv"));
    EXPECT_EQ(report.summary["actions"]["merged"], 1);
    EXPECT_EQ(report.summary["actions"]["inserted"], 2);
    ASSERT_EQ(report.summary["merges"].size(), 1u);
    EXPECT_EQ(report.summary["merges"][0]["osm"], "n100");
    EXPECT_NEAR(report.summary["merges"][0]["distance_m"].get<double>(), 20.0, 0.1);

    auto open = store::read_facilities(f.ws.db(), true);
    ASSERT_EQ(open.size(), 4u); // OSM n100 became K1; n101, K2, S1
    const auto k1 = std::find_if(open.begin(), open.end(), [](const auto& x) { return x.source_ref == "K1"; });
    ASSERT_NE(k1, open.end());
    EXPECT_EQ(k1->merged_ref, "n100");
    EXPECT_EQ(k1->name, "Kinderhaus Sonnenschein"); // the municipality's record wins
    EXPECT_NEAR(k1->position.x, f.k1.x, 1e-6);

    report = import_facility_list(f.ws, config("version2-k2-removed-k1-capacity-80.csv"));
    EXPECT_EQ(report.summary["actions"]["updated"], 2);
    EXPECT_EQ(report.summary["actions"]["closed"], 1);
    const auto all = store::read_facilities(f.ws.db(), false);
    for (const auto& x : all) {
        if (x.source_ref == "K2") {
            EXPECT_EQ(x.valid_to, "2022-01-15"); // kept as history, not deleted
        }
        if (x.source_ref == "K1") {
            EXPECT_EQ(x.capacity, 80.0);
            EXPECT_EQ(x.merged_ref, "n100");
        }
    }
    EXPECT_EQ(store::read_facilities(f.ws.db(), true).size(), 3u);
}

TEST(FacilityList, BadRecordsAreLocatedAndChangeNothing) {
    Fixture f;
    const std::string before = test::snapshot(f.ws.db());
    struct Case {
        const char* file;
        ErrorKind kind;
        std::uint64_t line;
        std::uint64_t column;
    };
    for (const Case& c : {Case{"unknown-category-line3.csv", ErrorKind::input_value, 3, 2},
                          Case{"latitude-out-of-range.csv", ErrorKind::input_value, 2, 5},
                          Case{"duplicate-id.csv", ErrorKind::input_value, 3, 1},
                          Case{"no-id-column.csv", ErrorKind::input_format, 1, 0},
                          Case{"bad-date.csv", ErrorKind::input_value, 2, 6},
                          Case{"does-not-exist.csv", ErrorKind::not_found, 0, 0}}) {
        const Error e = test::error_of([&] { import_facility_list(f.ws, config(c.file)); });
        EXPECT_EQ(e.kind(), c.kind) << c.file << ": " << e.what();
        EXPECT_EQ(e.where().line, c.line) << c.file << ": " << e.what();
        EXPECT_EQ(e.where().column, c.column) << c.file << ": " << e.what();
    }
    auto no_source = config("duplicate-id.csv");
    no_source.source.clear();
    EXPECT_EQ(test::error_of([&] { import_facility_list(f.ws, no_source); }).kind(), ErrorKind::usage);
    EXPECT_TRUE(test::snapshot(f.ws.db()) == before) << "workspace changed";
}

} // namespace lw::import
