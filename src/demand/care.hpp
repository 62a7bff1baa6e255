#pragma once
// People in need of care (SGB XI): age- and sex-specific care rates times the population, split by
// setting. Rates and shares: Destatis Pflegestatistik (FACTS-demography.md §3); method and the
// rising-prevalence scenario: docs/demand-and-housing.md#care.

#include "demand/population.hpp"

#include <array>
#include <vector>

namespace lw::demand {

// Care rates (share of the population of that age and sex in need of care), in four age bands:
// under 75, 75 to under 85, 85 to under 90, 90 and over.
struct CareRateBands {
    std::array<double, 4> male{};
    std::array<double, 4> female{};
};
inline constexpr std::array<std::size_t, 4> care_band_first_age = {0, 75, 85, 90};

// Germany, December 2021: Destatis Pflegestatistik 2021 via GBE-Bund table 510:105
// ("Pflegebedürftige (Anzahl und Quote)"), FACTS-demography.md §3.
inline constexpr CareRateBands care_rates_de_2021 = {
    {0.023, 0.196, 0.432, 0.696}, // men:   <75, 75-<85, 85-<90, 90+
    {0.023, 0.271, 0.606, 0.864}, // women
};

// Expands the bands to cell_count rates (every single age of a band gets the band's rate).
std::vector<double> care_rates_by_cell(const CareRateBands& bands);

// Rising prevalence scenario: every rate multiplied by (1 + annual_increase)^years, capped at 1.
// annual_increase = 0 is the constant-rate base scenario (as in Destatis' Pflegevorausberechnung
// 2023). It is a scenario parameter, not an estimate: the observed rise (e.g. 90+: 76 % in 2019,
// 87 % in 2023) is partly the effect of the 2017 reform (FACTS §3).
std::vector<double> rising_prevalence(std::span<const double> rates, double annual_increase,
                                      double years);

// Where people in need of care are cared for. Shares sum to 1.
struct CareSettingShares {
    double home_relatives_only = 0.0; // care allowance only, cared for by relatives
    double home_ambulatory = 0.0;     // at home with an ambulatory care service
    double residential = 0.0;         // full-time residential care (nursing home)
};

// Germany, December 2019 (Destatis Pflegestatistik 2019 press release, FACTS §3): 2.33 m by
// relatives only, 0.98 m with an ambulatory service, 0.82 m in nursing homes, of 4.13 m; the shares
// are these counts divided by 4.13 m (own calc.). The 2021 split was not retrieved.
inline constexpr CareSettingShares care_settings_de_2019 = {2.33 / 4.13, 0.98 / 4.13,
                                                            0.82 / 4.13};

struct CareDemand {
    double total = 0.0;
    double home_relatives_only = 0.0;
    double home_ambulatory = 0.0;
    double residential = 0.0;
    double aged_65plus = 0.0; // of total: persons in need of care aged 65 and over
};

// Persons in need of care = sum over cells of population x rate, split by the setting shares.
// Throws lw::Error (input_value) for a bad population, rates outside [0, 1] or shares that are
// negative or do not sum to 1 (within 1e-3, since published shares are rounded).
CareDemand care_demand(Population population, std::span<const double> rates,
                       const CareSettingShares& settings = care_settings_de_2019);

} // namespace lw::demand
