#pragma once
// Hidden vacancy ("versteckter Leerstand"): one- and two-family houses likely occupied by only one
// or two people aged 65+, per area. MODELLED, NOT OBSERVED: no source says who lives in which
// house; the estimate is "houses x probability that a household of the area is a small senior-only
// household", which assumes houses hold households like the area's average.
// Method, sources and assumptions: docs/demand-and-housing.md#hidden-vacancy.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace lw::demand {

// One building, as the workspace holds it (store::Building after the population distribution).
struct HouseInput {
    std::uint32_t area_idx = 0; // dense index into the areas
    std::string use;            // OSM building tag value
    bool residential = false;
    double floor_area_m2 = 0.0;
    double population = 0.0;    // residents placed on it (dasymetric, also modelled)
};

// One area (census cell, municipality, ...): residents and residents aged 65+ (e.g. the census
// 2011 grid's 65+ group, or a projection).
struct AreaInput {
    double residents = 0.0;
    double residents_65plus = 0.0;
};

struct HiddenVacancyConfig {
    // Share of persons 65+ living alone: 34 % (Destatis Mikrozensus 2024, FACTS-demography §4).
    double living_alone_65plus = 0.34;
    // Of persons 65+ not living alone, the share living in a two-person household with another
    // person 65+. ASSUMPTION (no source found): 0.4, the order of magnitude that reproduces the
    // 20 % senior-only households of Hesse 2011 (FACTS §4) if Hesse's 65+ share was about 20 %
    // (not sourced here). Use calibrate_pair_share() with a sourced reference.
    double pair_share = 0.4;
    // Persons per household: Hesse 2017, 2.03 (Mikrozensus, FACTS §4).
    double persons_per_household = 2.03;
    // Buildings tagged only "yes" / "residential" and flagged residential count as one- or
    // two-family houses when their floor area is at most this (ASSUMPTION, user parameter; empty:
    // they are not counted, only explicit house tags are).
    std::optional<double> generic_max_floor_area_m2;
};

// House tags counted as one- and two-family houses: house, detached, semidetached_house,
// bungalow (OSM wiki "Key:building"); generic tags as configured.
bool is_one_two_family_house(const HouseInput& house, const HiddenVacancyConfig& config);

// Probability that a household of an area with this 65+ share is a one- or two-person household of
// people 65+ only: share65 x (a + (1 - a) x r / 2) x m, clamped to [0, 1], where a = living alone,
// r = pair share, m = persons per household (persons 65+ per household, times the households they
// form per person).
double small_senior_household_probability(double share_65plus, const HiddenVacancyConfig& config);

// The pair share that makes the probability equal a reference share of senior-only households at a
// reference 65+ share. Throws lw::Error (input_value) if the result is outside [0, 1].
double calibrate_pair_share(double reference_share_65plus, double reference_senior_only_share,
                            const HiddenVacancyConfig& config);

struct AreaHiddenVacancy {
    std::uint32_t houses = 0;            // one- and two-family houses
    double house_floor_area_m2 = 0.0;
    double house_population = 0.0;      // residents placed on these houses
    double probability = 0.0;            // per house, from the area's 65+ share
    double expected_houses = 0.0;        // houses x probability (modelled)
    double expected_floor_area_m2 = 0.0; // floor area x probability (modelled)
};

// One result per area. Throws lw::Error (input_value) for an area index out of range, negative or
// non-finite numbers, residents_65plus > residents, or parameters outside their ranges.
std::vector<AreaHiddenVacancy> hidden_vacancy(std::span<const HouseInput> houses,
                                              std::span<const AreaInput> areas,
                                              const HiddenVacancyConfig& config = {});

} // namespace lw::demand
