#include "projection/monte_carlo.hpp"

#include "core/error.hpp"
#include "projection/detail/quantiles.hpp"
#include "projection/detail/random.hpp"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lw::projection {

namespace {

using detail::Rng;

// Stream id of the national (run-level) factors; areas use their index.
constexpr std::uint64_t national_stream = std::numeric_limits<std::uint64_t>::max();

[[noreturn]] void fail(std::string message) {
    throw Error(ErrorKind::input_value, std::move(message));
}

void validate_config(const MonteCarloConfig& config) {
    if (config.runs == 0 || config.runs > 10'000'000) {
        fail(fmt::format("monte carlo: runs = {} is outside 1..10,000,000", config.runs));
    }
    for (const double level : config.quantile_levels) {
        if (!(level >= 0 && level <= 1)) {
            fail(fmt::format("monte carlo: quantile level {} is outside [0, 1]", level));
        }
    }
    const double sds[] = {config.migration_shock_sd, config.fertility_sd, config.mortality_sd};
    const char* names[] = {"migration_shock_sd", "fertility_sd", "mortality_sd"};
    for (std::size_t idx = 0; idx < 3; ++idx) {
        if (!std::isfinite(sds[idx]) || sds[idx] < 0) {
            fail(fmt::format("monte carlo: {} = {} must be finite and >= 0", names[idx], sds[idx]));
        }
    }
    for (std::size_t idx = 0; idx < config.aggregates.size(); ++idx) {
        const Aggregate& agg = config.aggregates[idx];
        if (agg.age_from > agg.age_to || agg.age_to > open_age) {
            fail(fmt::format("monte carlo: aggregate {} has ages {}..{}, expected from <= to <= {}",
                             idx, agg.age_from, agg.age_to, open_age));
        }
    }
}

struct Scratch {
    std::vector<std::int32_t> population; // [(year * cell_count + cell) * runs + run]
    std::vector<Rng> rng;                 // per run
    std::vector<double> shock;            // per run: this step's migration rate shift
    std::vector<double> births;           // per run: expected births of this step
    std::vector<std::int64_t> sums;       // per run: an aggregate
    detail::QuantileScratch quantile;
};

struct Model {
    const ProjectionInput& input;
    const MonteCarloConfig& config;
    const std::vector<double>& fertility_factor;
    const std::vector<double>& mortality_factor;
};

// Deaths among `persons` with probability q (noise) or its rounded expectation.
inline std::int64_t draw_deaths(std::int64_t persons, double q, bool noise, Rng& rng) {
    if (noise) {
        return detail::binomial(persons, q, rng);
    }
    const double expected = static_cast<double>(persons) * q;
    const double whole = std::floor(expected);
    return static_cast<std::int64_t>(whole) + (rng.uniform() < expected - whole ? 1 : 0);
}

// Signed count around `expected` (net migration, births).
inline std::int64_t draw_count(double expected, bool noise, Rng& rng) {
    if (expected == 0) {
        return 0;
    }
    const double size = std::abs(expected);
    std::int64_t count = 0;
    if (noise) {
        count = detail::poisson(size, rng);
    } else {
        const double whole = std::floor(size);
        count = static_cast<std::int64_t>(whole) + (rng.uniform() < size - whole ? 1 : 0);
    }
    return expected < 0 ? -count : count;
}

void simulate_area(const Model& model, std::size_t area, Scratch& s, MonteCarloResult& result) {
    const ProjectionInput& input = model.input;
    const MonteCarloConfig& config = model.config;
    const std::size_t runs = config.runs;
    const bool noise = config.demographic_noise;
    const std::size_t year_block = cell_count * runs;
    s.population.resize((input.years + 1) * year_block);
    s.rng.resize(runs);
    s.shock.assign(runs, 0.0);
    s.births.resize(runs);
    s.sums.resize(runs);
    for (std::size_t run = 0; run < runs; ++run) {
        s.rng[run] = Rng::stream(config.seed, area, run);
    }
    // Base population in whole persons: unbiased random rounding of fractional counts.
    const double* base = input.base_population.data() + area * cell_count;
    for (std::size_t cell_idx = 0; cell_idx < cell_count; ++cell_idx) {
        const double whole = std::floor(base[cell_idx]);
        const double fraction = base[cell_idx] - whole;
        std::int32_t* out = s.population.data() + cell_idx * runs;
        for (std::size_t run = 0; run < runs; ++run) {
            const bool up = fraction > 0 && s.rng[run].uniform() < fraction;
            out[run] = static_cast<std::int32_t>(whole) + (up ? 1 : 0);
        }
    }
    const double fert_mult = fertility_multiplier_of(input, area);
    const double mort_mult = mortality_multiplier_of(input, area);
    const double sex_share[sex_count] = {input.male_share_at_birth,
                                         1.0 - input.male_share_at_birth};
    std::int64_t clipped = 0;
    // Cell `cell_idx` at the end of the step from `persons` at the start, `deaths` of them dying.
    auto finish = [&](std::int64_t persons, std::int64_t deaths, double rate, std::size_t run) {
        const std::int64_t survivors = persons - deaths;
        const double shifted = std::max(-1.0, rate + s.shock[run]);
        std::int64_t migrants = draw_count(shifted * static_cast<double>(persons), noise, s.rng[run]);
        if (survivors + migrants < 0) {
            clipped += -(survivors + migrants);
            migrants = -survivors;
        }
        return static_cast<std::int32_t>(survivors + migrants);
    };
    for (std::size_t step = 0; step < input.years; ++step) {
        const std::int32_t* prev = s.population.data() + step * year_block;
        std::int32_t* next = s.population.data() + (step + 1) * year_block;
        const std::span<const double> surv = survival_of_step(input, step);
        const std::span<const double> rate = migration_of_step(input, area, step);
        if (config.migration_shock_sd > 0) {
            for (std::size_t run = 0; run < runs; ++run) {
                s.shock[run] = config.migration_shock_sd * s.rng[run].normal();
            }
        }
        for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
            const std::size_t first = sex_idx * age_count;
            for (std::size_t age_idx = 1; age_idx < open_age; ++age_idx) {
                const double q = std::min(1.0, (1.0 - surv[first + age_idx - 1]) * mort_mult);
                const double cell_rate = rate[first + age_idx];
                const std::int32_t* from = prev + (first + age_idx - 1) * runs;
                std::int32_t* to = next + (first + age_idx) * runs;
                for (std::size_t run = 0; run < runs; ++run) {
                    const double q_run = std::min(1.0, q * model.mortality_factor[run]);
                    const std::int64_t deaths = draw_deaths(from[run], q_run, noise, s.rng[run]);
                    to[run] = finish(from[run], deaths, cell_rate, run);
                }
            }
            const double q_99 = std::min(1.0, (1.0 - surv[first + open_age - 1]) * mort_mult);
            const double q_open = std::min(1.0, (1.0 - surv[first + open_age]) * mort_mult);
            const std::int32_t* from_99 = prev + (first + open_age - 1) * runs;
            const std::int32_t* from_open = prev + (first + open_age) * runs;
            std::int32_t* to = next + (first + open_age) * runs;
            for (std::size_t run = 0; run < runs; ++run) {
                const double factor = model.mortality_factor[run];
                const std::int64_t deaths =
                    draw_deaths(from_99[run], std::min(1.0, q_99 * factor), noise, s.rng[run]) +
                    draw_deaths(from_open[run], std::min(1.0, q_open * factor), noise, s.rng[run]);
                to[run] = finish(std::int64_t{from_99[run]} + from_open[run], deaths,
                                 rate[first + open_age], run);
            }
        }
        // Expected births from the mean of women at the start and end of the step.
        const std::span<const double> fert = fertility_of_step(input, step);
        std::fill(s.births.begin(), s.births.end(), 0.0);
        for (std::size_t age_idx = first_fertile_age; age_idx <= last_fertile_age; ++age_idx) {
            const double f = 0.5 * fert[age_idx];
            if (f == 0) {
                continue;
            }
            const std::int32_t* start = prev + cell(Sex::female, age_idx) * runs;
            const std::int32_t* end = next + cell(Sex::female, age_idx) * runs;
            for (std::size_t run = 0; run < runs; ++run) {
                s.births[run] += f * static_cast<double>(start[run] + end[run]);
            }
        }
        const std::span<const double> birth_surv = birth_survival_of_step(input, step);
        for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
            const double q = std::min(1.0, (1.0 - birth_surv[sex_idx]) * mort_mult);
            std::int32_t* to = next + sex_idx * age_count * runs;
            for (std::size_t run = 0; run < runs; ++run) {
                // Poisson births thinned by sex and by survival to 31.12 are again Poisson, so
                // the surviving births of each sex are drawn directly.
                const double alive = 1.0 - std::min(1.0, q * model.mortality_factor[run]);
                const double expected = s.births[run] * fert_mult * model.fertility_factor[run] *
                                        sex_share[sex_idx] * alive;
                const std::int64_t born = draw_count(expected, noise, s.rng[run]);
                to[run] = finish(born, 0, rate[sex_idx * age_count], run);
            }
        }
    }
    result.migration_clipped[area] = clipped;

    // Reduce: quantiles per year x cell, distributions per year x aggregate.
    const std::size_t levels = config.quantile_levels.size();
    for (std::size_t year = 0; year <= input.years; ++year) {
        for (std::size_t cell_idx = 0; cell_idx < cell_count; ++cell_idx) {
            const std::span<const std::int32_t> values(
                s.population.data() + year * year_block + cell_idx * runs, runs);
            detail::quantiles(values, config.quantile_levels,
                              std::span<float>(result.quantiles.data() +
                                                   result.quantile_index(area, year, cell_idx),
                                               levels),
                              s.quantile);
        }
    }
    AggregateDistributions& dist = result.distributions[area];
    dist.first.assign(1, 0);
    dist.value.clear();
    dist.at_or_below.clear();
    for (std::size_t year = 0; year <= input.years; ++year) {
        for (const Aggregate& agg : config.aggregates) {
            std::fill(s.sums.begin(), s.sums.end(), 0);
            for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
                if (agg.sex && static_cast<std::size_t>(*agg.sex) != sex_idx) {
                    continue;
                }
                for (std::size_t age_idx = agg.age_from; age_idx <= agg.age_to; ++age_idx) {
                    const std::int32_t* values = s.population.data() + year * year_block +
                                                 (sex_idx * age_count + age_idx) * runs;
                    for (std::size_t run = 0; run < runs; ++run) {
                        s.sums[run] += values[run];
                    }
                }
            }
            detail::append_distribution(s.sums, dist.value, dist.at_or_below, s.quantile);
            dist.first.push_back(static_cast<std::uint32_t>(dist.value.size()));
        }
    }
}

} // namespace

