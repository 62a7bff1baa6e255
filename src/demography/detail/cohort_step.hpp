#pragma once
// One year of a closed-form cohort-component step, only as far as calibrating net migration needs
// it (the projection engine lives in src/projection/). From 31.12 of year t to 31.12 of t+1:
//   survivors: P'(x+1) = P(x) S(x), P'(100+) = (P(99) + P(100+)) S(99);
//   births:    B = sum_x f(x) (F(x) + F'(x)) / 2 over women aged x on 31.12 of t and of t+1 (the
//              ASFR's age is the age reached in the calendar year), split by male_share_at_birth,
//              then surviving to 31.12 with Survival::births;
//   migrants:  net_migrants (cell_count, ages on 31.12 of t+1) added at the end.

#include "demography/survival.hpp"

#include <span>
#include <vector>

namespace lw::demography::detail {

std::vector<double> advance_one_year(std::span<const double> population, const Survival& survival,
                                     std::span<const double> fertility, double male_share_at_birth,
                                     std::span<const double> net_migrants);

} // namespace lw::demography::detail
