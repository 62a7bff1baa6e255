#include "demography/base_population.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <numeric>

namespace lw::demography {
namespace {

void check_groups(const AgeGroupCounts& groups) {
    const auto& first = groups.first_age;
    if (first.empty() || first.size() != groups.count.size() || first.front() != 0) {
        throw Error(ErrorKind::input_value,
                    fmt::format("age groups: {} group starts and {} counts, first start {}",
                                first.size(), groups.count.size(),
                                first.empty() ? 0 : first.front()));
    }
    for (std::size_t group = 0; group < first.size(); ++group) {
        if ((group > 0 && first[group] <= first[group - 1]) || first[group] > open_age) {
            throw Error(ErrorKind::input_value,
                        fmt::format("age groups: group {} starts at age {}", group, first[group]));
        }
        if (!(groups.count[group] >= 0)) {
            throw Error(ErrorKind::input_value, fmt::format("age groups: group {} has count {}",
                                                            group, groups.count[group]));
        }
    }
}

} // namespace

std::vector<double> disaggregate_population(const AgeGroupCounts& district, double total,
                                            const std::optional<SexTotals>& sex_totals,
                                            const LifeTables& tables,
                                            double male_share_at_birth) {
    check_groups(district);
    const double district_total =
        std::accumulate(district.count.begin(), district.count.end(), 0.0);
    if (!(district_total > 0) || !(total >= 0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("base population: district total {}, municipality total {}",
                                district_total, total));
    }
    if (sex_totals && (!(sex_totals->male >= 0) || !(sex_totals->female >= 0) ||
                       std::abs(sex_totals->male + sex_totals->female - total) > 1e-9 * total)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("base population: men {} and women {} do not add up to {}",
                                sex_totals->male, sex_totals->female, total));
    }
    // Stationary population per sex, per birth: share of births times L(x) / l(0).
    const LifeTable& men = tables[static_cast<std::size_t>(Sex::male)];
    const LifeTable& women = tables[static_cast<std::size_t>(Sex::female)];
    std::vector<double> stationary(cell_count);
    for (std::size_t age = 0; age < age_count; ++age) {
        stationary[cell(Sex::male, age)] = male_share_at_birth * men.Lx[age] / men.lx[0];
        stationary[cell(Sex::female, age)] = (1 - male_share_at_birth) * women.Lx[age] / women.lx[0];
    }
    std::vector<double> population(cell_count, 0.0);
    const std::size_t group_count = district.first_age.size();
    for (std::size_t group = 0; group < group_count; ++group) {
        const std::size_t first = district.first_age[group];
        const std::size_t end = group + 1 < group_count ? district.first_age[group + 1] : age_count;
        double shape_sum = 0;
        for (std::size_t age = first; age < end; ++age) {
            shape_sum += stationary[cell(Sex::male, age)] + stationary[cell(Sex::female, age)];
        }
        const double group_count_here = total * district.count[group] / district_total;
        for (std::size_t age = first; age < end; ++age) {
            for (auto sex : {Sex::male, Sex::female}) {
                population[cell(sex, age)] = group_count_here * stationary[cell(sex, age)] / shape_sum;
            }
        }
    }
    if (sex_totals && total > 0) {
        // Iterative proportional fitting on the 2 x 101 table: age totals fixed above, sex totals
        // given. Both margins sum to `total`, so it converges (Deming & Stephan 1940).
        std::vector<double> age_totals(age_count);
        for (std::size_t age = 0; age < age_count; ++age) {
            age_totals[age] = population[cell(Sex::male, age)] + population[cell(Sex::female, age)];
        }
        const double targets[sex_count] = {sex_totals->male, sex_totals->female};
        for (int round = 0; round < 10000; ++round) {
            double worst = 0;
            for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
                const auto sex = static_cast<Sex>(sex_idx);
                double sum = 0;
                for (std::size_t age = 0; age < age_count; ++age) {
                    sum += population[cell(sex, age)];
                }
                worst = std::max(worst, std::abs(sum - targets[sex_idx]));
                const double factor = sum > 0 ? targets[sex_idx] / sum : 0.0;
                for (std::size_t age = 0; age < age_count; ++age) {
                    population[cell(sex, age)] *= factor;
                }
            }
            for (std::size_t age = 0; age < age_count; ++age) {
                const double sum =
                    population[cell(Sex::male, age)] + population[cell(Sex::female, age)];
                if (sum > 0) {
                    population[cell(Sex::male, age)] *= age_totals[age] / sum;
                    population[cell(Sex::female, age)] *= age_totals[age] / sum;
                }
            }
            if (worst <= 1e-12 * total) {
                break;
            }
        }
    }
    return population;
}

std::vector<std::int64_t> round_largest_remainder(std::span<const double> values,
                                                  std::int64_t total) {
    const double sum = std::accumulate(values.begin(), values.end(), 0.0);
    if (std::abs(sum - static_cast<double>(total)) >
        1e-6 * std::max(1.0, static_cast<double>(total))) {
        throw Error(ErrorKind::input_value,
                    fmt::format("rounding: values sum to {}, not {}", sum, total));
    }
    std::vector<std::int64_t> out(values.size());
    std::vector<std::size_t> order(values.size());
    std::int64_t assigned = 0;
    for (std::size_t idx = 0; idx < values.size(); ++idx) {
        if (!(values[idx] >= 0)) {
            throw Error(ErrorKind::input_value,
                        fmt::format("rounding: value {} at {} is negative", values[idx], idx));
        }
        out[idx] = static_cast<std::int64_t>(std::floor(values[idx]));
        assigned += out[idx];
        order[idx] = idx;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t lhs, std::size_t rhs) {
        return values[lhs] - std::floor(values[lhs]) > values[rhs] - std::floor(values[rhs]);
    });
    // The floors sum to at most `total` and to more than total - size (sum matches to 1e-6).
    for (std::size_t rank = 0; assigned < total && rank < order.size(); ++rank, ++assigned) {
        ++out[order[rank]];
    }
    return out;
}

} // namespace lw::demography
