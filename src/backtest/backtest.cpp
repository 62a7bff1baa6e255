#include "backtest/backtest.hpp"

#include "core/error.hpp"
#include "demography/base_population.hpp"
#include "demography/fertility.hpp"
#include "demography/files.hpp"
#include "demography/from_workspace.hpp"
#include "demography/survival.hpp"
#include "import/stats/age_groups_csv.hpp"
#include "import/stats/life_table.hpp"
#include "import/stats/reference_date.hpp"
#include "outlook/official_counts.hpp"
#include "projection/deterministic.hpp"
#include "projection/monte_carlo.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace lw::backtest {

namespace {

using outlook::AreaCount;
using outlook::MatchedUnit;
using outlook::UnitForecast;

struct Rates {
    demography::Survival survival;
    std::vector<double> fertility; // age_count, births per woman
};

std::vector<AreaCount> keep_lands(std::vector<AreaCount> counts, const std::vector<std::string>& lands) {
    if (lands.empty()) {
        return counts;
    }
    std::erase_if(counts, [&](const AreaCount& a) {
        return std::find(lands.begin(), lands.end(), a.key.substr(0, 2)) == lands.end();
    });
    return counts;
}

// District age groups (both sexes) and district totals of 31.12.2018, by 5-digit key.
struct DistrictData {
    std::map<std::string, demography::AgeGroupCounts> groups;
    std::map<std::string, double> total_2018;
};

DistrictData read_districts(const std::filesystem::path& file) {
    const auto date = import::parse_reference_date("31.12.2018");
    const auto parsed = import::parse_age_groups_csv(file, *date);
    std::map<std::string, std::vector<store::PopulationValue>> by_key;
    for (const auto& v : parsed.population) {
        by_key[v.area_key].push_back(v);
    }
    DistrictData out;
    for (const auto& [key, values] : by_key) {
        if (key.size() != 5) {
            continue;
        }
        out.groups.emplace(key, demography::age_groups_from_population(values, date->year, parsed.source_table));
        for (const auto& v : values) {
            if (v.age_from == 0 && !v.age_to && v.value.value) {
                out.total_2018[key] = *v.value.value;
            }
        }
    }
    return out;
}

// Population on 31.12 of base + years per area, deterministic, with a net migration rate per head
// that is the same for every cell of an area (see the docs: no age profile of net migration).
std::vector<double> project_totals(const Rates& rates, const std::vector<double>& base,
                                   const std::vector<double>& rate, std::size_t years, unsigned threads,
                                   double* births = nullptr, double* deaths = nullptr) {
    projection::ProjectionInput in;
    in.area_count = rate.size();
    in.years = years;
    in.base_population = base;
    in.survival = rates.survival.to_next;
    in.birth_survival.assign(rates.survival.births.begin(), rates.survival.births.end());
    in.fertility = rates.fertility;
    in.male_share_at_birth = demography::male_share_at_birth;
    in.migration_rate.resize(in.area_count * cell_count);
    for (std::size_t a = 0; a < in.area_count; ++a) {
        std::fill_n(in.migration_rate.begin() + static_cast<std::ptrdiff_t>(a * cell_count), cell_count, rate[a]);
    }
    const auto result = projection::project(in, {.components = births != nullptr, .threads = threads});
    if (births != nullptr) {
        *births = std::accumulate(result.births.begin(), result.births.end(), 0.0);
        *deaths = std::accumulate(result.deaths.begin(), result.deaths.end(), 0.0);
    }
    std::vector<double> totals(in.area_count);
    for (std::size_t a = 0; a < in.area_count; ++a) {
        const auto first = result.population.begin() + static_cast<std::ptrdiff_t>(result.population_index(a, years));
        totals[a] = std::accumulate(first, first + static_cast<std::ptrdiff_t>(cell_count), 0.0);
    }
    return totals;
}

// Per area the uniform net migration rate that takes `base` to `observed` in `years` steps. The
// end total is nearly linear in the rate (only migrants' own births and deaths bend it), so a
// secant from 0 and two Newton corrections with that slope reach it to well below one person.
std::vector<double> calibrate_rates(const Rates& rates, const std::vector<double>& base,
                                    const std::vector<double>& observed, std::size_t years, unsigned threads) {
    const std::size_t n = observed.size();
    constexpr double probe = 0.005;
    const auto t0 = project_totals(rates, base, std::vector<double>(n, 0.0), years, threads);
    const auto t1 = project_totals(rates, base, std::vector<double>(n, probe), years, threads);
    std::vector<double> slope(n), rate(n);
    for (std::size_t a = 0; a < n; ++a) {
        slope[a] = (t1[a] - t0[a]) / probe;
        rate[a] = (observed[a] - t0[a]) / slope[a];
    }
    for (int iteration = 0; iteration < 2; ++iteration) {
        const auto t = project_totals(rates, base, rate, years, threads);
        for (std::size_t a = 0; a < n; ++a) {
            rate[a] += (observed[a] - t[a]) / slope[a];
        }
    }
    return rate;
}

double type7(const std::vector<std::int64_t>& sorted, double p) {
    const double h = (static_cast<double>(sorted.size()) - 1) * p;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    return static_cast<double>(sorted[lo]) + (h - static_cast<double>(lo)) * static_cast<double>(sorted[hi] - sorted[lo]);
}

// Unit-level inputs for the Monte-Carlo: the members' cells summed; each cell's rate the
// population-weighted mean of the members' rates (exact for the first step); the shock scaled by
// sqrt(sum P_i^2) / sum P_i, the sd of the mean of independent member shocks (1 for a single).
struct UnitInputs {
    std::vector<double> base;  // units x cell_count
    std::vector<double> rate;  // units x cell_count
    std::vector<double> shock_factor;
};

struct Interval {
    double median = 0, low = 0, high = 0;
};

class MonteCarlo {
public:
    MonteCarlo(const Rates& rates, const UnitInputs& inputs, const BacktestConfig& config)
        : rates_(rates), inputs_(inputs), config_(config) {}

