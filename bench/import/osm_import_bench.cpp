// OpenStreetMap import throughput on the Lauf demo extract (data/osm/lauf-200115.osm.pbf):
//   BM_OsmDecode    libosmium reading and decoding every object (the floor for any importer)
//   BM_OsmLocations decoding plus node locations for ways (the index read_osm() builds)
//   BM_ReadOsm      the full read_osm() pipeline: two passes, areas, network, classification
// Counter "objects/s" counts nodes + ways + relations per second of wall time.
// Another file: LW_OSM_BENCH_FILE=/path/to/extract.osm.pbf build/release/bench/lw_bench_osm_import

#include "import/osm/reader.hpp"

#include <benchmark/benchmark.h>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/visitor.hpp>

#include <cstdlib>
#include <filesystem>

namespace {

std::filesystem::path input_file() {
    if (const char* file = std::getenv("LW_OSM_BENCH_FILE")) {
        return file;
    }
    const char* dir = std::getenv("LW_DEMO_DATA_DIR");
    return std::filesystem::path(dir != nullptr ? dir : LW_DEMO_DATA_DIR_DEFAULT) / "osm" /
           "lauf-200115.osm.pbf";
}

struct Counter : osmium::handler::Handler {
    std::uint64_t objects = 0;
    void node(const osmium::Node&) { ++objects; }
    void way(const osmium::Way&) { ++objects; }
    void relation(const osmium::Relation&) { ++objects; }
};

void set_counters(benchmark::State& state, std::uint64_t objects_per_iteration,
                  std::uint64_t bytes_per_iteration) {
    state.counters["objects/s"] = benchmark::Counter(static_cast<double>(objects_per_iteration) *
                                                         static_cast<double>(state.iterations()),
                                                     benchmark::Counter::kIsRate);
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes_per_iteration) *
                            static_cast<std::int64_t>(state.iterations()));
}

void BM_OsmDecode(benchmark::State& state) {
    const auto file = input_file();
    std::uint64_t objects = 0;
    for (auto _ : state) {
        Counter counter;
        osmium::io::Reader reader{file.string()};
        osmium::apply(reader, counter);
        reader.close();
        objects = counter.objects;
        benchmark::DoNotOptimize(objects);
    }
    set_counters(state, objects, std::filesystem::file_size(file));
}

void BM_OsmLocations(benchmark::State& state) {
    using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
    const auto file = input_file();
    std::uint64_t objects = 0;
    for (auto _ : state) {
        Index index;
        osmium::handler::NodeLocationsForWays<Index> locations{index};
        locations.ignore_errors();
        Counter counter;
        osmium::io::Reader reader{file.string()};
        osmium::apply(reader, locations, counter);
        reader.close();
        objects = counter.objects;
        benchmark::DoNotOptimize(objects);
    }
    set_counters(state, objects, std::filesystem::file_size(file));
}

void BM_ReadOsm(benchmark::State& state) {
    const lw::import::osm::OsmConfig config{input_file()};
    std::uint64_t objects = 0;
    for (auto _ : state) {
        const auto extract = lw::import::osm::read_osm(config);
        objects = extract.stats.nodes + extract.stats.ways + extract.stats.relations;
        benchmark::DoNotOptimize(extract.network.edges.data());
    }
    set_counters(state, objects, std::filesystem::file_size(config.input));
}

BENCHMARK(BM_OsmDecode)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_OsmLocations)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_ReadOsm)->Unit(benchmark::kMillisecond)->UseRealTime();

} // namespace

BENCHMARK_MAIN();
