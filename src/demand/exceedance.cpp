#include "demand/exceedance.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace lw::demand {

namespace {

void check_runs(std::span<const double> run_values) {
    if (run_values.empty()) {
        throw Error(ErrorKind::input_value, "no Monte-Carlo runs given");
    }
    for (std::size_t run_idx = 0; run_idx < run_values.size(); ++run_idx) {
        if (!std::isfinite(run_values[run_idx])) {
            throw Error(ErrorKind::input_value,
                        fmt::format("run {}: value {} is not finite", run_idx,
                                    run_values[run_idx]));
        }
    }
}

double sorted_quantile(const std::vector<double>& sorted, double p) {
    if (!(p >= 0.0 && p <= 1.0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("quantile {} is not in [0, 1]", p));
    }
    const double h = static_cast<double>(sorted.size() - 1) * p;
    const auto low = static_cast<std::size_t>(std::floor(h));
    if (low + 1 >= sorted.size()) {
        return sorted.back();
    }
    return sorted[low] + (h - static_cast<double>(low)) * (sorted[low + 1] - sorted[low]);
}

} // namespace

Exceedance wilson_interval(std::size_t successes, std::size_t trials, double z) {
    if (trials == 0 || successes > trials || !(z > 0.0) || !std::isfinite(z)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("Wilson interval: {} successes of {} trials at z = {}", successes,
                                trials, z));
    }
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(successes) / n;
    const double z2 = z * z;
    const double denom = 1.0 + z2 / n;
    const double centre = (p + z2 / (2.0 * n)) / denom;
    const double half = z / denom * std::sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n));
    Exceedance result;
    result.runs = trials;
    result.exceeding = successes;
    result.probability = p;
    result.lower = std::max(0.0, centre - half);
    result.upper = std::min(1.0, centre + half);
    return result;
}

Exceedance exceedance(std::span<const double> run_values, double capacity, double z) {
    check_runs(run_values);
    if (std::isnan(capacity)) {
        throw Error(ErrorKind::input_value, "capacity is not a number");
    }
    const auto exceeding = static_cast<std::size_t>(std::count_if(
        run_values.begin(), run_values.end(), [capacity](double value) { return value > capacity; }));
    return wilson_interval(exceeding, run_values.size(), z);
}

double quantile(std::span<const double> run_values, double p) {
    const double ps[] = {p};
    return quantiles(run_values, ps).front();
}

std::vector<double> quantiles(std::span<const double> run_values, std::span<const double> ps) {
    check_runs(run_values);
    std::vector<double> sorted(run_values.begin(), run_values.end());
    std::sort(sorted.begin(), sorted.end());
    std::vector<double> result;
    result.reserve(ps.size());
    for (double p : ps) {
        result.push_back(sorted_quantile(sorted, p));
    }
    return result;
}

} // namespace lw::demand
