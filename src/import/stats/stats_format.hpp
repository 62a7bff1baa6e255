#pragma once
// The official-statistics file formats lebenswert reads (docs/statistics-import.md).

#include <optional>
#include <string_view>

namespace lw::import {

enum class StatsFormat {
    detect,             // decide by content (detect_stats_format)
    gv100ad,            // Gemeindeverzeichnis GV100AD, fixed width
    gvisys,             // Gemeindeverzeichnis-Informationssystem GV-ISys, CSV extract
    age_groups_csv,     // Regionaldatenbank 12411-02-03-4 re-exported by pandas (krs, A00-02, ...)
    genesis_population, // GENESIS / Regionaldatenbank CSV export of a 12411 population table
    life_table,         // GENESIS 12621-0001 period life table
    inkar,              // INKAR district indicators (BBSR)
};

// Names as on the command line: auto, gv100ad, gvisys, age-groups-csv, genesis, life-table, inkar.
std::string_view to_string(StatsFormat format);
std::optional<StatsFormat> stats_format_from_string(std::string_view name);

// The provenance kind written to lw_imports.kind.
std::string_view import_kind(StatsFormat format);

// True for the formats whose files do not state the population reference date.
bool needs_reference_date(StatsFormat format);

} // namespace lw::import
