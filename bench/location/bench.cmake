# Location optimisation on synthetic districts (included by bench/CMakeLists.txt). Small sizes by
# default; LW_BENCH_LARGE=1 runs the floor sizes (2,000 x 50,000; exact at 500 x 5,000).
add_executable(lw_bench_location ${CMAKE_CURRENT_LIST_DIR}/location_bench.cpp)
target_link_libraries(lw_bench_location PRIVATE lw_location benchmark::benchmark lw_warnings)
