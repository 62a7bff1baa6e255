#pragma once
// A population projection of the workspace's municipalities under one scenario: inputs from the
// workspace (totals of two years, the district's age groups, life tables) and the shipped ASFR
// table, migration calibrated per municipality and shrunk toward the region, the cohort-component
// engine (deterministic and Monte-Carlo), derived demand; results stored in one transaction.
// Method and assumptions: docs/population-projection.md.

#include "outlook/scenario.hpp"
#include "store/sqlite.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace lw::outlook {

struct Capacity {
    std::string ags;
    std::string indicator; // e.g. children_3_5
    double places = 0;
};

struct ProjectionConfig {
    ScenarioSpec scenario;
    std::filesystem::path asfr_file; // data/demography/asfr-germany-2017-2023.csv
    std::vector<Capacity> capacities;
    bool replace = false; // replace a stored scenario of the same name
};

struct MunicipalityOutlook {
    std::string ags, name;
    double base = 0;              // base-year count
    double calibrated_rate = 0;   // net migration per head and year, from the two totals
    double shrunk_rate = 0;       // after empirical Bayes shrinkage (times the scenario factor)
    double own_weight = 0;        // weight of the municipality's own rate in the shrunk one
};

struct ProjectionReport {
    std::int64_t scenario_id = 0;
    int base_year = 0, start_year = 0, last_year = 0;
    std::string life_table_period;
    std::vector<MunicipalityOutlook> municipalities;
    std::vector<std::string> skipped;   // municipalities without inhabitants or data, with why
    std::vector<std::string> assumptions; // one line each, also stored with the scenario
    double seconds = 0;
};

ProjectionReport run_projection(store::Database& db, const ProjectionConfig& config);

// Demand indicators stored per municipality and year, with their age ranges.
struct Indicator {
    const char* id;
    std::size_t age_from, age_to;
};
inline constexpr Indicator indicators[] = {
    {"total", 0, 100},         {"children_0_2", 0, 2},  {"children_3_5", 3, 5},
    {"children_6_9", 6, 9},    {"young_10_18", 10, 18}, {"seniors_65plus", 65, 100},
    {"seniors_80plus", 80, 100},
};

} // namespace lw::outlook
