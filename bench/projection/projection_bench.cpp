// Projection engine on synthetic municipalities: sizes log-normal around a median of 2,000
// residents (German municipalities: median about 2,000, few large towns; shape assumption), an
// ageing age structure (stationary population of the test survival schedule, tilted toward the
// old), TFR 1.5, net migration rates per area N(0.002, 0.006) with a young-adult age profile.
// These are workload shapes, not estimates.
//
//   lw_bench_projection                  small sizes (CI: --benchmark_min_time=0.01)
//   LW_BENCH_LARGE=1 lw_bench_projection the floors: deterministic 11,000 areas x 30 years;
//                                        1,000 Monte-Carlo runs for 421 and 11,000 areas
//   LW_BENCH_SIMD=baseline|avx2|avx512   force a kernel path (default: the widest the CPU has)
//
// Counters: cell_years_per_s (areas x years x 202 cells [x runs] per second), peak_rss_mb
// (getrusage maximum resident set size of the process so far).

#include "projection/deterministic.hpp"
#include "projection/monte_carlo.hpp"

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <cmath>
#include <cstdlib>
#include <random>
#include <string>

namespace {

using lw::cell_count;
using lw::projection::ProjectionInput;

constexpr std::size_t years = 30;

bool large() {
    const char* env = std::getenv("LW_BENCH_LARGE");
    return env != nullptr && std::string(env) == "1";
}

lw::projection::SimdPath simd_path() {
    const char* env = std::getenv("LW_BENCH_SIMD");
    const std::string name = env == nullptr ? "" : env;
    using lw::projection::SimdPath;
    return name == "baseline" ? SimdPath::baseline
           : name == "avx2"   ? SimdPath::avx2
           : name == "avx512" ? SimdPath::avx512
                              : SimdPath::automatic;
}

double peak_rss_mb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
}

ProjectionInput synthetic_input(std::size_t areas) {
    std::mt19937_64 gen(2024);
    std::lognormal_distribution<double> size(std::log(2000.0), 1.1);
    std::normal_distribution<double> level(0.002, 0.006);
    ProjectionInput input;
    input.area_count = areas;
    input.years = years;
    input.survival.resize(cell_count);
    std::vector<double> shape(cell_count);
    for (std::size_t sex_idx = 0; sex_idx < lw::sex_count; ++sex_idx) {
        double alive = 1;
        for (std::size_t age = 0; age < lw::age_count; ++age) {
            const double q = std::min(0.6, 0.0002 + 0.00005 * std::exp(0.095 * static_cast<double>(age)) *
                                                        (sex_idx == 0 ? 1.3 : 1.0));
            const std::size_t c = sex_idx * lw::age_count + age;
            input.survival[c] = 1 - q;
            shape[c] = alive * (0.7 + 0.006 * static_cast<double>(std::min<std::size_t>(age, 60)));
            alive *= 1 - q;
        }
    }
    double shape_sum = 0;
    for (const double s : shape) {
        shape_sum += s;
    }
    input.birth_survival = {0.9965, 0.9970};
    input.fertility.assign(lw::age_count, 0.0);
    double fert_sum = 0;
    for (std::size_t age = 15; age <= 49; ++age) {
        const double x = (static_cast<double>(age) - 31.0) / 5.5;
        input.fertility[age] = std::exp(-0.5 * x * x);
        fert_sum += input.fertility[age];
    }
    for (double& f : input.fertility) {
        f *= 1.5 / fert_sum;
    }
    input.base_population.resize(areas * cell_count);
    input.migration_rate.resize(areas * cell_count);
    for (std::size_t area = 0; area < areas; ++area) {
        const double residents = std::min(3.7e6, size(gen));
        const double rate = level(gen);
        for (std::size_t c = 0; c < cell_count; ++c) {
            const std::size_t age = c % lw::age_count;
            input.base_population[area * cell_count + c] = residents * shape[c] / shape_sum;
            const double young = std::exp(-0.5 * std::pow((static_cast<double>(age) - 24.0) / 6.0, 2));
            input.migration_rate[area * cell_count + c] = rate * (0.5 + 3.0 * young);
        }
    }
    return input;
}

void BM_Deterministic(benchmark::State& state) {
    const ProjectionInput input = synthetic_input(static_cast<std::size_t>(state.range(0)));
    lw::projection::DeterministicOptions options;
    options.components = state.range(1) != 0;
    options.simd = simd_path();
    lw::projection::DeterministicResult result;
    for (auto _ : state) {
        lw::projection::project(input, result, options);
        benchmark::DoNotOptimize(result.population.data());
    }
    state.counters["cell_years_per_s"] = benchmark::Counter(
        static_cast<double>(input.area_count * years * cell_count), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["peak_rss_mb"] = peak_rss_mb();
}

void BM_MonteCarlo(benchmark::State& state) {
    const ProjectionInput input = synthetic_input(static_cast<std::size_t>(state.range(0)));
    lw::projection::MonteCarloConfig config;
    config.runs = static_cast<std::uint32_t>(state.range(1));
    config.cell_quantiles = state.range(2) != 0;
    config.simd = simd_path();
    // Spread parameters: assumptions of the right order until the backtest calibrates them.
    config.migration_shock_sd = 0.005;
    config.fertility_sd = 0.05;
    config.mortality_sd = 0.05;
    using lw::projection::Aggregate;
    config.aggregates = {Aggregate{0, 2, {}},  Aggregate{3, 5, {}},   Aggregate{6, 9, {}},
                         Aggregate{65, 100, {}}, Aggregate{80, 100, {}}, Aggregate{0, 100, {}}};
    std::size_t distinct = 0;
    for (auto _ : state) {
        const lw::projection::MonteCarloResult result = lw::projection::simulate(input, config);
        distinct = 0;
        for (const auto& dist : result.distributions) {
            distinct += dist.value.size();
        }
        benchmark::DoNotOptimize(result.quantiles.data());
    }
    state.counters["cell_years_per_s"] = benchmark::Counter(
        static_cast<double>(input.area_count * years * cell_count * config.runs),
        benchmark::Counter::kIsIterationInvariantRate);
    state.counters["cell_quantiles"] = config.cell_quantiles ? 1 : 0;
    state.counters["distinct_aggregate_values"] = static_cast<double>(distinct);
    state.counters["peak_rss_mb"] = peak_rss_mb();
}

void register_all() {
    if (large()) {
        benchmark::RegisterBenchmark("BM_Deterministic", BM_Deterministic)
            ->Args({11000, 0})->Args({11000, 1})->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_MonteCarlo", BM_MonteCarlo)
            ->Args({421, 1000, 1})->Args({421, 1000, 0})->Unit(benchmark::kMillisecond)->Iterations(2);
        benchmark::RegisterBenchmark("BM_MonteCarlo", BM_MonteCarlo)
            ->Args({11000, 1000, 1})->Unit(benchmark::kMillisecond)->Iterations(1);
    } else {
        benchmark::RegisterBenchmark("BM_Deterministic", BM_Deterministic)
            ->Args({421, 0})->Args({421, 1})->Unit(benchmark::kMillisecond);
        benchmark::RegisterBenchmark("BM_MonteCarlo", BM_MonteCarlo)
            ->Args({10, 100, 1})->Args({50, 1000, 1})->Args({50, 1000, 0})->Unit(benchmark::kMillisecond);
    }
}

} // namespace

int main(int argc, char** argv) {
    register_all();
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
