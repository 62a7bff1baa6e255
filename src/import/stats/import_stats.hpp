#pragma once
// The statistics import: one file of official statistics into the workspace. Parses the whole
// file first, keeps what lies in the workspace region (and the levels above it), then writes the
// rows and one provenance record in a single transaction, so a failed import changes nothing.
// Formats, rules and errors: docs/statistics-import.md.

#include "import/report.hpp"
#include "import/stats/parsed_stats.hpp"
#include "import/stats/stats_format.hpp"
#include "store/workspace.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace lw::import {

struct StatsConfig {
    std::filesystem::path input;
    StatsFormat format = StatsFormat::detect;
    // The day the population counts refer to, "2019-12-31" or "31.12.2019". Required for GV100AD,
    // GV-ISys and the age groups CSV, which do not state it; GENESIS exports state their own.
    std::optional<std::string> reference_date;
};

// Detects the format if asked and parses the file; nothing is filtered or written.
ParsedStats parse_stats(const StatsConfig& config);

ImportReport import_stats(store::Workspace& workspace, const StatsConfig& config);

} // namespace lw::import