MonteCarloResult simulate(const ProjectionInput& input, const MonteCarloConfig& config) {
    validate(input);
    validate_config(config);
    MonteCarloResult result;
    result.area_count = input.area_count;
    result.years = input.years;
    result.runs = config.runs;
    result.quantile_levels = config.quantile_levels;
    result.aggregates = config.aggregates;
    result.quantiles.resize(input.area_count * (input.years + 1) * cell_count *
                            config.quantile_levels.size());
    result.distributions.resize(input.area_count);
    result.migration_clipped.assign(input.area_count, 0);
    result.fertility_factor.resize(config.runs);
    result.mortality_factor.resize(config.runs);
    for (std::uint32_t run = 0; run < config.runs; ++run) {
        Rng rng = Rng::stream(config.seed, national_stream, run);
        result.fertility_factor[run] = std::exp(config.fertility_sd * rng.normal());
        result.mortality_factor[run] = std::exp(config.mortality_sd * rng.normal());
    }
    const Model model{input, config, result.fertility_factor, result.mortality_factor};
    tbb::enumerable_thread_specific<Scratch> scratch;
    const int threads = config.threads == 0 ? tbb::task_arena::automatic
                                            : static_cast<int>(config.threads);
    tbb::task_arena arena(threads);
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, input.area_count, 1),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              Scratch& local = scratch.local();
                              for (std::size_t area = range.begin(); area < range.end(); ++area) {
                                  simulate_area(model, area, local, result);
                              }
                          });
    });
    return result;
}

