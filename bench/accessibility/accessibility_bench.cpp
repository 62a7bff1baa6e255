// Accessibility engine benchmarks.
//   Lauf demo (OSM 2020, ~3,600 walking nodes, 5,500 residential buildings, 227 facilities):
//     BM_LaufNearestEightSets   minutes to the nearest facility of 8 category sets for every
//                               origin (the project's floor: < 5 ms)
//     BM_LaufCountsWithin30     facilities within 5..30 min for every origin, all 227 facilities
//     BM_LaufWhatIf             open one grocery and close another, incremental (floor < 5 ms at
//                               1 M nodes; here on the real town)
//   Synthetic road-like graphs (src/graph/synthetic.hpp), LW_BENCH_LARGE=1 for ~1 M nodes:
//     BM_SyntheticWhatIf        the same incremental update on a large network
// Run: build/release/bench/lw_bench_accessibility [--benchmark_filter=Lauf]

#include "accessibility/measures.hpp"
#include "accessibility/whatif.hpp"
#include "graph/synthetic.hpp"
#include "import/osm/reader.hpp"

#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <map>
#include <numeric>
#include <random>

namespace {

using namespace lw;

struct World {
    store::Network network;
    std::vector<geo::Point> homes;
    std::vector<geo::Point> shops;
    std::vector<std::string> category;
    std::unique_ptr<accessibility::ProfileNetwork> net;
    accessibility::SnappedPoints origins, destinations;
    std::unique_ptr<accessibility::MeasureEngine> engine;
    double ch_build_s = 0.0; // contraction hierarchy build, once per world

    void prepare(const char* profile) {
        net = std::make_unique<accessibility::ProfileNetwork>(network, *graph::find_profile(profile));
        origins = accessibility::snap_points(*net, homes, accessibility::PointRole::origin, 300);
        destinations = accessibility::snap_points(*net, shops, accessibility::PointRole::destination, 300);
        engine = std::make_unique<accessibility::MeasureEngine>(*net, origins, destinations);
    }
};

World& lauf() {
    static std::unique_ptr<World> world = [] {
        auto w = std::make_unique<World>();
        const char* dir = std::getenv("LW_DEMO_DATA_DIR");
        import::osm::OsmConfig config;
        config.input = std::filesystem::path(dir != nullptr ? dir : LW_DEMO_DATA_DIR_DEFAULT) / "osm/lauf-200115.osm.pbf";
        auto extract = import::osm::read_osm(config);
        w->network = std::move(extract.network);
        for (const auto& b : extract.buildings) {
            if (b.residential) {
                w->homes.push_back(b.centroid);
            }
        }
        for (const auto& f : extract.facilities) {
            w->shops.push_back(f.position);
            w->category.push_back(f.category);
        }
        w->prepare("walk");
        return w;
    }();
    return *world;
}

std::vector<std::vector<std::uint32_t>> eight_sets(const World& w) {
    const std::vector<std::vector<std::string>> sets{{"supermarket", "discounter"}, {"doctor"}, {"pharmacy"}, {"kita"},
                                                     {"primary_school"}, {"bus_stop"}, {"nursing_home"}, {"post_office"}};
    std::vector<std::vector<std::uint32_t>> members(sets.size());
    for (std::uint32_t d = 0; d < w.category.size(); ++d) {
        for (std::size_t s = 0; s < sets.size(); ++s) {
            if (std::find(sets[s].begin(), sets[s].end(), w.category[d]) != sets[s].end()) {
                members[s].push_back(d);
            }
        }
    }
    return members;
}

void BM_LaufNearestEightSets(benchmark::State& state) {
    auto& w = lauf();
    const auto sets = eight_sets(w);
    std::vector<std::vector<bool>> masks;
    for (const auto& m : sets) {
        masks.push_back(w.engine->member_mask(m));
    }
    std::uint64_t sum = 0;
    for (auto _ : state) {
        for (std::size_t s = 0; s < sets.size(); ++s) {
            const auto labels = w.engine->nearest_labels(sets[s]);
            for (std::uint32_t o = 0; o < w.homes.size(); ++o) {
                sum += w.engine->origin_best(o, labels, masks[s]).first;
            }
        }
    }
    benchmark::DoNotOptimize(sum);
    state.counters["origins"] = static_cast<double>(w.homes.size());
    state.counters["nodes"] = static_cast<double>(w.net->graph().node_count());
}
BENCHMARK(BM_LaufNearestEightSets)->Unit(benchmark::kMillisecond);

void BM_LaufCountsWithin30(benchmark::State& state) {
    auto& w = lauf();
    std::vector<std::uint32_t> all(w.shops.size());
    std::iota(all.begin(), all.end(), 0u);
    const std::vector<std::int64_t> population(w.homes.size(), 1);
    const std::vector<std::optional<double>> capacity(w.shops.size());
    for (auto _ : state) {
        auto r = w.engine->compute(all, population, capacity, accessibility::luo_qi_decay());
        benchmark::DoNotOptimize(r.counts.data());
    }
    state.counters["facilities"] = static_cast<double>(all.size());
}
BENCHMARK(BM_LaufCountsWithin30)->Unit(benchmark::kMillisecond);

void what_if(benchmark::State& state, World& w, const std::vector<std::uint32_t>& members, std::uint32_t open,
             std::uint32_t close) {
    const auto base = accessibility::nearest_state(*w.engine, members);
    std::size_t changed = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto s = base;
        state.ResumeTiming();
        changed = accessibility::apply_change(*w.engine, s, {{close}, {open}}).size();
        benchmark::DoNotOptimize(s.seconds.data());
    }
    state.counters["changed_origins"] = static_cast<double>(changed);
    state.counters["nodes"] = static_cast<double>(w.net->graph().node_count());
}

