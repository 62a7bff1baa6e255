#include "population/dasymetric.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

namespace lw::population {

namespace {

std::int64_t sum(const std::vector<std::int64_t>& v) {
    return std::accumulate(v.begin(), v.end(), std::int64_t{0});
}

} // namespace

// Two municipalities. A: two census cells (300 and 100 persons in 2011), cell 0 holds two houses
// (100 and 300 m² floor area), cell 1 no building (outside the OSM data). B: no cells, two houses.
TEST(Dasymetric, HandWorkedExample) {
    DasymetricInput in;
    in.municipality_total = {800, 90};
    in.cell_municipality = {0, 0};
    in.cell_census = {300, 100};
    in.building_municipality = {0, 0, 1, 1, 0};
    in.building_cell = {0, 0, no_index, no_index, no_index};
    in.building_floor_area = {100, 300, 200, 100, 500};
    const auto out = distribute_population(in);
    // A: cells get 600 and 200; cell 0 splits 150 / 450; cell 1 keeps 200; the house outside any
    // populated cell gets nobody (the census saw no residents there).
    EXPECT_EQ(out.cell_population, (std::vector<std::int64_t>{600, 200}));
    EXPECT_EQ(out.building_population, (std::vector<std::int64_t>{150, 450, 60, 30, 0}));
    EXPECT_EQ(out.municipality_on_buildings, (std::vector<std::int64_t>{600, 90}));
    EXPECT_EQ(out.municipality_cells_only, (std::vector<std::int64_t>{200, 0}));
    EXPECT_EQ(out.municipality_method[0], PlacementMethod::census_cells_and_buildings);
    EXPECT_EQ(out.municipality_method[1], PlacementMethod::buildings_only);
}

TEST(Dasymetric, BuildingOfANeighbourInTheCellGetsNothingFromIt) {
    // The cell's centre lies in A, one of its buildings in B: A's persons stay in A.
    DasymetricInput in;
    in.municipality_total = {10, 5};
    in.cell_municipality = {0};
    in.cell_census = {20};
    in.building_municipality = {0, 1};
    in.building_cell = {0, 0};
    in.building_floor_area = {100, 100};
    const auto out = distribute_population(in);
    EXPECT_EQ(out.building_population, (std::vector<std::int64_t>{10, 5}));
}

TEST(Dasymetric, NothingToPlaceOnIsReportedNotLost) {
    DasymetricInput in;
    in.municipality_total = {974};
    const auto out = distribute_population(in);
    EXPECT_EQ(out.municipality_unplaced[0], 974);
    EXPECT_EQ(out.municipality_method[0], PlacementMethod::none);
}

// Property test against the defining invariant: for every municipality, persons on buildings +
// on cells without buildings + unplaced = its total, and each cell's own count is on its
// buildings or kept by the cell.
TEST(Dasymetric, TotalsPreservedExactlyOnRandomRegions) {
    std::mt19937 rng(2026);
    for (int round = 0; round < 200; ++round) {
        const auto n_mun = static_cast<std::uint32_t>(1 + rng() % 6);
        const auto n_cells = static_cast<std::uint32_t>(rng() % 40);
        const auto n_buildings = static_cast<std::uint32_t>(rng() % 200);
        DasymetricInput in;
        for (std::uint32_t m = 0; m < n_mun; ++m) {
            in.municipality_total.push_back(rng() % 20'000);
        }
        for (std::uint32_t c = 0; c < n_cells; ++c) {
            in.cell_municipality.push_back(rng() % 8 == 0 ? no_index : static_cast<std::uint32_t>(rng() % n_mun));
            in.cell_census.push_back(rng() % 4 == 0 ? 0 : 3 + rng() % 300);
        }
        for (std::uint32_t b = 0; b < n_buildings; ++b) {
            in.building_municipality.push_back(static_cast<std::uint32_t>(rng() % n_mun));
            in.building_cell.push_back(n_cells == 0 || rng() % 5 == 0 ? no_index : static_cast<std::uint32_t>(rng() % n_cells));
            in.building_floor_area.push_back(rng() % 10 == 0 ? 0.0 : 20.0 + rng() % 800);
        }
        const auto out = distribute_population(in);
        std::vector<std::int64_t> on_buildings(n_mun, 0);
        for (std::uint32_t b = 0; b < n_buildings; ++b) {
            EXPECT_GE(out.building_population[b], 0);
            on_buildings[in.building_municipality[b]] += out.building_population[b];
        }
        for (std::uint32_t m = 0; m < n_mun; ++m) {
            EXPECT_EQ(on_buildings[m], out.municipality_on_buildings[m]);
            EXPECT_EQ(out.municipality_on_buildings[m] + out.municipality_cells_only[m] + out.municipality_unplaced[m],
                      in.municipality_total[m]);
        }
        EXPECT_EQ(sum(out.building_population) + sum(out.municipality_cells_only) + sum(out.municipality_unplaced),
                  sum(in.municipality_total));
    }
}

} // namespace lw::population
