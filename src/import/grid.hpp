#pragma once
// Census 2011 100 m grid cells with persons in five age groups (Destatis "ALTER_KURZ"), in the
// tiled CSV layout of ../data/zensus2011-grid/: one file per 128 x 128-cell tile named
// ALTER_KURZ_{tx}_{ty}.csv with the header "x,y,1,2,3,4,5". A row's cell has its lower-left
// corner at X = 3,900,000 + (128 tx + x) 100, Y = 2,600,000 + (128 ty + y) 100 in EPSG:3035.
// Cells are assigned to the municipality containing their centre; cells outside the region's
// municipalities are dropped (counted).

#include "import/report.hpp"
#include "store/features.hpp"
#include "store/workspace.hpp"

#include <filesystem>
#include <vector>

namespace lw::import {

struct GridConfig {
    std::vector<std::filesystem::path> inputs; // tile files or folders holding them
};

inline constexpr std::int64_t grid_origin_x = 3'900'000;
inline constexpr std::int64_t grid_origin_y = 2'600'000;
inline constexpr std::int64_t grid_tile_cells = 128;
inline constexpr std::int64_t grid_cell_size_m = 100;

// Destatis cell id of the cell with this lower-left corner: "100mN{y/100}E{x/100}".
std::string grid_cell_id(std::int64_t x_ll, std::int64_t y_ll);

// Reads tile files (no assignment to municipalities). Throws on malformed input with file, line,
// column and value.
std::vector<store::GridCell> read_grid_tiles(const std::vector<std::filesystem::path>& files);

// Expands folders to the tile files they hold, sorted by name.
std::vector<std::filesystem::path> expand_grid_inputs(const std::vector<std::filesystem::path>& inputs);

ImportReport import_grid(store::Workspace& workspace, const GridConfig& config);

} // namespace lw::import
