#pragma once
// Survival for one projection step from 31.12 of one year to 31.12 of the next, from a period life
// table (Preston, Heuveline & Guillot 2001, "Demography", section 6.2):
//   people aged x on 31.12 (x < 99) reach age x+1 with S(x) = L(x+1) / L(x);
//   people aged 99 and 100+ together reach 100+ with S = T(100) / T(99);
//   births of the year are alive on 31.12 (aged 0) with L(0) / l(0).
// A stationary population (P(x) = L(x), l(0) births a year) is reproduced exactly.

#include "demography/life_table.hpp"

#include <array>
#include <vector>

namespace lw::demography {

struct Survival {
    std::vector<double> to_next;             // cell_count, [cell(sex, age)]: S(age)
    std::array<double, sex_count> births{};  // per sex: L(0) / l(0)
};

Survival survival_from_life_tables(const LifeTables& tables);

} // namespace lw::demography
