#pragma once
// Routing scenarios drawn as ASCII maps (after Valhalla's gurka tests): every letter is a network
// node, one character is `grid_m` metres, ways are listed with their tags.
//
//   const auto net = test::network_from_map(R"(
//       A---B---C
//           |
//           D
//   )", {{"ABC", "residential"}, {"BD", "footway"}}, 10.0);
//
// Edges run between consecutive letters of a way; x grows to the right, y upwards.

#include "store/features.hpp"

#include <cmath>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace lw::test {

struct MapWay {
    std::string nodes;   // "ABC"
    std::string highway; // residential, footway, primary, steps, ...
    int oneway = 0;      // vehicles: 1 along, -1 against
    bool foot = true;
    bool bicycle = true;
    bool car = true;
};

struct MapNetwork {
    store::Network network;
    std::map<char, std::uint32_t> node; // letter -> node_idx
    std::map<char, geo::Point> position;
    double grid_m = 10.0;
};

inline MapNetwork network_from_map(const std::string& map, const std::vector<MapWay>& ways, double grid_m = 10.0,
                                   geo::Point origin = {600000.0, 5500000.0}) {
    MapNetwork out;
    out.grid_m = grid_m;
    std::vector<std::string> lines;
    std::istringstream in(map);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    for (std::size_t row = 0; row < lines.size(); ++row) {
        for (std::size_t col = 0; col < lines[row].size(); ++col) {
            const char c = lines[row][col];
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                const geo::Point p{origin.x + static_cast<double>(col) * grid_m,
                                   origin.y - static_cast<double>(row) * grid_m};
                out.position[c] = p;
            }
        }
    }
    const auto node_of = [&](char c) {
        if (!out.position.count(c)) {
            throw std::runtime_error(std::string("letter not on the map: ") + c);
        }
        auto it = out.node.find(c);
        if (it == out.node.end()) {
            it = out.node.emplace(c, static_cast<std::uint32_t>(out.network.nodes.size())).first;
            out.network.nodes.push_back({static_cast<std::int64_t>(c), out.position[c]});
        }
        return it->second;
    };
    for (const auto& way : ways) {
        for (std::size_t i = 0; i + 1 < way.nodes.size(); ++i) {
            store::NetworkEdge e;
            e.from_node = node_of(way.nodes[i]);
            e.to_node = node_of(way.nodes[i + 1]);
            e.highway = way.highway;
            e.foot = way.foot;
            e.bicycle = way.bicycle;
            e.motor_vehicle = way.car;
            e.oneway = static_cast<std::int8_t>(way.oneway);
            e.oneway_bicycle = static_cast<std::int8_t>(way.oneway);
            e.geometry = {out.position[way.nodes[i]], out.position[way.nodes[i + 1]]};
            e.length_m = std::hypot(e.geometry[1].x - e.geometry[0].x, e.geometry[1].y - e.geometry[0].y);
            out.network.edges.push_back(std::move(e));
        }
    }
    return out;
}

// Seconds to walk `metres` at km/h, rounded as edge times are.
inline std::uint32_t seconds_at(double metres, double kmh) {
    return static_cast<std::uint32_t>(std::lround(metres / (kmh / 3.6)));
}

} // namespace lw::test
