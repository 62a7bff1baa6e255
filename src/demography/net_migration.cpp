#include "demography/net_migration.hpp"

#include "core/error.hpp"
#include "demography/detail/cohort_step.hpp"

#include <cmath>
#include <fmt/format.h>
#include <numeric>

namespace lw::demography {
namespace {

double sum(std::span<const double> values) {
    return std::accumulate(values.begin(), values.end(), 0.0);
}

} // namespace

std::vector<double> project_with_net_migration(std::span<const double> population_start,
                                               int years, double annual_rate,
                                               const Survival& survival,
                                               std::span<const double> fertility,
                                               double male_share_at_birth,
                                               std::span<const double> migration_weights) {
    if (population_start.size() != cell_count || migration_weights.size() != cell_count ||
        fertility.size() != age_count || survival.to_next.size() != cell_count || years < 0) {
        throw Error(ErrorKind::input_value,
                    fmt::format("net migration: {} population cells, {} weights, {} fertility "
                                "ages, {} years",
                                population_start.size(), migration_weights.size(),
                                fertility.size(), years));
    }
    std::vector<double> population(population_start.begin(), population_start.end());
    std::vector<double> migrants(cell_count);
    for (int year = 0; year < years; ++year) {
        const double total = sum(population);
        for (std::size_t idx = 0; idx < cell_count; ++idx) {
            migrants[idx] = annual_rate * total * migration_weights[idx];
        }
        population = detail::advance_one_year(population, survival, fertility,
                                               male_share_at_birth, migrants);
    }
    return population;
}

MigrationCalibration calibrate_net_migration(std::span<const double> population_start,
                                             double total_end, int years,
                                             const Survival& survival,
                                             std::span<const double> fertility,
                                             double male_share_at_birth,
                                             std::span<const double> migration_weights) {
    const double total_start = sum(population_start);
    if (years < 1 || !(total_start > 0) || !(total_end >= 0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("net migration: start total {}, end total {}, {} years",
                                total_start, total_end, years));
    }
    auto end_total = [&](double rate) {
        return sum(project_with_net_migration(population_start, years, rate, survival, fertility,
                                              male_share_at_birth, migration_weights));
    };
    MigrationCalibration out;
    const double closed = end_total(0.0);
    out.natural_change = closed - total_start;
    out.residual = total_end - closed;
    // d(end total)/d(rate) is about years x mean population; Newton steps with that slope
    // converge in a few rounds because the end total is nearly linear in the rate.
    const double slope = years * 0.5 * (total_start + total_end);
    double rate = out.residual / slope;
    for (int round = 0; round < 100; ++round) {
        const double miss = total_end - end_total(rate);
        if (std::abs(miss) <= 1e-10 * std::max(1.0, total_end)) {
            break;
        }
        rate += miss / slope;
    }
    out.annual_rate = rate;
    return out;
}

} // namespace lw::demography