    // 10 %, 50 % and 90 % quantiles of the 2019 total for the given units.
    std::vector<Interval> intervals(const std::vector<std::size_t>& units, double shock_sd) const {
        std::vector<Interval> out(units.size());
        std::vector<std::size_t> singles, pools;
        for (std::size_t k = 0; k < units.size(); ++k) {
            (inputs_.shock_factor[units[k]] == 1.0 ? singles : pools).push_back(k);
        }
        run(units, singles, shock_sd, config_.seed, out);
        for (const auto k : pools) {
            // Each pool in its own call for its own shock sd; its own seed keeps streams apart.
            run(units, {k}, shock_sd * inputs_.shock_factor[units[k]], config_.seed + 1 + units[k], out);
        }
        return out;
    }

private:
    void run(const std::vector<std::size_t>& units, const std::vector<std::size_t>& which, double shock_sd,
             std::uint64_t seed, std::vector<Interval>& out) const {
        if (which.empty()) {
            return;
        }
        projection::ProjectionInput in;
        in.area_count = which.size();
        in.years = 3;
        in.survival = rates_.survival.to_next;
        in.birth_survival.assign(rates_.survival.births.begin(), rates_.survival.births.end());
        in.fertility = rates_.fertility;
        in.male_share_at_birth = demography::male_share_at_birth;
        in.base_population.reserve(which.size() * cell_count);
        in.migration_rate.reserve(which.size() * cell_count);
        for (const auto k : which) {
            const auto at = static_cast<std::ptrdiff_t>(units[k] * cell_count);
            in.base_population.insert(in.base_population.end(), inputs_.base.begin() + at,
                                      inputs_.base.begin() + at + static_cast<std::ptrdiff_t>(cell_count));
            in.migration_rate.insert(in.migration_rate.end(), inputs_.rate.begin() + at,
                                     inputs_.rate.begin() + at + static_cast<std::ptrdiff_t>(cell_count));
        }
        projection::MonteCarloConfig mc;
        mc.runs = config_.runs;
        mc.seed = seed;
        mc.threads = config_.threads;
        mc.demographic_noise = true;
        mc.migration_shock_sd = shock_sd;
        mc.quantile_levels = {0.5}; // cell quantiles are not used; the total's distribution is
        mc.aggregates = {projection::Aggregate{}};
        const auto result = projection::simulate(in, mc);
        for (std::size_t a = 0; a < which.size(); ++a) {
            const auto values = projection::sorted_run_values(result, a, 3, 0);
            out[which[a]] = {type7(values, 0.5), type7(values, 0.1), type7(values, 0.9)};
        }
    }

