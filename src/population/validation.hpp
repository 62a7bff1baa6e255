#pragma once
// How good is floor area as a proxy for where people live? The distribution falls back to floor
// area where no census cells exist; this check measures that fallback against the census itself:
// the census population of the cells that hold residential buildings is spread over those
// buildings by floor area alone (ignoring the cells), summed back to cells and compared with the
// census counts. A uniform share per building is reported as the naive baseline.

#include <cstdint>
#include <vector>

namespace lw::population {

struct CellComparison {
    std::size_t cells = 0;           // cells with census persons and residential buildings
    std::int64_t persons = 0;        // census persons in them
    double misplaced_share = 0.0;    // sum |estimate - census| / 2 / persons: share of persons in the wrong cell
    double mean_abs_error = 0.0;     // persons per cell
    double correlation = 0.0;        // Pearson r between estimate and census over cells
};

struct ValidationResult {
    CellComparison floor_area;       // the method's fallback
    CellComparison uniform;          // every residential building the same
};

// building_cell: cell index per residential building (buildings outside populated cells are
// ignored); cell_census: census persons per cell.
ValidationResult validate_against_census(const std::vector<std::uint32_t>& building_cell,
                                         const std::vector<double>& building_floor_area,
                                         const std::vector<std::int64_t>& cell_census);

} // namespace lw::population
