#pragma once
// The deterministic cohort-component projection for all areas (expected values, real numbers).
// Timing (docs/projection-engine.md): survivors age one year with S; births come from the mean of
// women at the start and end of the step and survive to 31.12 with birth_survival; net migrants are
// rate x the cohort at the start of the step (surviving births for age 0), counted on 31.12.
// Per age and sex, exactly in floating point:
//   population[y+1](s, a)    = (population[y](s, a-1) - deaths(s, a)) + migration(s, a), a = 1..99
//   population[y+1](s, 100+) = ((population[y](s, 99) + population[y](s, 100+)) - deaths) + migr.
//   population[y+1](s, 0)    = (births(s) - deaths(s, 0)) + migration(s, 0)
// where deaths and migration are indexed by the cell reached on 31.12 of the step.

#include "projection/input.hpp"

#include <cstddef>
#include <vector>

namespace lw::projection {

struct DeterministicOptions {
    bool components = true; // keep deaths, births, migration and clipped migration per cell
    unsigned threads = 0;   // 0: all cores TBB offers
    SimdPath simd = SimdPath::automatic; // a path the CPU lacks is an input_value error
};

struct DeterministicResult {
    std::size_t area_count = 0;
    std::size_t years = 0;
    // [(area * (years + 1) + year) * cell_count + cell]; year 0 is the base population.
    std::vector<double> population;
    // Components of step y (31.12 of y -> 31.12 of y + 1), [(area * years + y) * cell_count + cell]
    // indexed by the cell reached at the end: deaths (age 0: births dying before 31.12), net
    // migration as applied, and migration_clipped >= 0: the part of a negative expected net
    // migration that was not applied because the cell would have become negative.
    std::vector<double> deaths;
    std::vector<double> migration;
    std::vector<double> migration_clipped;
    std::vector<double> births; // [(area * years + y) * sex_count + sex]

    std::size_t population_index(std::size_t area, std::size_t year) const {
        return (area * (years + 1) + year) * cell_count;
    }
    std::size_t component_index(std::size_t area, std::size_t step) const {
        return (area * years + step) * cell_count;
    }
};

// Validates `input` and projects every area. Reuses `result`'s storage when it is large enough.
void project(const ProjectionInput& input, DeterministicResult& result,
             const DeterministicOptions& options = {});
DeterministicResult project(const ProjectionInput& input, const DeterministicOptions& options = {});

} // namespace lw::projection