    const Rates& rates_;
    const UnitInputs& inputs_;
    const BacktestConfig& config_;
};

double coverage_of(const std::vector<std::size_t>& units, const std::vector<Interval>& intervals,
                   const std::vector<MatchedUnit>& matched) {
    std::size_t inside = 0;
    for (std::size_t k = 0; k < units.size(); ++k) {
        const double actual = matched[units[k]].population_after;
        inside += (actual >= intervals[k].low && actual <= intervals[k].high) ? 1 : 0;
    }
    return units.empty() ? 0.0 : static_cast<double>(inside) / static_cast<double>(units.size());
}

std::vector<outlook::ErrorSummary> errors_on(const std::vector<MatchedUnit>& units, const std::vector<UnitForecast>& f,
                                             const std::vector<std::size_t>& subset) {
    std::vector<MatchedUnit> u;
    std::vector<UnitForecast> g;
    for (const auto i : subset) {
        u.push_back(units[i]);
        g.push_back(f[i]);
    }
    return outlook::summarise_errors(u, g);
}

} // namespace

std::size_t size_class_of(double population_2016) {
    std::size_t c = size_class_count - 1;
    while (c > 0 && population_2016 < size_class_from[c]) {
        --c;
    }
    return c;
}

BacktestConfig demo_config(const std::filesystem::path& data_dir) {
    BacktestConfig c;
    c.gv100ad = data_dir / "statistics/gv100ad-2018/GV100AD_300918.ASC";
    c.gvisys = data_dir / "statistics/gv-isys-2019/AuszugGV4QAktuell.csv";
    c.age_groups = data_dir / "statistics/kreise-altersgruppen-2018/bev.csv";
    c.life_table = data_dir / "statistics/sterbetafel/Sterbetafel2016-2018.csv";
    c.asfr = data_dir / "demography/asfr-germany-2017-2023.csv";
    return c;
}

