#pragma once
// INKAR district indicators (BBSR) as CSV with one row per Kreis: "krs" (or "kennziffer"),
// "raumeinheit", optionally "aggregat", then one column per indicator named <indicator>_<year>.
// They go to reference_values as (area, indicator, year).
//
// The export mixes two number formats, and the quotes tell them apart: a quoted cell is German
// formatted ("1.493" = 1493, "2.965,50" = 2965.5), an unquoted one is dot-decimal (27.1). A quoted
// dot-decimal such as "27.1" fails instead of becoming 271.

#include "import/stats/parsed_stats.hpp"

#include <filesystem>

namespace lw::import {

ParsedStats parse_inkar(const std::filesystem::path& file);

} // namespace lw::import
