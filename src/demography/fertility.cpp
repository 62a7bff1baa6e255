#include "demography/fertility.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <numeric>

namespace lw::demography {

std::vector<double> fertility_schedule(const AsfrTable& table, std::span<const int> years) {
    if (years.empty()) {
        throw Error(ErrorKind::input_value, "fertility schedule: no year chosen");
    }
    std::vector<double> schedule(age_count, 0.0);
    for (int year : years) {
        const auto found = std::find(table.years.begin(), table.years.end(), year);
        if (found == table.years.end()) {
            throw Error(ErrorKind::input_value,
                        fmt::format("fertility schedule: no rates for {}", year));
        }
        const auto year_idx = static_cast<std::size_t>(found - table.years.begin());
        for (std::size_t age_idx = 0; age_idx < fertility_age_count; ++age_idx) {
            schedule[fertility_first_age + age_idx] +=
                table.per_1000[year_idx * fertility_age_count + age_idx] / 1000.0;
        }
    }
    for (double& rate : schedule) {
        rate /= static_cast<double>(years.size());
    }
    return schedule;
}

double total_fertility(std::span<const double> schedule) {
    return std::accumulate(schedule.begin(), schedule.end(), 0.0);
}

std::vector<double> scale_to_tfr(std::span<const double> schedule, double tfr) {
    const double current = total_fertility(schedule);
    if (!(tfr >= 0) || !(current > 0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("fertility: cannot scale a schedule with TFR {} to TFR {}",
                                current, tfr));
    }
    std::vector<double> out(schedule.begin(), schedule.end());
    for (double& rate : out) {
        rate *= tfr / current;
    }
    return out;
}

} // namespace lw::demography
