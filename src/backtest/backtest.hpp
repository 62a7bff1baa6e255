#pragma once
// Backtest of the population projection on real data (docs/projection-backtest.md): every German
// municipality is projected from 31.12.2016 (GV100AD of 30.09.2018) to 31.12.2019 with several
// methods, summed to units matched across the mergers (outlook::match_areas) and compared with
// GV-ISys 2019. No input looks at a 2019 figure: net migration comes from the district totals of
// 31.12.2018 (age groups file) against 2016, and the spread of the Monte-Carlo intervals is
// calibrated on one half of the units (odd district codes) and scored on the other.

#include "outlook/area_matching.hpp"
#include "outlook/backtest_errors.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace lw::backtest {

// Size classes of the 2016 population, as in outlook::summarise_errors: the spread of the
// Monte-Carlo is calibrated per class, because a rate shock of one size is too wide for towns
// and too narrow for villages (their relative errors differ by a factor of ten).
inline constexpr double size_class_from[] = {0, 1000, 5000, 20000, 100000};
inline constexpr std::size_t size_class_count = 5;
std::size_t size_class_of(double population_2016);

struct BacktestConfig {
    std::filesystem::path gv100ad;     // data/statistics/gv100ad-2018/GV100AD_300918.ASC (31.12.2016)
    std::filesystem::path gvisys;      // data/statistics/gv-isys-2019/AuszugGV4QAktuell.csv (31.12.2019)
    std::filesystem::path age_groups;  // data/statistics/kreise-altersgruppen-2018/bev.csv (31.12.2018)
    std::filesystem::path life_table;  // data/statistics/sterbetafel/Sterbetafel2016-2018.csv
    std::filesystem::path asfr;        // data/demography/asfr-germany-2017-2023.csv
    // Two-digit Land codes to keep (empty: all of Germany). Matching, rates and the "national"
    // migration rate then refer to these Länder only.
    std::vector<std::string> lands;
    int asfr_year = 2017; // the ASFR year nearest to the 2017-2019 steps that precedes 2019
    std::uint32_t runs = 200;
    std::uint64_t seed = 1;
    unsigned threads = 0; // 0: all cores
    // Calibration of migration_shock_sd by bisection on [0, shock_sd_max] to the target coverage.
    double target_coverage = 0.80;
    double shock_sd_max = 0.03; // per head and year; 3 % is far above any observed spread
    int calibration_steps = 8;
};

// One method's errors per size class (outlook::summarise_errors order: 5 classes, then "all").
struct MethodResult {
    std::string method;
    std::string scored_on; // "all units" or "held-out half"
    std::vector<outlook::ErrorSummary> errors;
};

enum class Half { calibration, held_out };

struct UnitRow {
    Half half = Half::calibration; // odd district code of the unit's first 2016 code: calibration
    bool scored = false;           // complete and inhabited at both dates
    // 31.12.2019 forecasts: naive, zero migration, district migration, national migration.
    double naive = 0, natural = 0, district = 0, national = 0;
    double mc_median = 0, mc_low80 = 0, mc_high80 = 0; // Monte-Carlo of the best method
};

struct CalibrationStep {
    std::size_t size_class = 0; // index into size_classes
    double shock_sd = 0;
    double coverage = 0; // on the calibration half
};

struct BacktestReport {
    std::size_t municipalities_2016 = 0, municipalities_2019 = 0;
    std::vector<outlook::MatchedUnit> units;
    std::vector<UnitRow> rows; // parallel to units
    std::size_t scored_calibration = 0, scored_held_out = 0;
    // Net migration per head and year 2017-2018: per district (key 5 digits) and pooled.
    std::vector<std::pair<std::string, double>> district_rate;
    std::size_t districts_without_rate = 0; // a municipality count missing: national rate used
    double national_rate = 0;
    double natural_births = 0, natural_deaths = 0; // zero migration, all municipalities, 3 years
    std::vector<MethodResult> methods;
    std::string best_method; // best deterministic method by median APE on the calibration half
    std::vector<CalibrationStep> calibration;
    std::vector<double> shock_sd;   // calibrated migration_shock_sd per size class
    double coverage_calibration = 0; // final run, calibration half
    double coverage_held_out = 0;    // final run, held-out half: the honest figure
    double seconds = 0;
};

BacktestReport run_backtest(const BacktestConfig& config);

// The demo data paths under `data_dir` (the repository's data/).
BacktestConfig demo_config(const std::filesystem::path& data_dir);

// The results as a Markdown table (method x size class) with the calibration, for the CLI.
std::string format_report(const BacktestReport& report);

} // namespace lw::backtest
