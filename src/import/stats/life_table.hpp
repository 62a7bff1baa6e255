#pragma once
// Destatis period life tables, GENESIS table 12621-0001, as CSV export: ';', decimal comma, title
// lines, a sex row ("männlich" ... "weiblich"), a row of function names ("Sterbewahrscheinlichkeit
// [q(x)]" ...), a period row ("2016/18") and rows "0 Jahre" ... "100 Jahre". Every value is
// followed by a flag column (e.g. "e" endgültig). Columns are found by their labels, not by
// position. Life tables must be complete: a marker instead of a number is an error.

#include "import/stats/parsed_stats.hpp"

#include <filesystem>

namespace lw::import {

ParsedStats parse_life_table(const std::filesystem::path& file);

} // namespace lw::import
