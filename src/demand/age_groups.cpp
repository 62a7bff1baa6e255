#include "demand/age_groups.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace lw::demand {

void check_group(const AgeGroup& group) {
    if (group.first_age > group.last_age || group.last_age > open_age) {
        throw Error(ErrorKind::input_value,
                    fmt::format("age group '{}': ages {}..{} are not a range within 0..{}",
                                group.name, group.first_age, group.last_age, open_age));
    }
}

double count(Population population, const AgeGroup& group) {
    check_cells(population, "population");
    check_group(group);
    double sum = 0.0;
    for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
        const auto sex = static_cast<Sex>(sex_idx);
        if (group.sex && *group.sex != sex) {
            continue;
        }
        for (std::size_t age_idx = group.first_age; age_idx <= group.last_age; ++age_idx) {
            sum += population[cell(sex, age_idx)];
        }
    }
    return sum;
}

std::vector<double> count(Population population, const std::vector<AgeGroup>& groups) {
    std::vector<double> counts;
    counts.reserve(groups.size());
    for (const AgeGroup& group : groups) {
        counts.push_back(count(population, group));
    }
    return counts;
}

std::vector<AgeGroup> standard_groups() {
    return {
        {"kita_under3", 0, 2, std::nullopt},    {"kita_3to5", 3, 5, std::nullopt},
        {"primary_6to9", 6, 9, std::nullopt},   {"age_10to18", 10, 18, std::nullopt},
        {"age_65plus", 65, open_age, std::nullopt}, {"age_80plus", 80, open_age, std::nullopt},
    };
}

double places(Population population, std::span<const double> uptake) {
    check_cells(population, "population");
    check_rates(uptake, "uptake rates");
    double sum = 0.0;
    for (std::size_t cell_idx = 0; cell_idx < cell_count; ++cell_idx) {
        sum += population[cell_idx] * uptake[cell_idx];
    }
    return sum;
}

std::vector<double> uptake_by_age(std::size_t first_age, std::span<const double> rate_by_age) {
    if (first_age + rate_by_age.size() > age_count) {
        throw Error(ErrorKind::input_value,
                    fmt::format("uptake rates for ages {}..{} reach beyond age {}", first_age,
                                first_age + rate_by_age.size() - 1, open_age));
    }
    std::vector<double> uptake(cell_count, 0.0);
    for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
        for (std::size_t idx = 0; idx < rate_by_age.size(); ++idx) {
            uptake[cell(static_cast<Sex>(sex_idx), first_age + idx)] = rate_by_age[idx];
        }
    }
    check_rates(uptake, "uptake rates");
    return uptake;
}

KitaDemand kita_places(Population population, std::span<const double> under3_rate,
                       double over3_rate) {
    if (under3_rate.size() != 3) {
        throw Error(ErrorKind::input_value,
                    fmt::format("Kita under-3 rates: {} values, expected 3 (ages 0, 1, 2)",
                                under3_rate.size()));
    }
    const std::array<double, 3> over3 = {over3_rate, over3_rate, over3_rate};
    return {places(population, uptake_by_age(0, under3_rate)),
            places(population, uptake_by_age(3, over3))};
}

std::vector<double> primary_school_uptake_hesse() {
    const std::array<double, 5> share = {0.5, 1.0, 1.0, 1.0, 0.5}; // ages 6..10
    return uptake_by_age(6, share);
}

} // namespace lw::demand
