#pragma once
// The OSM import into a region workspace: read the extract (read_osm), then write everything in
// ONE transaction: provenance row, buildings, network and admin areas (replaced as snapshots) and
// the facility history sync (kept, updated, closed, opened).

#include "import/osm/reader.hpp"
#include "import/report.hpp"
#include "store/workspace.hpp"

namespace lw::import::osm {

inline constexpr std::string_view osm_licence = "ODbL 1.0";
inline constexpr std::string_view osm_attribution =
    "© OpenStreetMap contributors, ODbL 1.0, https://www.openstreetmap.org/copyright";

// Throws lw::Error like read_osm(); on any error the workspace stays unchanged.
ImportReport import_osm(store::Workspace& workspace, const OsmConfig& config);

} // namespace lw::import::osm
