#pragma once
// Helpers for the OSM importer tests: tag lists built in memory, fixture paths, network checks.

#include "test_paths.hpp"

#include "geo/crs.hpp"
#include "store/features.hpp"

#include <gtest/gtest.h>
#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/memory/buffer.hpp>
#include <osmium/osm/tag.hpp>

#include <cmath>
#include <filesystem>
#include <initializer_list>
#include <numbers>
#include <string>
#include <utility>
#include <vector>

namespace lw::test {

// An osmium::TagList owned by its own buffer: Tags t{{"shop", "bakery"}}; classify(t).
class Tags {
public:
    Tags(std::initializer_list<std::pair<std::string, std::string>> tags)
        : Tags(std::vector<std::pair<std::string, std::string>>(tags)) {}
    explicit Tags(const std::vector<std::pair<std::string, std::string>>& tags)
        : m_buffer(1024, osmium::memory::Buffer::auto_grow::yes) {
        {
            osmium::builder::TagListBuilder builder{m_buffer};
            for (const auto& [key, value] : tags) {
                builder.add_tag(key, value);
            }
        }
        m_buffer.commit();
    }
    Tags(const Tags&) = delete;
    Tags& operator=(const Tags&) = delete;

    const osmium::TagList& get() const { return m_buffer.get<osmium::TagList>(0); }
    operator const osmium::TagList&() const { return get(); }

private:
    osmium::memory::Buffer m_buffer;
};

inline std::filesystem::path osm_fixture(const std::string& name) {
    return data_dir() / "osm" / name;
}

// The Lauf demo extract (data/osm/, see data/SOURCES.md).
inline std::filesystem::path lauf_pbf() { return demo_dir() / "osm" / "lauf-200115.osm.pbf"; }

// The fixtures place nodes in metres around this origin (tests/data/osm/*.osm).
inline constexpr double fixture_lat0 = 49.51;
inline constexpr double fixture_lon0 = 11.28;
inline geo::Point fixture_point_utm(double x_m, double y_m) {
    const double dlat = 1.0 / 111320.0;
    const double dlon = 1.0 / (111320.0 * std::cos(fixture_lat0 * std::numbers::pi / 180.0));
    static const geo::Transformer to_utm(geo::epsg_wgs84, geo::epsg_utm32);
    return to_utm({fixture_lon0 + x_m * dlon, fixture_lat0 + y_m * dlat});
}

inline double distance(geo::Point a, geo::Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

// Invariants every network must satisfy (RoutingKit's check_if_graph_is_valid idea).
inline void expect_valid_network(const store::Network& network) {
    for (std::size_t i = 1; i < network.nodes.size(); ++i) {
        EXPECT_LT(network.nodes[i - 1].osm_node_id, network.nodes[i].osm_node_id)
            << "nodes are sorted by OSM id, without duplicates";
    }
    std::vector<int> degree(network.nodes.size(), 0);
    for (const auto& e : network.edges) {
        ASSERT_LT(e.from_node, network.nodes.size());
        ASSERT_LT(e.to_node, network.nodes.size());
        EXPECT_NE(e.from_node, e.to_node) << "self-loop on way " << e.osm_way_id;
        ASSERT_GE(e.geometry.size(), 2u);
        EXPECT_GT(e.length_m, 0.0);
        EXPECT_NEAR(e.length_m, geo::length(e.geometry), 1e-6);
        EXPECT_EQ(e.geometry.front(), network.nodes[e.from_node].position);
        EXPECT_EQ(e.geometry.back(), network.nodes[e.to_node].position);
        ++degree[e.from_node];
        ++degree[e.to_node];
    }
    for (std::size_t i = 0; i < degree.size(); ++i) {
        EXPECT_GT(degree[i], 0) << "node " << network.nodes[i].osm_node_id << " has no edge";
    }
}

} // namespace lw::test
