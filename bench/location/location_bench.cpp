// Location optimisation on synthetic districts: demand points with clustered population and
// candidate sites in a 40 km x 40 km plane, travel time = Euclidean distance x 1.3 detour at
// 40 km/h (117 s per km), existing sites in the 12 largest towns. The real lists will come from
// the road network; these have the same shape (sparse, a few thousand entries per candidate).
//
//   lw_bench_location                       small sizes (CI: --benchmark_min_time=0.01, ~10 s)
//   LW_BENCH_LARGE=1 lw_bench_location      the floor: 2,000 candidates x 50,000 demand points,
//                                           k = 10 and 50; exact at 500 x 5,000
//
// Counters: value (MCLP: newly covered residents; p-median: person-seconds), bound, gap (relative,
// see location/result.hpp), bound_s (time spent on the bound), entries (list entries), swaps.

#include "location/closure.hpp"
#include "location/exact.hpp"
#include "location/mclp.hpp"
#include "location/pmedian.hpp"

#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <tuple>
#include <vector>

namespace {

using lw::location::CandidateId;
using lw::location::DemandId;
using lw::location::TimeS;

constexpr double side_km = 40;
constexpr double seconds_per_km = 1.3 / 40.0 * 3600.0; // 117 s: 40 km/h, detour factor 1.3
constexpr TimeS horizon_s = 900;                       // p-median lists: within 15 minutes

struct Point {
    double x = 0;
    double y = 0;
};

struct District {
    std::vector<Point> demand;
    std::vector<double> residents;
    std::vector<Point> candidate;
    std::vector<Point> existing;
};

double clamp_km(double v) {
    return std::clamp(v, 0.0, side_km);
}

// Towns with Zipf-like sizes, demand points around them (denser in the centre), 10 % scattered
// farms; candidates half near demand, half anywhere.
District make_district(std::uint32_t candidates, std::uint32_t demand_points, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> anywhere(0, side_km);
    std::normal_distribution<double> normal(0, 1);
    struct Town {
        Point centre;
        double spread_km;
        double share;
    };
    std::vector<Town> towns(150);
    double total_share = 0;
    for (std::size_t t = 0; t < towns.size(); ++t) {
        towns[t].centre = {anywhere(rng), anywhere(rng)};
        towns[t].share = 1.0 / static_cast<double>(t + 1);
        towns[t].spread_km = 0.3 + 1.5 * std::sqrt(towns[t].share);
        total_share += towns[t].share;
    }
    std::discrete_distribution<std::size_t> which_town(
        towns.size(), 0, static_cast<double>(towns.size()),
        [&](double t) { return towns[static_cast<std::size_t>(t)].share; });
    std::lognormal_distribution<double> cell_residents(1.2, 0.8);
    District d;
    for (std::uint32_t i = 0; i < demand_points; ++i) {
        Point p;
        if (i % 10 == 0) {
            p = {anywhere(rng), anywhere(rng)};
        } else {
            const Town& town = towns[which_town(rng)];
            p = {clamp_km(town.centre.x + town.spread_km * normal(rng)),
                 clamp_km(town.centre.y + town.spread_km * normal(rng))};
        }
        d.demand.push_back(p);
        d.residents.push_back(std::round(cell_residents(rng) * 10) / 10);
    }
    for (std::uint32_t j = 0; j < candidates; ++j) {
        if (j % 2 == 0) {
            const Point& near = d.demand[rng() % demand_points];
            d.candidate.push_back({clamp_km(near.x + normal(rng)), clamp_km(near.y + normal(rng))});
        } else {
            d.candidate.push_back({anywhere(rng), anywhere(rng)});
        }
    }
    for (std::size_t t = 0; t < 12; ++t) {
        d.existing.push_back(towns[t].centre);
    }
    return d;
}

TimeS travel_s(const Point& a, const Point& b) {
    return static_cast<TimeS>(std::hypot(a.x - b.x, a.y - b.y) * seconds_per_km);
}

// Candidate-major lists of the demand within `limit`, via a uniform grid over the demand.
template <typename OnEntry>
void for_each_within(const District& d, TimeS limit, std::vector<std::uint32_t>& first,
                     OnEntry on) {
    const double radius_km = limit / seconds_per_km;
    const int cells = std::max(1, static_cast<int>(side_km / radius_km));
    const double cell_km = side_km / cells;
    auto cell_of = [&](double v) {
        return std::clamp(static_cast<int>(v / cell_km), 0, cells - 1);
    };
    std::vector<std::vector<DemandId>> grid(static_cast<std::size_t>(cells) * cells);
    for (DemandId i = 0; i < d.demand.size(); ++i) {
        grid[static_cast<std::size_t>(cell_of(d.demand[i].y)) * cells + cell_of(d.demand[i].x)]
            .push_back(i);
    }
    first.assign(1, 0);
    std::uint32_t entries = 0;
    std::vector<std::pair<DemandId, TimeS>> row;
    for (const Point& c : d.candidate) {
        row.clear();
        for (int gy = std::max(0, cell_of(c.y) - 1); gy <= std::min(cells - 1, cell_of(c.y) + 1);
             ++gy) {
            for (int gx = std::max(0, cell_of(c.x) - 1);
                 gx <= std::min(cells - 1, cell_of(c.x) + 1); ++gx) {
                for (const DemandId i : grid[static_cast<std::size_t>(gy) * cells + gx]) {
                    const TimeS t = travel_s(c, d.demand[i]);
                    if (t <= limit) {
                        row.emplace_back(i, t);
                    }
                }
            }
        }
        std::sort(row.begin(), row.end());
        for (const auto& [i, t] : row) {
            on(i, t);
        }
        entries += static_cast<std::uint32_t>(row.size());
        first.push_back(entries);
    }
}

TimeS nearest_existing_s(const District& d, const Point& p) {
    TimeS best = lw::location::inf_time;
    for (const Point& e : d.existing) {
        best = std::min(best, travel_s(p, e));
    }
    return best;
}

lw::location::CoverageProblem coverage_problem(const District& d, TimeS cover_s) {
    lw::location::CoverageProblem p;
    p.weight = d.residents;
    for_each_within(d, cover_s, p.first, [&](DemandId i, TimeS) { p.demand.push_back(i); });
    p.already_covered.resize(d.demand.size());
    for (DemandId i = 0; i < d.demand.size(); ++i) {
        p.already_covered[i] = nearest_existing_s(d, d.demand[i]) <= cover_s ? 1 : 0;
    }
    return p;
}

lw::location::MedianProblem median_problem(const District& d) {
    lw::location::MedianProblem p;
    p.weight = d.residents;
    p.horizon_s = horizon_s;
    for_each_within(d, horizon_s, p.first, [&](DemandId i, TimeS t) {
        p.demand.push_back(i);
        p.time_s.push_back(t);
    });
    p.current_time_s.resize(d.demand.size());
    for (DemandId i = 0; i < d.demand.size(); ++i) {
        p.current_time_s[i] = nearest_existing_s(d, d.demand[i]);
    }
    return p;
}

// Instances are built once per size and shared by the benchmarks.
template <typename Problem>
const Problem& cached(std::uint32_t candidates, std::uint32_t demand_points, TimeS cover_s = 0) {
    static std::map<std::tuple<std::uint32_t, std::uint32_t, TimeS>, std::unique_ptr<Problem>>
        cache;
    auto& slot = cache[{candidates, demand_points, cover_s}];
    if (!slot) {
        const District d = make_district(candidates, demand_points, 42);
        if constexpr (std::is_same_v<Problem, lw::location::CoverageProblem>) {
            slot = std::make_unique<Problem>(coverage_problem(d, cover_s));
        } else {
            slot = std::make_unique<Problem>(median_problem(d));
        }
    }
    return *slot;
}

void report(benchmark::State& state, const lw::location::Result& r, std::size_t entries) {
    state.counters["value"] = r.value;
    state.counters["bound"] = r.bound;
    state.counters["gap"] = r.gap;
    state.counters["bound_s"] = r.bound_seconds;
    state.counters["entries"] = static_cast<double>(entries);
    state.counters["swaps"] = r.interchanges;
    state.counters["rounds"] = r.perturbation_rounds;
    state.counters["bound_it"] = r.bound_iterations;
    state.counters["fixed"] = r.fixed_candidates;
    state.counters["sites"] = static_cast<double>(r.sites.size());
    state.SetLabel(std::string(lw::location::to_string(r.bound_kind)) + "/" +
                   std::string(lw::location::to_string(r.status)));
}

std::uint32_t arg(const benchmark::State& state, int index) {
    return static_cast<std::uint32_t>(state.range(index));
}

// Args: candidates, demand points, k, covering threshold in seconds.
void BM_Mclp(benchmark::State& state) {
    const auto& p =
        cached<lw::location::CoverageProblem>(arg(state, 0), arg(state, 1), arg(state, 3));
    lw::location::Result r;
    for (auto _ : state) {
        r = lw::location::solve_mclp(p, arg(state, 2));
        benchmark::DoNotOptimize(r.value);
    }
    report(state, r, p.demand.size());
}

void BM_PMedian(benchmark::State& state) {
    const auto& p = cached<lw::location::MedianProblem>(arg(state, 0), arg(state, 1));
    lw::location::Result r;
    for (auto _ : state) {
        r = lw::location::solve_pmedian(p, arg(state, 2));
        benchmark::DoNotOptimize(r.value);
    }
    report(state, r, p.demand.size());
    state.counters["baseline"] = r.baseline;
}

void BM_MclpExact(benchmark::State& state) {
    const auto& p =
        cached<lw::location::CoverageProblem>(arg(state, 0), arg(state, 1), arg(state, 3));
    lw::location::Result r;
    for (auto _ : state) {
        r = lw::location::solve_mclp_exact(p, arg(state, 2));
        benchmark::DoNotOptimize(r.value);
    }
    report(state, r, p.demand.size());
}

void BM_PMedianExact(benchmark::State& state) {
    const auto& p = cached<lw::location::MedianProblem>(arg(state, 0), arg(state, 1));
    lw::location::ExactConfig config;
    config.time_limit_s = 120;
    lw::location::Result r;
    for (auto _ : state) {
        r = lw::location::solve_pmedian_exact(p, arg(state, 2), config);
        benchmark::DoNotOptimize(r.value);
    }
    report(state, r, p.demand.size());
}

// Capacitated MCLP: every candidate serves at most 8,000 residents (scaled with the demand count),
// which binds at the big towns but not everywhere.
void BM_CapacitatedMclp(benchmark::State& state) {
    lw::location::CoverageProblem p =
        cached<lw::location::CoverageProblem>(arg(state, 0), arg(state, 1), arg(state, 3));
    p.capacity.assign(p.candidate_count(), 8000.0 * arg(state, 1) / 50000.0);
    lw::location::Result r;
    for (auto _ : state) {
        r = lw::location::solve_mclp(p, arg(state, 2));
        benchmark::DoNotOptimize(r.value);
    }
    report(state, r, p.demand.size());
}

// Closure: the first `open` candidates are today's sites; which `close` of them cost least?
void BM_ClosePMedian(benchmark::State& state) {
    const auto& all = cached<lw::location::MedianProblem>(arg(state, 0), arg(state, 1));
    lw::location::MedianProblem p = all;
    const std::uint32_t open = arg(state, 2);
    p.first.resize(open + 1);
    p.demand.resize(p.first.back());
    p.time_s.resize(p.first.back());
    lw::location::Result r;
    for (auto _ : state) {
        r = lw::location::close_pmedian(p, arg(state, 3));
        benchmark::DoNotOptimize(r.value);
    }
    report(state, r, p.demand.size());
}

bool large() {
    const char* value = std::getenv("LW_BENCH_LARGE");
    return value != nullptr && std::string(value) == "1";
}

void register_all() {
    auto ms = [](benchmark::internal::Benchmark* b, std::vector<std::string> names) {
        return b->Unit(benchmark::kMillisecond)->UseRealTime()->ArgNames(std::move(names));
    };
    const std::vector<std::string> cover = {"cand", "demand", "k", "T_s"};
    const std::vector<std::string> median = {"cand", "demand", "k"};
    const std::int64_t n = large() ? 2000 : 300;
    const std::int64_t m = large() ? 50000 : 5000;
    // T = 10 min (GP by car) leaves little to choose at k = 50; 5 min keeps the choice open.
    ms(benchmark::RegisterBenchmark("BM_Mclp", BM_Mclp), cover)
        ->Args({n, m, 10, 600})
        ->Args({n, m, 50, 600})
        ->Args({n, m, 10, 300})
        ->Args({n, m, 50, 300});
    ms(benchmark::RegisterBenchmark("BM_PMedian", BM_PMedian), median)
        ->Args({n, m, 10})
        ->Args({n, m, 50});
    ms(benchmark::RegisterBenchmark("BM_CapacitatedMclp", BM_CapacitatedMclp), cover)
        ->Args({n, m, 10, 600});
    ms(benchmark::RegisterBenchmark("BM_ClosePMedian", BM_ClosePMedian),
       {"cand", "demand", "open", "close"})
        ->Args({n, m, 100, 10});
    const std::int64_t en = large() ? 500 : 100;
    const std::int64_t em = large() ? 5000 : 1000;
    ms(benchmark::RegisterBenchmark("BM_MclpExact", BM_MclpExact), cover)
        ->Args({en, em, 10, 300})
        ->Args({en, em, 50, 300});
    ms(benchmark::RegisterBenchmark("BM_PMedianExact", BM_PMedianExact), median)
        ->Args({en, em, 10})
        ->Args({en, em, 50})
        ->Iterations(1);
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    register_all();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
