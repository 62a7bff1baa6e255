#include "demand/hidden_vacancy.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <fmt/format.h>
#include <string_view>

namespace lw::demand {

namespace {

void check_share(double value, const char* what) {
    if (!(value >= 0.0 && value <= 1.0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("{} is {}, expected a share in [0, 1]", what, value));
    }
}

void check_config(const HiddenVacancyConfig& config) {
    check_share(config.living_alone_65plus, "living-alone share 65+");
    check_share(config.pair_share, "pair share 65+");
    if (!(config.persons_per_household >= 1.0) || !std::isfinite(config.persons_per_household)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("persons per household is {}, expected >= 1",
                                config.persons_per_household));
    }
    if (config.generic_max_floor_area_m2 && !(*config.generic_max_floor_area_m2 >= 0.0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("generic house floor-area limit is {}, expected >= 0",
                                *config.generic_max_floor_area_m2));
    }
}

double senior_households_per_senior(const HiddenVacancyConfig& config) {
    return config.living_alone_65plus + (1.0 - config.living_alone_65plus) * config.pair_share / 2.0;
}

void check_number(double value, const char* what, std::size_t idx) {
    if (!std::isfinite(value) || value < 0.0) {
        throw Error(ErrorKind::input_value,
                    fmt::format("{} {}: value {} is not a finite number >= 0", what, idx, value));
    }
}

} // namespace

bool is_one_two_family_house(const HouseInput& house, const HiddenVacancyConfig& config) {
    static constexpr std::array<std::string_view, 4> house_tags = {"house", "detached",
                                                                   "semidetached_house", "bungalow"};
    if (std::find(house_tags.begin(), house_tags.end(), house.use) != house_tags.end()) {
        return true;
    }
    return config.generic_max_floor_area_m2 && house.residential &&
           (house.use == "yes" || house.use == "residential") &&
           house.floor_area_m2 <= *config.generic_max_floor_area_m2;
}

double small_senior_household_probability(double share_65plus, const HiddenVacancyConfig& config) {
    check_config(config);
    check_share(share_65plus, "65+ share");
    const double probability =
        share_65plus * senior_households_per_senior(config) * config.persons_per_household;
    return std::clamp(probability, 0.0, 1.0);
}

double calibrate_pair_share(double reference_share_65plus, double reference_senior_only_share,
                            const HiddenVacancyConfig& config) {
    check_config(config);
    check_share(reference_senior_only_share, "reference senior-only share");
    if (!(reference_share_65plus > 0.0 && reference_share_65plus <= 1.0) ||
        !(config.living_alone_65plus < 1.0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("cannot calibrate the pair share: 65+ share {}, living alone {}",
                                reference_share_65plus, config.living_alone_65plus));
    }
    const double per_senior =
        reference_senior_only_share / (reference_share_65plus * config.persons_per_household);
    const double pair = 2.0 * (per_senior - config.living_alone_65plus) /
                        (1.0 - config.living_alone_65plus);
    if (!(pair >= 0.0 && pair <= 1.0)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("calibrated pair share {} is outside [0, 1]: the reference ({} "
                                "senior-only households at a 65+ share of {}) does not fit",
                                pair, reference_senior_only_share, reference_share_65plus));
    }
    return pair;
}

std::vector<AreaHiddenVacancy> hidden_vacancy(std::span<const HouseInput> houses,
                                              std::span<const AreaInput> areas,
                                              const HiddenVacancyConfig& config) {
    check_config(config);
    std::vector<AreaHiddenVacancy> result(areas.size());
    for (std::size_t area_idx = 0; area_idx < areas.size(); ++area_idx) {
        const AreaInput& area = areas[area_idx];
        check_number(area.residents, "area", area_idx);
        check_number(area.residents_65plus, "area", area_idx);
        if (area.residents_65plus > area.residents) {
            throw Error(ErrorKind::input_value,
                        fmt::format("area {}: {} residents 65+ but only {} residents", area_idx,
                                    area.residents_65plus, area.residents));
        }
        const double share = area.residents > 0.0 ? area.residents_65plus / area.residents : 0.0;
        result[area_idx].probability = small_senior_household_probability(share, config);
    }
    for (std::size_t house_idx = 0; house_idx < houses.size(); ++house_idx) {
        const HouseInput& house = houses[house_idx];
        if (house.area_idx >= areas.size()) {
            throw Error(ErrorKind::input_value,
                        fmt::format("building {}: area {} does not exist ({} areas)", house_idx,
                                    house.area_idx, areas.size()));
        }
        check_number(house.floor_area_m2, "building", house_idx);
        check_number(house.population, "building", house_idx);
        if (!is_one_two_family_house(house, config)) {
            continue;
        }
        AreaHiddenVacancy& area = result[house.area_idx];
        ++area.houses;
        area.house_floor_area_m2 += house.floor_area_m2;
        area.house_population += house.population;
    }
    for (AreaHiddenVacancy& area : result) {
        area.expected_houses = area.houses * area.probability;
        area.expected_floor_area_m2 = area.house_floor_area_m2 * area.probability;
    }
    return result;
}

} // namespace lw::demand
