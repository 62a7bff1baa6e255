#include "store/schema.hpp"

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "store/gpkg.hpp"

#include <fmt/format.h>

#include <functional>
#include <vector>

namespace lw::store {

namespace {

// Version 1: the foundation (docs/workspace.md describes every table and column).
void migration_1(Database& db) {
    init_geopackage(db);
    db.exec(R"sql(
CREATE TABLE lw_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
)sql");
    create_attribute_table(db, "lw_imports", R"sql(
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
  kind TEXT NOT NULL, source_file TEXT NOT NULL, source_sha256 TEXT NOT NULL,
  title TEXT NOT NULL, licence TEXT NOT NULL, attribution TEXT NOT NULL,
  data_date TEXT, imported_at TEXT NOT NULL, tool_version TEXT NOT NULL, summary TEXT NOT NULL)sql",
                           "One row per import: source, licence, attribution, time, summary");
    create_attribute_table(db, "lw_artefacts", R"sql(
  name TEXT PRIMARY KEY NOT NULL, type_tag TEXT NOT NULL, format_version INTEGER NOT NULL,
  created_at TEXT NOT NULL, data BLOB NOT NULL)sql",
                           "Binary artefacts (e.g. routing graphs) behind a checked header");

    create_feature_table(db, {"municipalities", "MULTIPOLYGON", geo::epsg_utm32, R"sql(
  ags TEXT NOT NULL UNIQUE, name TEXT NOT NULL, district_ags TEXT NOT NULL,
  area_km2 REAL, seat_lon REAL, seat_lat REAL, postcode TEXT,
  directory_import_id INTEGER REFERENCES lw_imports(id),
  boundary_import_id INTEGER REFERENCES lw_imports(id))sql",
                              "Municipalities of the region (AGS, name, boundary)"});
    create_feature_table(db, {"municipalities_wgs84", "MULTIPOLYGON", geo::epsg_wgs84,
                              "ags TEXT NOT NULL UNIQUE, name TEXT NOT NULL",
                              "Municipality boundaries in WGS84 for web maps"});
    create_feature_table(db, {"districts", "MULTIPOLYGON", geo::epsg_utm32, R"sql(
  ags TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
  boundary_import_id INTEGER REFERENCES lw_imports(id))sql",
                              "Districts (Kreise) touching the region"});
    create_feature_table(db, {"buildings", "MULTIPOLYGON", geo::epsg_utm32, R"sql(
  osm_type TEXT NOT NULL, osm_id INTEGER NOT NULL, use TEXT NOT NULL, levels REAL,
  footprint_m2 REAL NOT NULL, floor_area_m2 REAL NOT NULL, levels_assumed INTEGER NOT NULL,
  residential INTEGER NOT NULL, residential_rule TEXT NOT NULL,
  centroid_x REAL NOT NULL, centroid_y REAL NOT NULL,
  ags TEXT, cell_id TEXT, population INTEGER, population_year INTEGER,
  import_id INTEGER NOT NULL REFERENCES lw_imports(id))sql",
                              "Buildings from OSM with footprint, use and assigned population"});
    create_feature_table(db, {"facilities", "POINT", geo::epsg_utm32, R"sql(
  category TEXT NOT NULL, name TEXT, source TEXT NOT NULL, source_ref TEXT NOT NULL,
  capacity REAL, capacity_unit TEXT, valid_from TEXT, valid_to TEXT, ags TEXT,
  merged_ref TEXT, tags TEXT NOT NULL DEFAULT '{}',
  import_id INTEGER NOT NULL REFERENCES lw_imports(id))sql",
                              "Services of general interest (Daseinsvorsorge) with history"});
    create_feature_table(db, {"network_nodes", "POINT", geo::epsg_utm32,
                              "node_idx INTEGER NOT NULL UNIQUE, osm_node_id INTEGER NOT NULL",
                              "Junctions and ends of the road and path network"});
    create_feature_table(db, {"network_edges", "LINESTRING", geo::epsg_utm32, R"sql(
  edge_idx INTEGER NOT NULL UNIQUE, from_node INTEGER NOT NULL, to_node INTEGER NOT NULL,
  osm_way_id INTEGER NOT NULL, highway TEXT NOT NULL, name TEXT, length_m REAL NOT NULL,
  foot INTEGER NOT NULL, bicycle INTEGER NOT NULL, motor_vehicle INTEGER NOT NULL,
  oneway INTEGER NOT NULL, oneway_bicycle INTEGER NOT NULL, maxspeed_kmh REAL,
  surface TEXT, tracktype TEXT, tags TEXT NOT NULL DEFAULT '{}')sql",
                              "Road and path segments between junctions, with access per mode"});
    create_feature_table(db, {"osm_admin_areas", "MULTIPOLYGON", geo::epsg_utm32,
                              "osm_id INTEGER NOT NULL, admin_level INTEGER NOT NULL, name TEXT, ags TEXT",
                              "Administrative boundaries found complete in the OSM extract"});
    create_feature_table(db, {"grid_cells", "POLYGON", geo::epsg_laea, R"sql(
  cell_id TEXT NOT NULL UNIQUE, x_ll INTEGER NOT NULL, y_ll INTEGER NOT NULL, ags TEXT,
  census_year INTEGER NOT NULL, pop_total INTEGER NOT NULL,
  pop_under18 INTEGER NOT NULL, pop_18_29 INTEGER NOT NULL, pop_30_49 INTEGER NOT NULL,
  pop_50_64 INTEGER NOT NULL, pop_65plus INTEGER NOT NULL,
  population INTEGER, population_on_buildings INTEGER, population_year INTEGER,
  import_id INTEGER NOT NULL REFERENCES lw_imports(id))sql",
                              "Census 2011 100 m grid cells (EPSG:3035) with assigned population"});

    create_attribute_table(db, "population", R"sql(
  area_key TEXT NOT NULL, area_level TEXT NOT NULL, area_name TEXT, year INTEGER NOT NULL,
  reference_date TEXT NOT NULL, sex TEXT NOT NULL CHECK (sex IN ('total','male','female')),
  age_from INTEGER NOT NULL, age_to INTEGER, value REAL, status TEXT NOT NULL,
  limited_reliability INTEGER NOT NULL DEFAULT 0, source_table TEXT NOT NULL,
  import_id INTEGER NOT NULL REFERENCES lw_imports(id),
  CHECK ((value IS NULL) = (status NOT IN ('ok','nothing'))))sql",
                           "Population by area, year, sex and age (group), with status markers");
    db.exec("CREATE UNIQUE INDEX population_key ON population "
            "(area_key, year, sex, age_from, ifnull(age_to, -1), source_table)");
    create_attribute_table(db, "life_tables", R"sql(
  period TEXT NOT NULL, region TEXT NOT NULL, sex TEXT NOT NULL CHECK (sex IN ('male','female')),
  age INTEGER NOT NULL, qx REAL NOT NULL, px REAL NOT NULL, lx REAL NOT NULL, dx REAL NOT NULL,
  lx_years_lived REAL NOT NULL, tx_years_remaining REAL NOT NULL, ex REAL NOT NULL,
  import_id INTEGER NOT NULL REFERENCES lw_imports(id),
  UNIQUE (period, region, sex, age))sql",
                           "Period life tables (Destatis 12621-0001)");
    create_attribute_table(db, "reference_values", R"sql(
  area_key TEXT NOT NULL, area_level TEXT NOT NULL, area_name TEXT, indicator TEXT NOT NULL,
  year INTEGER, value REAL, status TEXT NOT NULL, source TEXT NOT NULL,
  import_id INTEGER NOT NULL REFERENCES lw_imports(id),
  UNIQUE (area_key, indicator, year))sql",
                           "Official indicator values (e.g. INKAR) used as references");
    create_attribute_table(db, "population_placement", R"sql(
  ags TEXT NOT NULL, year INTEGER NOT NULL, total INTEGER NOT NULL,
  on_buildings INTEGER NOT NULL, on_cells_only INTEGER NOT NULL, unplaced INTEGER NOT NULL,
  method TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (ags, year))sql",
                           "How each municipality's total was placed on buildings and cells");
    db.exec("CREATE INDEX facilities_category ON facilities (category, valid_to)");
    db.exec("CREATE INDEX buildings_osm ON buildings (osm_type, osm_id)");
}

