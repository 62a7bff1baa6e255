#pragma once
// The workspace stage `lebenswert locate`: best new sites for a category (maximal covering or
// p-median, over candidate sites), or which existing sites could close with the least loss. The
// travel times come from the profile's network (one bounded search per candidate); the
// optimisation is src/location/.

#include "accessibility/categories.hpp"
#include "core/report.hpp"
#include "store/workspace.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace lw::accessibility {

enum class Objective { coverage, time };
enum class CandidateSource { nodes, cells, file };

struct LocateConfig {
    CategorySet set;
    std::string profile = "walk";
    Objective objective = Objective::coverage;
    std::uint32_t k = 1;                      // new sites to choose
    std::optional<std::uint32_t> close;       // instead: how many existing sites could close
    std::uint32_t minutes = 10;               // coverage threshold (MCLP)
    std::uint32_t horizon_minutes = 30;       // p-median: times beyond count as this (penalty)
    CandidateSource candidates = CandidateSource::cells;
    std::filesystem::path candidate_file;     // CSV with lon;lat[;name] (WGS84)
    std::string weight = "all";               // all, 65plus, under18: whose access counts
    bool exact = false;                       // GLPK branch and bound (small instances)
    double max_snap_m = 300.0;
    std::string label;
};

Report run_locate(store::Workspace& workspace, const LocateConfig& config);

} // namespace lw::accessibility
