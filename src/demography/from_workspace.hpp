#pragma once
// Adapters from workspace records (src/store/statistics.hpp) to the demography inputs. Part of
// lw_demography_io.

#include "demography/base_population.hpp"
#include "demography/life_table.hpp"
#include "store/statistics.hpp"

#include <string>
#include <vector>

namespace lw::demography {

// Both sexes' tables from the rows of one period (store::read_life_table), ages 0..100 each.
// Throws workspace when a sex or an age is missing or repeated, input_value when inconsistent.
LifeTables life_tables_from_rows(const std::vector<store::LifeTableRow>& rows);

// The age groups of one area and year, both sexes (store::read_population rows with sex total and
// a bounded or open age range; the all-ages total row is skipped). Throws workspace when the
// groups of that year and source table do not tile 0..open, or none exist.
AgeGroupCounts age_groups_from_population(const std::vector<store::PopulationValue>& values,
                                          int year, const std::string& source_table);

} // namespace lw::demography
