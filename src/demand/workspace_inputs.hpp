#pragma once
// Hidden-vacancy inputs from a region workspace: areas are the census 2011 grid cells (residents
// and residents 65+ of 2011), houses are the buildings the population distribution placed in a
// cell. Library lw_demand_workspace (links lw_store), so lw_demand itself stays pure.

#include "demand/hidden_vacancy.hpp"
#include "store/features.hpp"

#include <string>
#include <vector>

namespace lw::store {
class Database;
}

namespace lw::demand {

struct HiddenVacancyInputs {
    std::vector<AreaInput> areas;        // per grid cell, in the order of cell_ids
    std::vector<std::string> cell_ids;   // Destatis cell id per area
    std::vector<std::string> area_ags;   // municipality key per area ("" if none)
    std::vector<HouseInput> houses;      // buildings placed in one of the cells
    std::size_t unplaced_buildings = 0;  // buildings without a known cell (not distributed,
                                         // or placed outside the census grid)
};

// Pure conversion: pop_by_age[4] is the 65+ group of the census grid.
HiddenVacancyInputs hidden_vacancy_inputs(const std::vector<store::Building>& buildings,
                                          const std::vector<store::GridCell>& cells);

// Reads buildings and grid cells from the workspace, then converts.
HiddenVacancyInputs read_hidden_vacancy_inputs(store::Database& db);

} // namespace lw::demand
