#include "demography/migration_profile.hpp"

#include "core/error.hpp"

#include <cmath>
#include <fmt/format.h>
#include <numeric>

namespace lw::demography {
namespace {

double peak(double a, double alpha, double mu, double lambda, double age) {
    return a == 0 ? 0.0 : a * std::exp(-alpha * (age - mu) - std::exp(-lambda * (age - mu)));
}

} // namespace

std::vector<double> rogers_castro_rates(const RogersCastro& p) {
    std::vector<double> rates(age_count);
    for (std::size_t age_idx = 0; age_idx < age_count; ++age_idx) {
        const auto age = static_cast<double>(age_idx);
        rates[age_idx] = p.a1 * std::exp(-p.alpha1 * age) +
                         peak(p.a2, p.alpha2, p.mu2, p.lambda2, age) +
                         peak(p.a3, p.alpha3, p.mu3, p.lambda3, age) + p.c;
        if (!(rates[age_idx] >= 0)) {
            throw Error(ErrorKind::input_value,
                        fmt::format("Rogers-Castro schedule negative at age {}: {}", age_idx,
                                    rates[age_idx]));
        }
    }
    return rates;
}

std::vector<double> migration_profile(const RogersCastro& male, const RogersCastro& female) {
    std::vector<double> profile(cell_count);
    for (auto sex : {Sex::male, Sex::female}) {
        const auto rates = rogers_castro_rates(sex == Sex::male ? male : female);
        const double sum = std::accumulate(rates.begin(), rates.end(), 0.0);
        if (!(sum > 0)) {
            throw Error(ErrorKind::input_value, "Rogers-Castro schedule is zero at every age");
        }
        for (std::size_t age = 0; age < age_count; ++age) {
            profile[cell(sex, age)] = rates[age] / sum;
        }
    }
    return profile;
}

std::vector<double> migration_weights(std::span<const double> profile, double male_share) {
    if (profile.size() != cell_count || !(male_share >= 0 && male_share <= 1)) {
        throw Error(ErrorKind::input_value,
                    fmt::format("migration weights: {} profile cells, male share {}",
                                profile.size(), male_share));
    }
    std::vector<double> weights(cell_count);
    for (std::size_t age = 0; age < age_count; ++age) {
        weights[cell(Sex::male, age)] = male_share * profile[cell(Sex::male, age)];
        weights[cell(Sex::female, age)] = (1 - male_share) * profile[cell(Sex::female, age)];
    }
    return weights;
}

} // namespace lw::demography
