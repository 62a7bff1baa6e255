#include "demand/population.hpp"

#include "core/error.hpp"

#include <cmath>
#include <fmt/format.h>

namespace lw::demand {

namespace {

void check_size(std::span<const double> values, const char* what) {
    if (values.size() != cell_count) {
        throw Error(ErrorKind::input_value,
                    fmt::format("{} has {} values, expected {} (ages 0..100+ by two sexes)", what,
                                values.size(), cell_count));
    }
}

std::string cell_name(std::size_t idx) {
    return fmt::format("{} age {}", idx < age_count ? "male" : "female", idx % age_count);
}

} // namespace

void check_cells(std::span<const double> values, const char* what) {
    check_size(values, what);
    for (std::size_t cell_idx = 0; cell_idx < values.size(); ++cell_idx) {
        if (!std::isfinite(values[cell_idx]) || values[cell_idx] < 0.0) {
            throw Error(ErrorKind::input_value,
                        fmt::format("{}: {} is {}, expected a finite value >= 0", what,
                                    cell_name(cell_idx), values[cell_idx]));
        }
    }
}

void check_rates(std::span<const double> values, const char* what) {
    check_size(values, what);
    for (std::size_t cell_idx = 0; cell_idx < values.size(); ++cell_idx) {
        if (!(values[cell_idx] >= 0.0 && values[cell_idx] <= 1.0)) {
            throw Error(ErrorKind::input_value,
                        fmt::format("{}: {} is {}, expected a share in [0, 1]", what,
                                    cell_name(cell_idx), values[cell_idx]));
        }
    }
}

double total(Population population) {
    double sum = 0.0;
    for (double value : population) {
        sum += value;
    }
    return sum;
}

} // namespace lw::demand
