#pragma once
// A period life table of one sex in the age layout of core/age_sex.hpp: single ages 0..99 and the
// open group 100+. Built from the columns of Destatis table 12621-0001 (rows "0 Jahre" ...
// "100 Jahre"), or rebuilt from death probabilities after a mortality improvement.

#include "core/age_sex.hpp"

#include <array>
#include <span>
#include <string_view>

namespace lw::demography {

struct LifeTable {
    std::array<double, age_count> qx{}; // probability of dying in [x, x+1); 1 for the open group
    std::array<double, age_count> ax{}; // mean years lived in [x, x+1) by those dying in it
    std::array<double, age_count> lx{}; // survivors at exact age x (radix lx[0], e.g. 100,000)
    std::array<double, age_count> Lx{}; // person-years in [x, x+1); Lx[open_age] = all of 100+
    std::array<double, age_count> Tx{}; // person-years from x on
    double open_death_rate = 0;         // m(100+) = l(100) / T(100)
};
using LifeTables = std::array<LifeTable, sex_count>; // indexed by static_cast<size_t>(Sex)

// From the table's columns for single ages 0..100 (101 values each; the source's row 100 is the
// single year [100, 101), its T(100) covers 100+). Throws input_value (naming `what` and the age)
// when a column has the wrong length or is inconsistent: qx outside [0, 1], lx not positive or
// increasing, Lx not in [l(x+1), l(x)], T(x) != L(x) + T(x+1) by more than rounding.
LifeTable life_table_from_columns(std::span<const double> qx, std::span<const double> lx,
                                  std::span<const double> Lx, std::span<const double> Tx,
                                  std::string_view what);

// Rebuilds lx, Lx, Tx from qx, ax and the open group's death rate (radix lx[0] kept).
LifeTable rebuild(const LifeTable& table);

// e(x) = T(x) / l(x).
double life_expectancy(const LifeTable& table, std::size_t age = 0);

// Mortality improvement: every qx (x < 100) and the open group's death rate fall by
// `annual_reduction` per year for `years` years (q' = q (1 - r)^t), keeping each age's ax.
LifeTable improve_mortality(const LifeTable& table, double annual_reduction, double years);

// The uniform annual reduction r with e0(improve_mortality(table, r, years)) = target_e0, by
// bisection on [-0.05, 0.2]. Throws input_value when the target is outside that range.
double annual_reduction_for_e0(const LifeTable& table, double years, double target_e0);

// Life expectancy at birth in 2070 of the 15th coordinated population projection of Destatis
// (Dec 2022, base 31.12.2021), assumptions L1-L3 (FACTS-demography.md section 7).
struct LifeExpectancyTarget {
    int year = 0;
    double male = 0;
    double female = 0;
};
inline constexpr int kbv15_base_year = 2021;
inline constexpr LifeExpectancyTarget kbv15_l1{2070, 82.6, 86.1};
inline constexpr LifeExpectancyTarget kbv15_l2{2070, 84.6, 88.2};
inline constexpr LifeExpectancyTarget kbv15_l3{2070, 86.4, 90.1};

} // namespace lw::demography
