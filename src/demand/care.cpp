#include "demand/care.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace lw::demand {

std::vector<double> care_rates_by_cell(const CareRateBands& bands) {
    std::vector<double> rates(cell_count, 0.0);
    for (std::size_t age_idx = 0; age_idx < age_count; ++age_idx) {
        std::size_t band = 0;
        while (band + 1 < care_band_first_age.size() && age_idx >= care_band_first_age[band + 1]) {
            ++band;
        }
        rates[cell(Sex::male, age_idx)] = bands.male[band];
        rates[cell(Sex::female, age_idx)] = bands.female[band];
    }
    check_rates(rates, "care rates");
    return rates;
}

std::vector<double> rising_prevalence(std::span<const double> rates, double annual_increase,
                                      double years) {
    check_rates(rates, "care rates");
    if (!std::isfinite(annual_increase) || annual_increase <= -1.0 || !std::isfinite(years) ||
        years < 0.0) {
        throw Error(ErrorKind::input_value,
                    fmt::format("rising prevalence: annual increase {} must be > -1 and years {} "
                                ">= 0",
                                annual_increase, years));
    }
    const double factor = std::pow(1.0 + annual_increase, years);
    std::vector<double> scaled(rates.begin(), rates.end());
    for (double& rate : scaled) {
        rate = std::min(1.0, rate * factor);
    }
    return scaled;
}

CareDemand care_demand(Population population, std::span<const double> rates,
                       const CareSettingShares& settings) {
    check_cells(population, "population");
    check_rates(rates, "care rates");
    const double share_sum =
        settings.home_relatives_only + settings.home_ambulatory + settings.residential;
    if (!(settings.home_relatives_only >= 0.0 && settings.home_ambulatory >= 0.0 &&
          settings.residential >= 0.0) ||
        !(std::abs(share_sum - 1.0) <= 1e-3)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("care setting shares {}, {}, {} must be >= 0 and sum to 1",
                                settings.home_relatives_only, settings.home_ambulatory,
                                settings.residential));
    }
    CareDemand demand;
    for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
        for (std::size_t age_idx = 0; age_idx < age_count; ++age_idx) {
            const std::size_t cell_idx = cell(static_cast<Sex>(sex_idx), age_idx);
            const double persons = population[cell_idx] * rates[cell_idx];
            demand.total += persons;
            if (age_idx >= 65) {
                demand.aged_65plus += persons;
            }
        }
    }
    // Normalise the rounded shares so that the settings add up to the total exactly.
    demand.home_relatives_only = demand.total * settings.home_relatives_only / share_sum;
    demand.home_ambulatory = demand.total * settings.home_ambulatory / share_sum;
    demand.residential = demand.total * settings.residential / share_sum;
    return demand;
}

} // namespace lw::demand
