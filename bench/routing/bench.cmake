# Routing core: CH construction, PHAST sweeps, threshold counts on synthetic road-like graphs
# (docs/performance.md, "Routing core"). LW_BENCH_LARGE=1 adds the 1M- and 5M-node graphs.
add_executable(lw_bench_routing ${CMAKE_CURRENT_SOURCE_DIR}/routing/ch_bench.cpp)
target_link_libraries(lw_bench_routing PRIVATE lw_routing lw_graph benchmark::benchmark lw_warnings)
