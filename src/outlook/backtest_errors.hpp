#pragma once
// Error statistics of a population forecast against later official counts, per size class of the
// base population: median and 90th percentile absolute percentage error (APE), mean signed error,
// and the share of units whose count fell inside the forecast's 80 % interval.

#include "outlook/area_matching.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace lw::outlook {

struct UnitForecast {
    double expected = 0;                // point forecast (median or deterministic)
    std::optional<double> low80, high80; // the 80 % interval, if the method gives one
};

struct ErrorSummary {
    std::string size_class; // e.g. "1,000–4,999", or "all"
    std::size_t units = 0;
    double median_ape = 0;  // %
    double p90_ape = 0;     // %
    double mean_error = 0;  // %, signed: forecast above the count is positive
    std::optional<double> coverage80; // share (0..1) of counts inside the 80 % interval
};

// Size classes of the base population (a grouping of our own, close to the BBSR
// Gemeindegrößenklassen): < 1,000; 1,000–4,999; 5,000–19,999; 20,000–99,999; 100,000 and more.
std::vector<ErrorSummary> summarise_errors(std::span<const MatchedUnit> units,
                                           std::span<const UnitForecast> forecasts);

} // namespace lw::outlook
