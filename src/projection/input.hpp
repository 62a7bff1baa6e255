#pragma once
// Inputs of the cohort-component projection: plain arrays in the core/age_sex.hpp layout, produced
// by the caller (src/demography/ builds them from life tables, ASFR tables and calibrated migration).
// Time runs in yearly steps from 31.12 of the base year (year index 0) to 31.12 of base + years.
// Step y takes the population of index y to index y + 1 with the rates of step y.

#include "core/age_sex.hpp"

#include <cstddef>
#include <span>
#include <vector>

namespace lw::projection {

struct ProjectionInput {
    std::size_t area_count = 0;
    std::size_t years = 0; // projection steps (yearly)

    std::vector<double> base_population; // area_count x cell_count: persons on 31.12 of the base year

    // S(cell): probability that a person aged a on 31.12 of t is alive (aged a + 1) on 31.12 of
    // t + 1; S(100+) is the survival of the open group within itself. cell_count values (constant)
    // or years x cell_count (one block per step).
    std::vector<double> survival;
    // Probability that a birth of the year is alive on 31.12 of its birth year, per sex: sex_count
    // values or years x sex_count.
    std::vector<double> birth_survival;
    // Births per woman and year by the woman's age 0..100 (age_count values or years x age_count),
    // already scaled to the scenario's TFR; must be zero outside 15..49.
    std::vector<double> fertility;
    // Share of boys among births; 0.513 is Germany 2017-2023 (FACTS-demography.md section 2).
    double male_share_at_birth = 0.513;
    // Net migrants per head and year by cell of arrival age (age on 31.12 of t + 1), applied to the
    // cohort at the start of the step (see docs/projection-engine.md): area_count x cell_count
    // (constant over years) or area_count x years x cell_count. Must be >= -1.
    std::vector<double> migration_rate;

    // Optional local calibration, area_count values each (empty = 1): fertility multiplies the
    // fertility rates, mortality multiplies every death probability 1 - S (capped at 1).
    std::vector<double> fertility_multiplier;
    std::vector<double> mortality_multiplier;
};

// Throws lw::Error (input_value) naming the first offending array, index and value.
void validate(const ProjectionInput& input);

// Instruction set of the projection kernels (deterministic and Monte-Carlo). All paths give
// bit-identical results (tested); only the speed differs. automatic: the widest the CPU supports.
enum class SimdPath { automatic, baseline, avx2, avx512 };

// Whether this CPU can run `path` (automatic and baseline: always).
bool simd_path_supported(SimdPath path);
// `path`, or for automatic the widest path this CPU supports.
SimdPath resolve_simd_path(SimdPath path);

// Views of one step's rates (constant inputs repeat the same block).
std::span<const double> survival_of_step(const ProjectionInput& input, std::size_t step);
std::span<const double> birth_survival_of_step(const ProjectionInput& input, std::size_t step);
std::span<const double> fertility_of_step(const ProjectionInput& input, std::size_t step);
std::span<const double> migration_of_step(const ProjectionInput& input, std::size_t area,
                                          std::size_t step);
double fertility_multiplier_of(const ProjectionInput& input, std::size_t area);
double mortality_multiplier_of(const ProjectionInput& input, std::size_t area);

inline constexpr std::size_t first_fertile_age = 15;
inline constexpr std::size_t last_fertile_age = 49;

} // namespace lw::projection
