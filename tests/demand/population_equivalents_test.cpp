#include "demand/population_equivalents.hpp"

#include "core/error.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace lw::demand {
namespace {

TEST(PopulationEquivalents, ByHand) {
    const PeDemand demand = population_equivalents({2000.0, 0.995, 500.0});
    EXPECT_NEAR(demand.resident_pe, 1990.0, 1e-9);
    EXPECT_NEAR(demand.total_pe, 2490.0, 1e-9);
    EXPECT_NEAR(demand.resident_share, 1990.0 / 2490.0, 1e-12);
    EXPECT_NEAR(demand.bod5_kg_per_day, 2490.0 * 0.060, 1e-9);
    EXPECT_NEAR(pe_from_bod5(demand.bod5_kg_per_day), demand.total_pe, 1e-9);
}

TEST(PopulationEquivalents, EmptyCatchment) {
    const PeDemand demand = population_equivalents({0.0, 1.0, 0.0});
    EXPECT_EQ(demand.total_pe, 0.0);
    EXPECT_EQ(demand.resident_share, 0.0);
}

TEST(PopulationEquivalents, SizeClassesOfAbwV) {
    EXPECT_EQ(size_class(0.0), 1);
    EXPECT_EQ(size_class(59.9), 1);
    EXPECT_EQ(size_class(60.0), 2); // 1,000 PE
    EXPECT_EQ(size_class(300.0), 2);
    EXPECT_EQ(size_class(300.1), 3);
    EXPECT_EQ(size_class(600.0), 3);
    EXPECT_EQ(size_class(600.1), 4);
    EXPECT_EQ(size_class(6000.0), 4);
    EXPECT_EQ(size_class(6000.1), 5);
    // In PE: 5,000 PE = 300 kg/d, class 2.
    EXPECT_EQ(size_class(population_equivalents({5000.0, 1.0, 0.0}).bod5_kg_per_day), 2);
}

TEST(PopulationEquivalents, BadInputThrows) {
    EXPECT_THROW(population_equivalents({-1.0, 1.0, 0.0}), Error);
    EXPECT_THROW(population_equivalents({10.0, 1.1, 0.0}), Error);
    EXPECT_THROW(population_equivalents({10.0, 1.0, -5.0}), Error);
    EXPECT_THROW(pe_from_bod5(-1.0), Error);
    EXPECT_THROW(size_class(std::nan("")), Error);
}

} // namespace
} // namespace lw::demand
