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
    if (!simd_path_supported(config.simd)) {
        fail(fmt::format("monte carlo: this CPU cannot run the requested SIMD path {}",
                         static_cast<int>(config.simd)));
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

} // namespace

// The simulation kernel once per instruction set (see sampling.cpp for why pragmas, not flags).
namespace kernel_baseline {
namespace isa = detail::baseline;
#include "projection/detail/monte_carlo_kernel.inc"
} // namespace kernel_baseline

#pragma GCC push_options
#pragma GCC target("avx2")
namespace kernel_avx2 {
namespace isa = detail::avx2;
#include "projection/detail/monte_carlo_kernel.inc"
} // namespace kernel_avx2
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512bw,avx512dq,prefer-vector-width=512")
namespace kernel_avx512 {
namespace isa = detail::avx512;
#include "projection/detail/monte_carlo_kernel.inc"
} // namespace kernel_avx512
#pragma GCC pop_options

namespace {

using AreaKernel = void (*)(const Model&, std::size_t, Scratch&, MonteCarloResult&);

// The widest kernel the CPU runs, or the one the config asks for.
AreaKernel select_kernel(SimdPath path) {
    switch (resolve_simd_path(path)) {
    case SimdPath::avx512:
        return kernel_avx512::simulate_area;
    case SimdPath::avx2:
        return kernel_avx2::simulate_area;
    default:
        return kernel_baseline::simulate_area;
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
    const AreaKernel kernel = select_kernel(config.simd);
    tbb::enumerable_thread_specific<Scratch> scratch;
    const int threads = config.threads == 0 ? tbb::task_arena::automatic
                                            : static_cast<int>(config.threads);
    tbb::task_arena arena(threads);
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, input.area_count, 1),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              Scratch& local = scratch.local();
                              for (std::size_t area = range.begin(); area < range.end(); ++area) {
                                  kernel(model, area, local, result);
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
    const auto it = std::upper_bound(begin, end, capacity, [](double cap, std::int32_t value) {
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
