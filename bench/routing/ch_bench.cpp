// Routing core on synthetic road-like graphs (graph/synthetic.hpp); figures and their reading in
// docs/performance.md, "Routing core". Arguments: /<approx nodes>[/<threads>].
//   BM_GenerateGraph          the synthetic graph itself
//   BM_BuildCh                CH construction (run once; its result is cached for the others)
//   BM_DijkstraOneToAll       plain Dijkstra from one node, for comparison ("settled/s")
//   BM_ChQuery                random point-to-point CH queries
//   BM_PhastOneToAll          one PHAST tree from one source ("s_per_node")
//   BM_PhastNearest100        one tree, 100 sources with owners (64-bit labels), to the sources
//   BM_Batched16Trees         16 single-source trees in one sweep ("s_per_node_tree")
//   BM_Nearest8Categories     nearest facility and its id for every node, 8 categories of 10-1000
//                             facilities, one sweep (to the sources); *Copy adds copying all
//                             results into the caller's node order
//   BM_CountWithin1000        facilities within 10/20/30 min for every node, 1,000 facilities
//
// By default only the ~77K-node graph runs (the size of RoutingKit's Luxembourg test graph), so
// the CI run (--benchmark_min_time=0.01) stays short. Larger graphs:
//   LW_BENCH_LARGE=1 build/release/bench/lw_bench_routing        77K, 1M and 5M nodes
//   LW_BENCH_SIZES=1000000 build/release/bench/lw_bench_routing  any list of sizes

#include "graph/synthetic.hpp"
#include "routing/ch/ch_query.hpp"
#include "routing/ch/phast.hpp"
#include "routing/dijkstra.hpp"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using lw::graph::NodeId;
using lw::routing::Direction;
using lw::routing::Source;

constexpr std::uint32_t graph_seed = 1;

struct Fixture {
    lw::graph::Csr graph;
    lw::routing::ContractionHierarchy ch;
    lw::routing::ChBuildStats stats;
};

std::map<std::size_t, std::unique_ptr<Fixture>>& cache() {
    static std::map<std::size_t, std::unique_ptr<Fixture>> fixtures;
    return fixtures;
}

// The graph of a size, generated once.
Fixture& graph_fixture(std::size_t size) {
    auto& slot = cache()[size];
    if (!slot) {
        slot = std::make_unique<Fixture>();
        slot->graph = lw::graph::road_like_graph(size, graph_seed);
    }
    return *slot;
}

// The graph and its CH (two threads), built once.
Fixture& ch_fixture(std::size_t size) {
    Fixture& f = graph_fixture(size);
    if (f.ch.node_count() == 0) {
        lw::routing::ChConfig config;
        config.threads = 2;
        f.ch = lw::routing::build_ch(f.graph, config, &f.stats);
    }
    return f;
}

std::size_t size_arg(const benchmark::State& state) {
    return static_cast<std::size_t>(state.range(0));
}
unsigned threads_arg(const benchmark::State& state) {
    return static_cast<unsigned>(state.range(1));
}

