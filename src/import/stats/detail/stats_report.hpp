#pragma once
// What a statistics import tells its user: counts of the file and of what was kept for the
// region, the region's population per reference date, and the file's notes as warnings. The
// same facts go to the provenance record as JSON.

#include "import/report.hpp"
#include "import/stats/parsed_stats.hpp"
#include "store/workspace.hpp"

#include <filesystem>

namespace lw::import::detail {

// `file` is everything parsed, `kept` what lies in the region.
ImportReport stats_report(const ParsedStats& file, const ParsedStats& kept,
                          const std::filesystem::path& input, const store::RegionSpec& region);

} // namespace lw::import::detail
