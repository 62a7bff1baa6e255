#include "projection/deterministic.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <span>

namespace lw::projection {

namespace {

// Components of one cell's step; `out` receives the end population.
struct CellStep {
    double deaths = 0;
    double migration = 0;
    double clipped = 0;
    double population = 0;
};

// start - deaths survive; net migration is added unless the cell would turn negative, in which
// case only as many leave as are there (the rest is reported as clipped, never dropped silently).
inline CellStep finish_cell(double start, double deaths, double expected_migration) {
    CellStep out;
    out.deaths = deaths;
    const double survivors = start - deaths;
    out.migration = expected_migration;
    if (survivors + expected_migration < 0) {
        out.migration = -survivors;
        out.clipped = out.migration - expected_migration;
    }
    out.population = survivors + out.migration;
    return out;
}

inline double death_probability(double survival, double mortality_multiplier) {
    return std::min(1.0, (1.0 - survival) * mortality_multiplier);
}

void project_area(const ProjectionInput& input, std::size_t area, DeterministicResult& result,
                  bool components) {
    const double fert_mult = fertility_multiplier_of(input, area);
    const double mort_mult = mortality_multiplier_of(input, area);
    const double sex_share[sex_count] = {input.male_share_at_birth,
                                         1.0 - input.male_share_at_birth};
    std::copy_n(input.base_population.data() + area * cell_count, cell_count,
                result.population.data() + result.population_index(area, 0));
    for (std::size_t step = 0; step < input.years; ++step) {
        const double* prev = result.population.data() + result.population_index(area, step);
        double* next = result.population.data() + result.population_index(area, step + 1);
        const std::span<const double> surv = survival_of_step(input, step);
        const std::span<const double> rate = migration_of_step(input, area, step);
        const std::size_t comp = result.component_index(area, step);
        auto store = [&](std::size_t cell_idx, const CellStep& cs) {
            next[cell_idx] = cs.population;
            if (components) {
                result.deaths[comp + cell_idx] = cs.deaths;
                result.migration[comp + cell_idx] = cs.migration;
                result.migration_clipped[comp + cell_idx] = cs.clipped;
            }
        };
        for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
            const std::size_t base = sex_idx * age_count;
            for (std::size_t age_idx = 1; age_idx < open_age; ++age_idx) {
                const double start = prev[base + age_idx - 1];
                const double deaths =
                    start * death_probability(surv[base + age_idx - 1], mort_mult);
                store(base + age_idx, finish_cell(start, deaths, rate[base + age_idx] * start));
            }
            const double start_99 = prev[base + open_age - 1];
            const double start_open = prev[base + open_age];
            const double deaths =
                start_99 * death_probability(surv[base + open_age - 1], mort_mult) +
                start_open * death_probability(surv[base + open_age], mort_mult);
            const double start = start_99 + start_open;
            store(base + open_age, finish_cell(start, deaths, rate[base + open_age] * start));
        }
        // Births: women aged a on 31.12 of y and of y + 1 (the ASFR's age is the age reached in
        // the calendar year), averaged: women who arrive or die during the year count half.
        const std::span<const double> fert = fertility_of_step(input, step);
        const std::size_t women = cell(Sex::female, 0);
        double births = 0;
        for (std::size_t age_idx = first_fertile_age; age_idx <= last_fertile_age; ++age_idx) {
            births += fert[age_idx] * 0.5 * (prev[women + age_idx] + next[women + age_idx]);
        }
        births *= fert_mult;
        const std::span<const double> birth_surv = birth_survival_of_step(input, step);
        for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
            const double born = births * sex_share[sex_idx];
            const double deaths = born * death_probability(birth_surv[sex_idx], mort_mult);
            const std::size_t cell_idx = sex_idx * age_count;
            store(cell_idx, finish_cell(born, deaths, rate[cell_idx] * (born - deaths)));
            if (components) {
                result.births[(area * input.years + step) * sex_count + sex_idx] = born;
            }
        }
    }
}

} // namespace

void project(const ProjectionInput& input, DeterministicResult& result,
             const DeterministicOptions& options) {
    validate(input);
    result.area_count = input.area_count;
    result.years = input.years;
    result.population.resize(input.area_count * (input.years + 1) * cell_count);
    const std::size_t component_size = options.components ? input.area_count * input.years : 0;
    result.deaths.resize(component_size * cell_count);
    result.migration.resize(component_size * cell_count);
    result.migration_clipped.resize(component_size * cell_count);
    result.births.resize(component_size * sex_count);
    const int threads = options.threads == 0 ? tbb::task_arena::automatic
                                             : static_cast<int>(options.threads);
    tbb::task_arena arena(threads);
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, input.area_count, 16),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              for (std::size_t area = range.begin(); area < range.end(); ++area) {
                                  project_area(input, area, result, options.components);
                              }
                          });
    });
}

DeterministicResult project(const ProjectionInput& input, const DeterministicOptions& options) {
    DeterministicResult result;
    project(input, result, options);
    return result;
}

} // namespace lw::projection