void per_node_counter(benchmark::State& state, const char* name, double nodes_per_iteration) {
    state.counters[name] =
        benchmark::Counter(nodes_per_iteration * static_cast<double>(state.iterations()),
                           benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

std::vector<NodeId> random_nodes(std::size_t count, std::size_t node_count, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<NodeId> nodes(count);
    for (NodeId& v : nodes) {
        v = static_cast<NodeId>(rng() % node_count);
    }
    return nodes;
}

void BM_GenerateGraph(benchmark::State& state) {
    std::size_t nodes = 0;
    for (auto _ : state) {
        const auto g = lw::graph::road_like_graph(size_arg(state), graph_seed);
        nodes = g.node_count();
        benchmark::DoNotOptimize(g.head.data());
    }
    state.counters["nodes"] = static_cast<double>(nodes);
}

void BM_BuildCh(benchmark::State& state) {
    Fixture& f = graph_fixture(size_arg(state));
    lw::routing::ChConfig config;
    config.threads = threads_arg(state);
    lw::routing::ChBuildStats stats;
    for (auto _ : state) {
        auto ch = lw::routing::build_ch(f.graph, config, &stats);
        if (config.threads == 2 && f.ch.node_count() == 0) {
            f.ch = std::move(ch);
            f.stats = stats;
        }
    }
    state.counters["nodes"] = static_cast<double>(f.graph.node_count());
    state.counters["input_arcs"] = static_cast<double>(f.graph.arc_count());
    state.counters["shortcuts"] = static_cast<double>(stats.shortcuts);
    state.counters["seq_nodes"] = static_cast<double>(stats.nodes_sequential);
}

void BM_DijkstraOneToAll(benchmark::State& state) {
    const Fixture& f = graph_fixture(size_arg(state));
    lw::routing::Dijkstra q(f.graph);
    const auto sources = random_nodes(64, f.graph.node_count(), 3);
    std::size_t i = 0;
    std::size_t settled = 0;
    for (auto _ : state) {
        q.reset().add_source(sources[i++ % sources.size()]).run();
        settled += q.settled().size();
    }
    state.counters["settled/s"] =
        benchmark::Counter(static_cast<double>(settled), benchmark::Counter::kIsRate);
}

void BM_ChQuery(benchmark::State& state) {
    const Fixture& f = ch_fixture(size_arg(state));
    lw::routing::ChQuery q(f.ch);
    const auto nodes = random_nodes(2048, f.graph.node_count(), 4);
    std::size_t i = 0;
    std::uint64_t settled = 0;
    for (auto _ : state) {
        q.reset()
            .add_source(nodes[i % nodes.size()])
            .add_target(nodes[(i + 1) % nodes.size()])
            .run();
        benchmark::DoNotOptimize(q.distance());
        settled += q.settled_count();
        i += 2;
    }
    state.counters["settled"] =
        benchmark::Counter(static_cast<double>(settled), benchmark::Counter::kAvgIterations);
}

void BM_PhastOneToAll(benchmark::State& state) {
    const Fixture& f = ch_fixture(size_arg(state));
    lw::routing::PhastQuery q(f.ch, {.threads = threads_arg(state)});
    const auto sources = random_nodes(64, f.graph.node_count(), 5);
    q.reset(Direction::from_sources).add_source(sources[0]).run(); // allocates the labels
    std::size_t i = 0;
    for (auto _ : state) {
        q.reset(Direction::from_sources).add_source(sources[i++ % sources.size()]).run();
        benchmark::DoNotOptimize(q.distance(0));
    }
    per_node_counter(state, "s_per_node", static_cast<double>(f.graph.node_count()));
}

void BM_PhastNearest100(benchmark::State& state) {
    const Fixture& f = ch_fixture(size_arg(state));
    lw::routing::PhastQuery q(f.ch, {.threads = threads_arg(state)});
    const auto facilities = random_nodes(100, f.graph.node_count(), 6);
    q.reset(Direction::to_sources).add_source(facilities[0], 0, 0).add_source(facilities[1], 0, 1).run();
    for (auto _ : state) {
        q.reset(Direction::to_sources);
        for (std::uint32_t k = 0; k < facilities.size(); ++k) {
            q.add_source(facilities[k], 0, k);
        }
        q.run();
        benchmark::DoNotOptimize(q.owner(0));
    }
    per_node_counter(state, "s_per_node", static_cast<double>(f.graph.node_count()));
}

void BM_Batched16Trees(benchmark::State& state) {
    const Fixture& f = ch_fixture(size_arg(state));
    lw::routing::BatchedPhast b(f.ch, {.threads = threads_arg(state)});
    const auto sources = random_nodes(16 * 8, f.graph.node_count(), 7);
    b.reset(Direction::from_sources, 16).add_source(0, sources[0]).run(); // allocates the labels
    std::size_t i = 0;
    for (auto _ : state) {
        b.reset(Direction::from_sources, 16);
        for (unsigned lane = 0; lane < 16; ++lane) {
            b.add_source(lane, sources[i++ % sources.size()], 0, lane);
        }
        b.run();
        benchmark::DoNotOptimize(b.distance(15, 0));
    }
    per_node_counter(state, "s_per_node_tree", 16.0 * static_cast<double>(f.graph.node_count()));
}

// 8 categories with 10 ... 1,000 facilities each (random nodes, offsets up to 2 min).
std::vector<std::vector<Source>> eight_categories(std::size_t node_count) {
    static constexpr std::size_t per_category[8] = {10, 20, 50, 100, 200, 300, 500, 1000};
    std::vector<std::vector<Source>> categories(8);
    std::mt19937 rng(8);
    std::uint32_t owner = 0;
    for (std::size_t c = 0; c < 8; ++c) {
        for (std::size_t k = 0; k < per_category[c]; ++k) {
            categories[c].push_back({static_cast<NodeId>(rng() % node_count),
                                     static_cast<std::uint32_t>(rng() % 120), owner++});
        }
    }
    return categories;
}

void nearest_8_categories(benchmark::State& state, bool copy) {
    const Fixture& f = ch_fixture(size_arg(state));
    lw::routing::BatchedPhast b(f.ch, {.threads = threads_arg(state)});
    const auto categories = eight_categories(f.graph.node_count());
    std::vector<std::uint32_t> distances(copy ? f.graph.node_count() * 8 : 0);
    std::vector<std::uint32_t> owners(copy ? f.graph.node_count() * 8 : 0);
    b.reset(Direction::to_sources, 8).add_source(0, 0, 0, 0).add_source(0, 1, 0, 1).run(); // allocation
    for (auto _ : state) {
        b.reset(Direction::to_sources, 8);
        for (unsigned lane = 0; lane < 8; ++lane) {
            for (const Source& s : categories[lane]) {
                b.add_source(lane, s.node, s.offset, s.owner);
            }
        }
        b.run();
        if (copy) {
            b.copy_lanes(distances, owners);
        }
        benchmark::DoNotOptimize(b.distance(7, 0));
    }
    per_node_counter(state, "s_per_node", static_cast<double>(f.graph.node_count()));
}
void BM_Nearest8Categories(benchmark::State& state) {
    nearest_8_categories(state, false);
}
void BM_Nearest8CategoriesCopy(benchmark::State& state) {
    nearest_8_categories(state, true);
}

void BM_CountWithin1000(benchmark::State& state) {
    const Fixture& f = ch_fixture(size_arg(state));
    const auto nodes = random_nodes(1000, f.graph.node_count(), 9);
    std::vector<Source> facilities;
    for (std::uint32_t k = 0; k < nodes.size(); ++k) {
        facilities.push_back({nodes[k], 0, k});
    }
    const std::vector<std::uint32_t> thresholds{600, 1200, 1800};
    double within_30 = 0.0;
    for (auto _ : state) {
        const auto counts = lw::routing::count_within(f.ch, Direction::to_sources, facilities,
                                                      thresholds, {.threads = threads_arg(state)});
        std::uint64_t sum = 0;
        for (NodeId v = 0; v < f.graph.node_count(); ++v) {
            sum += counts.at(v, 2);
        }
        within_30 = static_cast<double>(sum) / static_cast<double>(f.graph.node_count());
    }
    per_node_counter(state, "s_per_node_tree", 1000.0 * static_cast<double>(f.graph.node_count()));
    state.counters["avg_within_30min"] = within_30;
}

std::vector<std::int64_t> sizes() {
    std::vector<std::int64_t> out{77'000};
    if (const char* large = std::getenv("LW_BENCH_LARGE");
        large != nullptr && std::string(large) == "1") {
        out = {77'000, 1'000'000, 5'000'000};
    }
    if (const char* list = std::getenv("LW_BENCH_SIZES"); list != nullptr) {
        out.clear();
        std::stringstream in(list);
        std::string item;
        while (std::getline(in, item, ',')) {
            out.push_back(std::stoll(item));
        }
    }
    return out;
}

void register_all() {
    using Fn = void (*)(benchmark::State&);
    const auto add = [](const char* name, Fn fn, bool threads, benchmark::TimeUnit unit) {
        for (const std::int64_t size : sizes()) {
            if (!threads) {
                benchmark::RegisterBenchmark(name, fn)->Arg(size)->Unit(unit)->UseRealTime();
                continue;
            }
            for (const std::int64_t t : {1, 2}) {
                benchmark::RegisterBenchmark(name, fn)->Args({size, t})->Unit(unit)->UseRealTime();
            }
        }
    };
    add("BM_GenerateGraph", BM_GenerateGraph, false, benchmark::kMillisecond);
    // Two threads first: that run's CH is cached for everything below.
    for (const std::int64_t size : sizes()) {
        for (const std::int64_t t : {2, 1}) {
            benchmark::RegisterBenchmark("BM_BuildCh", BM_BuildCh)
                ->Args({size, t})
                ->Iterations(1)
                ->Unit(benchmark::kSecond)
                ->UseRealTime();
        }
    }
    add("BM_DijkstraOneToAll", BM_DijkstraOneToAll, false, benchmark::kMillisecond);
    add("BM_ChQuery", BM_ChQuery, false, benchmark::kMicrosecond);
    add("BM_PhastOneToAll", BM_PhastOneToAll, true, benchmark::kMillisecond);
    add("BM_PhastNearest100", BM_PhastNearest100, true, benchmark::kMillisecond);
    add("BM_Batched16Trees", BM_Batched16Trees, true, benchmark::kMillisecond);
    add("BM_Nearest8Categories", BM_Nearest8Categories, true, benchmark::kMillisecond);
    add("BM_Nearest8CategoriesCopy", BM_Nearest8CategoriesCopy, true, benchmark::kMillisecond);
    add("BM_CountWithin1000", BM_CountWithin1000, true, benchmark::kMillisecond);
}

} // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    register_all();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
