#pragma once
// Reads an OSM extract (.osm, .osm.gz, .osm.bz2, .osm.pbf) into the records of a region workspace:
// road network, buildings, facilities and admin areas, all in EPSG:25832. Pure: no database.
//
// Two passes, as libosmium's multipolygon examples do: pass 1 reads relations (multipolygons and
// boundaries), pass 2 reads everything with node locations for ways and assembles areas.

#include "import/osm/buildings.hpp"
#include "import/osm/network.hpp"
#include "store/features.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lw::import::osm {

struct OsmConfig {
    std::filesystem::path input;
    double default_levels = 2.0;                // assumption: storeys without building:levels
    double min_residential_footprint_m2 = 30.0; // assumption: unknown-use buildings below are sheds
};

struct OsmStats {
    std::uint64_t nodes = 0;
    std::uint64_t ways = 0;
    std::uint64_t relations = 0;
    std::uint64_t bytes = 0;

    // Node refs of ways (any way) that are not in the file: the extract was cut at a bbox.
    std::uint64_t missing_node_refs = 0;
    std::uint64_t ways_with_missing_nodes = 0;
    std::uint64_t highway_ways_with_missing_nodes = 0;
    std::uint64_t building_ways_with_missing_nodes = 0;

    NetworkStats network;
    std::map<std::string, std::uint64_t> highway_skipped; // "highway=construction", "area=yes"

    BuildingStats buildings;
    std::uint64_t building_ways = 0;                  // closed or not, building=* (not "no")
    std::uint64_t building_relations = 0;             // type=multipolygon with building=*
    std::uint64_t buildings_missing_nodes = 0;        // ways not assembled: nodes not in the file
    std::uint64_t buildings_incomplete_relations = 0; // relations with members not in the file
    std::uint64_t buildings_invalid_geometry = 0;     // assembler found no valid rings
    std::uint64_t buildings_not_closed = 0;           // building ways that are not closed rings

    std::map<std::string, std::uint64_t> facilities_by_category;
    std::uint64_t facility_objects = 0;            // OSM objects yielding at least one facility
    std::uint64_t bus_stops_merged = 0;            // platforms dropped next to a bus stop pole
    std::uint64_t facilities_without_position = 0; // all nodes, or relation members, missing

    std::uint64_t admin_relations = 0;  // boundary=administrative relations in the file
    std::uint64_t admin_incomplete = 0; // cut by the bbox (members or nodes missing) or invalid
    std::vector<std::string> admin_incomplete_names;

    std::optional<std::string> newest_object_timestamp; // ISO 8601
    std::optional<std::string> replication_timestamp;   // from the file header
};

struct OsmExtract {
    std::optional<std::string> data_date; // ISO date: replication timestamp, else newest object
    store::Network network;
    std::vector<store::Building> buildings;
    std::vector<store::Facility> facilities; // source "osm", no ags yet, no history yet
    std::vector<store::AdminArea> admin_areas;
    OsmStats stats;
};

// Throws lw::Error: not_found (no such file), input_format (not OSM, broken or truncated, or no
// nodes at all), io (read failure).
OsmExtract read_osm(const OsmConfig& config);

} // namespace lw::import::osm
