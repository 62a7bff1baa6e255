#include "projection/input.hpp"

#include "core/error.hpp"
#include "projection/detail/sampling.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <string_view>

namespace lw::projection {

namespace {

[[noreturn]] void fail(std::string message) {
    throw Error(ErrorKind::input_value, std::move(message));
}

// Either `block` values (constant) or `repeats` x `block` values.
void check_size(std::string_view name, std::size_t size, std::size_t block, std::size_t repeats) {
    if (size != block && size != block * repeats) {
        fail(fmt::format("projection input: {} has {} values, expected {} or {}", name, size,
                         block, block * repeats));
    }
}

void check_range(std::string_view name, const std::vector<double>& values, double lo, double hi) {
    for (std::size_t idx = 0; idx < values.size(); ++idx) {
        const double value = values[idx];
        if (!std::isfinite(value) || value < lo || value > hi) {
            fail(fmt::format("projection input: {}[{}] = {} is outside [{}, {}]", name, idx, value,
                             lo, hi));
        }
    }
}

std::span<const double> block_of(const std::vector<double>& values, std::size_t block,
                                 std::size_t index) {
    const std::size_t offset = values.size() == block ? 0 : index * block;
    return {values.data() + offset, block};
}

} // namespace

void validate(const ProjectionInput& input) {
    if (input.area_count == 0) {
        fail("projection input: area_count is 0");
    }
    if (input.years == 0) {
        fail("projection input: years is 0");
    }
    const double inf = std::numeric_limits<double>::infinity();
    if (input.base_population.size() != input.area_count * cell_count) {
        fail(fmt::format("projection input: base_population has {} values, expected {} areas x {}",
                         input.base_population.size(), input.area_count, cell_count));
    }
    check_range("base_population", input.base_population, 0, inf);
    check_size("survival", input.survival.size(), cell_count, input.years);
    check_range("survival", input.survival, 0, 1);
    check_size("birth_survival", input.birth_survival.size(), sex_count, input.years);
    check_range("birth_survival", input.birth_survival, 0, 1);
    check_size("fertility", input.fertility.size(), age_count, input.years);
    check_range("fertility", input.fertility, 0, inf);
    for (std::size_t idx = 0; idx < input.fertility.size(); ++idx) {
        const std::size_t age = idx % age_count;
        if (input.fertility[idx] != 0 && (age < first_fertile_age || age > last_fertile_age)) {
            fail(fmt::format("projection input: fertility[{}] = {} at age {}, outside 15..49", idx,
                             input.fertility[idx], age));
        }
    }
    if (!std::isfinite(input.male_share_at_birth) || input.male_share_at_birth < 0 ||
        input.male_share_at_birth > 1) {
        fail(fmt::format("projection input: male_share_at_birth = {} is outside [0, 1]",
                         input.male_share_at_birth));
    }
    check_size("migration_rate", input.migration_rate.size(), input.area_count * cell_count,
               input.years);
    check_range("migration_rate", input.migration_rate, -1, inf);
    for (const auto* multiplier : {&input.fertility_multiplier, &input.mortality_multiplier}) {
        const std::string_view name = multiplier == &input.fertility_multiplier
                                          ? "fertility_multiplier"
                                          : "mortality_multiplier";
        if (!multiplier->empty() && multiplier->size() != input.area_count) {
            fail(fmt::format("projection input: {} has {} values, expected 0 or {} areas", name,
                             multiplier->size(), input.area_count));
        }
        check_range(name, *multiplier, 0, inf);
    }
}

std::span<const double> survival_of_step(const ProjectionInput& input, std::size_t step) {
    return block_of(input.survival, cell_count, step);
}

std::span<const double> birth_survival_of_step(const ProjectionInput& input, std::size_t step) {
    return block_of(input.birth_survival, sex_count, step);
}

std::span<const double> fertility_of_step(const ProjectionInput& input, std::size_t step) {
    return block_of(input.fertility, age_count, step);
}

std::span<const double> migration_of_step(const ProjectionInput& input, std::size_t area,
                                          std::size_t step) {
    if (input.migration_rate.size() == input.area_count * cell_count) {
        return {input.migration_rate.data() + area * cell_count, cell_count};
    }
    return {input.migration_rate.data() + (area * input.years + step) * cell_count, cell_count};
}

double fertility_multiplier_of(const ProjectionInput& input, std::size_t area) {
    return input.fertility_multiplier.empty() ? 1.0 : input.fertility_multiplier[area];
}

double mortality_multiplier_of(const ProjectionInput& input, std::size_t area) {
    return input.mortality_multiplier.empty() ? 1.0 : input.mortality_multiplier[area];
}

bool simd_path_supported(SimdPath path) {
    switch (path) {
    case SimdPath::avx2:
        return detail::cpu_has(detail::Isa::avx2);
    case SimdPath::avx512:
        return detail::cpu_has(detail::Isa::avx512);
    default:
        return true;
    }
}

SimdPath resolve_simd_path(SimdPath path) {
    if (path != SimdPath::automatic) {
        return path;
    }
    return detail::cpu_has(detail::Isa::avx512) ? SimdPath::avx512
           : detail::cpu_has(detail::Isa::avx2) ? SimdPath::avx2
                                                : SimdPath::baseline;
}

} // namespace lw::projection
