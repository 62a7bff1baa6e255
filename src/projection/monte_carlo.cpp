#include "projection/monte_carlo.hpp"

#include "core/error.hpp"
#include "projection/detail/quantiles.hpp"
#include "projection/detail/random.hpp"
#include "projection/detail/sampling.hpp"

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
    detail::RunStreams streams;           // per run
    detail::BatchScratch batch;
    // Per run, for the cell at hand: uniforms, event probabilities or means, drawn counts.
    std::vector<float> u0, u1, u2, q0, q1, lambda, rate;
    std::vector<std::int32_t> deaths0, deaths1, migrants, persons;
    std::vector<double> shock;      // per run: this step's migration rate shift
    std::vector<float> shock_f;
    std::vector<double> births;     // per run: expected births of this step
    std::vector<std::int64_t> sums; // per run: an aggregate
    detail::QuantileScratch quantile;
};

struct Model {
    const ProjectionInput& input;
    const MonteCarloConfig& config;
    const std::vector<double>& fertility_factor;
    const std::vector<double>& mortality_factor;
    std::vector<float> mortality_factor_f;
};

// Unbiased random rounding of an expectation with the given uniform (no demographic noise).
inline std::int32_t round_at(double expected, float u) {
    const double whole = std::floor(expected);
    return static_cast<std::int32_t>(whole) + (u < expected - whole ? 1 : 0);
}

