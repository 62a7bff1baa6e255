#include "store/features.hpp"

#include "core/area_key.hpp"
#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/gpkg_blob.hpp"
#include "store/gpkg.hpp"

#include <fmt/format.h>

namespace lw::store {

namespace {

geo::MultiPolygon as_multipolygon(std::span<const std::uint8_t> blob) {
    auto decoded = geo::decode_gpkg(blob);
    if (auto* multi = std::get_if<geo::MultiPolygon>(&decoded.geometry)) {
        return std::move(*multi);
    }
    if (auto* polygon = std::get_if<geo::Polygon>(&decoded.geometry)) {
        return geo::MultiPolygon{{std::move(*polygon)}};
    }
    throw Error(ErrorKind::workspace, "expected a polygon geometry");
}

geo::Point as_point(std::span<const std::uint8_t> blob) {
    auto decoded = geo::decode_gpkg(blob);
    if (auto* point = std::get_if<geo::Point>(&decoded.geometry)) {
        return *point;
    }
    throw Error(ErrorKind::workspace, "expected a point geometry");
}

} // namespace

void upsert_municipality_directory(Database& db, const std::string& district_ags,
                                   const std::vector<MunicipalityDirectoryEntry>& entries,
                                   std::int64_t import_id) {
    Statement stmt(db, R"sql(
INSERT INTO municipalities (ags, name, district_ags, area_km2, seat_lon, seat_lat, postcode,
                            directory_import_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (ags) DO UPDATE SET name = excluded.name, district_ags = excluded.district_ags,
  area_km2 = excluded.area_km2, seat_lon = coalesce(excluded.seat_lon, seat_lon),
  seat_lat = coalesce(excluded.seat_lat, seat_lat), postcode = coalesce(excluded.postcode, postcode),
  directory_import_id = excluded.directory_import_id)sql");
    for (const auto& e : entries) {
        stmt.bind(1, e.ags).bind(2, e.name);
        stmt.bind(3, district_ags.empty() ? std::string(district_of(e.ags)) : district_ags);
        stmt.bind(4, e.area_km2);
        if (e.seat_lonlat) {
            stmt.bind(5, e.seat_lonlat->x).bind(6, e.seat_lonlat->y);
        }
        stmt.bind(7, e.postcode).bind(8, import_id);
        stmt.run();
    }
    refresh_contents(db, "municipalities");
}

// Feature tables are updated with UPDATE, then INSERT if nothing matched, never with an UPSERT: an
// upsert's conflict policy overrides the "INSERT OR REPLACE" inside the R-tree triggers.
void upsert_municipality_boundaries(Database& db, const std::vector<Boundary>& boundaries,
                                    std::int64_t import_id) {
    Statement update(db, "UPDATE municipalities SET geom = ?1, boundary_import_id = ?2 WHERE ags = ?3");
    Statement insert(db, "INSERT INTO municipalities (geom, ags, name, district_ags, boundary_import_id) "
                         "VALUES (?1, ?2, ?3, ?4, ?5)");
    Statement update_web(db, "UPDATE municipalities_wgs84 SET geom = ?1, name = ?2 WHERE ags = ?3");
    Statement insert_web(db, "INSERT INTO municipalities_wgs84 (geom, ags, name) VALUES (?1, ?2, ?3)");
    for (const auto& b : boundaries) {
        const auto blob = geo::encode_gpkg(b.geometry_utm, geo::epsg_utm32);
        update.bind(1, blob).bind(2, import_id).bind(3, b.ags);
        update.run();
        if (db.changes() == 0) {
            insert.bind(1, blob).bind(2, b.ags).bind(3, b.name).bind(4, std::string(district_of(b.ags)));
            insert.bind(5, import_id);
            insert.run();
        }
        const auto web_blob = geo::encode_gpkg(b.geometry_wgs84, geo::epsg_wgs84);
        update_web.bind(1, web_blob).bind(2, b.name).bind(3, b.ags);
        update_web.run();
        if (db.changes() == 0) {
            insert_web.bind(1, web_blob).bind(2, b.ags).bind(3, b.name);
            insert_web.run();
        }
    }
    refresh_contents(db, "municipalities");
    refresh_contents(db, "municipalities_wgs84");
}

void upsert_district_boundaries(Database& db, const std::vector<Boundary>& boundaries,
                                std::int64_t import_id) {
    Statement update(db, "UPDATE districts SET geom = ?1, name = ?2, boundary_import_id = ?3 WHERE ags = ?4");
    Statement insert(db, "INSERT INTO districts (geom, ags, name, boundary_import_id) VALUES (?1, ?2, ?3, ?4)");
    for (const auto& b : boundaries) {
        const auto blob = geo::encode_gpkg(b.geometry_utm, geo::epsg_utm32);
        update.bind(1, blob).bind(2, b.name).bind(3, import_id).bind(4, b.ags);
        update.run();
        if (db.changes() == 0) {
            insert.bind(1, blob).bind(2, b.ags).bind(3, b.name).bind(4, import_id);
            insert.run();
        }
    }
    refresh_contents(db, "districts");
}

std::vector<Municipality> read_municipalities(Database& db, bool with_geometry) {
    Statement stmt(db, "SELECT fid, ags, name, area_km2, geom FROM municipalities ORDER BY ags");
    std::vector<Municipality> out;
    while (stmt.step()) {
        Municipality m;
        m.fid = stmt.get_int(0);
        m.ags = stmt.get_text(1);
        m.name = stmt.get_text(2);
        m.area_km2 = stmt.get_opt_double(3);
        if (with_geometry && !stmt.is_null(4)) {
            m.geometry = as_multipolygon(stmt.get_blob(4));
        }
        out.push_back(std::move(m));
    }
    return out;
}

void replace_buildings(Database& db, const std::vector<Building>& buildings, std::int64_t import_id) {
    db.exec("DELETE FROM buildings");
    Statement stmt(db, R"sql(
INSERT INTO buildings (geom, osm_type, osm_id, use, levels, footprint_m2, floor_area_m2,
  levels_assumed, residential, residential_rule, centroid_x, centroid_y, import_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))sql");
    for (const auto& b : buildings) {
        stmt.bind(1, geo::encode_gpkg(b.geometry, geo::epsg_utm32));
        stmt.bind(2, std::string(1, b.osm_type)).bind(3, b.osm_id).bind(4, b.use).bind(5, b.levels);
        stmt.bind(6, b.footprint_m2).bind(7, b.floor_area_m2).bind(8, b.levels_assumed ? 1 : 0);
        stmt.bind(9, b.residential ? 1 : 0).bind(10, b.residential_rule);
        stmt.bind(11, b.centroid.x).bind(12, b.centroid.y).bind(13, import_id);
        stmt.run();
    }
    refresh_contents(db, "buildings");
}

std::vector<Building> read_buildings(Database& db, bool with_geometry) {
    Statement stmt(db, R"sql(
SELECT fid, osm_type, osm_id, use, levels, footprint_m2, floor_area_m2, levels_assumed,
  residential, residential_rule, centroid_x, centroid_y, ags, cell_id, population,
  CASE WHEN ?1 THEN geom END FROM buildings ORDER BY fid)sql");
    stmt.bind(1, with_geometry ? 1 : 0);
    std::vector<Building> out;
    while (stmt.step()) {
        Building b;
        b.fid = stmt.get_int(0);
        b.osm_type = stmt.get_text(1).front();
        b.osm_id = stmt.get_int(2);
        b.use = stmt.get_text(3);
        b.levels = stmt.get_opt_double(4);
        b.footprint_m2 = stmt.get_double(5);
        b.floor_area_m2 = stmt.get_double(6);
        b.levels_assumed = stmt.get_int(7) != 0;
        b.residential = stmt.get_int(8) != 0;
        b.residential_rule = stmt.get_text(9);
        b.centroid = {stmt.get_double(10), stmt.get_double(11)};
        b.ags = stmt.get_opt_text(12);
        b.cell_id = stmt.get_opt_text(13);
        b.population = stmt.get_opt_int(14);
        if (with_geometry) {
            b.geometry = as_multipolygon(stmt.get_blob(15));
        }
        out.push_back(std::move(b));
    }
    return out;
}

void replace_network(Database& db, const Network& network) {
    db.exec("DELETE FROM network_edges; DELETE FROM network_nodes;");
    Statement node(db, "INSERT INTO network_nodes (geom, node_idx, osm_node_id) VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < network.nodes.size(); ++i) {
        node.bind(1, geo::encode_gpkg(network.nodes[i].position, geo::epsg_utm32));
        node.bind(2, static_cast<std::int64_t>(i)).bind(3, network.nodes[i].osm_node_id);
        node.run();
    }
    Statement edge(db, R"sql(
INSERT INTO network_edges (geom, edge_idx, from_node, to_node, osm_way_id, highway, name, length_m,
  foot, bicycle, motor_vehicle, oneway, oneway_bicycle, maxspeed_kmh, surface, tracktype, tags)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17))sql");
    for (std::size_t i = 0; i < network.edges.size(); ++i) {
        const auto& e = network.edges[i];
        edge.bind(1, geo::encode_gpkg(e.geometry, geo::epsg_utm32));
        edge.bind(2, static_cast<std::int64_t>(i)).bind(3, static_cast<std::int64_t>(e.from_node));
        edge.bind(4, static_cast<std::int64_t>(e.to_node)).bind(5, e.osm_way_id).bind(6, e.highway);
        edge.bind(7, e.name).bind(8, e.length_m).bind(9, e.foot ? 1 : 0).bind(10, e.bicycle ? 1 : 0);
        edge.bind(11, e.motor_vehicle ? 1 : 0).bind(12, static_cast<int>(e.oneway));
        edge.bind(13, static_cast<int>(e.oneway_bicycle)).bind(14, e.maxspeed_kmh);
        edge.bind(15, e.surface).bind(16, e.tracktype).bind(17, e.tags.dump());
        edge.run();
    }
    refresh_contents(db, "network_nodes");
    refresh_contents(db, "network_edges");
}

Network read_network(Database& db) {
    Network network;
    Statement nodes(db, "SELECT node_idx, osm_node_id, geom FROM network_nodes ORDER BY node_idx");
    while (nodes.step()) {
        if (static_cast<std::size_t>(nodes.get_int(0)) != network.nodes.size()) {
            throw Error(ErrorKind::workspace, "network_nodes.node_idx is not dense (0, 1, 2, ...)");
        }
        network.nodes.push_back({nodes.get_int(1), as_point(nodes.get_blob(2))});
    }
    Statement edges(db, R"sql(
SELECT from_node, to_node, osm_way_id, highway, name, length_m, foot, bicycle, motor_vehicle,
  oneway, oneway_bicycle, maxspeed_kmh, surface, tracktype, tags, geom, edge_idx
FROM network_edges ORDER BY edge_idx)sql");
    while (edges.step()) {
        NetworkEdge e;
        e.from_node = static_cast<std::uint32_t>(edges.get_int(0));
        e.to_node = static_cast<std::uint32_t>(edges.get_int(1));
        if (e.from_node >= network.nodes.size() || e.to_node >= network.nodes.size() ||
            static_cast<std::size_t>(edges.get_int(16)) != network.edges.size()) {
            throw Error(ErrorKind::workspace, "network_edges refers to a node that does not exist or "
                                              "edge_idx is not dense");
        }
        e.osm_way_id = edges.get_int(2);
        e.highway = edges.get_text(3);
        e.name = edges.get_opt_text(4);
        e.length_m = edges.get_double(5);
        e.foot = edges.get_int(6) != 0;
        e.bicycle = edges.get_int(7) != 0;
        e.motor_vehicle = edges.get_int(8) != 0;
        e.oneway = static_cast<std::int8_t>(edges.get_int(9));
        e.oneway_bicycle = static_cast<std::int8_t>(edges.get_int(10));
        e.maxspeed_kmh = edges.get_opt_double(11);
        e.surface = edges.get_opt_text(12);
        e.tracktype = edges.get_opt_text(13);
        e.tags = nlohmann::json::parse(edges.get_text(14));
        auto decoded = geo::decode_gpkg(edges.get_blob(15));
        e.geometry = std::get<geo::LineString>(std::move(decoded.geometry));
        network.edges.push_back(std::move(e));
    }
    return network;
}

std::optional<std::int64_t> network_import_id(Database& db) {
    return db.query_int("SELECT max(id) FROM lw_imports WHERE kind = 'osm'");
}

void replace_admin_areas(Database& db, const std::vector<AdminArea>& areas) {
    db.exec("DELETE FROM osm_admin_areas");
    Statement stmt(db, "INSERT INTO osm_admin_areas (geom, osm_id, admin_level, name, ags) "
                       "VALUES (?, ?, ?, ?, ?)");
    for (const auto& a : areas) {
        stmt.bind(1, geo::encode_gpkg(a.geometry, geo::epsg_utm32)).bind(2, a.osm_id);
        stmt.bind(3, a.admin_level).bind(4, a.name).bind(5, a.ags);
        stmt.run();
    }
    refresh_contents(db, "osm_admin_areas");
}

std::int64_t insert_facility(Database& db, const Facility& f, std::int64_t import_id) {
    Statement stmt(db, R"sql(
INSERT INTO facilities (geom, category, name, source, source_ref, capacity, capacity_unit,
  valid_from, valid_to, ags, merged_ref, tags, import_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))sql");
    stmt.bind(1, geo::encode_gpkg(f.position, geo::epsg_utm32)).bind(2, f.category).bind(3, f.name);
    stmt.bind(4, f.source).bind(5, f.source_ref).bind(6, f.capacity).bind(7, f.capacity_unit);
    stmt.bind(8, f.valid_from).bind(9, f.valid_to).bind(10, f.ags).bind(11, f.merged_ref);
    stmt.bind(12, f.tags.dump()).bind(13, import_id);
    stmt.run();
    return db.last_insert_rowid();
}

void close_facility(Database& db, std::int64_t fid, const std::string& valid_to) {
    Statement stmt(db, "UPDATE facilities SET valid_to = ? WHERE fid = ?");
    stmt.bind(1, valid_to).bind(2, fid);
    stmt.run();
}

void update_facility_from_list(Database& db, std::int64_t fid, const Facility& f,
                               std::int64_t import_id) {
    Statement stmt(db, R"sql(
UPDATE facilities SET geom = ?1, name = ?2, source = ?3, source_ref = ?4, capacity = ?5,
  capacity_unit = ?6, valid_from = coalesce(?7, valid_from), valid_to = ?8,
  merged_ref = ?9, tags = ?10, import_id = ?11 WHERE fid = ?12)sql");
    stmt.bind(1, geo::encode_gpkg(f.position, geo::epsg_utm32)).bind(2, f.name).bind(3, f.source);
    stmt.bind(4, f.source_ref).bind(5, f.capacity).bind(6, f.capacity_unit).bind(7, f.valid_from);
    stmt.bind(8, f.valid_to).bind(9, f.merged_ref).bind(10, f.tags.dump()).bind(11, import_id);
    stmt.bind(12, fid);
    stmt.run();
}

void update_facility(Database& db, std::int64_t fid, const Facility& f, std::int64_t import_id) {
    Statement stmt(db, "UPDATE facilities SET geom = ?1, name = ?2, tags = ?3, ags = ?4, "
                       "import_id = ?5 WHERE fid = ?6");
    stmt.bind(1, geo::encode_gpkg(f.position, geo::epsg_utm32)).bind(2, f.name);
    stmt.bind(3, f.tags.dump()).bind(4, f.ags).bind(5, import_id).bind(6, fid);
    stmt.run();
}

std::vector<Facility> read_facilities(Database& db, bool open_only,
                                      const std::optional<std::string>& source_prefix) {
    Statement stmt(db, R"sql(
SELECT fid, category, name, source, source_ref, capacity, capacity_unit, valid_from, valid_to,
  ags, merged_ref, tags, geom FROM facilities
WHERE (NOT ?1 OR valid_to IS NULL) AND (?2 IS NULL OR substr(source, 1, length(?2)) = ?2)
ORDER BY fid)sql");
    stmt.bind(1, open_only ? 1 : 0).bind(2, source_prefix);
    std::vector<Facility> out;
    while (stmt.step()) {
        Facility f;
        f.fid = stmt.get_int(0);
        f.category = stmt.get_text(1);
        f.name = stmt.get_opt_text(2);
        f.source = stmt.get_text(3);
        f.source_ref = stmt.get_text(4);
        f.capacity = stmt.get_opt_double(5);
        f.capacity_unit = stmt.get_opt_text(6);
        f.valid_from = stmt.get_opt_text(7);
        f.valid_to = stmt.get_opt_text(8);
        f.ags = stmt.get_opt_text(9);
        f.merged_ref = stmt.get_opt_text(10);
        f.tags = nlohmann::json::parse(stmt.get_text(11));
        f.position = as_point(stmt.get_blob(12));
        out.push_back(std::move(f));
    }
    return out;
}

void upsert_grid_cells(Database& db, const std::vector<GridCell>& cells, std::int64_t import_id) {
    Statement stmt(db, R"sql(
INSERT INTO grid_cells (geom, cell_id, x_ll, y_ll, ags, census_year, pop_total, pop_under18,
  pop_18_29, pop_30_49, pop_50_64, pop_65plus, import_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
ON CONFLICT (cell_id) DO UPDATE SET ags = excluded.ags, census_year = excluded.census_year,
  pop_total = excluded.pop_total, pop_under18 = excluded.pop_under18,
  pop_18_29 = excluded.pop_18_29, pop_30_49 = excluded.pop_30_49, pop_50_64 = excluded.pop_50_64,
  pop_65plus = excluded.pop_65plus, import_id = excluded.import_id)sql");
    for (const auto& c : cells) {
        geo::Polygon square;
        const auto x = static_cast<double>(c.x_ll);
        const auto y = static_cast<double>(c.y_ll);
        square.add_ring({{x, y}, {x + 100, y}, {x + 100, y + 100}, {x, y + 100}});
        stmt.bind(1, geo::encode_gpkg(square, geo::epsg_laea)).bind(2, c.cell_id);
        stmt.bind(3, c.x_ll).bind(4, c.y_ll).bind(5, c.ags).bind(6, c.census_year);
        stmt.bind(7, c.pop_total());
        for (int k = 0; k < 5; ++k) {
            stmt.bind(8 + k, c.pop_by_age[static_cast<std::size_t>(k)]);
        }
        stmt.bind(13, import_id);
        stmt.run();
    }
    refresh_contents(db, "grid_cells");
}

std::vector<GridCell> read_grid_cells(Database& db) {
    Statement stmt(db, "SELECT fid, cell_id, x_ll, y_ll, census_year, pop_under18, pop_18_29, "
                       "pop_30_49, pop_50_64, pop_65plus, ags FROM grid_cells ORDER BY fid");
    std::vector<GridCell> out;
    while (stmt.step()) {
        GridCell c;
        c.fid = stmt.get_int(0);
        c.cell_id = stmt.get_text(1);
        c.x_ll = stmt.get_int(2);
        c.y_ll = stmt.get_int(3);
        c.census_year = static_cast<int>(stmt.get_int(4));
        for (int k = 0; k < 5; ++k) {
            c.pop_by_age[static_cast<std::size_t>(k)] = static_cast<int>(stmt.get_int(5 + k));
        }
        c.ags = stmt.get_opt_text(10);
        out.push_back(std::move(c));
    }
    return out;
}

std::int64_t count_rows(Database& db, std::string_view table) {
    return db.query_int(fmt::format("SELECT count(*) FROM \"{}\"", table)).value_or(0);
}

} // namespace lw::store
