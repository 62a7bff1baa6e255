#include "population/largest_remainder.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace lw::population {

std::vector<std::int64_t> apportion(std::int64_t total, std::span<const double> weights) {
    std::vector<std::int64_t> counts(weights.size(), 0);
    const double sum = std::accumulate(weights.begin(), weights.end(), 0.0);
    assert(total >= 0);
    if (weights.empty() || sum <= 0.0 || total == 0) {
        return counts;
    }
    std::vector<double> remainder(weights.size());
    std::int64_t assigned = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const double exact = static_cast<double>(total) * weights[i] / sum;
        counts[i] = static_cast<std::int64_t>(std::floor(exact));
        remainder[i] = exact - static_cast<double>(counts[i]);
        assigned += counts[i];
    }
    std::vector<std::size_t> order(weights.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
    // Floating-point rounding can leave the floor sum off by one either way; fix it explicitly.
    std::int64_t left = total - assigned;
    for (std::size_t k = 0; left > 0; k = (k + 1) % order.size()) {
        if (weights[order[k]] > 0.0) {
            ++counts[order[k]];
            --left;
        }
    }
    for (std::size_t k = order.size(); left < 0 && k-- > 0;) {
        if (counts[order[k]] > 0) {
            --counts[order[k]];
            ++left;
        }
    }
    return counts;
}

} // namespace lw::population
