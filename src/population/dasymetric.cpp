#include "population/dasymetric.hpp"

#include "population/largest_remainder.hpp"

#include <cassert>

namespace lw::population {

const char* to_string(PlacementMethod method) {
    switch (method) {
    case PlacementMethod::census_cells_and_buildings: return "census cells, then floor area of residential buildings";
    case PlacementMethod::buildings_only: return "floor area of residential buildings (no census cells)";
    case PlacementMethod::cells_only: return "census cells (no buildings)";
    case PlacementMethod::none: return "not placed (no cells, no buildings)";
    }
    return "";
}

DasymetricResult distribute_population(const DasymetricInput& in) {
    const std::size_t n_mun = in.municipality_total.size();
    const std::size_t n_cells = in.cell_census.size();
    const std::size_t n_buildings = in.building_floor_area.size();
    assert(in.cell_municipality.size() == n_cells);
    assert(in.building_municipality.size() == n_buildings && in.building_cell.size() == n_buildings);

    DasymetricResult out;
    out.building_population.assign(n_buildings, 0);
    out.cell_population.assign(n_cells, 0);
    out.cell_population_on_buildings.assign(n_cells, 0);
    out.municipality_on_buildings.assign(n_mun, 0);
    out.municipality_cells_only.assign(n_mun, 0);
    out.municipality_unplaced.assign(n_mun, 0);
    out.municipality_method.assign(n_mun, PlacementMethod::none);

    // Group cells and buildings by municipality (CSR-style index lists).
    std::vector<std::vector<std::uint32_t>> cells_of(n_mun), buildings_of(n_mun);
    for (std::uint32_t c = 0; c < n_cells; ++c) {
        if (in.cell_municipality[c] < n_mun && in.cell_census[c] > 0) {
            cells_of[in.cell_municipality[c]].push_back(c);
        }
    }
    // Buildings of a municipality, and per cell the buildings lying in the cell's own municipality.
    std::vector<std::vector<std::uint32_t>> buildings_in_cell(n_cells);
    for (std::uint32_t b = 0; b < n_buildings; ++b) {
        const std::uint32_t m = in.building_municipality[b];
        if (m >= n_mun || in.building_floor_area[b] <= 0.0) {
            continue;
        }
        buildings_of[m].push_back(b);
        const std::uint32_t c = in.building_cell[b];
        if (c < n_cells && in.cell_municipality[c] == m) {
            buildings_in_cell[c].push_back(b);
        }
    }

    const auto spread_over_buildings = [&](std::int64_t persons, const std::vector<std::uint32_t>& buildings) {
        std::vector<double> weights;
        weights.reserve(buildings.size());
        for (const auto b : buildings) {
            weights.push_back(in.building_floor_area[b]);
        }
        const auto counts = apportion(persons, weights);
        for (std::size_t k = 0; k < buildings.size(); ++k) {
            out.building_population[buildings[k]] += counts[k];
        }
    };

    for (std::uint32_t m = 0; m < n_mun; ++m) {
        const std::int64_t total = in.municipality_total[m];
        if (!cells_of[m].empty()) {
            std::vector<double> weights;
            for (const auto c : cells_of[m]) {
                weights.push_back(static_cast<double>(in.cell_census[c]));
            }
            const auto counts = apportion(total, weights);
            bool any_building = false;
            for (std::size_t k = 0; k < cells_of[m].size(); ++k) {
                const auto c = cells_of[m][k];
                out.cell_population[c] = counts[k];
                if (buildings_in_cell[c].empty()) {
                    out.municipality_cells_only[m] += counts[k];
                } else {
                    any_building = true;
                    spread_over_buildings(counts[k], buildings_in_cell[c]);
                    out.cell_population_on_buildings[c] = counts[k];
                    out.municipality_on_buildings[m] += counts[k];
                }
            }
            out.municipality_method[m] =
                any_building ? PlacementMethod::census_cells_and_buildings : PlacementMethod::cells_only;
        } else if (!buildings_of[m].empty()) {
            spread_over_buildings(total, buildings_of[m]);
            out.municipality_on_buildings[m] = total;
            out.municipality_method[m] = PlacementMethod::buildings_only;
        } else {
            out.municipality_unplaced[m] = total;
        }
    }
    return out;
}

} // namespace lw::population