double exceedance_probability(const MonteCarloResult& result, std::size_t area, std::size_t year,
                              std::size_t aggregate, double capacity) {
    const AggregateDistributions& dist = result.distributions.at(area);
    const std::size_t slot = year * result.aggregates.size() + aggregate;
    const auto begin = dist.value.begin() + dist.first.at(slot);
    const auto end = dist.value.begin() + dist.first.at(slot + 1);
    // Last value <= capacity: runs at or below it do not exceed.
    const auto it = std::upper_bound(begin, end, capacity, [](double cap, std::int64_t value) {
        return cap < static_cast<double>(value);
    });
    const std::uint32_t not_exceeding =
        it == begin ? 0 : dist.at_or_below[static_cast<std::size_t>(it - dist.value.begin()) - 1];
    return static_cast<double>(result.runs - not_exceeding) / static_cast<double>(result.runs);
}

std::vector<std::int64_t> sorted_run_values(const MonteCarloResult& result, std::size_t area,
                                            std::size_t year, std::size_t aggregate) {
    const AggregateDistributions& dist = result.distributions.at(area);
    const std::size_t slot = year * result.aggregates.size() + aggregate;
    std::vector<std::int64_t> out;
    out.reserve(result.runs);
    std::uint32_t previous = 0;
    for (std::size_t idx = dist.first.at(slot); idx < dist.first.at(slot + 1); ++idx) {
        out.insert(out.end(), dist.at_or_below[idx] - previous, dist.value[idx]);
        previous = dist.at_or_below[idx];
    }
    return out;
}

} // namespace lw::projection
