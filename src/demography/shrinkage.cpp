#include "demography/shrinkage.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace lw::demography {

ShrinkageResult shrink_rates(std::span<const double> rate, std::span<const double> population,
                             double years, const ShrinkageConfig& config) {
    const std::size_t area_count = rate.size();
    if (population.size() != area_count || !(years > 0) || !(config.turnover_per_head >= 0) ||
        !(config.variance_floor >= 0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("shrinkage: {} rates, {} populations, {} years", area_count,
                                population.size(), years));
    }
    ShrinkageResult out;
    out.rate.assign(rate.begin(), rate.end());
    out.sampling_variance.resize(area_count);
    out.own_weight.assign(area_count, 1.0);
    for (std::size_t area_idx = 0; area_idx < area_count; ++area_idx) {
        if (!(population[area_idx] > 0)) {
            throw Error(ErrorKind::input_value,
                        fmt::format("shrinkage: area {} has population {}", area_idx,
                                    population[area_idx]));
        }
        out.sampling_variance[area_idx] =
            config.turnover_per_head / (population[area_idx] * years) + config.variance_floor;
    }
    if (area_count < 2 || std::all_of(out.sampling_variance.begin(), out.sampling_variance.end(),
                                      [](double v) { return v == 0; })) {
        return out;
    }
    // DerSimonian-Laird: Q = sum w (r - r_w)^2 with w = 1/v; tau^2 = max(0, (Q - (k-1)) / c).
    double w_sum = 0, w2_sum = 0, wr_sum = 0;
    for (std::size_t area_idx = 0; area_idx < area_count; ++area_idx) {
        const double weight = 1.0 / out.sampling_variance[area_idx];
        w_sum += weight;
        w2_sum += weight * weight;
        wr_sum += weight * rate[area_idx];
    }
    const double fixed_mean = wr_sum / w_sum;
    double q = 0;
    for (std::size_t area_idx = 0; area_idx < area_count; ++area_idx) {
        const double diff = rate[area_idx] - fixed_mean;
        q += diff * diff / out.sampling_variance[area_idx];
    }
    const double c = w_sum - w2_sum / w_sum;
    out.between_variance =
        c > 0 ? std::max(0.0, (q - static_cast<double>(area_count - 1)) / c) : 0.0;
    double mean_num = 0, mean_den = 0;
    for (std::size_t area_idx = 0; area_idx < area_count; ++area_idx) {
        const double weight = 1.0 / (out.sampling_variance[area_idx] + out.between_variance);
        mean_num += weight * rate[area_idx];
        mean_den += weight;
    }
    out.group_mean = mean_num / mean_den;
    for (std::size_t area_idx = 0; area_idx < area_count; ++area_idx) {
        const double v = out.sampling_variance[area_idx];
        out.own_weight[area_idx] = out.between_variance / (v + out.between_variance);
        out.rate[area_idx] =
            out.group_mean + out.own_weight[area_idx] * (rate[area_idx] - out.group_mean);
    }
    return out;
}

} // namespace lw::demography
