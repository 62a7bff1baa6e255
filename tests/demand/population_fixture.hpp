#pragma once
// Hand-made populations in the core/age_sex.hpp layout for the demand tests.

#include "core/age_sex.hpp"

#include <vector>

namespace lw::demand::test {

// Every cell holds `value` persons.
inline std::vector<double> uniform_population(double value) {
    return std::vector<double>(cell_count, value);
}

// Men: persons = age; women: persons = 2 x age (so sums are easy to do by hand).
inline std::vector<double> age_ramp() {
    std::vector<double> population(cell_count, 0.0);
    for (std::size_t age_idx = 0; age_idx < age_count; ++age_idx) {
        population[cell(Sex::male, age_idx)] = static_cast<double>(age_idx);
        population[cell(Sex::female, age_idx)] = 2.0 * static_cast<double>(age_idx);
    }
    return population;
}

} // namespace lw::demand::test
