#pragma once
// A population projection scenario: named assumptions on fertility, mortality and migration, with
// presets after the variants of the Destatis 15th coordinated population projection (kBV 15,
// FACTS-demography.md section 7). Everything a run assumes is written into the workspace with it.

#include <cstdint>
#include <string>

namespace lw::outlook {

enum class Variant { low, moderate, high }; // kBV 15 assumption levels 1, 2, 3

struct ScenarioSpec {
    std::string name;
    std::string description;
    int last_year = 2050;
    // Total fertility rate reached in 2070, moving linearly from the newest ASFR year's TFR
    // (kBV 15: G1 1.44, G2 1.55, G3 1.67).
    double tfr_2070 = 1.55;
    // Life expectancy target of 2070 (kBV 15 L1/L2/L3), reached by a uniform annual decline of
    // death probabilities from the newest life table.
    Variant mortality = Variant::moderate;
    // Net migration: each municipality's rate calibrated from its two observed totals and shrunk
    // toward the region (empirical Bayes); this factor scales the region's mean rate, each
    // municipality keeping its deviation. kBV 15 presets use the ratio of their international
    // migration levels W1/W2 = 180,000/290,000 = 0.62 and W3/W2 = 1.38 — an assumption: the
    // national level carried over to the region's mean.
    double migration_factor = 1.0;
    bool zero_migration = false;
    std::uint32_t runs = 1000;
    std::uint64_t seed = 1;
};

// The kBV 15 preset of one level for fertility, mortality and migration (G/L/W 1, 2 or 3).
ScenarioSpec preset(Variant variant);

} // namespace lw::outlook