// Version 2: the accessibility engine's results and what-if scenarios.
void migration_2(Database& db) {
    create_attribute_table(db, "access_runs", R"sql(
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, created_at TEXT NOT NULL,
  scenario_id INTEGER REFERENCES scenarios(id) ON DELETE CASCADE,
  profile TEXT NOT NULL, config TEXT NOT NULL, summary TEXT NOT NULL)sql",
                           "One row per accessibility computation (profile, categories, thresholds)");
    create_feature_table(db, {"access_origins", "POINT", geo::epsg_utm32, R"sql(
  run_id INTEGER NOT NULL REFERENCES access_runs(id) ON DELETE CASCADE,
  origin_type TEXT NOT NULL, origin_ref TEXT NOT NULL, ags TEXT, cell_id TEXT,
  category TEXT NOT NULL, population INTEGER NOT NULL, snapped INTEGER NOT NULL,
  minutes REAL, nearest_fid INTEGER,
  n_5 INTEGER, n_10 INTEGER, n_15 INTEGER, n_20 INTEGER, n_30 INTEGER, supply_ratio REAL)sql",
                              "Per origin (residential building, or census cell population outside buildings): minutes to the nearest facility, facilities within 5-30 min, 2SFCA ratio"});
    db.exec("CREATE INDEX access_origins_run ON access_origins (run_id, category)");
    create_attribute_table(db, "access_areas", R"sql(
  run_id INTEGER NOT NULL REFERENCES access_runs(id) ON DELETE CASCADE,
  level TEXT NOT NULL, area_key TEXT NOT NULL, category TEXT NOT NULL, threshold_min INTEGER NOT NULL,
  residents INTEGER NOT NULL, assessed INTEGER NOT NULL, within INTEGER NOT NULL, share REAL,
  residents_65plus REAL, within_65plus REAL, residents_under18 REAL, within_under18 REAL,
  mean_minutes REAL, supply_ratio REAL)sql",
                           "Residents within a threshold per grid cell, municipality and region");
    create_attribute_table(db, "access_catchments", R"sql(
  run_id INTEGER NOT NULL REFERENCES access_runs(id) ON DELETE CASCADE,
  category TEXT NOT NULL, from_ags TEXT NOT NULL, to_ags TEXT NOT NULL, residents INTEGER NOT NULL)sql",
                           "Which municipality's residents use which municipality's nearest facility");
    create_attribute_table(db, "scenarios", R"sql(
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name TEXT NOT NULL UNIQUE, description TEXT,
  created_at TEXT NOT NULL)sql",
                           "What-if scenarios: named sets of closures and openings");
    create_attribute_table(db, "scenario_closures", R"sql(
  scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  facility_fid INTEGER NOT NULL)sql",
                           "Facilities a scenario closes");
    create_feature_table(db, {"scenario_openings", "POINT", geo::epsg_utm32, R"sql(
  scenario_id INTEGER NOT NULL REFERENCES scenarios(id) ON DELETE CASCADE,
  category TEXT NOT NULL, name TEXT, capacity REAL)sql",
                              "New facilities a scenario opens"});
    create_feature_table(db, {"scenario_effects", "POINT", geo::epsg_utm32, R"sql(
  run_id INTEGER NOT NULL REFERENCES access_runs(id) ON DELETE CASCADE,
  origin_type TEXT NOT NULL, origin_ref TEXT NOT NULL, ags TEXT, category TEXT NOT NULL,
  population INTEGER NOT NULL, minutes_before REAL, minutes_after REAL,
  nearest_before INTEGER, nearest_after INTEGER)sql",
                              "Origins whose nearest facility changes in a scenario"});
    create_feature_table(db, {"location_sites", "POINT", geo::epsg_utm32, R"sql(
  label TEXT NOT NULL, category TEXT NOT NULL, profile TEXT NOT NULL, objective TEXT NOT NULL,
  action TEXT NOT NULL, rank INTEGER NOT NULL, facility_fid INTEGER, candidate TEXT NOT NULL,
  value REAL, bound REAL, gap REAL, method TEXT NOT NULL, created_at TEXT NOT NULL)sql",
                              "Sites chosen by location optimisation (new sites, or sites that could close)"});
    create_feature_table(db, {"isochrones", "MULTIPOLYGON", geo::epsg_utm32, R"sql(
  label TEXT NOT NULL, profile TEXT NOT NULL, minutes INTEGER NOT NULL, origin TEXT NOT NULL,
  created_at TEXT NOT NULL)sql",
                              "Areas reachable within a time from a facility or point"});
}

