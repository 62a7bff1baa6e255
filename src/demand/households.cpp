#include "demand/households.hpp"

#include "core/error.hpp"

#include <cmath>
#include <fmt/format.h>

namespace lw::demand {

namespace {

double one_person_households(Population population, std::span<const double> living_alone) {
    check_cells(population, "population");
    check_rates(living_alone, "living-alone shares");
    double sum = 0.0;
    for (std::size_t cell_idx = 0; cell_idx < cell_count; ++cell_idx) {
        sum += population[cell_idx] * living_alone[cell_idx];
    }
    return sum;
}

} // namespace

std::vector<double> living_alone_de_2011() {
    std::vector<double> shares(cell_count, 0.0);
    for (std::size_t age_idx = 18; age_idx < age_count; ++age_idx) {
        const bool old = age_idx >= 65;
        shares[cell(Sex::male, age_idx)] = old ? 0.19 : 0.23;
        shares[cell(Sex::female, age_idx)] = old ? 0.45 : 0.17;
    }
    return shares;
}

HouseholdConfig household_config(std::vector<double> living_alone,
                                 const HouseholdSizeReference& reference) {
    double sum = 0.0;
    for (double share : reference.share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw Error(ErrorKind::input_value,
                        fmt::format("household size share {} is not in [0, 1]", share));
        }
        sum += share;
    }
    const double one = reference.share[0];
    const double mean = reference.persons_per_household;
    if (!(std::abs(sum - 1.0) <= 1e-3) || !(one < 1.0) || !(mean >= 1.0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("household size reference: shares sum to {} (expected 1), "
                                "one-person share {}, mean size {}",
                                sum, one, mean));
    }
    HouseholdConfig config;
    config.living_alone = std::move(living_alone);
    config.multi_person_mean_size = (mean - one) / (1.0 - one);
    for (std::size_t size_idx = 0; size_idx < 4; ++size_idx) {
        config.multi_size_share[size_idx] = reference.share[size_idx + 1] / (sum - one);
    }
    return config;
}

double calibrate_multi_person_size(Population population, std::span<const double> living_alone,
                                   double observed_households) {
    const double one = one_person_households(population, living_alone);
    const double persons = total(population);
    if (!(observed_households > one) || !(2.0 * observed_households <= persons + one)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("observed households {} cannot be reached: {} persons, {} of them "
                                "living alone, need between {} (exclusive) and {} households",
                                observed_households, persons, one, one, (persons + one) / 2.0));
    }
    return (persons - one) / (observed_households - one);
}

HouseholdDemand household_demand(Population population, const HouseholdConfig& config) {
    const double one = one_person_households(population, config.living_alone);
    double share_sum = 0.0;
    for (double share : config.multi_size_share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw Error(ErrorKind::input_value,
                        fmt::format("multi-person size share {} is not in [0, 1]", share));
        }
        share_sum += share;
    }
    if (!(std::abs(share_sum - 1.0) <= 1e-6) || !(config.multi_person_mean_size >= 2.0) ||
        !std::isfinite(config.multi_person_mean_size) || !(config.dwelling_reserve >= 0.0) ||
        !std::isfinite(config.dwelling_reserve)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("household config: size shares sum to {} (expected 1), mean "
                                "multi-person size {} (expected >= 2), dwelling reserve {} "
                                "(expected >= 0)",
                                share_sum, config.multi_person_mean_size,
                                config.dwelling_reserve));
    }
    HouseholdDemand demand;
    demand.persons = total(population);
    const double multi = (demand.persons - one) / config.multi_person_mean_size;
    demand.by_size[0] = one;
    for (std::size_t size_idx = 0; size_idx < 4; ++size_idx) {
        demand.by_size[size_idx + 1] = multi * config.multi_size_share[size_idx];
    }
    demand.households = one + multi;
    demand.dwellings = demand.households * (1.0 + config.dwelling_reserve);
    return demand;
}

} // namespace lw::demand
