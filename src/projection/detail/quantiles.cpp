#include "projection/detail/quantiles.hpp"

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

void quantiles(std::span<const std::int32_t> values, std::span<const double> levels,
               std::span<float> out, QuantileScratch& scratch) {
    const std::size_t n = values.size();
    std::int64_t lo = 0;
    std::int64_t hi = 0;
    const bool histogram = use_histogram(values, lo, hi);
    if (lo == hi) { // one value in every run (empty cells of small areas): every quantile is it
        std::fill(out.begin(), out.end(), static_cast<float>(lo));
        return;
    }
    // The order statistics needed: floor(h) and floor(h) + 1 per level, ascending, so one scan of
    // the histogram finds all of them.
    auto& ranks = scratch.ranks;
    ranks.clear();
    for (std::size_t idx = 0; idx < levels.size(); ++idx) {
        const double h = static_cast<double>(n - 1) * levels[idx];
        const auto below = static_cast<std::size_t>(std::floor(h));
        ranks.push_back({below, 0});
        ranks.push_back({std::min(below + 1, n - 1), 0});
    }
    std::sort(ranks.begin(), ranks.end());
    auto& sorted_ranks = ranks;
    if (histogram) {
        // Sub-counters per value: runs i and i + 1 with the same value (the usual case) increment
        // different counters, so the increments do not wait on each other's store.
        constexpr std::size_t lanes = 4;
        const auto range = static_cast<std::size_t>(hi - lo + 1);
        scratch.counts.assign(range * lanes, 0);
        std::uint32_t* counts = scratch.counts.data();
        for (std::size_t i = 0; i < n; ++i) {
            ++counts[static_cast<std::size_t>(values[i] - lo) * lanes + (i % lanes)];
        }
        std::size_t next = 0;
        std::size_t running = 0;
        for (std::size_t v = 0; v < range && next < sorted_ranks.size(); ++v) {
            running += counts[v * lanes] + counts[v * lanes + 1] + counts[v * lanes + 2] +
                       counts[v * lanes + 3];
            while (next < sorted_ranks.size() && sorted_ranks[next].first < running) {
                sorted_ranks[next++].second = lo + static_cast<std::int64_t>(v);
            }
        }
    } else {
        scratch.sorted.assign(values.begin(), values.end());
        std::sort(scratch.sorted.begin(), scratch.sorted.end());
        for (auto& [rank, value] : sorted_ranks) {
            value = scratch.sorted[rank];
        }
    }
    // k-th smallest (0-based) from the sorted list of ranks.
    auto order_statistic = [&](std::size_t k) -> double {
        const auto it = std::lower_bound(sorted_ranks.begin(), sorted_ranks.end(),
                                         std::pair<std::size_t, std::int64_t>{k, std::numeric_limits<std::int64_t>::min()});
        return static_cast<double>(it->second);
    };
    for (std::size_t idx = 0; idx < levels.size(); ++idx) {
        const double h = static_cast<double>(n - 1) * levels[idx];
        const auto below = static_cast<std::size_t>(std::floor(h));
        const double x_lo = order_statistic(below);
        const double x_hi = below + 1 < n ? order_statistic(below + 1) : x_lo;
        out[idx] = static_cast<float>(x_lo + (h - static_cast<double>(below)) * (x_hi - x_lo));
    }
}

void append_distribution(std::span<const std::int64_t> values, std::vector<std::int64_t>& value_out,
                         std::vector<std::uint32_t>& at_or_below_out, QuantileScratch& scratch) {
    std::int64_t lo = 0;
    std::int64_t hi = 0;
    if (use_histogram(values, lo, hi)) {
        cumulative_histogram(values, lo, hi, scratch);
        std::uint32_t previous = 0;
        for (std::size_t idx = 0; idx < scratch.counts.size(); ++idx) {
            if (scratch.counts[idx] != previous) {
                value_out.push_back(lo + static_cast<std::int64_t>(idx));
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
            value_out.push_back(scratch.sorted[idx]);
            at_or_below_out.push_back(static_cast<std::uint32_t>(idx + 1));
        }
    }
}

} // namespace lw::projection::detail
