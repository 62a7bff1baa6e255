#pragma once
// Net migration of a municipality calibrated from two observed totals: the residual of the
// observed change after natural change (births minus deaths, from survival and fertility), as an
// annual rate per head. Each year's net migrants are rate x population on 31.12 of the year before,
// spread over ages and sexes with migration weights (migration_profile.hpp), added on 31.12
// (detail/cohort_step.hpp). The rate is found so that this yearly process reproduces the observed
// end total (migrants' own deaths and births included), by Newton steps on the total.

#include "demography/survival.hpp"

#include <span>
#include <vector>

namespace lw::demography {

struct MigrationCalibration {
    double annual_rate = 0;    // net migrants per head and year
    double natural_change = 0; // end total without migration minus start total
    double residual = 0;       // observed end total minus end total without migration
};

// `population_start`: cell_count values on 31.12 of the start year; `total_end`: observed total
// `years` later (>= 1). Throws input_value for bad sizes, years < 1 or a non-positive start.
MigrationCalibration calibrate_net_migration(std::span<const double> population_start,
                                             double total_end, int years,
                                             const Survival& survival,
                                             std::span<const double> fertility,
                                             double male_share_at_birth,
                                             std::span<const double> migration_weights);

// The population `years` on, with net migration `annual_rate` x population of the year before
// spread by `migration_weights` (the model the calibration inverts).
std::vector<double> project_with_net_migration(std::span<const double> population_start,
                                               int years, double annual_rate,
                                               const Survival& survival,
                                               std::span<const double> fertility,
                                               double male_share_at_birth,
                                               std::span<const double> migration_weights);

} // namespace lw::demography