BacktestReport run_backtest(const BacktestConfig& config) {
    const auto clock = std::chrono::steady_clock::now();
    BacktestReport report;

    // --- Counts and matching.
    const auto before = outlook::read_official_counts(config.gv100ad, "31.12.2016");
    const auto after = outlook::read_official_counts(config.gvisys, "31.12.2019");
    const auto total_2016 = keep_lands(before.total, config.lands);
    const auto male_2016 = keep_lands(before.male, config.lands);
    const auto total_2019 = keep_lands(after.total, config.lands);
    report.municipalities_2016 = total_2016.size();
    report.municipalities_2019 = total_2019.size();
    report.units = outlook::match_areas(total_2016, total_2019);

    // --- Rates: life table 2016/18, ASFR of one year at its own TFR.
    Rates rates;
    const auto tables = demography::life_tables_from_rows(import::parse_life_table(config.life_table).life_table);
    rates.survival = demography::survival_from_life_tables(tables);
    const std::vector<int> asfr_years{config.asfr_year};
    rates.fertility = demography::fertility_schedule(demography::read_asfr_table(config.asfr), asfr_years);

    // --- Base 2016 by single age and sex: the district's 2018 groups, the municipality's total
    // and male count (a simplification: 2018 groups for a 2016 base).
    const auto districts = read_districts(config.age_groups);
    const std::size_t n = total_2016.size();
    std::vector<double> base(n * cell_count, 0.0);
    std::map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < n; ++i) {
        const auto& key = total_2016[i].key;
        index_of[key] = i;
        const double total = total_2016[i].population.value_or(0.0);
        if (total <= 0) {
            continue; // uninhabited, or not given (its unit is not scored)
        }
        const auto g = districts.groups.find(key.substr(0, 5));
        if (g == districts.groups.end()) {
            throw Error(ErrorKind::input_value, fmt::format("{}: no age groups for district {} in {}", key,
                                                            key.substr(0, 5), config.age_groups.string()));
        }
        std::optional<demography::SexTotals> sexes;
        const auto& male = male_2016[i].population;
        if (male && *male > 0 && *male < total) {
            sexes = demography::SexTotals{*male, total - *male};
        }
        const auto pop = demography::disaggregate_population(g->second, total, sexes, tables,
                                                             demography::male_share_at_birth);
        std::copy(pop.begin(), pop.end(), base.begin() + static_cast<std::ptrdiff_t>(i * cell_count));
    }

    // --- Net migration 2017-2018 per district: the rate that takes the district's 2016 base
    // (sum of its municipalities) to its 31.12.2018 total. A district with a municipality count
    // not given is left out (its 2016 sum would be too low) and gets the pooled rate.
    std::map<std::string, std::vector<std::size_t>> members;
    std::set<std::string> incomplete;
    for (std::size_t i = 0; i < n; ++i) {
        const auto d = total_2016[i].key.substr(0, 5);
        members[d].push_back(i);
        if (!total_2016[i].population) {
            incomplete.insert(d);
        }
    }
    std::vector<std::string> calibrated;
    std::vector<double> district_base, observed;
    std::vector<double> pooled_base(cell_count, 0.0);
    double pooled_observed = 0;
    for (const auto& [d, idx] : members) {
        const auto t = districts.total_2018.find(d);
        if (incomplete.contains(d) || t == districts.total_2018.end()) {
            continue;
        }
        calibrated.push_back(d);
        observed.push_back(t->second);
        pooled_observed += t->second;
        const auto at = district_base.size();
        district_base.resize(at + cell_count, 0.0);
        for (const auto i : idx) {
            for (std::size_t c = 0; c < cell_count; ++c) {
                district_base[at + c] += base[i * cell_count + c];
                pooled_base[c] += base[i * cell_count + c];
            }
        }
    }
    const auto district_rates = calibrate_rates(rates, district_base, observed, 2, config.threads);
    report.national_rate = calibrate_rates(rates, pooled_base, {pooled_observed}, 2, config.threads)[0];
    std::map<std::string, double> rate_of;
    for (std::size_t k = 0; k < calibrated.size(); ++k) {
        rate_of[calibrated[k]] = district_rates[k];
        report.district_rate.emplace_back(calibrated[k], district_rates[k]);
    }
    report.districts_without_rate = members.size() - calibrated.size();

    // --- Deterministic methods per municipality, 3 steps to 31.12.2019.
    std::vector<double> r_district(n), r_national(n, report.national_rate);
    for (std::size_t i = 0; i < n; ++i) {
        const auto it = rate_of.find(total_2016[i].key.substr(0, 5));
        r_district[i] = it == rate_of.end() ? report.national_rate : it->second;
    }
    const auto natural = project_totals(rates, base, std::vector<double>(n, 0.0), 3, config.threads,
                                        &report.natural_births, &report.natural_deaths);
    const auto by_district = project_totals(rates, base, r_district, 3, config.threads);
    const auto by_national = project_totals(rates, base, r_national, 3, config.threads);

    const std::size_t u_count = report.units.size();
    report.rows.resize(u_count);
    UnitInputs inputs;
    inputs.base.assign(u_count * cell_count, 0.0);
    std::vector<double> district_migrants(u_count * cell_count, 0.0), national_migrants(u_count * cell_count, 0.0);
    inputs.shock_factor.assign(u_count, 1.0);
    std::vector<std::size_t> scored[2];
    for (std::size_t u = 0; u < u_count; ++u) {
        const auto& unit = report.units[u];
        auto& row = report.rows[u];
        row.naive = unit.population_before;
        double sum = 0, sum_sq = 0;
        for (const auto& key : unit.before) {
            const auto i = index_of.at(key);
            row.natural += natural[i];
            row.district += by_district[i];
            row.national += by_national[i];
            double p = 0;
            for (std::size_t c = 0; c < cell_count; ++c) {
                const double v = base[i * cell_count + c];
                inputs.base[u * cell_count + c] += v;
                district_migrants[u * cell_count + c] += v * r_district[i];
                national_migrants[u * cell_count + c] += v * r_national[i];
                p += v;
            }
            sum += p;
            sum_sq += p * p;
        }
        if (unit.before.size() > 1 && sum > 0) {
            inputs.shock_factor[u] = std::sqrt(sum_sq) / sum;
        }
        const int district = unit.before.empty() ? 0 : std::stoi(unit.before.front().substr(2, 3));
        row.half = district % 2 == 1 ? Half::calibration : Half::held_out;
        row.scored = unit.complete && unit.population_before > 0 && unit.population_after > 0;
        if (row.scored) {
            scored[static_cast<int>(row.half)].push_back(u);
        }
    }
    report.scored_calibration = scored[0].size();
    report.scored_held_out = scored[1].size();

    // --- Errors of the deterministic methods on all units; the best one on the calibration half.
    const auto forecasts = [&](double UnitRow::*field) {
        std::vector<UnitForecast> f(u_count);
        for (std::size_t u = 0; u < u_count; ++u) {
            f[u].expected = report.rows[u].*field;
        }
        return f;
    };
    struct Method {
        const char* name;
        double UnitRow::*field;
        const std::vector<double>* migrants; // per unit cell, for the Monte-Carlo rates
    };
    const std::vector<Method> methods{{"naive (no change)", &UnitRow::naive, nullptr},
                                      {"zero net migration", &UnitRow::natural, nullptr},
                                      {"district migration 2016-18", &UnitRow::district, &district_migrants},
                                      {"national migration 2016-18", &UnitRow::national, &national_migrants}};
    std::vector<UnitForecast> best_forecasts;
    double best_median = 1e300;
    const Method* best = nullptr;
    for (const auto& m : methods) {
        const auto f = forecasts(m.field);
        report.methods.push_back({m.name, "all units", outlook::summarise_errors(report.units, f)});
        const double median = errors_on(report.units, f, scored[0]).back().median_ape;
        if (m.field != &UnitRow::naive && median < best_median) {
            best_median = median;
            best = &m;
            best_forecasts = f;
        }
    }
    report.best_method = best->name;
    for (std::size_t u = 0; u < u_count; ++u) {
        const std::vector<double>* migrants = best->migrants;
        for (std::size_t c = 0; c < cell_count; ++c) {
            const double p = inputs.base[u * cell_count + c];
            inputs.rate.push_back(migrants == nullptr || p <= 0 ? 0.0 : (*migrants)[u * cell_count + c] / p);
        }
    }
    // A cell empty in the base gets the unit's mean rate (it can receive migrants by ageing in).
    for (std::size_t u = 0; u < u_count; ++u) {
        const std::vector<double>* migrants = best->migrants;
        if (migrants == nullptr || report.units[u].population_before <= 0) {
            continue;
        }
        const auto first = static_cast<std::ptrdiff_t>(u * cell_count);
        const double mean = std::accumulate(migrants->begin() + first, migrants->begin() + first + static_cast<std::ptrdiff_t>(cell_count), 0.0) /
                            std::accumulate(inputs.base.begin() + first, inputs.base.begin() + first + static_cast<std::ptrdiff_t>(cell_count), 0.0);
        for (std::size_t c = 0; c < cell_count; ++c) {
            if (inputs.base[u * cell_count + c] <= 0) {
                inputs.rate[u * cell_count + c] = mean;
            }
        }
    }

    // --- Calibration of migration_shock_sd per size class on the calibration half, by bisection
    // (common random numbers: the same seed at every step, so coverage moves with the sd only).
    const MonteCarlo mc(rates, inputs, config);
    std::vector<std::size_t> by_class[2][size_class_count];
    for (int h = 0; h < 2; ++h) {
        for (const auto u : scored[h]) {
            by_class[h][size_class_of(report.units[u].population_before)].push_back(u);
        }
    }
    report.shock_sd.assign(size_class_count, 0.0);
    for (std::size_t c = 0; c < size_class_count; ++c) {
        const auto& units = by_class[0][c];
        if (units.empty()) {
            continue;
        }
        double lo = 0, hi = config.shock_sd_max;
        std::vector<CalibrationStep> steps;
        for (int step = 0; step < config.calibration_steps; ++step) {
            const double sd = step == 0 ? 0.0 : (lo + hi) / 2; // first: demographic noise alone
            const double cov = coverage_of(units, mc.intervals(units, sd), report.units);
            steps.push_back({c, sd, cov});
            if (step > 0) {
                (cov < config.target_coverage ? lo : hi) = sd;
            } else if (cov >= config.target_coverage) {
                break; // demographic noise alone covers enough
            }
        }
        report.shock_sd[c] = std::min_element(steps.begin(), steps.end(), [&](const auto& a, const auto& b) {
                                 return std::abs(a.coverage - config.target_coverage) <
                                        std::abs(b.coverage - config.target_coverage);
                             })->shock_sd;
        report.calibration.insert(report.calibration.end(), steps.begin(), steps.end());
    }

    // --- Final run with the calibrated spreads on both halves; coverage scored on the held-out half.
    std::vector<UnitForecast> mc_forecasts(u_count);
    for (int h = 0; h < 2; ++h) {
        std::size_t inside = 0;
        for (std::size_t c = 0; c < size_class_count; ++c) {
            const auto& units = by_class[h][c];
            const auto iv = mc.intervals(units, report.shock_sd[c]);
            for (std::size_t k = 0; k < units.size(); ++k) {
                auto& row = report.rows[units[k]];
                row.mc_median = iv[k].median;
                row.mc_low80 = iv[k].low;
                row.mc_high80 = iv[k].high;
                mc_forecasts[units[k]] = {iv[k].median, iv[k].low, iv[k].high};
                const double actual = report.units[units[k]].population_after;
                inside += actual >= iv[k].low && actual <= iv[k].high;
            }
        }
        (h == 0 ? report.coverage_calibration : report.coverage_held_out) =
            scored[h].empty() ? 0.0 : static_cast<double>(inside) / static_cast<double>(scored[h].size());
    }
    report.methods.push_back({fmt::format("{} (deterministic)", best->name), "held-out half",
                              errors_on(report.units, best_forecasts, scored[1])});
    report.methods.push_back({fmt::format("Monte-Carlo {}, median and 80 % interval", best->name), "held-out half",
                              errors_on(report.units, mc_forecasts, scored[1])});
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - clock).count();
    return report;
}