void BM_LaufWhatIf(benchmark::State& state) {
    auto& w = lauf();
    auto grocery = eight_sets(w)[0];
    // Close the first grocery; "open" a copy of the last one (as a new site) at the same place.
    const std::uint32_t close = grocery.front();
    const std::uint32_t open = grocery.back();
    grocery.pop_back();
    what_if(state, w, grocery, open, close);
}
BENCHMARK(BM_LaufWhatIf)->Unit(benchmark::kMicrosecond);

const bool large = std::getenv("LW_BENCH_LARGE") != nullptr;

// A synthetic district: the road-like graph as a network of two-way streets, homes at every 4th
// node, 1,000 facilities.
World& synthetic(std::size_t nodes) {
    static std::map<std::size_t, std::unique_ptr<World>> cache;
    auto& slot = cache[nodes];
    if (!slot) {
        slot = std::make_unique<World>();
        auto& w = *slot;
        const auto road = graph::road_like_network(nodes, 7);
        for (std::size_t v = 0; v < road.graph.node_count(); ++v) {
            w.network.nodes.push_back({static_cast<std::int64_t>(v), {500000.0 + road.x_m[v], 5500000.0 + road.y_m[v]}});
        }
        for (graph::NodeId u = 0; u < road.graph.node_count(); ++u) {
            for (auto a = road.graph.begin(u); a < road.graph.end(u); ++a) {
                const graph::NodeId v = road.graph.head[a];
                if (u < v) {
                    store::NetworkEdge e;
                    e.from_node = u;
                    e.to_node = v;
                    e.highway = "residential";
                    e.foot = e.bicycle = e.motor_vehicle = true;
                    e.geometry = {w.network.nodes[u].position, w.network.nodes[v].position};
                    e.length_m = geo::length(e.geometry);
                    w.network.edges.push_back(std::move(e));
                }
            }
        }
        std::mt19937 rng(3);
        for (std::size_t v = 0; v < w.network.nodes.size(); v += 4) {
            w.homes.push_back(w.network.nodes[v].position);
        }
        for (int f = 0; f < 1000; ++f) {
            w.shops.push_back(w.network.nodes[rng() % w.network.nodes.size()].position);
            w.category.push_back("supermarket");
        }
        w.prepare("walk");
    }
    return *slot;
}

// Minutes to the nearest facility of 8 sets (100 facilities each, random) for every origin, with
// the contraction hierarchy: one batched PHAST sweep. Floor: < 100 ms at 1 M nodes on 2 cores.
void BM_SyntheticNearestEightSets(benchmark::State& state) {
    auto& w = synthetic(static_cast<std::size_t>(state.range(0)));
    if (w.net->ch() == nullptr) {
        const auto start = std::chrono::steady_clock::now();
        w.net->build_ch();
        w.ch_build_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    state.counters["ch_build_s"] = w.ch_build_s;
    std::mt19937 rng(5);
    std::vector<std::vector<std::uint32_t>> sets(8);
    for (auto& set : sets) {
        for (int f = 0; f < 100; ++f) {
            set.push_back(static_cast<std::uint32_t>(rng() % w.shops.size()));
        }
    }
    std::vector<std::vector<bool>> masks;
    for (const auto& set : sets) {
        masks.push_back(w.engine->member_mask(set));
    }
    std::uint64_t sum = 0;
    for (auto _ : state) {
        const auto labels = w.engine->nearest_labels(sets);
        for (std::size_t s = 0; s < sets.size(); ++s) {
            for (std::uint32_t o = 0; o < w.homes.size(); ++o) {
                sum += w.engine->origin_best(o, labels[s], masks[s]).first;
            }
        }
    }
    benchmark::DoNotOptimize(sum);
    state.counters["nodes"] = static_cast<double>(w.net->graph().node_count());
    state.counters["origins"] = static_cast<double>(w.homes.size());
}
BENCHMARK(BM_SyntheticNearestEightSets)->Arg(large ? 1'000'000 : 20'000)->Unit(benchmark::kMillisecond);

void BM_SyntheticWhatIf(benchmark::State& state) {
    auto& w = synthetic(static_cast<std::size_t>(state.range(0)));
    std::vector<std::uint32_t> members(99);
    std::iota(members.begin(), members.end(), 0u);
    what_if(state, w, members, 99, 0);
}
BENCHMARK(BM_SyntheticWhatIf)->Arg(large ? 1'000'000 : 20'000)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
