#include "graph/profile.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace lw::graph {

namespace {

constexpr std::array<Profile, 4> profile_table{{
    {"walk", Mode::walk, 4.5, 2.0, "4.5 km/h: the project's default walking speed (issue); steps x2 (assumption)"},
    {"walk_senior", Mode::walk, 3.5, 2.0,
     "3.5 km/h: older pedestrians up to 75 (FVS Swiss Road Safety Fund, Mikrozensus Verkehrsverhalten 2005); steps x2 (assumption)"},
    {"bike", Mode::bike, 15.0, 1.0, "15 km/h on every cycleable edge; hills ignored (no elevation data)"},
    {"car", Mode::car, 0.0, 1.0, "road-class speeds of OSRM's car profile (speed_profile in profiles/car.lua), capped by maxspeed"},
}};

// OSRM car profile (Project-OSRM/osrm-backend, profiles/car.lua, speed_profile), km/h. These are
// average speeds including junctions, below the legal limits.
constexpr std::array<std::pair<std::string_view, double>, 16> car_speeds{{
    {"motorway", 90}, {"motorway_link", 45}, {"trunk", 85}, {"trunk_link", 40},
    {"primary", 65}, {"primary_link", 30}, {"secondary", 55}, {"secondary_link", 25},
    {"tertiary", 40}, {"tertiary_link", 20}, {"unclassified", 25}, {"residential", 25},
    {"living_street", 10}, {"service", 15}, {"road", 25},
    {"track", 15}, // assumption: OSRM routes no tracks by default; ours only with explicit access
}};
constexpr double car_default_kmh = 25; // other classes a car may use (assumption: as residential)

} // namespace

std::span<const Profile> profiles() { return profile_table; }

const Profile* find_profile(std::string_view name) {
    for (const auto& p : profile_table) {
        if (p.name == name) {
            return &p;
        }
    }
    return nullptr;
}

double car_speed_kmh(const store::NetworkEdge& edge) {
    double speed = car_default_kmh;
    for (const auto& [highway, kmh] : car_speeds) {
        if (highway == edge.highway) {
            speed = kmh;
            break;
        }
    }
    if (edge.maxspeed_kmh && *edge.maxspeed_kmh > 0) {
        speed = std::min(speed, *edge.maxspeed_kmh);
    }
    return speed;
}

Directions directions(const Profile& profile, const store::NetworkEdge& edge) {
    switch (profile.mode) {
    case Mode::walk:
        return edge.foot ? Directions{true, true} : Directions{};
    case Mode::bike:
        if (!edge.bicycle) {
            return {};
        }
        return {edge.oneway_bicycle >= 0, edge.oneway_bicycle <= 0};
    case Mode::car:
        if (!edge.motor_vehicle) {
            return {};
        }
        return {edge.oneway >= 0, edge.oneway <= 0};
    }
    return {};
}

std::uint32_t edge_seconds(const Profile& profile, const store::NetworkEdge& edge) {
    const double kmh = profile.mode == Mode::car ? car_speed_kmh(edge) : profile.speed_kmh;
    double seconds = edge.length_m / (kmh / 3.6);
    if (edge.highway == "steps") {
        seconds *= profile.steps_factor;
    }
    return std::max<std::uint32_t>(1, static_cast<std::uint32_t>(std::lround(seconds)));
}

std::string car_speed_table_markdown() {
    std::string out = "| highway | km/h |\n|---|---|\n";
    for (const auto& [highway, kmh] : car_speeds) {
        out += fmt::format("| `{}` | {:g}{} |\n", highway, kmh, highway == "track" ? " (assumption)" : "");
    }
    out += fmt::format("| other classes open to cars | {:g} (assumption) |\n", car_default_kmh);
    return out;
}

} // namespace lw::graph
