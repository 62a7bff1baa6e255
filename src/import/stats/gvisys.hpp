#pragma once
// GV-ISys (Gemeindeverzeichnis-Informationssystem, Destatis) as a CSV extract: one row per Land,
// Regierungsbezirk, Region, Kreis, Gemeindeverband and Gemeinde (satzart 10-60). Columns are
// found by their header names. Numbers use spaces between thousands ("19 412"), the area a dot
// decimal (" 73.75", km²) and the coordinates a decimal comma ("9,980802").
//
// Like GV100AD, the extract does not state its population reference date, and population 0 is a
// real 0 only for Textkennzeichen 66 ("gemeindefreies Gebiet, unbewohnt").

#include "import/stats/parsed_stats.hpp"
#include "import/stats/reference_date.hpp"

#include <filesystem>

namespace lw::import {

ParsedStats parse_gvisys(const std::filesystem::path& file, const ReferenceDate& reference_date);

} // namespace lw::import
