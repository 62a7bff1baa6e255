#pragma once
// Age-specific fertility rates (ASFR) of women aged 15..49, by the age the mother reaches in the
// calendar year (= her age on 31.12; Destatis, GENESIS 12612-0008). Germany 2017-2023 is shipped in
// data/demography/asfr-germany-2017-2023.csv; its shape is scaled to a scenario TFR.

#include "core/age_sex.hpp"

#include <span>
#include <vector>

namespace lw::demography {

inline constexpr std::size_t fertility_first_age = 15;
inline constexpr std::size_t fertility_last_age = 49;
inline constexpr std::size_t fertility_age_count = fertility_last_age - fertility_first_age + 1;

// Share of boys among live births: 0.513, Germany 2017-2023 pooled (105.4 boys per 100 girls),
// Destatis GENESIS 12612-0001 (FACTS-demography.md section 2).
inline constexpr double male_share_at_birth = 0.513;

// Rates per 1,000 women as published, one column per year.
struct AsfrTable {
    std::vector<int> years;
    std::vector<double> per_1000; // [year_idx * fertility_age_count + (age - 15)]
};

// Births per woman by age 0..100 (age_count values, zero outside 15..49): the mean of the rates
// of `years` (one year for a single year). Throws input_value for a year the table lacks or none.
std::vector<double> fertility_schedule(const AsfrTable& table, std::span<const int> years);

// Sum of the rates: the total fertility rate (TFR).
double total_fertility(std::span<const double> schedule);

// The schedule's shape with total fertility `tfr` (input_value if tfr < 0 or the shape is zero).
std::vector<double> scale_to_tfr(std::span<const double> schedule, double tfr);

} // namespace lw::demography
