#pragma once
// Population on the map: municipality totals distributed to residential buildings by residential
// floor area (dasymetric mapping), constrained by census 2011 grid cells where they exist. Pure
// function over flat arrays; docs/population-distribution.md states the method and its limits.
//
//   1. A municipality's total P is split over its populated census cells in proportion to the
//      cells' 2011 population (largest remainder, so the cell counts sum to P exactly).
//   2. Each cell's count is split over the residential buildings inside the cell *and* the
//      municipality, in proportion to their floor area. A cell without such buildings keeps its
//      count as a cell-only figure (e.g. outside the OSM extract).
//   3. Without census cells, P is split over all residential buildings of the municipality by
//      floor area; without buildings too, P stays unplaced (reported).
// Every step is an exact integer apportionment: buildings + cell-only + unplaced = P.

#include <cstdint>
#include <string>
#include <vector>

namespace lw::population {

inline constexpr std::uint32_t no_index = 0xFFFFFFFFu;

struct DasymetricInput {
    // Municipalities.
    std::vector<std::int64_t> municipality_total; // persons to place (>= 0)
    // Census cells: owning municipality (no_index if outside) and 2011 population.
    std::vector<std::uint32_t> cell_municipality;
    std::vector<std::int64_t> cell_census;
    // Residential buildings: municipality and cell (no_index if none) and floor area in m².
    std::vector<std::uint32_t> building_municipality;
    std::vector<std::uint32_t> building_cell;
    std::vector<double> building_floor_area;
};

enum class PlacementMethod { census_cells_and_buildings, buildings_only, cells_only, none };
const char* to_string(PlacementMethod method);

struct DasymetricResult {
    std::vector<std::int64_t> building_population;
    std::vector<std::int64_t> cell_population;              // persons assigned to the cell
    std::vector<std::int64_t> cell_population_on_buildings; // of which placed on buildings
    std::vector<std::int64_t> municipality_on_buildings;
    std::vector<std::int64_t> municipality_cells_only;
    std::vector<std::int64_t> municipality_unplaced;
    std::vector<PlacementMethod> municipality_method;
};

DasymetricResult distribute_population(const DasymetricInput& input);

} // namespace lw::population
