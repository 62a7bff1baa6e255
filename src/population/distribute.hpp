#pragma once
// The workspace stage "distribute": reads municipality totals, census cells and buildings from the
// workspace, runs the dasymetric distribution (dasymetric.hpp) and writes the assigned population
// to buildings and grid cells, plus one placement record per municipality, in one transaction.

#include "core/report.hpp"
#include "store/workspace.hpp"

#include <optional>

namespace lw::population {

struct DistributeConfig {
    std::optional<int> year; // default: the latest year with a total for every municipality
};

Report run_distribute(store::Workspace& workspace, const DistributeConfig& config);

} // namespace lw::population
