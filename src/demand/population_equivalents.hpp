#pragma once
// Wastewater population equivalents (PE, German Einwohnerwerte EW). 1 PE is the organic load of
// 60 g BOD5 (BSB5) per day; a plant's load in PE = residents connected + Einwohnergleichwerte
// (EGW: commerce, industry, visitors, commuters expressed in PE). Residents count one PE each:
// that is the convention of the definition, not a measured load. Sources and what is assumed:
// docs/demand-and-housing.md#population-equivalents.

#include <cstdint>

namespace lw::demand {

// g BOD5 per PE and day (DWA-A 131 and AbwV convention; FACTS-water-finance.md §A5 notes that the
// legal text itself was not retrieved).
inline constexpr double bod5_g_per_pe_day = 60.0;

struct PeInputs {
    double residents = 0.0;        // residents of the catchment (projected)
    double connection_share = 1.0; // share of residents connected to the plant, in [0, 1]
                                   // (user input; Hesse: 99.5 % connected to public sewers, HSL
                                   // 2024; Germany: 96.3 % on central plants, Destatis 2024)
    double commercial_pe = 0.0;    // Einwohnergleichwerte, user input (no sourced default)
};

struct PeDemand {
    double resident_pe = 0.0;   // residents x connection share
    double commercial_pe = 0.0; // as given
    double total_pe = 0.0;
    double resident_share = 0.0; // resident_pe / total_pe (0 when total is 0)
    double bod5_kg_per_day = 0.0;
};

// Throws lw::Error (input_value) for negative or non-finite inputs or a share outside [0, 1].
PeDemand population_equivalents(const PeInputs& inputs);

// A measured or design BOD5 load (kg/day) in PE.
double pe_from_bod5(double bod5_kg_per_day);

// Treatment plant size class (Größenklasse) by raw BOD5 design load, AbwV Anhang 1 Teil C:
// 1: < 60 kg/d, 2: 60-300, 3: > 300-600, 4: > 600-6,000, 5: > 6,000 kg/d (FACTS §A5). The class
// decides the effluent limits. Boundary loads belong to the lower class except 60 kg/d (class 2).
std::uint8_t size_class(double bod5_kg_per_day);

} // namespace lw::demand
