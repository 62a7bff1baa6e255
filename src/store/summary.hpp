#pragma once
// What a workspace holds, in figures: the basis of `lebenswert info` (and later the API's
// /info). Read-only.

#include "store/sqlite.hpp"

#include <nlohmann/json.hpp>

namespace lw::store {

class Workspace;

// Sections: workspace, municipalities (with population per year), population_tables, facilities
// per category, network, buildings, grid, life_tables, reference_values, imports.
nlohmann::json summarize(Workspace& workspace);

} // namespace lw::store
