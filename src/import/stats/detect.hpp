#pragma once
// Recognises a statistics file by its content (never by its name), for --format auto.

#include "import/stats/stats_format.hpp"

#include <filesystem>
#include <string_view>

namespace lw::import {

// Looks at the first lines: GV100AD records ("60" + YYYYMMDD + key), the GV-ISys header (satzart,
// gemeindename), the pandas age-group header (krs, A00-02), the INKAR header (krs/kennziffer,
// raumeinheit), or a GENESIS title ("Tabelle: 12411-..." population, "Tabelle: 12621-..." life
// table). Throws input_format for an empty file, an unsupported GENESIS table or anything else.
StatsFormat detect_stats_format(const std::filesystem::path& file);

// The same on text already decoded to UTF-8; `file` is only used in messages.
StatsFormat detect_stats_format_in(std::string_view text, const std::filesystem::path& file);

} // namespace lw::import