std::string format_report(const BacktestReport& report) {
    std::string out = fmt::format(
        "Backtest 31.12.2016 -> 31.12.2019: {} municipalities (2016), {} (2019), {} matched units, "
        "{} scored ({} calibration half, {} held-out half)\n"
        "net migration 2017-18: pooled {:+.4f} per head and year; {} district rates, {} districts without one\n"
        "zero migration, 2017-19 summed: {:.0f} births (surviving and not), {:.0f} deaths\n\n",
        report.municipalities_2016, report.municipalities_2019, report.units.size(),
        report.scored_calibration + report.scored_held_out, report.scored_calibration, report.scored_held_out,
        report.national_rate, report.district_rate.size(), report.districts_without_rate, report.natural_births,
        report.natural_deaths);
    out += "| method | scored on | 2016 population | units | median APE | P90 APE | mean signed error | coverage 80 % |\n"
           "|---|---|---|---|---|---|---|---|\n";
    for (const auto& m : report.methods) {
        for (const auto& e : m.errors) {
            out += fmt::format("| {} | {} | {} | {} | {:.2f} % | {:.2f} % | {:+.2f} % | {} |\n", m.method, m.scored_on,
                               e.size_class, e.units, e.median_ape, e.p90_ape, e.mean_error,
                               e.coverage80 ? fmt::format("{:.1f} %", 100 * *e.coverage80) : std::string("–"));
        }
    }
    out += fmt::format("\nbest deterministic method (calibration half): {}\ncalibration of migration_shock_sd:\n",
                       report.best_method);
    for (const auto& s : report.calibration) {
        out += fmt::format("  class {} sd {:.5f}: coverage {:.1f} %\n", s.size_class, s.shock_sd, 100 * s.coverage);
    }
    out += "chosen sd per class:";
    for (const double sd : report.shock_sd) {
        out += fmt::format(" {:.5f}", sd);
    }
    out += fmt::format("\ncoverage {:.1f} % (calibration half), {:.1f} % (held-out half); {:.1f} s\n",
                       100 * report.coverage_calibration, 100 * report.coverage_held_out, report.seconds);
    return out;
}

} // namespace lw::backtest
