#include "projection/deterministic.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <span>

namespace lw::projection {

// The kernel once per instruction set.
namespace kernel_baseline {
#include "projection/detail/deterministic_kernel.inc"
} // namespace kernel_baseline

#pragma GCC push_options
#pragma GCC target("avx2")
namespace kernel_avx2 {
#include "projection/detail/deterministic_kernel.inc"
} // namespace kernel_avx2
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512bw,avx512dq,prefer-vector-width=512")
namespace kernel_avx512 {
#include "projection/detail/deterministic_kernel.inc"
} // namespace kernel_avx512
#pragma GCC pop_options

namespace {

using AreaKernel = void (*)(const ProjectionInput&, std::size_t, DeterministicResult&, bool);

AreaKernel select_kernel(SimdPath path) {
    switch (resolve_simd_path(path)) {
    case SimdPath::avx512:
        return kernel_avx512::project_area;
    case SimdPath::avx2:
        return kernel_avx2::project_area;
    default:
        return kernel_baseline::project_area;
    }
}

} // namespace

void project(const ProjectionInput& input, DeterministicResult& result,
             const DeterministicOptions& options) {
    validate(input);
    if (!simd_path_supported(options.simd)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("projection: this CPU cannot run the requested SIMD path {}",
                                static_cast<int>(options.simd)));
    }
    const AreaKernel kernel = select_kernel(options.simd);
    result.area_count = input.area_count;
    result.years = input.years;
    result.population.resize(input.area_count * (input.years + 1) * cell_count);
    const std::size_t component_size = options.components ? input.area_count * input.years : 0;
    result.deaths.resize(component_size * cell_count);
    result.migration.resize(component_size * cell_count);
    result.migration_clipped.resize(component_size * cell_count);
    result.births.resize(component_size * sex_count);
    const int threads = options.threads == 0 ? tbb::task_arena::automatic
                                             : static_cast<int>(options.threads);
    tbb::task_arena arena(threads);
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, input.area_count, 16),
                          [&](const tbb::blocked_range<std::size_t>& range) {
                              for (std::size_t area = range.begin(); area < range.end(); ++area) {
                                  kernel(input, area, result, options.components);
                              }
                          });
    });
}

DeterministicResult project(const ProjectionInput& input, const DeterministicOptions& options) {
    DeterministicResult result;
    project(input, result, options);
    return result;
}

} // namespace lw::projection
