#pragma once
// Municipality totals of a whole official directory (all of Germany), for backtests: GV100AD
// (whose 30.09.2018 edition carries the counts of 31.12.2016) or GV-ISys, read with the
// importers' parsers. A count the directory does not give (GV100AD writes 0) stays empty.

#include "outlook/area_matching.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace lw::outlook {

struct OfficialCounts {
    std::string source_table;    // "GV100AD", "GV-ISys"
    std::string reference_date;  // ISO
    std::vector<AreaCount> total;
    std::vector<AreaCount> male; // same order and keys as total
};

// reference_date: "31.12.2016" or ISO; throws lw::Error for an unreadable file or date.
OfficialCounts read_official_counts(const std::filesystem::path& file, const std::string& reference_date);

} // namespace lw::outlook
