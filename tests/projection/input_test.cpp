#include "core/error.hpp"
#include "fixtures.hpp"
#include "projection/deterministic.hpp"
#include "projection/monte_carlo.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <string>

namespace lw::projection {
namespace {

void expect_input_error(const std::function<void(ProjectionInput&)>& spoil,
                        const std::string& needle) {
    ProjectionInput input = testing::flat_input(2, 3, 10);
    spoil(input);
    try {
        validate(input);
        FAIL() << "no error for " << needle;
    } catch (const Error& error) {
        EXPECT_EQ(error.kind(), ErrorKind::input_value);
        EXPECT_NE(std::string(error.what()).find(needle), std::string::npos) << error.what();
    }
}

TEST(ProjectionInput, ValidInputPasses) {
    EXPECT_NO_THROW(validate(testing::flat_input(2, 3, 10)));
}

TEST(ProjectionInput, BadInputsNameTheArray) {
    expect_input_error([](ProjectionInput& in) { in.area_count = 0; }, "area_count");
    expect_input_error([](ProjectionInput& in) { in.years = 0; }, "years");
    expect_input_error([](ProjectionInput& in) { in.base_population.pop_back(); },
                       "base_population");
    expect_input_error([](ProjectionInput& in) { in.base_population[5] = -1; }, "base_population[5]");
    expect_input_error(
        [](ProjectionInput& in) { in.base_population[7] = std::numeric_limits<double>::quiet_NaN(); },
        "base_population[7]");
    expect_input_error([](ProjectionInput& in) { in.survival.resize(cell_count * 2); }, "survival");
    expect_input_error([](ProjectionInput& in) { in.survival[3] = 1.2; }, "survival[3]");
    expect_input_error([](ProjectionInput& in) { in.birth_survival = {0.99}; }, "birth_survival");
    expect_input_error([](ProjectionInput& in) { in.fertility[10] = 0.01; }, "outside 15..49");
    expect_input_error([](ProjectionInput& in) { in.fertility[20] = -0.01; }, "fertility[20]");
    expect_input_error([](ProjectionInput& in) { in.male_share_at_birth = 1.5; },
                       "male_share_at_birth");
    expect_input_error([](ProjectionInput& in) { in.migration_rate[4] = -1.5; }, "migration_rate[4]");
    expect_input_error([](ProjectionInput& in) { in.migration_rate.resize(cell_count); },
                       "migration_rate");
    expect_input_error([](ProjectionInput& in) { in.fertility_multiplier = {1.0}; },
                       "fertility_multiplier");
    expect_input_error([](ProjectionInput& in) { in.mortality_multiplier = {1.0, -2.0}; },
                       "mortality_multiplier[1]");
}

TEST(ProjectionInput, PerYearBlocksAreAccepted) {
    ProjectionInput input = testing::flat_input(2, 3, 10);
    input.survival.resize(3 * cell_count, 0.99);
    input.migration_rate.assign(2 * 3 * cell_count, 0.01);
    input.migration_rate[(1 * 3 + 2) * cell_count + 4] = 0.5;
    EXPECT_NO_THROW(validate(input));
    EXPECT_EQ(migration_of_step(input, 1, 2)[4], 0.5);
    EXPECT_EQ(migration_of_step(input, 1, 1)[4], 0.01);
}

TEST(ProjectionInput, BadMonteCarloConfigThrows) {
    const ProjectionInput input = testing::flat_input(1, 2, 10);
    MonteCarloConfig config;
    config.runs = 0;
    EXPECT_THROW(simulate(input, config), Error);
    config = {};
    config.quantile_levels = {0.5, 1.5};
    EXPECT_THROW(simulate(input, config), Error);
    config = {};
    config.migration_shock_sd = -0.1;
    EXPECT_THROW(simulate(input, config), Error);
    config = {};
    config.aggregates = {Aggregate{10, 5, {}}};
    EXPECT_THROW(simulate(input, config), Error);
    config = {};
    config.aggregates = {Aggregate{0, 101, {}}};
    EXPECT_THROW(simulate(input, config), Error);
}

} // namespace
} // namespace lw::projection
