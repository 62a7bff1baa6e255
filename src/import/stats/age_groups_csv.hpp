#pragma once
// Population by age group per area as re-exported from Regionaldatenbank table 12411-02-03-4 by
// pandas (bev.csv): a leading index column, "krs" (area key, leading zero lost), "name", one column
// per age group named "A00-02" ... "A75-open", and "Insgesamt". Both sexes only. Numbers are plain
// ("2629" or "2629.0"); official markers keep their meaning.
//
// The file does not state its reference date (31.12.2018 for the demo file): the caller passes it.

#include "import/stats/parsed_stats.hpp"
#include "import/stats/reference_date.hpp"

#include <filesystem>

namespace lw::import {

ParsedStats parse_age_groups_csv(const std::filesystem::path& file,
                                 const ReferenceDate& reference_date);

} // namespace lw::import
