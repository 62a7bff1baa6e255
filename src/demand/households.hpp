#pragma once
// Households and dwellings from a population by age and sex: a reduced headship-rate method.
// Published headship rates by age of the reference person were not found (FACTS-demography.md
// §4), so only one-person households come from age- and sex-specific rates (the living-alone
// shares); everyone else lives in multi-person households whose mean size and size split come
// from a reference distribution or are calibrated to an observed household count.
// Method and sources: docs/demand-and-housing.md#households.

#include "demand/population.hpp"

#include <array>
#include <vector>

namespace lw::demand {

// Shares of persons living alone, per cell: Mikrozensus 2011 (Destatis, "Alleinlebende in
// Deutschland", 2012; FACTS §4): men 18-64 23 %, women 18-64 17 %, men 65+ 19 %, women 65+ 45 %.
// Under 18: 0 (assumption: minors are not counted as one-person households).
std::vector<double> living_alone_de_2011();

// A household size distribution: shares of households with 1, 2, 3, 4, 5+ persons, and the mean
// number of persons per household.
struct HouseholdSizeReference {
    std::array<double, 5> share{};
    double persons_per_household = 0.0;
};

// Germany 2018, Mikrozensus: 42 / 34 / 12 / 9 / 3 %, 1.99 persons per household (Destatis press
// release 2019, FACTS §4).
inline constexpr HouseholdSizeReference household_sizes_de_2018 = {{0.42, 0.34, 0.12, 0.09, 0.03},
                                                                   1.99};

struct HouseholdConfig {
    std::vector<double> living_alone;    // cell_count shares
    double multi_person_mean_size = 0.0; // persons per household of 2 or more persons, >= 2
    std::array<double, 4> multi_size_share{}; // of multi-person households: 2, 3, 4, 5+ persons
    double dwelling_reserve = 0.0; // fluctuation reserve on top of households (user parameter;
                                   // no sourced default, see docs)
};

// The configuration implied by a reference: multi-person mean size = (mean - s1) / (1 - s1), size
// split = s_k / (1 - s1). Germany 2018 gives (1.99 - 0.42) / 0.58 = 2.707 persons.
HouseholdConfig household_config(std::vector<double> living_alone,
                                 const HouseholdSizeReference& reference);

// Calibration to an observed household count of the base year (e.g. Zensus 2011 dwelling
// households of the municipality): the multi-person mean size that reproduces it,
// (P - H1) / (households - H1). Throws lw::Error (input_value) unless H1 < households <=
// (P + H1) / 2, i.e. the implied mean size is at least 2.
double calibrate_multi_person_size(Population population, std::span<const double> living_alone,
                                   double observed_households);

struct HouseholdDemand {
    std::array<double, 5> by_size{}; // households with 1, 2, 3, 4, 5+ persons
    double households = 0.0;
    double persons = 0.0;            // the population placed in households (all of it)
    double dwellings = 0.0;          // households x (1 + dwelling_reserve)
    double persons_per_household() const { return households > 0.0 ? persons / households : 0.0; }
};

// H1 = sum over cells of population x living_alone; multi-person households = (P - H1) /
// multi_person_mean_size, split by multi_size_share. Throws lw::Error (input_value) for bad
// inputs (shares outside [0, 1] or not summing to 1, mean size < 2, negative reserve).
HouseholdDemand household_demand(Population population, const HouseholdConfig& config);

} // namespace lw::demand
