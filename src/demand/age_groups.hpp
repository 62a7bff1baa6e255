#pragma once
// Age-group demand: how many residents fall into a group (age range, sex filter), and how many
// places they need when each single age has an uptake rate (Kita attendance, school entry).
// Sources of the built-in groups and rates: docs/demand-and-housing.md#age-groups.

#include "demand/population.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lw::demand {

// An aggregate: ages first_age..last_age inclusive (last_age = open_age includes 100+), of one
// sex or both (sex empty).
struct AgeGroup {
    std::string name;
    std::size_t first_age = 0;
    std::size_t last_age = open_age;
    std::optional<Sex> sex;
};

// Throws lw::Error (input_value) if first_age > last_age or last_age > open_age.
void check_group(const AgeGroup& group);

// Residents in the group.
double count(Population population, const AgeGroup& group);

// One count per group, in the order given.
std::vector<double> count(Population population, const std::vector<AgeGroup>& groups);

// The planning groups of the brief: Kita U3 (0-2), Kita Ü3 (3-5), primary-school age (6-9),
// 10-18, 65+, 80+ (all both sexes).
std::vector<AgeGroup> standard_groups();

// Places (or pupils) = sum over cells of population x uptake; uptake holds cell_count shares.
double places(Population population, std::span<const double> uptake);

// Uptake per cell that is `rate_by_age[a - first_age]` for ages first_age.. and 0 elsewhere,
// the same for both sexes.
std::vector<double> uptake_by_age(std::size_t first_age, std::span<const double> rate_by_age);

// Kita attendance shares (Betreuungsquote, children in day care on 1 March as a share of the
// children of that age on 31 Dec of the previous year), Germany:
//   ages 0 / 1 / 2: 1.8 / 37.5 / 64.5 % (Destatis Kindertagesbetreuung, 1 March 2020);
//   ages 3-5: about 92 % (Destatis / Nachhaltigkeitsindikator 4.2.b, 2022, "≈ 92 %").
// FACTS-demography.md §5. The 3-5 value is only given rounded; 0-2 are exact.
inline constexpr std::array<double, 3> kita_under3_rate_de_2020 = {0.018, 0.375, 0.645};
inline constexpr double kita_3to5_rate_de_2022 = 0.92;

// Kita places needed: children aged 0-2 x the U3 rates plus children aged 3-5 x the Ü3 rate.
struct KitaDemand {
    double under3 = 0.0; // places for children aged 0-2
    double over3 = 0.0;  // places for children aged 3-5 (to school entry)
    double total() const { return under3 + over3; }
};
KitaDemand kita_places(Population population,
                       std::span<const double> under3_rate = kita_under3_rate_de_2020,
                       double over3_rate = kita_3to5_rate_de_2022);

// Primary-school pupils in Hesse (grades 1-4) from ages on 31 Dec: school starts on 1 August for
// children who are 6 by 30 June (§ 58 HSchG), so grades 1-4 hold about half of age 6, ages 7-9 and
// half of age 10 (FACTS-demography.md §5, own calc.; assumes births spread evenly over the year
// and ignores deferrals and early entry).
std::vector<double> primary_school_uptake_hesse();

} // namespace lw::demand
