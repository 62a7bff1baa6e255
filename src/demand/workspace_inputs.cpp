#include "demand/workspace_inputs.hpp"

#include "store/sqlite.hpp"

#include <unordered_map>

namespace lw::demand {

HiddenVacancyInputs hidden_vacancy_inputs(const std::vector<store::Building>& buildings,
                                          const std::vector<store::GridCell>& cells) {
    HiddenVacancyInputs inputs;
    std::unordered_map<std::string, std::uint32_t> area_of_cell;
    for (const store::GridCell& grid_cell : cells) {
        area_of_cell.emplace(grid_cell.cell_id, static_cast<std::uint32_t>(inputs.areas.size()));
        inputs.areas.push_back({static_cast<double>(grid_cell.pop_total()),
                                static_cast<double>(grid_cell.pop_by_age[4])});
        inputs.cell_ids.push_back(grid_cell.cell_id);
        inputs.area_ags.push_back(grid_cell.ags.value_or(""));
    }
    for (const store::Building& building : buildings) {
        const auto found =
            building.cell_id ? area_of_cell.find(*building.cell_id) : area_of_cell.end();
        if (found == area_of_cell.end()) {
            ++inputs.unplaced_buildings;
            continue;
        }
        inputs.houses.push_back({found->second, building.use, building.residential,
                                 building.floor_area_m2,
                                 static_cast<double>(building.population.value_or(0))});
    }
    return inputs;
}

HiddenVacancyInputs read_hidden_vacancy_inputs(store::Database& db) {
    return hidden_vacancy_inputs(store::read_buildings(db, false), store::read_grid_cells(db));
}

} // namespace lw::demand
