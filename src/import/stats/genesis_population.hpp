#pragma once
// GENESIS / Regionaldatenbank CSV exports of population tables (12411-*, e.g. 12411-02-03-4
// "Bevölkerung nach Geschlecht und Altersgruppen"): ';', Latin-1 or UTF-8, title lines with the
// table code, one or more column header rows, data rows that start with an area key, and a
// footer after "__________".
//
// The reader does not assume one layout. Each value's meaning is the union of the labels above
// its column (forward-filled across spans) and the label cells left of it in its row:
// "männlich"/"weiblich" give the sex, "unter 3 Jahre" etc. the age group, "31.12.2018" the date,
// "Insgesamt" the total; other labels are dimension titles and ignored. This covers the long
// layout (date; key; name; age group; Insgesamt; männlich; weiblich), the wide layout (key; name;
// one column per sex and age group) and sex as rows. Two values with the same meaning in one area
// are an error, so a table with another dimension (e.g. nationality) is refused, not mixed.
//
// The reference date comes from the file: a date column, date cells above the columns, a date
// line, or "Stichtag 31.12.2018" in the title. Only when the file names none is `fallback` used.

#include "import/stats/parsed_stats.hpp"
#include "import/stats/reference_date.hpp"

#include <filesystem>
#include <optional>

namespace lw::import {

ParsedStats parse_genesis_population(const std::filesystem::path& file,
                                     const std::optional<ReferenceDate>& fallback = std::nullopt);

} // namespace lw::import