void simulate_area(const Model& model, std::size_t area, Scratch& s, MonteCarloResult& result) {
    const ProjectionInput& input = model.input;
    const MonteCarloConfig& config = model.config;
    const std::size_t runs = config.runs;
    const bool noise = config.demographic_noise;
    const std::size_t year_block = cell_count * runs;
    s.population.resize((input.years + 1) * year_block);
    for (auto* v : {&s.u0, &s.u1, &s.u2, &s.q0, &s.q1, &s.lambda, &s.rate, &s.shock_f}) {
        v->resize(runs);
    }
    for (auto* v : {&s.deaths0, &s.deaths1, &s.migrants, &s.persons}) {
        v->resize(runs);
    }
    s.shock.assign(runs, 0.0);
    std::fill(s.shock_f.begin(), s.shock_f.end(), 0.0F);
    s.births.resize(runs);
    s.sums.resize(runs);
    s.streams.seed(config.seed, area, runs);
    // Base population in whole persons: unbiased random rounding of fractional counts.
    const double* base = input.base_population.data() + area * cell_count;
    for (std::size_t cell_idx = 0; cell_idx < cell_count; ++cell_idx) {
        s.streams.fill(s.u0);
        std::int32_t* out = s.population.data() + cell_idx * runs;
        for (std::size_t run = 0; run < runs; ++run) {
            out[run] = round_at(base[cell_idx], s.u0[run]);
        }
    }
    const double fert_mult = fertility_multiplier_of(input, area);
    const double mort_mult = mortality_multiplier_of(input, area);
    const double sex_share[sex_count] = {input.male_share_at_birth,
                                         1.0 - input.male_share_at_birth};
    const float* mort_f = model.mortality_factor_f.data();
    std::int64_t clipped = 0;

    // deaths[run] among n[run] with probability min(1, q * national factor of the run).
    auto draw_deaths = [&](const std::int32_t* n, double q, std::vector<float>& q_run,
                           std::vector<float>& u, std::vector<std::int32_t>& deaths) {
        s.streams.fill(u);
        const auto qf = static_cast<float>(q);
        for (std::size_t run = 0; run < runs; ++run) {
            q_run[run] = std::min(1.0F, qf * mort_f[run]);
        }
        if (noise) {
            detail::binomial_batch(std::span<const std::int32_t>(n, runs), q_run, u, deaths, s.batch);
        } else {
            for (std::size_t run = 0; run < runs; ++run) {
                deaths[run] = round_at(static_cast<double>(n[run]) * q_run[run], u[run]);
            }
        }
    };
    // to[run] = persons - deaths + net migrants (rate per head x persons at the start), clipped
    // at an empty cell; the clipped part is counted.
    auto finish = [&](double rate, std::int32_t* to) {
        s.streams.fill(s.u2);
        const auto rate_f = static_cast<float>(rate);
        for (std::size_t run = 0; run < runs; ++run) {
            s.rate[run] = std::max(-1.0F, rate_f + s.shock_f[run]);
            s.lambda[run] = std::abs(s.rate[run]) * static_cast<float>(s.persons[run]);
        }
        if (noise) {
            detail::poisson_batch(s.lambda, s.u2, s.migrants, s.batch);
        } else {
            for (std::size_t run = 0; run < runs; ++run) {
                s.migrants[run] = round_at(s.lambda[run], s.u2[run]);
            }
        }
        std::int64_t cut = 0;
        for (std::size_t run = 0; run < runs; ++run) {
            const std::int32_t survivors = s.persons[run] - s.deaths0[run];
            const std::int32_t migrants = s.rate[run] < 0 ? -s.migrants[run] : s.migrants[run];
            const std::int32_t end = survivors + migrants;
            cut += end < 0 ? -end : 0;
            to[run] = std::max(end, 0);
        }
        clipped += cut;
    };

    for (std::size_t step = 0; step < input.years; ++step) {
        const std::int32_t* prev = s.population.data() + step * year_block;
        std::int32_t* next = s.population.data() + (step + 1) * year_block;
        const std::span<const double> surv = survival_of_step(input, step);
        const std::span<const double> rate = migration_of_step(input, area, step);
        if (config.migration_shock_sd > 0) {
            s.streams.fill(s.u0);
            for (std::size_t run = 0; run < runs; ++run) {
                s.shock[run] = config.migration_shock_sd * detail::inverse_normal(s.u0[run]);
                s.shock_f[run] = static_cast<float>(s.shock[run]);
            }
        }
        for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
            const std::size_t first = sex_idx * age_count;
            for (std::size_t age_idx = 1; age_idx < open_age; ++age_idx) {
                const double q = std::min(1.0, (1.0 - surv[first + age_idx - 1]) * mort_mult);
                const std::int32_t* from = prev + (first + age_idx - 1) * runs;
                draw_deaths(from, q, s.q0, s.u0, s.deaths0);
                std::copy_n(from, runs, s.persons.data());
                finish(rate[first + age_idx], next + (first + age_idx) * runs);
            }
            const double q_99 = std::min(1.0, (1.0 - surv[first + open_age - 1]) * mort_mult);
            const double q_open = std::min(1.0, (1.0 - surv[first + open_age]) * mort_mult);
            const std::int32_t* from_99 = prev + (first + open_age - 1) * runs;
            const std::int32_t* from_open = prev + (first + open_age) * runs;
            draw_deaths(from_99, q_99, s.q0, s.u0, s.deaths0);
            draw_deaths(from_open, q_open, s.q1, s.u1, s.deaths1);
            for (std::size_t run = 0; run < runs; ++run) {
                s.deaths0[run] += s.deaths1[run];
                s.persons[run] = from_99[run] + from_open[run];
            }
            finish(rate[first + open_age], next + (first + open_age) * runs);
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
            // Poisson births thinned by sex and by survival to 31.12 are again Poisson, so the
            // surviving births of each sex are drawn directly.
            s.streams.fill(s.u1);
            for (std::size_t run = 0; run < runs; ++run) {
                const double alive = 1.0 - std::min(1.0, q * model.mortality_factor[run]);
                s.lambda[run] = static_cast<float>(s.births[run] * fert_mult *
                                                   model.fertility_factor[run] *
                                                   sex_share[sex_idx] * alive);
            }
            if (noise) {
                detail::poisson_batch(s.lambda, s.u1, s.persons, s.batch);
            } else {
                for (std::size_t run = 0; run < runs; ++run) {
                    s.persons[run] = round_at(s.lambda[run], s.u1[run]);
                }
            }
            std::fill(s.deaths0.begin(), s.deaths0.end(), 0);
            finish(rate[sex_idx * age_count], next + sex_idx * age_count * runs);
        }
    }
    result.migration_clipped[area] = clipped;

    // Reduce: quantiles per year x cell, distributions per year x aggregate.
    const std::size_t levels = config.quantile_levels.size();
    for (std::size_t year = 0; config.cell_quantiles && year <= input.years; ++year) {
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
    if (config.cell_quantiles) {
        result.quantiles.resize(input.area_count * (input.years + 1) * cell_count *
                                config.quantile_levels.size());
    }
    result.distributions.resize(input.area_count);
    result.migration_clipped.assign(input.area_count, 0);
    result.fertility_factor.resize(config.runs);
    result.mortality_factor.resize(config.runs);
    for (std::uint32_t run = 0; run < config.runs; ++run) {
        Rng rng = Rng::stream(config.seed, national_stream, run);
        result.fertility_factor[run] = std::exp(config.fertility_sd * rng.normal());
        result.mortality_factor[run] = std::exp(config.mortality_sd * rng.normal());
    }
    Model model{input, config, result.fertility_factor, result.mortality_factor, {}};
    model.mortality_factor_f.assign(result.mortality_factor.begin(), result.mortality_factor.end());
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
