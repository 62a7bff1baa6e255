# Projection engine on synthetic municipalities (included by bench/CMakeLists.txt). Small sizes by
# default; LW_BENCH_LARGE=1 runs the floor sizes (11,000 areas deterministic; 1,000 runs for 421
# and 11,000 areas).
add_executable(lw_bench_projection ${CMAKE_CURRENT_LIST_DIR}/projection_bench.cpp)
target_link_libraries(lw_bench_projection PRIVATE lw_projection benchmark::benchmark lw_warnings)
