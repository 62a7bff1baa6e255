// The workspace stage: reads totals, cells and buildings from a workspace, writes the result back.
#include "population/distribute.hpp"

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "store/features.hpp"
#include "store/imports.hpp"
#include "store/statistics.hpp"
#include "test_paths.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fmt/format.h>

namespace lw::population {

namespace {

geo::MultiPolygon square(double x, double y, double size) {
    geo::Polygon p;
    p.add_ring({{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}});
    return {{p}};
}

struct Fixture {
    test::ScratchDir dir{"distribute"};
    store::Workspace ws = store::Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
    std::int64_t import_id = 0;

    Fixture() {
        store::Transaction tx(ws.db());
        import_id = test::add_test_import(ws.db());
        tx.commit();
    }

    void municipality(const std::string& ags, const geo::MultiPolygon& area, std::optional<double> total, int year) {
        store::Transaction tx(ws.db());
        store::upsert_municipality_boundaries(ws.db(), {{ags, "M" + ags, area, area}}, import_id);
        store::PopulationValue v;
        v.area_key = ags;
        v.year = year;
        v.reference_date = std::to_string(year) + "-12-31";
        v.value = total ? StatValue::number(*total) : StatValue::marked(ValueStatus::secret);
        v.source_table = "GV-ISys";
        store::upsert_population(ws.db(), {v}, import_id);
        tx.commit();
    }
};

store::Building house(double x, double y, double floor_area) {
    store::Building b;
    b.osm_id = static_cast<std::int64_t>(x * 7 + y);
    b.use = "house";
    b.footprint_m2 = floor_area / 2;
    b.floor_area_m2 = floor_area;
    b.residential = true;
    b.residential_rule = "test";
    b.centroid = {x, y};
    b.geometry = square(x - 5, y - 5, 10);
    return b;
}

} // namespace

TEST(Distribute, CensusCellsThenFloorAreaAndTotalsExact) {
    Fixture f;
    // One municipality of 2 x 2 km south-west of Eschwege in EPSG:25832.
    const double x0 = 570000, y0 = 5670000;
    f.municipality("06636003", square(x0, y0, 2000), 1001, 2019);
    const geo::Transformer to_laea(geo::epsg_utm32, geo::epsg_laea);
    const auto cell_of = [&](double x, double y) {
        const geo::Point p = to_laea({x, y});
        store::GridCell c;
        c.x_ll = static_cast<std::int64_t>(std::floor(p.x / 100)) * 100;
        c.y_ll = static_cast<std::int64_t>(std::floor(p.y / 100)) * 100;
        c.cell_id = fmt::format("100mN{:05}E{:05}", c.y_ll / 100, c.x_ll / 100);
        c.ags = "06636003";
        return c;
    };
    auto cell_a = cell_of(x0 + 500, y0 + 500);
    cell_a.pop_by_age = {30, 0, 0, 0, 30}; // 60 persons in 2011
    auto cell_b = cell_of(x0 + 1500, y0 + 1500);
    cell_b.pop_by_age = {0, 0, 20, 0, 0}; // 20 persons, no building in our data
    // Buildings: two in cell A (centre +-10 m), one outside any populated cell.
    const geo::Point centre_a = geo::Transformer(geo::epsg_laea, geo::epsg_utm32)(
        {static_cast<double>(cell_a.x_ll + 50), static_cast<double>(cell_a.y_ll + 50)});
    {
        store::Transaction tx(f.ws.db());
        store::upsert_grid_cells(f.ws.db(), {cell_a, cell_b}, f.import_id);
        store::replace_buildings(f.ws.db(),
                                 {house(centre_a.x - 10, centre_a.y, 100), house(centre_a.x + 10, centre_a.y, 300),
                                  house(x0 + 1000, y0 + 100, 200)},
                                 f.import_id);
        tx.commit();
    }
    const auto report = run_distribute(f.ws, {});
    EXPECT_EQ(report.summary["year"], 2019);
    EXPECT_EQ(report.summary["total"], 1001);
    // 1001 * 60/80 = 750.75 -> 751 to cell A, 250 to cell B; A splits 1:3 by floor area.
    const auto buildings = store::read_buildings(f.ws.db(), false);
    ASSERT_EQ(buildings.size(), 3u);
    EXPECT_EQ(buildings[0].population, 188); // 187.75
    EXPECT_EQ(buildings[1].population, 563); // 563.25
    EXPECT_EQ(buildings[2].population, 0);
    EXPECT_EQ(buildings[0].ags, "06636003");
    EXPECT_EQ(buildings[0].cell_id, cell_a.cell_id);
    const auto placements = store::read_placements(f.ws.db());
    ASSERT_EQ(placements.size(), 1u);
    EXPECT_EQ(placements[0].on_buildings, 751);
    EXPECT_EQ(placements[0].on_cells_only, 250);
    EXPECT_EQ(placements[0].on_buildings + placements[0].on_cells_only + placements[0].unplaced, 1001);
    EXPECT_EQ(f.ws.db().query_int("SELECT population FROM grid_cells WHERE cell_id = '" + cell_b.cell_id + "'"), 250);
}

TEST(Distribute, SecretTotalIsLeftOutNotTreatedAsZero) {
    Fixture f;
    f.municipality("06636001", square(570000, 5670000, 1000), 500, 2019);
    f.municipality("06636002", square(572000, 5670000, 1000), std::nullopt, 2019);
    {
        store::Transaction tx(f.ws.db());
        store::replace_buildings(f.ws.db(), {house(570500, 5670500, 100), house(572500, 5670500, 100)}, f.import_id);
        tx.commit();
    }
    EXPECT_THROW(run_distribute(f.ws, {}), Error); // no year is complete without --year
    const auto report = run_distribute(f.ws, {2019});
    ASSERT_EQ(report.warnings.size(), 1u);
    const auto buildings = store::read_buildings(f.ws.db(), false);
    EXPECT_EQ(buildings[0].population, 500);
    EXPECT_FALSE(buildings[1].population); // unknown, not 0
}

} // namespace lw::population
