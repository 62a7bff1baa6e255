#pragma once
// Records of the workspace's feature layers and the functions that write and read them. Importers
// build these records (pure code, testable without a database); the store writes them inside the
// caller's Transaction. Geometries are in the workspace CRS (EPSG:25832) unless noted.

#include "geo/geometry.hpp"
#include "store/sqlite.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lw::store {

struct MunicipalityDirectoryEntry {
    std::string ags;
    std::string name;
    std::optional<double> area_km2;
    std::optional<geo::Point> seat_lonlat; // WGS84
    std::optional<std::string> postcode;
};

struct Boundary {
    std::string ags;
    std::string name;
    geo::MultiPolygon geometry_utm;   // EPSG:25832
    geo::MultiPolygon geometry_wgs84; // EPSG:4326 (municipalities only)
};

struct Municipality {
    std::int64_t fid = 0;
    std::string ags;
    std::string name;
    std::optional<double> area_km2;
    std::optional<geo::MultiPolygon> geometry; // EPSG:25832, absent before a boundary import
};

struct Building {
    std::int64_t fid = 0;
    char osm_type = 'w'; // 'w' way, 'r' relation
    std::int64_t osm_id = 0;
    std::string use;     // value of the building tag ("yes", "house", ...)
    std::optional<double> levels;
    double footprint_m2 = 0.0;
    double floor_area_m2 = 0.0;
    bool levels_assumed = false;
    bool residential = false;
    std::string residential_rule; // which rule decided (docs/population-distribution.md)
    geo::Point centroid;
    geo::MultiPolygon geometry;
    // Filled by the population distribution:
    std::optional<std::string> ags;
    std::optional<std::string> cell_id;
    std::optional<std::int64_t> population;
};

struct Facility {
    std::int64_t fid = 0;
    std::string category;
    std::optional<std::string> name;
    std::string source;     // "osm" or "list:<name>" for a municipality's own list
    std::string source_ref; // "n123", "w45", "r6" for OSM; the list's own id otherwise
    std::optional<double> capacity;
    std::optional<std::string> capacity_unit;
    std::optional<std::string> valid_from; // ISO date; empty = before the first import
    std::optional<std::string> valid_to;   // ISO date; empty = still open
    std::optional<std::string> ags;
    std::optional<std::string> merged_ref; // OSM ref replaced by a municipality's record
    nlohmann::json tags = nlohmann::json::object();
    geo::Point position;
};

struct NetworkNode {
    std::int64_t osm_node_id = 0;
    geo::Point position;
};

struct NetworkEdge {
    std::uint32_t from_node = 0; // dense index into the node list
    std::uint32_t to_node = 0;
    std::int64_t osm_way_id = 0;
    std::string highway;
    std::optional<std::string> name;
    double length_m = 0.0;
    bool foot = false;
    bool bicycle = false;
    bool motor_vehicle = false;
    std::int8_t oneway = 0;         // vehicles: 1 along, -1 against, 0 both ways
    std::int8_t oneway_bicycle = 0; // bicycles, after oneway:bicycle exceptions
    std::optional<double> maxspeed_kmh;
    std::optional<std::string> surface;
    std::optional<std::string> tracktype;
    nlohmann::json tags = nlohmann::json::object();
    geo::LineString geometry;
};

struct Network {
    std::vector<NetworkNode> nodes;
    std::vector<NetworkEdge> edges;
};

struct AdminArea {
    std::int64_t osm_id = 0;
    int admin_level = 0;
    std::optional<std::string> name;
    std::optional<std::string> ags;
    geo::MultiPolygon geometry;
};

// A census 2011 100 m cell (lower-left corner in EPSG:3035).
struct GridCell {
    std::int64_t fid = 0;
    std::string cell_id; // Destatis id "100mN{y/100}E{x/100}"
    std::int64_t x_ll = 0;
    std::int64_t y_ll = 0;
    int census_year = 2011;
    std::array<int, 5> pop_by_age{}; // <18, 18-29, 30-49, 50-64, 65+
    std::optional<std::string> ags;

    int pop_total() const {
        return pop_by_age[0] + pop_by_age[1] + pop_by_age[2] + pop_by_age[3] + pop_by_age[4];
    }
};

// Municipalities: directory attributes and boundaries are written by different imports.
void upsert_municipality_directory(Database& db, const std::string& district_ags,
                                   const std::vector<MunicipalityDirectoryEntry>& entries,
                                   std::int64_t import_id);
void upsert_municipality_boundaries(Database& db, const std::vector<Boundary>& boundaries,
                                    std::int64_t import_id);
void upsert_district_boundaries(Database& db, const std::vector<Boundary>& boundaries,
                                std::int64_t import_id);
std::vector<Municipality> read_municipalities(Database& db, bool with_geometry);

// Buildings, network and admin areas are snapshots of one OSM extract: a new import replaces them.
void replace_buildings(Database& db, const std::vector<Building>& buildings, std::int64_t import_id);
std::vector<Building> read_buildings(Database& db, bool with_geometry);
void replace_network(Database& db, const Network& network);
// The network as written by the OSM import (nodes in node_idx order, edges in edge_idx order).
Network read_network(Database& db);
// The import id of the OSM import that wrote the current network (nullopt without one): routing
// graphs built from it are stale when it changes.
std::optional<std::int64_t> network_import_id(Database& db);
void replace_admin_areas(Database& db, const std::vector<AdminArea>& areas);

// Facilities keep their history: rows are closed (valid_to), never deleted.
std::int64_t insert_facility(Database& db, const Facility& facility, std::int64_t import_id);
void close_facility(Database& db, std::int64_t fid, const std::string& valid_to);
void update_facility_from_list(Database& db, std::int64_t fid, const Facility& from_list,
                               std::int64_t import_id);
// A re-import of the same source: updates position, name, tags and ags; history stays.
void update_facility(Database& db, std::int64_t fid, const Facility& facility,
                     std::int64_t import_id);
// Facilities open on `date` (ISO) or, without a date, all still open; optionally one source.
std::vector<Facility> read_facilities(Database& db, bool open_only = true,
                                      const std::optional<std::string>& source_prefix = std::nullopt);

void upsert_grid_cells(Database& db, const std::vector<GridCell>& cells, std::int64_t import_id);
std::vector<GridCell> read_grid_cells(Database& db);

std::int64_t count_rows(Database& db, std::string_view table);

} // namespace lw::store
