#pragma once
// The demography module's data files (data/demography/, see its README.md), read with the CSV
// reader of official statistics (src/import/table/). Part of lw_demography_io, so that the
// engine functions stay on lw_core.

#include "demography/fertility.hpp"

#include <filesystem>

namespace lw::demography {

// ASFR per 1,000 women: a header "Alter;2017;2018;..." and one row per age 15..49 ("15", or
// "15 Jahre"), numbers with decimal commas. Markers (".", "x", ...) and gaps are errors
// (input_value, with file, line, column and value); missing file: not_found.
AsfrTable read_asfr_table(const std::filesystem::path& file);

} // namespace lw::demography
