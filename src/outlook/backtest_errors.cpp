#include "outlook/backtest_errors.hpp"

#include "demand/exceedance.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>

namespace lw::outlook {

namespace {

struct SizeClass {
    const char* label;
    double from;
};
constexpr std::array<SizeClass, 5> size_classes{{{"< 1,000", 0},
                                                 {"1,000–4,999", 1000},
                                                 {"5,000–19,999", 5000},
                                                 {"20,000–99,999", 20000},
                                                 {"100,000 and more", 100000}}};


ErrorSummary summarise(const std::string& label, const std::vector<std::size_t>& members,
                       std::span<const MatchedUnit> units, std::span<const UnitForecast> forecasts) {
    ErrorSummary s{label, members.size(), 0, 0, 0, std::nullopt};
    if (members.empty()) {
        return s;
    }
    std::vector<double> ape;
    double signed_sum = 0;
    std::size_t with_interval = 0, inside = 0;
    for (const auto i : members) {
        const double actual = units[i].population_after;
        const auto& f = forecasts[i];
        const double error = 100.0 * (f.expected - actual) / actual;
        ape.push_back(std::abs(error));
        signed_sum += error;
        if (f.low80 && f.high80) {
            ++with_interval;
            inside += (actual >= *f.low80 && actual <= *f.high80) ? 1 : 0;
        }
    }
    s.median_ape = demand::quantile(ape, 0.5);
    s.p90_ape = demand::quantile(ape, 0.9);
    s.mean_error = signed_sum / static_cast<double>(members.size());
    if (with_interval == members.size()) {
        s.coverage80 = static_cast<double>(inside) / static_cast<double>(with_interval);
    }
    return s;
}

} // namespace

std::vector<ErrorSummary> summarise_errors(std::span<const MatchedUnit> units,
                                           std::span<const UnitForecast> forecasts) {
    assert(units.size() == forecasts.size());
    std::vector<std::vector<std::size_t>> members(size_classes.size());
    std::vector<std::size_t> all;
    for (std::size_t i = 0; i < units.size(); ++i) {
        // Units with a count not given, or without inhabitants, cannot be scored.
        if (!units[i].complete || units[i].population_before <= 0 || units[i].population_after <= 0) {
            continue;
        }
        std::size_t c = size_classes.size() - 1;
        while (units[i].population_before < size_classes[c].from) {
            --c;
        }
        members[c].push_back(i);
        all.push_back(i);
    }
    std::vector<ErrorSummary> out;
    for (std::size_t c = 0; c < size_classes.size(); ++c) {
        out.push_back(summarise(size_classes[c].label, members[c], units, forecasts));
    }
    out.push_back(summarise("all", all, units, forecasts));
    return out;
}

} // namespace lw::outlook
