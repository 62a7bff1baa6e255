#pragma once
// Age profile of migration: the Rogers-Castro model schedule (Rogers & Castro 1981, "Model
// Migration Schedules", IIASA RR-81-30)
//   m(x) = a1 exp(-alpha1 x)                                           childhood
//        + a2 exp(-alpha2 (x - mu2) - exp(-lambda2 (x - mu2)))           labour force
//        + a3 exp(-alpha3 (x - mu3) - exp(-lambda3 (x - mu3)))           retirement (optional)
//        + c
// evaluated at integer ages x = 0..100 (100 standing for 100+), normalised to sum 1 over ages.

#include "core/age_sex.hpp"

#include <span>
#include <vector>

namespace lw::demography {

struct RogersCastro {
    double a1 = 0, alpha1 = 0;
    double a2 = 0, alpha2 = 0, mu2 = 0, lambda2 = 0;
    double a3 = 0, alpha3 = 0, mu3 = 0, lambda3 = 0; // a3 = 0: no retirement peak
    double c = 0;
};

// The "fundamental" 7-parameter schedule of Rogers & Castro (1981) as reproduced in the R packages
// migest/agesched (rc9.fund): FACTS-demography.md section 6. No schedule fitted to German regions
// was found, so both sexes use it.
inline constexpr RogersCastro rogers_castro_fundamental{
    .a1 = 0.02, .alpha1 = 0.1, .a2 = 0.06, .alpha2 = 0.1, .mu2 = 20, .lambda2 = 0.4, .c = 0.003};

// m(x) for x = 0..100 (age_count values), unnormalised.
std::vector<double> rogers_castro_rates(const RogersCastro& params);

// Per sex, m(x) normalised to sum 1 over ages: cell_count values, each sex's block sums to 1.
std::vector<double> migration_profile(const RogersCastro& male, const RogersCastro& female);

// Weights over all cells summing to 1, for spreading a net migration count: the profile of each
// sex times its share (`male_share` for men, 1 - male_share for women). Assumption by default:
// net migration split evenly by sex (no sex-specific source found).
std::vector<double> migration_weights(std::span<const double> profile, double male_share = 0.5);

} // namespace lw::demography
