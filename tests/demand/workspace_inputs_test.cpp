#include "demand/workspace_inputs.hpp"

#include "store/workspace.hpp"
#include "test_paths.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

namespace lw::demand {
namespace {

store::GridCell grid_cell(const std::string& id, std::int64_t x_ll, std::array<int, 5> pop) {
    store::GridCell c;
    c.cell_id = id;
    c.x_ll = x_ll;
    c.y_ll = 3000000;
    c.pop_by_age = pop;
    c.ags = "06636003";
    return c;
}

store::Building building(std::int64_t osm_id, const std::string& use, double floor_area,
                         std::optional<std::string> cell_id, std::optional<std::int64_t> pop) {
    store::Building b;
    b.osm_id = osm_id;
    b.use = use;
    b.floor_area_m2 = floor_area;
    b.footprint_m2 = floor_area / 2;
    b.residential = true;
    b.residential_rule = "test";
    b.centroid = {570000.0 + static_cast<double>(osm_id), 5670000.0};
    geo::Polygon p;
    p.add_ring({{b.centroid.x, b.centroid.y}, {b.centroid.x + 5, b.centroid.y},
                {b.centroid.x + 5, b.centroid.y + 5}, {b.centroid.x, b.centroid.y + 5}});
    b.geometry = {{p}};
    b.cell_id = std::move(cell_id);
    b.population = pop;
    return b;
}

TEST(WorkspaceInputs, CellsBecomeAreasAndPlacedBuildingsHouses) {
    const std::vector<store::GridCell> cells = {grid_cell("100mN30000E43000", 4300000, {3, 1, 2, 2, 2}),
                                                grid_cell("100mN30000E43001", 4300100, {0, 0, 0, 0, 5})};
    const std::vector<store::Building> buildings = {
        building(1, "house", 140.0, "100mN30000E43001", 3),
        building(2, "house", 120.0, std::nullopt, std::nullopt),      // not distributed
        building(3, "apartments", 600.0, "100mN30000E43000", 7),
        building(4, "detached", 200.0, "100mN99999E99999", 2)};       // unknown cell
    const HiddenVacancyInputs inputs = hidden_vacancy_inputs(buildings, cells);
    ASSERT_EQ(inputs.areas.size(), 2u);
    EXPECT_DOUBLE_EQ(inputs.areas[0].residents, 10.0);
    EXPECT_DOUBLE_EQ(inputs.areas[0].residents_65plus, 2.0);
    EXPECT_DOUBLE_EQ(inputs.areas[1].residents_65plus, 5.0);
    EXPECT_EQ(inputs.cell_ids[1], "100mN30000E43001");
    EXPECT_EQ(inputs.area_ags[0], "06636003");
    ASSERT_EQ(inputs.houses.size(), 2u);
    EXPECT_EQ(inputs.houses[0].area_idx, 1u);
    EXPECT_DOUBLE_EQ(inputs.houses[0].population, 3.0);
    EXPECT_EQ(inputs.houses[1].use, "apartments");
    EXPECT_EQ(inputs.unplaced_buildings, 2u);
    // Feeds the estimate: cell 2 is all 65+, p = 1 x (0.34 + 0.66 x 0.4 / 2) x 2.03 = 0.95816.
    const auto result = hidden_vacancy(inputs.houses, inputs.areas);
    EXPECT_EQ(result[0].houses, 0u);
    EXPECT_EQ(result[1].houses, 1u);
    EXPECT_NEAR(result[1].expected_houses, 0.95816, 1e-12);
}

TEST(WorkspaceInputs, ReadsFromWorkspace) {
    test::ScratchDir dir{"demand_inputs"};
    auto ws = store::Workspace::create(dir / "a.gpkg", {"A", {"06636"}});
    {
        store::Transaction tx(ws.db());
        const auto import_id = test::add_test_import(ws.db());
        store::upsert_grid_cells(ws.db(), {grid_cell("100mN30000E43000", 4300000, {3, 1, 2, 2, 2})},
                                 import_id);
        store::replace_buildings(ws.db(),
                                 {building(1, "house", 140.0, std::nullopt, std::nullopt),
                                  building(2, "house", 100.0, std::nullopt, std::nullopt)},
                                 import_id);
        // What the population distribution writes: the cell and the residents of building 1.
        ws.db().exec("UPDATE buildings SET cell_id = '100mN30000E43000', population = 4 "
                     "WHERE osm_id = 1");
        tx.commit();
    }
    const HiddenVacancyInputs inputs = read_hidden_vacancy_inputs(ws.db());
    ASSERT_EQ(inputs.areas.size(), 1u);
    EXPECT_DOUBLE_EQ(inputs.areas[0].residents, 10.0);
    ASSERT_EQ(inputs.houses.size(), 1u);
    EXPECT_DOUBLE_EQ(inputs.houses[0].floor_area_m2, 140.0);
    EXPECT_DOUBLE_EQ(inputs.houses[0].population, 4.0);
    EXPECT_EQ(inputs.unplaced_buildings, 1u);
}

} // namespace
} // namespace lw::demand
