#include "outlook/projection_run.hpp"

#include "core/error.hpp"
#include "core/version.hpp"
#include "demand/care.hpp"
#include "demand/exceedance.hpp"
#include "demand/households.hpp"
#include "demography/base_population.hpp"
#include "demography/fertility.hpp"
#include "demography/files.hpp"
#include "demography/from_workspace.hpp"
#include "demography/life_table.hpp"
#include "demography/migration_profile.hpp"
#include "demography/net_migration.hpp"
#include "demography/shrinkage.hpp"
#include "demography/survival.hpp"
#include "projection/deterministic.hpp"
#include "projection/monte_carlo.hpp"
#include "store/features.hpp"
#include "store/statistics.hpp"
#include "store/workspace.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <numeric>

namespace lw::outlook {

namespace {

// z of the 90 % quantile of the standard normal: the kBV's low and high variants are read as the
// 10 % and 90 % quantiles of the national uncertainty (an assumption).
constexpr double z90 = 1.2815515655446004;

// Migration shock (sd of the net migration rate per head and year) by size class of the
// municipality (< 1,000; 1,000-4,999; 5,000-19,999; 20,000-99,999; 100,000+), calibrated by the
// backtest of all German municipalities 2016 -> 2019 so that 80 % intervals cover 80 % of the
// held-out half (docs/projection-backtest.md: 80.3 %). Calibrated on three years.
constexpr double shock_sd_by_size[] = {0.0169, 0.0127, 0.0094, 0.0056, 0.0038};
constexpr double size_class_from[] = {0, 1000, 5000, 20000, 100000};

std::size_t size_class(double population) {
    std::size_t c = std::size(size_class_from) - 1;
    while (population < size_class_from[c]) {
        --c;
    }
    return c;
}

struct Totals {
    std::optional<double> total, male, female;
};

// Totals (and by sex, where given) of a municipality per year.
std::map<int, Totals> totals_of(store::Database& db, const std::string& ags) {
    std::map<int, Totals> out;
    for (const auto& v : store::read_population(db, ags)) {
        if (v.age_from != 0 || v.age_to || !v.value.value) {
            continue;
        }
        auto& t = out[v.year];
        (v.sex == store::Sex::total ? t.total : v.sex == store::Sex::male ? t.male : t.female) = *v.value.value;
    }
    return out;
}

// The newest age groups of the district (both sexes), with their year.
std::pair<int, demography::AgeGroupCounts> district_groups(store::Database& db, const std::string& district) {
    const auto rows = store::read_population(db, district);
    int year = 0;
    std::string table;
    for (const auto& v : rows) {
        if (v.sex == store::Sex::total && v.age_to && v.year >= year) {
            year = v.year;
            table = v.source_table;
        }
    }
    if (year == 0) {
        throw Error(ErrorKind::workspace,
                    fmt::format("no age groups for district {} (import e.g. data/statistics/kreise-altersgruppen-2018/bev.csv)", district));
    }
    return {year, demography::age_groups_from_population(rows, year, table)};
}

std::string newest_life_table_period(store::Database& db) {
    store::Statement stmt(db, "SELECT DISTINCT period FROM life_tables ORDER BY period DESC LIMIT 1");
    if (!stmt.step()) {
        throw Error(ErrorKind::workspace, "no life tables in the workspace (import data/statistics/sterbetafel/*.csv)");
    }
    return stmt.get_text(0);
}

// "2022/24" -> 2023, the middle year of the period.
double period_middle(const std::string& period) {
    const int first = std::stoi(period.substr(0, 4));
    return first + 1.0;
}

demography::LifeTables improved(const demography::LifeTables& tables, const std::array<double, 2>& rate, double years) {
    demography::LifeTables out;
    for (std::size_t s = 0; s < sex_count; ++s) {
        out[s] = demography::improve_mortality(tables[s], rate[s], std::max(0.0, years));
    }
    return out;
}


} // namespace

ProjectionReport run_projection(store::Database& db, const ProjectionConfig& config) {
    const auto start_clock = std::chrono::steady_clock::now();
    const ScenarioSpec& spec = config.scenario;
    ProjectionReport report;

    // --- Municipalities with totals in (at least) two years.
    struct Area {
        std::string ags, name;
        std::map<int, Totals> totals;
    };
    std::vector<Area> areas;
    for (const auto& m : store::read_municipalities(db, false)) {
        auto totals = totals_of(db, m.ags);
        std::erase_if(totals, [](const auto& kv) { return !kv.second.total; });
        if (totals.empty() || totals.rbegin()->second.total.value_or(0) <= 0) {
            report.skipped.push_back(fmt::format("{} {}: no inhabitants or no total", m.ags, m.name));
            continue;
        }
        areas.push_back({m.ags, m.name, std::move(totals)});
    }
    if (areas.empty()) {
        throw Error(ErrorKind::workspace, "no municipality with a population total (import statistics first)");
    }
    int base_year = 0;
    for (const auto& [year, t] : areas.front().totals) {
        if (std::all_of(areas.begin(), areas.end(), [y = year](const Area& a) { return a.totals.contains(y); })) {
            base_year = std::max(base_year, year);
        }
    }
    int start_year = 0;
    for (const auto& [year, t] : areas.front().totals) {
        if (year < base_year &&
            std::all_of(areas.begin(), areas.end(), [y = year](const Area& a) { return a.totals.contains(y); })) {
            start_year = year; // the latest earlier year: the calibration window
        }
    }
    if (base_year == 0) {
        throw Error(ErrorKind::workspace, "the municipalities have no year with totals in common");
    }
    if (spec.last_year <= base_year) {
        throw Error(ErrorKind::usage, fmt::format("--until {} is not after the base year {}", spec.last_year, base_year));
    }
    // Bad requests fail before the minutes of simulation, not after.
    const auto exists = [&] {
        store::Statement find(db, "SELECT id FROM projection_scenarios WHERE name = ?");
        find.bind(1, spec.name);
        return find.step() ? std::optional<std::int64_t>(find.get_int(0)) : std::nullopt;
    };
    if (exists() && !config.replace) {
        throw Error(ErrorKind::usage, fmt::format("a projection \"{}\" exists (use --replace)", spec.name));
    }
    // Per capacity: the municipality and the indicator (= Monte-Carlo aggregate) it refers to.
    std::vector<std::pair<std::size_t, std::size_t>> capacity_of;
    for (const auto& cap : config.capacities) {
        const auto area = std::find_if(areas.begin(), areas.end(), [&](const Area& a) { return a.ags == cap.ags; });
        const auto ind = std::find_if(std::begin(indicators), std::end(indicators),
                                      [&](const Indicator& x) { return cap.indicator == x.id; });
        if (area == areas.end() || ind == std::end(indicators)) {
            throw Error(ErrorKind::usage, fmt::format("--capacity {}:{}: unknown municipality or indicator", cap.ags, cap.indicator));
        }
        capacity_of.emplace_back(static_cast<std::size_t>(area - areas.begin()),
                                 static_cast<std::size_t>(ind - std::begin(indicators)));
    }
    report.base_year = base_year;
    report.start_year = start_year;
    report.last_year = spec.last_year;

    // --- Rates: life table, fertility schedule, migration profile.
    report.life_table_period = newest_life_table_period(db);
    const auto tables = demography::life_tables_from_rows(store::read_life_table(db, report.life_table_period));
    const double table_year = period_middle(report.life_table_period);
    const auto target = spec.mortality == Variant::low    ? demography::kbv15_l1
                        : spec.mortality == Variant::high ? demography::kbv15_l3
                                                          : demography::kbv15_l2;
    const std::array<double, 2> reduction{
        demography::annual_reduction_for_e0(tables[0], target.year - table_year, target.male),
        demography::annual_reduction_for_e0(tables[1], target.year - table_year, target.female)};
    const auto asfr = demography::read_asfr_table(config.asfr_file);
    const auto shape = demography::fertility_schedule(asfr, asfr.years);
    const std::vector<int> newest{asfr.years.back()};
    const double tfr_now = demography::total_fertility(demography::fertility_schedule(asfr, newest));
    const auto profile = demography::migration_profile(demography::rogers_castro_fundamental,
                                                       demography::rogers_castro_fundamental);
    const auto weights = demography::migration_weights(profile);
    const auto survival_now = demography::survival_from_life_tables(tables);

    // --- Base and start populations by age and sex, from the district's age groups.
    const std::size_t n = areas.size();
    std::vector<double> base(n * cell_count), start(n * cell_count);
    std::map<std::string, std::pair<int, demography::AgeGroupCounts>> groups;
    for (std::size_t i = 0; i < n; ++i) {
        const auto district = areas[i].ags.substr(0, 5);
        if (!groups.contains(district)) {
            groups.emplace(district, district_groups(db, district));
        }
        const auto& g = groups.at(district).second;
        const auto fill = [&](int year, std::vector<double>& out) {
            const Totals& t = areas[i].totals.at(year);
            std::optional<demography::SexTotals> sexes;
            if (t.male && t.female && std::abs(*t.male + *t.female - *t.total) < 0.5) {
                sexes = demography::SexTotals{*t.male, *t.female};
            }
            const auto pop = demography::disaggregate_population(g, *t.total, sexes, tables,
                                                                 demography::male_share_at_birth);
            // Whole persons, so that the base year is the count itself in every Monte-Carlo run.
            const auto whole = demography::round_largest_remainder(pop, std::llround(*t.total));
            std::copy(whole.begin(), whole.end(), out.begin() + static_cast<std::ptrdiff_t>(i * cell_count));
        };
        fill(base_year, base);
        if (start_year != 0) {
            fill(start_year, start);
        }
    }

    // --- Net migration: calibrated from the two totals, shrunk toward the region.
    std::vector<double> raw(n, 0.0), size(n, 0.0);
    const auto fertility_window = demography::scale_to_tfr(shape, tfr_now);
    if (start_year != 0 && !spec.zero_migration) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::span<const double> p(start.data() + i * cell_count, cell_count);
            raw[i] = demography::calibrate_net_migration(p, *areas[i].totals.at(base_year).total, base_year - start_year,
                                                         survival_now, fertility_window,
                                                         demography::male_share_at_birth, weights)
                         .annual_rate;
            size[i] = *areas[i].totals.at(start_year).total;
        }
    }
    demography::ShrinkageResult shrunk;
    if (start_year != 0 && !spec.zero_migration) {
        shrunk = demography::shrink_rates(raw, size, base_year - start_year);
    } else {
        shrunk.rate.assign(n, 0.0);
        shrunk.own_weight.assign(n, 0.0);
    }
    // Per-cell rates: rate x weight / the region's share of the cell, so that a municipality with
    // the region's structure receives rate x population x weight migrants (the calibration's model)
    // and no cell divides by a local zero.
    std::vector<double> region(cell_count, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < cell_count; ++c) {
            region[c] += base[i * cell_count + c];
        }
    }
    const double region_total = std::accumulate(region.begin(), region.end(), 0.0);
    projection::ProjectionInput input;
    input.area_count = n;
    input.years = static_cast<std::size_t>(spec.last_year - base_year);
    input.base_population = base;
    input.male_share_at_birth = demography::male_share_at_birth;
    input.migration_rate.assign(n * cell_count, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        // The factor scales the region's mean (the part national migration levels move); each
        // municipality keeps its deviation from it, so a "low" variant never eases an outflow.
        const double rate = shrunk.rate[i] + (spec.migration_factor - 1.0) * shrunk.group_mean;
        for (std::size_t c = 0; c < cell_count; ++c) {
            const double share = region[c] / region_total;
            input.migration_rate[i * cell_count + c] = share > 0 ? std::max(-0.5, rate * weights[c] / share) : 0.0;
        }
        report.municipalities.push_back({areas[i].ags, areas[i].name, *areas[i].totals.at(base_year).total, raw[i],
                                         rate, shrunk.own_weight[i]});
    }
    // Yearly survival (mortality improving toward the 2070 target) and fertility (TFR moving
    // linearly from the newest ASFR year to the 2070 target).
    for (std::size_t y = 0; y < input.years; ++y) {
        const double mid = base_year + static_cast<double>(y) + 0.5;
        const auto s = demography::survival_from_life_tables(improved(tables, reduction, mid - table_year));
        input.survival.insert(input.survival.end(), s.to_next.begin(), s.to_next.end());
        input.birth_survival.insert(input.birth_survival.end(), s.births.begin(), s.births.end());
        const double t = std::clamp((mid - asfr.years.back()) / (2070.0 - asfr.years.back()), 0.0, 1.0);
        const auto f = demography::scale_to_tfr(shape, tfr_now + t * (spec.tfr_2070 - tfr_now));
        input.fertility.insert(input.fertility.end(), f.begin(), f.end());
    }

    // --- Uncertainty (assumptions, see docs): national factors from the kBV's variant spread,
    // the migration shock from the spread of the municipalities' rates.
    projection::MonteCarloConfig mc;
    mc.runs = spec.runs;
    mc.seed = spec.seed;
    mc.fertility_sd = std::log(1.67 / 1.44) / (2 * z90);
    {
        const double horizon = (spec.last_year - base_year) / 2.0;
        const double r1 = demography::annual_reduction_for_e0(tables[1], target.year - table_year, demography::kbv15_l1.female);
        const double r3 = demography::annual_reduction_for_e0(tables[1], target.year - table_year, demography::kbv15_l3.female);
        mc.mortality_sd = std::abs(horizon * (std::log(1 - r1) - std::log(1 - r3))) / (2 * z90);
    }
    for (const auto& ind : indicators) {
        mc.aggregates.push_back({ind.age_from, ind.age_to, std::nullopt});
    }
    report.assumptions = {
        fmt::format("base: {} totals of 31.12.{}, by age and sex from the district's age groups of {} and the life table {}",
                    n, base_year, groups.begin()->second.first, report.life_table_period),
        fmt::format("mortality: kBV 15 L{} life expectancy of 2070 ({:.1f} / {:.1f}), death probabilities falling {:.2f} % / {:.2f} % a year (men / women)",
                    spec.mortality == Variant::low ? 1 : spec.mortality == Variant::high ? 3 : 2, target.male, target.female,
                    100 * reduction[0], 100 * reduction[1]),
        fmt::format("fertility: ASFR shape of Germany {}-{} (Destatis 12612-0008), TFR from {:.3f} ({}) linearly to {:.2f} in 2070",
                    asfr.years.front(), asfr.years.back(), tfr_now, asfr.years.back(), spec.tfr_2070),
        spec.zero_migration ? std::string("migration: none")
                            : fmt::format("migration: per municipality from the totals {} -> {}, shrunk toward the region (mean {:+.2f} % a year, between-municipality sd {:.2f} %), the regional mean x {:.2f}; Rogers-Castro age profile",
                                          start_year, base_year, 100 * shrunk.group_mean, 100 * std::sqrt(std::max(0.0, shrunk.between_variance)), spec.migration_factor),
        fmt::format("uncertainty (assumptions): {} runs, seed {}; fertility factor sd {:.3f} and mortality factor sd {:.3f} (kBV variants 1 and 3 read as 10 %/90 % quantiles); migration shock sd per head and year by size class {} (calibrated by the backtest 2016-2019 to 80 % coverage); Poisson/binomial noise of events",
                    mc.runs, mc.seed, mc.fertility_sd, mc.mortality_sd,
                    spec.zero_migration ? std::string("none") : fmt::format("{:.2f} / {:.2f} / {:.2f} / {:.2f} / {:.2f} %", 100 * shock_sd_by_size[0], 100 * shock_sd_by_size[1], 100 * shock_sd_by_size[2], 100 * shock_sd_by_size[3], 100 * shock_sd_by_size[4])),
    };

    const auto det = projection::project(input, {.components = false});
    // One simulation per size class (the shock differs); every run's national factors come from
    // (seed, run), so they are the same in all classes.
    std::vector<projection::MonteCarloResult> sims;
    std::vector<std::pair<std::size_t, std::size_t>> sim_of(n); // area -> (simulation, index in it)
    for (std::size_t c = 0; c < std::size(size_class_from); ++c) {
        projection::ProjectionInput part = input;
        part.base_population.clear();
        part.migration_rate.clear();
        part.area_count = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (size_class(*areas[i].totals.at(base_year).total) != c) {
                continue;
            }
            sim_of[i] = {sims.size(), part.area_count++};
            part.base_population.insert(part.base_population.end(), base.begin() + static_cast<std::ptrdiff_t>(i * cell_count),
                                        base.begin() + static_cast<std::ptrdiff_t>((i + 1) * cell_count));
            part.migration_rate.insert(part.migration_rate.end(), input.migration_rate.begin() + static_cast<std::ptrdiff_t>(i * cell_count),
                                       input.migration_rate.begin() + static_cast<std::ptrdiff_t>((i + 1) * cell_count));
        }
        if (part.area_count == 0) {
            continue;
        }
        mc.migration_shock_sd = spec.zero_migration ? 0.0 : shock_sd_by_size[c];
        sims.push_back(projection::simulate(part, mc));
    }

    // --- Store: scenario, population, demand, exceedance; one transaction.
    store::Transaction tx(db);
    if (const auto old = exists()) {
        store::Statement del(db, "DELETE FROM projection_scenarios WHERE id = ?");
        del.bind(1, *old);
        del.run();
    }
    nlohmann::json assumptions = report.assumptions;
    store::Statement scen(db, "INSERT INTO projection_scenarios (name, description, created_at, base_year, last_year, runs, seed, assumptions, tool_version) VALUES (?,?,?,?,?,?,?,?,?)");
    scen.bind(1, spec.name).bind(2, spec.description).bind(3, store::now_utc_iso8601()).bind(4, base_year)
        .bind(5, spec.last_year).bind(6, static_cast<std::int64_t>(spec.runs)).bind(7, static_cast<std::int64_t>(spec.seed))
        .bind(8, assumptions.dump()).bind(9, std::string(lw::version));
    scen.run();
    report.scenario_id = db.last_insert_rowid();
    store::Statement pop(db, "INSERT INTO projection_population VALUES (?,?,?,?,?,?,?,?,?,?,?)");
    store::Statement dem(db, "INSERT INTO projection_demand VALUES (?,?,?,?,?,?,?,?,?,?)");
    const auto care_rates = demand::care_rates_by_cell(demand::care_rates_de_2021);
    const auto households = demand::household_config(demand::living_alone_de_2011(), demand::household_sizes_de_2018);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t y = 0; y <= input.years; ++y) {
            const int year = base_year + static_cast<int>(y);
            const double* cells = det.population.data() + det.population_index(i, y);
            for (std::size_t c = 0; c < cell_count; ++c) {
                const auto& sim = sims[sim_of[i].first];
                const auto q = sim.quantile_index(sim_of[i].second, y, c);
                pop.bind(1, report.scenario_id).bind(2, areas[i].ags).bind(3, year)
                    .bind(4, c < age_count ? "male" : "female").bind(5, static_cast<int>(c % age_count)).bind(6, cells[c]);
                for (int k = 0; k < 5; ++k) {
                    pop.bind(7 + k, static_cast<double>(sim.quantiles[q + static_cast<std::size_t>(k)]));
                }
                pop.run();
            }
            for (std::size_t a = 0; a < std::size(indicators); ++a) {
                double value = 0;
                for (std::size_t c = 0; c < cell_count; ++c) {
                    const auto age = c % age_count;
                    value += age >= indicators[a].age_from && age <= indicators[a].age_to ? cells[c] : 0.0;
                }
                const auto runs = projection::sorted_run_values(sims[sim_of[i].first], sim_of[i].second, y, a);
                std::vector<double> v(runs.begin(), runs.end());
                dem.bind(1, report.scenario_id).bind(2, areas[i].ags).bind(3, year).bind(4, indicators[a].id).bind(5, value);
                static constexpr double levels[] = {0.025, 0.10, 0.50, 0.90, 0.975};
                const auto qs = demand::quantiles(v, levels);
                for (int k = 0; k < 5; ++k) {
                    dem.bind(6 + k, qs[static_cast<std::size_t>(k)]);
                }
                dem.run();
            }
            // Derived from the deterministic projection only (no interval yet).
            const std::span<const double> p(cells, cell_count);
            const auto care = demand::care_demand(p, care_rates);
            const auto hh = demand::household_demand(p, households);
            for (const auto& [id, value] : {std::pair{"care_need", care.total}, std::pair{"care_residential", care.residential},
                                            std::pair{"households", hh.households}}) {
                dem.bind(1, report.scenario_id).bind(2, areas[i].ags).bind(3, year).bind(4, id).bind(5, value);
                for (int k = 0; k < 5; ++k) {
                    dem.bind_null(6 + k);
                }
                dem.run();
            }
        }
    }
    store::Statement exc(db, "INSERT INTO projection_exceedance VALUES (?,?,?,?,?,?)");
    for (std::size_t k = 0; k < config.capacities.size(); ++k) {
        const auto& cap = config.capacities[k];
        const auto [i, a] = capacity_of[k];
        for (std::size_t y = 0; y <= input.years; ++y) {
            exc.bind(1, report.scenario_id).bind(2, cap.ags).bind(3, base_year + static_cast<int>(y)).bind(4, cap.indicator)
                .bind(5, cap.places).bind(6, projection::exceedance_probability(sims[sim_of[i].first], sim_of[i].second, y, a, cap.places));
            exc.run();
        }
    }
    tx.commit();
    report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_clock).count();
    return report;
}

} // namespace lw::outlook
