#pragma once
// Official boundaries (BKG VG5000 / VG250 shapefiles, or any OGR source with AGS and GEN fields)
// into the municipalities and districts layers. Geometries are reprojected from the source CRS
// (EPSG:31467 for BKG's Gauss-Krüger products) to EPSG:25832 for computation and EPSG:4326 for the
// web. Only features inside the workspace region (and, for districts, the districts it touches)
// are kept.

#include "import/report.hpp"
#include "store/features.hpp"
#include "store/workspace.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lw::import {

enum class BoundaryLevel { detect, municipality, district };

struct BoundariesConfig {
    std::filesystem::path input;
    BoundaryLevel level = BoundaryLevel::detect; // detect: from the key length (8 or 5 digits)
    std::optional<std::string> data_date;         // default: aktualitaet.txt beside the input
};

struct BoundarySet {
    BoundaryLevel level = BoundaryLevel::municipality;
    std::vector<store::Boundary> boundaries;
    std::size_t features_read = 0;
    std::size_t outside_region = 0;
    int source_epsg = 0;
    std::optional<std::string> data_date;
};

BoundarySet read_boundaries(const BoundariesConfig& config, const store::RegionSpec& region);
ImportReport import_boundaries(store::Workspace& workspace, const BoundariesConfig& config);

} // namespace lw::import
