#pragma once
// The provenance texts of a statistics import: the attribution line each source requires and a
// short title, both built from what the file says (table code, Gebietsstand, reference dates).

#include "import/stats/parsed_stats.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace lw::import::detail {

inline constexpr std::string_view stats_licence = "dl-de/by-2-0";

std::string attribution(const ParsedStats& stats);
std::string import_title(const ParsedStats& stats);

// "31.12.2019, 31.12.2020" for the reference dates of the population values.
std::string dates_text(const ParsedStats& stats);
std::vector<std::string> periods_of(const ParsedStats& stats);

// "31.12.2019" from "2019-12-31".
std::string german_iso(const std::string& iso);

} // namespace lw::import::detail
