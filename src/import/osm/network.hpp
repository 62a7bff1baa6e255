#pragma once
// The road and path network: highway ways split into edges that run junction to junction. A
// junction is a node used by two or more highway ways (or twice by one way); way ends are edge ends
// too. OSM node ids become dense node ids here, once. A node missing from the extract (bbox cut)
// splits its way: the way's pieces end at the last node present, never bridge the gap.

#include "geo/crs.hpp"
#include "import/osm/road_rules.hpp"
#include "store/features.hpp"

#include <cstdint>
#include <vector>

namespace osmium {
class Way;
}

namespace lw::import::osm {

struct NetworkStats {
    std::uint64_t ways = 0;                    // highway ways in the network
    std::uint64_t ways_with_missing_nodes = 0; // of these, ways with node refs not in the file
    std::uint64_t missing_node_refs = 0;       // node refs of network ways not in the file
    std::uint64_t pieces = 0;                  // runs of present nodes (ways split at gaps)
    std::uint64_t pieces_dropped = 0;          // runs with fewer than two distinct nodes
    std::uint64_t loops_split = 0;             // edges from a node back to itself, split in two
    std::uint64_t zero_length_edges_dropped = 0;
    double km_total = 0.0;
    double km_foot = 0.0;
    double km_bicycle = 0.0;
    double km_motor_vehicle = 0.0;
};

class NetworkBuilder {
public:
    // Stores one highway way. Node locations must be set; an invalid location marks a node that is
    // missing from the extract.
    void add_way(const osmium::Way& way, RoadAttributes attributes);

    // Splits the stored ways and projects them with `to_utm` (EPSG:4326 -> EPSG:25832). Nodes are
    // sorted by OSM id, so dense ids are reproducible; every edge references two listed nodes and
    // has a length above zero.
    store::Network build(const geo::Transformer& to_utm);

    const NetworkStats& stats() const { return m_stats; }

private:
    // One entry per way (attributes, OSM id) and a flat array of node refs (CSR, as RoutingKit's
    // first_out): the refs of way w are [m_first_ref[w], m_first_ref[w + 1]).
    std::vector<std::int64_t> m_way_ids;
    std::vector<RoadAttributes> m_attributes;
    std::vector<std::uint32_t> m_first_ref{0};
    std::vector<std::int64_t> m_node_ids;
    std::vector<geo::Point> m_points;    // lon/lat, later projected in place
    std::vector<std::uint8_t> m_present; // 0 = node not in the extract
    NetworkStats m_stats;
};

} // namespace lw::import::osm
