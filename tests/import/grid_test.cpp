#include "import/grid.hpp"

#include "core/error.hpp"
#include "import/boundaries.hpp"
#include "test_paths.hpp"
#include "test_support.hpp"
#include "workspace_snapshot.hpp"

#include <gtest/gtest.h>

namespace lw::import {

namespace {

const store::RegionSpec werra_meissner{"Werra-Meißner-Kreis", {"06636"}};

store::Workspace workspace_with_boundaries(const test::ScratchDir& dir) {
    auto ws = store::Workspace::create(dir / "wm.gpkg", werra_meissner);
    import_boundaries(ws, {test::demo_dir() / "boundaries/vg5000-2021/VG5000_GEM.shp"});
    return ws;
}

} // namespace

TEST(Grid, CellIdFollowsDestatis) {
    EXPECT_EQ(grid_cell_id(4325000, 3119400), "100mN31194E43250");
}

TEST(Grid, TileRowsBecomeCellsWithLowerLeftCorners) {
    const auto cells = read_grid_tiles(
        {test::data_dir() / "grid/eschwege-two-cells-and-one-far-away/ALTER_KURZ_33_40.csv"});
    ASSERT_EQ(cells.size(), 2u);
    // Tile (33, 40), row x=26, y=74: X = 3,900,000 + (128*33 + 26)*100, Y = 2,600,000 + (128*40 + 74)*100.
    EXPECT_EQ(cells[0].x_ll, 4'325'000);
    EXPECT_EQ(cells[0].y_ll, 3'119'400);
    EXPECT_EQ(cells[0].pop_total(), 16 + 16 + 38 + 21 + 18);
    EXPECT_EQ(cells[0].pop_by_age[4], 18);
}

TEST(Grid, ImportAssignsCellsToMunicipalitiesAndDropsOthers) {
    test::ScratchDir dir("grid");
    auto ws = workspace_with_boundaries(dir);
    const auto report = import_grid(ws, {{test::data_dir() / "grid/eschwege-two-cells-and-one-far-away"}});
    EXPECT_EQ(report.summary["cells_read"], 3);
    EXPECT_EQ(report.summary["cells_in_region"], 2);
    const auto cells = store::read_grid_cells(ws.db());
    ASSERT_EQ(cells.size(), 2u);
    EXPECT_EQ(cells[0].ags, "06636003"); // Eschwege's old town
}

TEST(Grid, WerraMeissnerDemoSumsToTheCensusFigure) {
    test::ScratchDir dir("grid-demo");
    auto ws = workspace_with_boundaries(dir);
    const auto report = import_grid(ws, {{test::demo_dir() / "zensus2011-grid/werra-meissner"}});
    // data/zensus2011-grid/SOURCES.md: 102,413 inhabitants inside the district outline (cell centre
    // in the VG5000 polygon). The census counted 103,452 for 9 May 2011 (perturbed cells, see there).
    EXPECT_EQ(report.summary["persons_in_region"], 102'413);
    // All 17 areas get cells: the generalised outline of the (uninhabited) Gutsbezirk Kaufunger Wald
    // catches a few populated cells of its neighbours.
    EXPECT_EQ(ws.db().query_int("SELECT count(DISTINCT ags) FROM grid_cells"), 17);
}

TEST(Grid, MalformedTilesAreReportedWithPositionAndChangeNothing) {
    test::ScratchDir dir("grid-bad");
    auto ws = workspace_with_boundaries(dir);
    import_grid(ws, {{test::data_dir() / "grid/eschwege-two-cells-and-one-far-away"}});
    const std::string before = test::snapshot(ws.db());
    const auto bad = test::data_dir() / "grid/malformed";
    struct Case {
        const char* folder;
        ErrorKind kind;
        std::uint64_t line;
        std::uint64_t column;
        const char* value;
    };
    for (const Case& c : {Case{"bad-header", ErrorKind::input_format, 1, 1, "x;y;1;2;3;4;5"},
                          Case{"six-fields", ErrorKind::input_format, 3, 0, "27,74,7,9,21,20"},
                          Case{"letter-value", ErrorKind::input_value, 2, 4, "x"},
                          Case{"position-128", ErrorKind::input_value, 2, 1, "128"},
                          Case{"duplicate-cell", ErrorKind::input_value, 0, 0, "100mN31194E43250"}}) {
        const Error e = test::error_of([&] { import_grid(ws, {{bad / c.folder}}); });
        EXPECT_EQ(e.kind(), c.kind) << c.folder << ": " << e.what();
        EXPECT_EQ(e.where().line, c.line) << c.folder;
        EXPECT_EQ(e.where().column, c.column) << c.folder;
        EXPECT_EQ(e.where().value, c.value) << c.folder;
        EXPECT_NE(e.where().file.find("ALTER_KURZ_33_40.csv"), std::string::npos) << c.folder;
    }
    EXPECT_EQ(test::error_of([&] { import_grid(ws, {{bad / "missing-folder"}}); }).kind(), ErrorKind::not_found);
    EXPECT_EQ(test::error_of([&] { import_grid(ws, {{test::data_dir() / "boundaries/no-ags-field.geojson"}}); }).kind(),
              ErrorKind::input_format); // not named like a tile
    EXPECT_TRUE(test::snapshot(ws.db()) == before) << "workspace changed";
}

TEST(Grid, NeedsBoundariesFirst) {
    test::ScratchDir dir("grid-no-boundaries");
    auto ws = store::Workspace::create(dir / "a.gpkg", werra_meissner);
    EXPECT_EQ(test::error_of([&] { import_grid(ws, {{test::data_dir() / "grid/eschwege-two-cells-and-one-far-away"}}); }).kind(),
              ErrorKind::workspace);
}

} // namespace lw::import
