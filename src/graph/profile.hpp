#pragma once
// Routing profiles: who travels how fast on which edge. The parameters and their sources are in
// docs/accessibility.md; values marked "assumption" there are labelled as such in the output.

#include "store/features.hpp"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace lw::graph {

enum class Mode : std::uint8_t { walk, bike, car };

struct Profile {
    std::string_view name;
    Mode mode;
    double speed_kmh;      // walking or cycling speed; for car the class table applies
    double steps_factor;   // time multiplier on highway=steps (walking profiles)
    std::string_view source;
};

// walk (4.5 km/h), walk_senior (3.5 km/h), bike (15 km/h), car (speeds by road class).
std::span<const Profile> profiles();
const Profile* find_profile(std::string_view name);

// Walking speed from a door to the nearest road (snap distance), in every profile: people walk
// to their car or bicycle too.
inline constexpr double door_walk_speed_kmh = 4.5;

// Car speed on an edge: the road-class default of OSRM's car profile, capped by a tagged maxspeed.
double car_speed_kmh(const store::NetworkEdge& edge);

// May the profile use the edge along its geometry (from_node -> to_node) and against it?
struct Directions {
    bool forward = false;
    bool backward = false;
};
Directions directions(const Profile& profile, const store::NetworkEdge& edge);

// Seconds to traverse the whole edge (at least 1).
std::uint32_t edge_seconds(const Profile& profile, const store::NetworkEdge& edge);

// The car speed table as Markdown rows (for docs and tests).
std::string car_speed_table_markdown();

} // namespace lw::graph
