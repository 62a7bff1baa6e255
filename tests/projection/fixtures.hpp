#pragma once
// Small synthetic inputs for the projection tests: a Gompertz-like survival schedule, a bell of
// fertility over 15..49, flat or given migration. The numbers are shapes, not estimates.

#include "projection/input.hpp"

#include <cmath>
#include <cstddef>
#include <vector>

namespace lw::projection::testing {

// Death probability q(a) = 0.0002 + 0.00005 exp(0.095 a), capped; S = 1 - q. Shape only.
inline std::vector<double> gompertz_survival() {
    std::vector<double> survival(cell_count);
    for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
        for (std::size_t age = 0; age < age_count; ++age) {
            const double q = 0.0002 + 0.00005 * std::exp(0.095 * static_cast<double>(age)) *
                                          (sex_idx == 0 ? 1.3 : 1.0);
            survival[sex_idx * age_count + age] = 1.0 - std::min(0.6, q);
        }
    }
    return survival;
}

// Bell over 15..49 scaled to the given TFR.
inline std::vector<double> fertility_for_tfr(double tfr) {
    std::vector<double> fertility(age_count, 0.0);
    double sum = 0;
    for (std::size_t age = first_fertile_age; age <= last_fertile_age; ++age) {
        const double x = (static_cast<double>(age) - 31.0) / 5.5;
        fertility[age] = std::exp(-0.5 * x * x);
        sum += fertility[age];
    }
    for (double& f : fertility) {
        f *= tfr / sum;
    }
    return fertility;
}

// `areas` areas of `persons_per_cell` persons in every cell, no migration.
inline ProjectionInput flat_input(std::size_t areas, std::size_t years, double persons_per_cell) {
    ProjectionInput input;
    input.area_count = areas;
    input.years = years;
    input.base_population.assign(areas * cell_count, persons_per_cell);
    input.survival = gompertz_survival();
    input.birth_survival = {0.9965, 0.9970};
    input.fertility = fertility_for_tfr(1.5);
    input.migration_rate.assign(areas * cell_count, 0.0);
    return input;
}

} // namespace lw::projection::testing