// Version 3: population projections (scenarios, population by age and sex with intervals,
// derived demand with intervals and exceedance probabilities).
void migration_3(Database& db) {
    create_attribute_table(db, "projection_scenarios", R"sql(
  id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, name TEXT NOT NULL UNIQUE, description TEXT,
  created_at TEXT NOT NULL, base_year INTEGER NOT NULL, last_year INTEGER NOT NULL,
  runs INTEGER NOT NULL, seed INTEGER NOT NULL, assumptions TEXT NOT NULL, tool_version TEXT NOT NULL)sql",
                           "Population projection scenarios: assumptions (JSON), base and last year, Monte-Carlo runs");
    create_attribute_table(db, "projection_population", R"sql(
  scenario_id INTEGER NOT NULL REFERENCES projection_scenarios(id) ON DELETE CASCADE,
  ags TEXT NOT NULL, year INTEGER NOT NULL, sex TEXT NOT NULL, age INTEGER NOT NULL,
  deterministic REAL NOT NULL, p025 REAL, p10 REAL, p50 REAL, p90 REAL, p975 REAL,
  PRIMARY KEY (scenario_id, ags, year, sex, age))sql",
                           "Projected population by single year of age (100 = 100+) and sex, with Monte-Carlo percentiles");
    create_attribute_table(db, "projection_demand", R"sql(
  scenario_id INTEGER NOT NULL REFERENCES projection_scenarios(id) ON DELETE CASCADE,
  ags TEXT NOT NULL, year INTEGER NOT NULL, indicator TEXT NOT NULL,
  deterministic REAL NOT NULL, p025 REAL, p10 REAL, p50 REAL, p90 REAL, p975 REAL,
  PRIMARY KEY (scenario_id, ags, year, indicator))sql",
                           "Derived demand per municipality and year (children by Kita and school age, 65+, 80+, ...) with percentiles");
    create_attribute_table(db, "projection_exceedance", R"sql(
  scenario_id INTEGER NOT NULL REFERENCES projection_scenarios(id) ON DELETE CASCADE,
  ags TEXT NOT NULL, year INTEGER NOT NULL, indicator TEXT NOT NULL, capacity REAL NOT NULL,
  probability REAL NOT NULL, PRIMARY KEY (scenario_id, ags, year, indicator, capacity))sql",
                           "Probability that a demand exceeds a given capacity (Monte-Carlo share of runs)");
}

using Migration = std::function<void(Database&)>;

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> list{&migration_1, &migration_2, &migration_3};
    return list;
}

} // namespace

int current_schema_version() { return static_cast<int>(migrations().size()); }

int schema_version(Database& db) {
    if (!db.table_exists("lw_meta")) {
        return 0;
    }
    const auto text = db.query_text("SELECT value FROM lw_meta WHERE key = 'schema_version'");
    return text ? std::stoi(*text) : 0;
}

int migrate(Database& db) {
    const int from = schema_version(db);
    const int to = current_schema_version();
    if (from > to) {
        throw Error(ErrorKind::workspace_version,
                    fmt::format("workspace {} has schema version {}, but this lebenswert only knows "
                                "up to {}; update lebenswert",
                                db.path().string(), from, to));
    }
    for (int version = from + 1; version <= to; ++version) {
        migrations()[static_cast<std::size_t>(version - 1)](db);
        Statement set(db, "INSERT OR REPLACE INTO lw_meta (key, value) VALUES ('schema_version', ?)");
        set.bind(1, std::to_string(version));
        set.run();
    }
    return to - from;
}

} // namespace lw::store
