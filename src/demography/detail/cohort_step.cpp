#include "demography/detail/cohort_step.hpp"

#include <cassert>

namespace lw::demography::detail {

std::vector<double> advance_one_year(std::span<const double> population, const Survival& survival,
                                     std::span<const double> fertility, double male_share_at_birth,
                                     std::span<const double> net_migrants) {
    assert(population.size() == cell_count && net_migrants.size() == cell_count);
    assert(fertility.size() == age_count);
    std::vector<double> next(cell_count, 0.0);
    for (auto sex : {Sex::male, Sex::female}) {
        for (std::size_t age = 0; age < open_age; ++age) {
            next[cell(sex, age + 1)] += population[cell(sex, age)] * survival.to_next[cell(sex, age)];
        }
        next[cell(sex, open_age)] +=
            population[cell(sex, open_age)] * survival.to_next[cell(sex, open_age)];
    }
    double births = 0;
    for (std::size_t age = 1; age < age_count; ++age) {
        const double exposure =
            0.5 * (population[cell(Sex::female, age)] + next[cell(Sex::female, age)]);
        births += fertility[age] * exposure;
    }
    next[cell(Sex::male, 0)] = births * male_share_at_birth * survival.births[0];
    next[cell(Sex::female, 0)] = births * (1 - male_share_at_birth) * survival.births[1];
    for (std::size_t idx = 0; idx < cell_count; ++idx) {
        next[idx] += net_migrants[idx];
    }
    return next;
}

} // namespace lw::demography::detail
