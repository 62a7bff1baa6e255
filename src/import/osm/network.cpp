#include "import/osm/network.hpp"

#include <osmium/osm/way.hpp>

#include <algorithm>
#include <cassert>

namespace lw::import::osm {

namespace {

// Stand-in coordinate for missing nodes so the bulk projection stays finite; never used.
constexpr geo::Point placeholder_lonlat{10.0, 51.0};

// A stretch of a way between two split points: positions [first, last] into the flat ref arrays,
// through the piece's position list.
struct Segment {
    std::uint32_t way = 0;
    std::uint32_t first = 0; // index into piece_positions
    std::uint32_t last = 0;
};

} // namespace

void NetworkBuilder::add_way(const osmium::Way& way, RoadAttributes attributes) {
    ++m_stats.ways;
    std::uint64_t missing = 0;
    for (const osmium::NodeRef& ref : way.nodes()) {
        m_node_ids.push_back(ref.ref());
        if (ref.location().valid()) {
            m_points.push_back({ref.location().lon(), ref.location().lat()});
            m_present.push_back(1);
        } else {
            m_points.push_back(placeholder_lonlat);
            m_present.push_back(0);
            ++missing;
        }
    }
    m_stats.missing_node_refs += missing;
    m_stats.ways_with_missing_nodes += missing > 0 ? 1 : 0;
    m_first_ref.push_back(static_cast<std::uint32_t>(m_node_ids.size()));
    m_way_ids.push_back(way.id());
    m_attributes.push_back(std::move(attributes));
}

store::Network NetworkBuilder::build(const geo::Transformer& to_utm) {
    to_utm.transform(m_points);

    // 1. Pieces: runs of present nodes, consecutive duplicates removed (CSR over positions).
    std::vector<std::uint32_t> piece_way;
    std::vector<std::uint32_t> piece_first{0};
    std::vector<std::uint32_t> positions;
    for (std::uint32_t w = 0; w < m_way_ids.size(); ++w) {
        auto close_piece = [&]() {
            const auto size = positions.size() - piece_first.back();
            if (size >= 2) {
                piece_way.push_back(w);
                piece_first.push_back(static_cast<std::uint32_t>(positions.size()));
                ++m_stats.pieces;
            } else if (size == 1) {
                positions.pop_back();
                ++m_stats.pieces_dropped;
            }
        };
        for (std::uint32_t pos = m_first_ref[w]; pos < m_first_ref[w + 1]; ++pos) {
            if (m_present[pos] == 0) {
                close_piece();
                continue;
            }
            const bool repeat = positions.size() > piece_first.back() &&
                                m_node_ids[positions.back()] == m_node_ids[pos];
            if (!repeat) {
                positions.push_back(pos);
            }
        }
        close_piece();
    }

    // 2. Junctions: a node that occurs more than once over all pieces.
    std::vector<std::int64_t> sorted_ids;
    sorted_ids.reserve(positions.size());
    for (const auto pos : positions) {
        sorted_ids.push_back(m_node_ids[pos]);
    }
    std::sort(sorted_ids.begin(), sorted_ids.end());
    auto occurrences = [&](std::int64_t id) {
        const auto range = std::equal_range(sorted_ids.begin(), sorted_ids.end(), id);
        return range.second - range.first;
    };

    // 3. Segments between split points; a segment from a node back to itself is split at its
    // middle node, so no edge is a self-loop.
    std::vector<Segment> segments;
    for (std::uint32_t p = 0; p + 1 < piece_first.size(); ++p) {
        const std::uint32_t begin = piece_first[p];
        const std::uint32_t end = piece_first[p + 1];
        std::uint32_t start = begin;
        for (std::uint32_t k = begin + 1; k < end; ++k) {
            const bool split = k + 1 == end || occurrences(m_node_ids[positions[k]]) > 1;
            if (!split) {
                continue;
            }
            if (m_node_ids[positions[start]] == m_node_ids[positions[k]]) {
                const std::uint32_t middle = start + (k - start) / 2;
                assert(middle > start && middle < k);
                segments.push_back({piece_way[p], start, middle});
                segments.push_back({piece_way[p], middle, k});
                ++m_stats.loops_split;
            } else {
                segments.push_back({piece_way[p], start, k});
            }
            start = k;
        }
    }

    // 4. Edge geometries and lengths; zero-length edges (distinct nodes at one spot) are dropped.
    store::Network network;
    std::vector<geo::LineString> geometries;
    std::vector<Segment> kept;
    for (const auto& s : segments) {
        geo::LineString line;
        line.reserve(s.last - s.first + 1);
        for (std::uint32_t k = s.first; k <= s.last; ++k) {
            line.push_back(m_points[positions[k]]);
        }
        if (geo::length(line) <= 0.0) {
            ++m_stats.zero_length_edges_dropped;
            continue;
        }
        geometries.push_back(std::move(line));
        kept.push_back(s);
    }

    // 5. Dense node ids: the edge ends, sorted by OSM id (RoutingKit's IDMapper idea).
    std::vector<std::int64_t> node_ids;
    node_ids.reserve(2 * kept.size());
    for (const auto& s : kept) {
        node_ids.push_back(m_node_ids[positions[s.first]]);
        node_ids.push_back(m_node_ids[positions[s.last]]);
    }
    std::sort(node_ids.begin(), node_ids.end());
    node_ids.erase(std::unique(node_ids.begin(), node_ids.end()), node_ids.end());
    auto dense_id = [&](std::int64_t osm_id) {
        const auto it = std::lower_bound(node_ids.begin(), node_ids.end(), osm_id);
        assert(it != node_ids.end() && *it == osm_id);
        return static_cast<std::uint32_t>(it - node_ids.begin());
    };
    network.nodes.resize(node_ids.size());
    for (std::size_t i = 0; i < node_ids.size(); ++i) {
        network.nodes[i].osm_node_id = node_ids[i];
    }

    network.edges.reserve(kept.size());
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const auto& s = kept[i];
        const RoadAttributes& road = m_attributes[s.way];
        store::NetworkEdge edge;
        edge.from_node = dense_id(m_node_ids[positions[s.first]]);
        edge.to_node = dense_id(m_node_ids[positions[s.last]]);
        network.nodes[edge.from_node].position = geometries[i].front();
        network.nodes[edge.to_node].position = geometries[i].back();
        edge.osm_way_id = m_way_ids[s.way];
        edge.highway = road.highway;
        edge.name = road.name;
        edge.length_m = geo::length(geometries[i]);
        edge.foot = road.foot;
        edge.bicycle = road.bicycle;
        edge.motor_vehicle = road.motor_vehicle;
        edge.oneway = road.oneway;
        edge.oneway_bicycle = road.oneway_bicycle;
        edge.maxspeed_kmh = road.maxspeed_kmh;
        edge.surface = road.surface;
        edge.tracktype = road.tracktype;
        edge.tags = road.tags;
        edge.geometry = std::move(geometries[i]);

        const double km = edge.length_m / 1000.0;
        m_stats.km_total += km;
        m_stats.km_foot += edge.foot ? km : 0.0;
        m_stats.km_bicycle += edge.bicycle ? km : 0.0;
        m_stats.km_motor_vehicle += edge.motor_vehicle ? km : 0.0;
        network.edges.push_back(std::move(edge));
    }
    return network;
}

} // namespace lw::import::osm
