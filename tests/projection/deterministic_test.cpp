#include "core/error.hpp"
#include "fixtures.hpp"
#include "projection/deterministic.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <numeric>

namespace lw::projection {
namespace {

// Two areas with per-year survival, migration that empties cells (clipping) and multipliers.
ProjectionInput mixed_input() {
    ProjectionInput input = testing::flat_input(2, 6, 0);
    for (std::size_t idx = 0; idx < input.base_population.size(); ++idx) {
        input.base_population[idx] = 3.0 + static_cast<double>(idx % 37) * 1.7;
    }
    const std::vector<double> survival = testing::gompertz_survival();
    input.survival.clear();
    for (std::size_t step = 0; step < input.years; ++step) {
        for (const double s : survival) {
            input.survival.push_back(std::min(1.0, s + 0.001 * static_cast<double>(step)));
        }
    }
    input.migration_rate.assign(2 * input.years * cell_count, 0.0);
    for (std::size_t idx = 0; idx < input.migration_rate.size(); ++idx) {
        input.migration_rate[idx] = (idx % 11 == 0) ? -1.0 : 0.02 - 0.004 * static_cast<double>(idx % 9);
    }
    input.fertility_multiplier = {1.2, 0.8};
    input.mortality_multiplier = {0.9, 1.4};
    return input;
}

TEST(Deterministic, AccountingIdentityIsExact) {
    const ProjectionInput input = mixed_input();
    const DeterministicResult result = project(input);
    double clipped = 0;
    for (std::size_t area = 0; area < input.area_count; ++area) {
        for (std::size_t step = 0; step < input.years; ++step) {
            const double* prev = &result.population[result.population_index(area, step)];
            const double* next = &result.population[result.population_index(area, step + 1)];
            const std::size_t comp = result.component_index(area, step);
            for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
                const std::size_t first = sex_idx * age_count;
                const double born = result.births[(area * input.years + step) * sex_count + sex_idx];
                for (std::size_t age = 0; age < age_count; ++age) {
                    const std::size_t c = first + age;
                    double start = 0;
                    if (age == 0) {
                        start = born;
                    } else if (age == open_age) {
                        start = prev[c - 1] + prev[c];
                    } else {
                        start = prev[c - 1];
                    }
                    EXPECT_EQ(next[c], (start - result.deaths[comp + c]) + result.migration[comp + c])
                        << "area " << area << " step " << step << " cell " << c;
                    EXPECT_GE(next[c], 0.0);
                    EXPECT_GE(result.migration_clipped[comp + c], 0.0);
                    clipped += result.migration_clipped[comp + c];
                }
            }
        }
    }
    EXPECT_GT(clipped, 0.0); // rate -1 with deaths empties cells: clipping must have happened
}

TEST(Deterministic, ClippedMigrationIsReported) {
    ProjectionInput input = testing::flat_input(1, 1, 10);
    const std::size_t c = cell(Sex::male, 40);
    input.migration_rate[c] = -1.0; // everybody of the cohort leaves, but some died first
    const DeterministicResult result = project(input);
    const double start = 10;
    const double deaths = start * (1.0 - input.survival[c - 1]);
    EXPECT_EQ(result.population[result.population_index(0, 1) + c], 0.0);
    EXPECT_DOUBLE_EQ(result.migration[c], -(start - deaths));
    EXPECT_DOUBLE_EQ(result.migration_clipped[c], deaths);
}

TEST(Deterministic, WithoutEventsCohortsJustAge) {
    ProjectionInput input = testing::flat_input(1, 30, 0);
    for (std::size_t c = 0; c < cell_count; ++c) {
        input.base_population[c] = static_cast<double>(c + 1);
    }
    input.survival.assign(cell_count, 1.0);
    input.birth_survival = {1.0, 1.0};
    input.fertility.assign(age_count, 0.0);
    const DeterministicResult result = project(input);
    for (std::size_t year = 0; year <= input.years; ++year) {
        const double* pop = &result.population[result.population_index(0, year)];
        for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
            const std::size_t first = sex_idx * age_count;
            double open = 0;
            for (std::size_t age = 0; age < age_count; ++age) {
                const double base = age >= year ? input.base_population[first + age - year] : 0.0;
                if (age < open_age) {
                    EXPECT_EQ(pop[first + age], base) << year << " " << age;
                }
            }
            // Open group: everybody who was aged >= 100 - year at the start.
            for (std::size_t age = open_age - std::min(year, open_age); age < age_count; ++age) {
                open += input.base_population[first + age];
            }
            EXPECT_DOUBLE_EQ(pop[first + open_age], open) << year;
        }
    }
}

