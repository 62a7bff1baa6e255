#pragma once
// Quantiles and distributions of integer samples (one value per Monte-Carlo run). Quantiles are
// Hyndman & Fan type 7 (R's default, numpy's "linear"): h = (n - 1) p, interpolating between the
// order statistics floor(h) and floor(h) + 1. Small value ranges (nearly all cells) are counted in
// a histogram instead of sorted: O(n + range), exact.

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace lw::projection::detail {

struct QuantileScratch {
    std::vector<std::uint32_t> counts; // histogram, then its prefix sums
    std::vector<std::int64_t> sorted;
    std::vector<std::pair<std::size_t, std::int64_t>> ranks; // (order statistic, its value)
};

// out[i] = type-7 quantile of `values` at levels[i]. values non-empty. One version per instruction
// set (identical results, tested); detail::quantiles is the baseline one.
inline namespace baseline {
void quantiles(std::span<const std::int32_t> values, std::span<const double> levels,
               std::span<float> out, QuantileScratch& scratch);
}
namespace avx2 {
void quantiles(std::span<const std::int32_t> values, std::span<const double> levels,
               std::span<float> out, QuantileScratch& scratch);
}
namespace avx512 {
void quantiles(std::span<const std::int32_t> values, std::span<const double> levels,
               std::span<float> out, QuantileScratch& scratch);
}

// Sorted distinct values and, per value, how many samples are <= it (appended to the outputs).
// Throws lw::Error (input_value) if a value is outside the int32 range.
void append_distribution(std::span<const std::int64_t> values, std::vector<std::int32_t>& value_out,
                         std::vector<std::uint32_t>& at_or_below_out, QuantileScratch& scratch);

} // namespace lw::projection::detail
