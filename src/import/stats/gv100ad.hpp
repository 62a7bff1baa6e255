#pragma once
// Gemeindeverzeichnis GV100AD (Destatis): fixed-width records of 220 characters, ISO-8859-1 or
// UTF-8, CRLF. Record 40 names a Kreis, record 60 a Gemeinde with area, population and males.
// Columns are counted in characters as in the Datensatzbeschreibung, so a UTF-8 copy of the file
// reads the same as the Latin-1 original.
//
// The file does not state the day its population refers to (the 30.09.2018 edition holds
// 31.12.2016 counts), so the caller passes it.
//
// Population 0 means "not given" unless the Textkennzeichen is 66 ("gemeindefreies Gebiet,
// unbewohnt"): the 2018 edition writes 0 for six inhabited NRW municipalities.

#include "import/stats/parsed_stats.hpp"
#include "import/stats/reference_date.hpp"

#include <filesystem>

namespace lw::import {

// Textkennzeichen of an unincorporated area without inhabitants, whose 0 is a real 0.
inline constexpr std::string_view gv100ad_uninhabited_code = "66";

ParsedStats parse_gv100ad(const std::filesystem::path& file, const ReferenceDate& reference_date);

} // namespace lw::import