// Stationary population of the life table implied by S: P(0) = B_s Sb_s, P(a) = P(a-1) S(a-1),
// P(100+) = P(99) S(99) / (1 - S(100)). With fertility scaled so that the women of this
// population bear exactly B births a year (net reproduction rate 1), and no migration, the
// projection must return P every year (up to rounding).
TEST(Deterministic, StationaryPopulationAtReplacementStaysConstant) {
    ProjectionInput input = testing::flat_input(1, 40, 0);
    const double births_per_year = 1000;
    const double share[2] = {input.male_share_at_birth, 1 - input.male_share_at_birth};
    for (std::size_t sex_idx = 0; sex_idx < sex_count; ++sex_idx) {
        const std::size_t first = sex_idx * age_count;
        double p = births_per_year * share[sex_idx] * input.birth_survival[sex_idx];
        for (std::size_t age = 0; age < open_age; ++age) {
            input.base_population[first + age] = p;
            p *= input.survival[first + age];
        }
        input.base_population[first + open_age] = p / (1.0 - input.survival[first + open_age]);
    }
    double births = 0;
    for (std::size_t age = first_fertile_age; age <= last_fertile_age; ++age) {
        births += input.fertility[age] * input.base_population[cell(Sex::female, age)];
    }
    for (double& f : input.fertility) {
        f *= births_per_year / births;
    }
    const DeterministicResult result = project(input);
    for (std::size_t year = 1; year <= input.years; ++year) {
        for (std::size_t c = 0; c < cell_count; ++c) {
            const double expected = input.base_population[c];
            EXPECT_NEAR(result.population[result.population_index(0, year) + c], expected,
                        1e-9 * expected + 1e-12)
                << year << " " << c;
        }
    }
}

TEST(Deterministic, ThreadCountDoesNotChangeResults) {
    ProjectionInput input = mixed_input();
    DeterministicOptions one;
    one.threads = 1;
    DeterministicOptions two;
    two.threads = 2;
    const DeterministicResult a = project(input, one);
    const DeterministicResult b = project(input, two);
    EXPECT_EQ(a.population, b.population);
    EXPECT_EQ(a.deaths, b.deaths);
}

TEST(Deterministic, WithoutComponentsOnlyPopulationIsKept) {
    DeterministicOptions options;
    options.components = false;
    const ProjectionInput input = mixed_input();
    const DeterministicResult lean = project(input, options);
    const DeterministicResult full = project(input);
    EXPECT_TRUE(lean.deaths.empty());
    EXPECT_EQ(lean.population, full.population);
}

// Every SIMD path the CPU runs, with and without components, gives the baseline's results bit for
// bit (memcmp: also the sign of zeros), with clipping and per-step rates.
TEST(Deterministic, EverySimdPathGivesIdenticalResults) {
    const ProjectionInput input = mixed_input();
    DeterministicOptions options;
    options.simd = SimdPath::baseline;
    const DeterministicResult reference = project(input, options);
    auto same = [](const std::vector<double>& a, const std::vector<double>& b) {
        return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
    };
    for (const SimdPath path : {SimdPath::baseline, SimdPath::automatic, SimdPath::avx2, SimdPath::avx512}) {
        for (const bool components : {true, false}) {
            options.simd = path;
            options.components = components;
            if (!simd_path_supported(path)) {
                EXPECT_THROW(project(input, options), Error);
                continue;
            }
            const DeterministicResult other = project(input, options);
            EXPECT_TRUE(same(other.population, reference.population))
                << static_cast<int>(path) << " components " << components;
            if (components) {
                EXPECT_TRUE(same(other.deaths, reference.deaths));
                EXPECT_TRUE(same(other.migration, reference.migration));
                EXPECT_TRUE(same(other.migration_clipped, reference.migration_clipped));
                EXPECT_TRUE(same(other.births, reference.births));
            }
        }
    }
}

} // namespace
} // namespace lw::projection
