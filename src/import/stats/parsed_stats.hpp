#pragma once
// What a statistics parser reads from one file, as store records, before anything is written.
// Parsers are pure (file -> ParsedStats); import_stats filters to the region and writes.

#include "import/stats/stats_format.hpp"
#include "import/table/encoding.hpp"
#include "store/features.hpp"
#include "store/statistics.hpp"
#include "store/workspace.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lw::import {

struct AreaName {
    std::string key; // AGS of a district (5 digits) or another level
    std::string name;
};

struct ParsedStats {
    StatsFormat format = StatsFormat::detect;
    std::string source_table; // population.source_table, e.g. "GV-ISys"
    Encoding encoding = Encoding::utf8;
    std::optional<std::string> territorial_date; // Gebietsstand, ISO (GV100AD)
    std::vector<std::string> reference_dates;    // distinct ISO dates of the population values
    std::uint64_t records = 0;                   // data records (rows) read from the file

    std::vector<store::PopulationValue> population;
    std::vector<store::MunicipalityDirectoryEntry> directory;
    std::vector<AreaName> districts;
    std::vector<store::LifeTableRow> life_table;
    std::vector<store::ReferenceValue> reference_values;

    std::vector<std::string> notes; // facts about the whole file worth a warning
};

// Keeps areas inside the region and the levels above it (RegionSpec::contains || is_parent_of);
// the municipality directory keeps only municipalities inside the region.
void keep_region(ParsedStats& stats, const store::RegionSpec& region);

// Sorted distinct reference dates of stats.population, stored into stats.reference_dates.
void collect_reference_dates(ParsedStats& stats);

} // namespace lw::import
