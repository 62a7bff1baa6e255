#include "projection/detail/quantiles.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <utility>

namespace lw::projection::detail {

namespace {

// Histogram path is used while the range is at most this many times the sample count.
constexpr std::int64_t histogram_range_factor = 4;

template <typename T>
bool use_histogram(std::span<const T> values, std::int64_t& lo, std::int64_t& hi) {
    // Plain min/max loop: vectorises, unlike std::minmax_element.
    T low = values[0];
    T high = values[0];
    for (const T value : values) {
        low = std::min(low, value);
        high = std::max(high, value);
    }
    lo = low;
    hi = high;
    return hi - lo < histogram_range_factor * static_cast<std::int64_t>(values.size()) + 1;
}

// Fills scratch.counts[v - lo] with the number of samples <= v.
template <typename T>
void cumulative_histogram(std::span<const T> values, std::int64_t lo, std::int64_t hi,
                          QuantileScratch& scratch) {
    scratch.counts.assign(static_cast<std::size_t>(hi - lo + 1), 0);
    for (const T value : values) {
        ++scratch.counts[static_cast<std::size_t>(value - lo)];
    }
    std::uint32_t running = 0;
    for (std::uint32_t& count : scratch.counts) {
        running += count;
        count = running;
    }
}

} // namespace

void append_distribution(std::span<const std::int64_t> values, std::vector<std::int32_t>& value_out,
                         std::vector<std::uint32_t>& at_or_below_out, QuantileScratch& scratch) {
    std::int64_t lo = 0;
    std::int64_t hi = 0;
    const bool histogram = use_histogram(values, lo, hi);
    if (lo < std::numeric_limits<std::int32_t>::min() || hi > std::numeric_limits<std::int32_t>::max()) {
        throw Error(ErrorKind::input_value,
                    fmt::format("monte carlo: an aggregate reached {} persons, beyond the int32 range", hi));
    }
    if (histogram) {
        cumulative_histogram(values, lo, hi, scratch);
        std::uint32_t previous = 0;
        for (std::size_t idx = 0; idx < scratch.counts.size(); ++idx) {
            if (scratch.counts[idx] != previous) {
                value_out.push_back(static_cast<std::int32_t>(lo + static_cast<std::int64_t>(idx)));
                at_or_below_out.push_back(scratch.counts[idx]);
                previous = scratch.counts[idx];
            }
        }
        return;
    }
    scratch.sorted.assign(values.begin(), values.end());
    std::sort(scratch.sorted.begin(), scratch.sorted.end());
    for (std::size_t idx = 0; idx < scratch.sorted.size(); ++idx) {
        if (idx + 1 == scratch.sorted.size() || scratch.sorted[idx + 1] != scratch.sorted[idx]) {
            value_out.push_back(static_cast<std::int32_t>(scratch.sorted[idx]));
            at_or_below_out.push_back(static_cast<std::uint32_t>(idx + 1));
        }
    }
}

} // namespace lw::projection::detail

// The per-cell quantiles once per instruction set (see sampling.cpp).
namespace lw::projection::detail::baseline {
#include "projection/detail/quantiles_impl.inc"
} // namespace lw::projection::detail::baseline

#pragma GCC push_options
#pragma GCC target("avx2")
namespace lw::projection::detail::avx2 {
#include "projection/detail/quantiles_impl.inc"
} // namespace lw::projection::detail::avx2
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512bw,avx512dq,prefer-vector-width=512")
namespace lw::projection::detail::avx512 {
#include "projection/detail/quantiles_impl.inc"
} // namespace lw::projection::detail::avx512
#pragma GCC pop_options
