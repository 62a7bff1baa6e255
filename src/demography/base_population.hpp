#pragma once
// Base population by single age and sex for a municipality that only has a total (and perhaps
// totals by sex), from the age groups of its district (both sexes together):
//   1. the municipality's count per age group = total x the district's share of the group;
//   2. within a group, ages get the shape of the stationary population of the life tables
//      (L(x) of boys and girls mixed by the sex ratio at birth): flat in childhood, falling with
//      mortality in old age, and for the open group 75+ the whole 75..100+ tail;
//   3. per age, the sexes get the stationary population's split (births split by
//      male_share_at_birth, then each sex's L(x) / l(0));
//   4. with totals by sex, iterative proportional fitting matches both the age totals of 1.-2.
//      and the sex totals.
// Weakness: the real age structure inside a group follows past birth cohorts and migration
// (e.g. the small cohorts of 1945-46 inside 70-74), which the stationary shape ignores.

#include "demography/life_table.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace lw::demography {

// Contiguous age groups from 0 to 100+: group g covers ages first_age[g] .. first_age[g+1] - 1,
// the last group is open (e.g. 75+). first_age[0] must be 0.
struct AgeGroupCounts {
    std::vector<std::size_t> first_age;
    std::vector<double> count;
};

struct SexTotals {
    double male = 0;
    double female = 0;
};

// The population of the municipality, cell_count values summing to `total` (relative 1e-9).
// Throws input_value for malformed groups, a zero or negative district, a negative total, or sex
// totals that do not add up to `total`.
std::vector<double> disaggregate_population(const AgeGroupCounts& district, double total,
                                            const std::optional<SexTotals>& sex_totals,
                                            const LifeTables& tables,
                                            double male_share_at_birth);

// Whole persons: floors, then the remaining units to the largest fractional parts (ties to the
// lower index), so the result sums to `total` exactly. Throws input_value when a value is negative
// or the values do not sum to `total` within 1e-6 relative.
std::vector<std::int64_t> round_largest_remainder(std::span<const double> values,
                                                  std::int64_t total);

} // namespace lw::demography
