#include "store/gpkg.hpp"

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/gpkg_blob.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <variant>

namespace lw::store {

void init_geopackage(Database& db) {
    db.exec(fmt::format("PRAGMA application_id = {}", gpkg_application_id));
    db.exec(fmt::format("PRAGMA user_version = {}", gpkg_user_version));
    db.exec(R"sql(
CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE IF NOT EXISTS gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE IF NOT EXISTS gpkg_extensions (
  table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
  scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
)sql");
    ensure_srs(db, geo::epsg_wgs84);
}

namespace {

std::optional<geo::Box> blob_box(sqlite3_value* value) {
    if (sqlite3_value_type(value) != SQLITE_BLOB) {
        return std::nullopt;
    }
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_value_blob(value));
    const std::span<const std::uint8_t> blob(data, static_cast<std::size_t>(sqlite3_value_bytes(value)));
    if (auto box = geo::gpkg_envelope(blob)) {
        return box;
    }
    // Some writers (GDAL for points) leave the envelope out: compute it from the geometry.
    try {
        const auto decoded = geo::decode_gpkg(blob);
        return std::visit(
            [](const auto& g) -> std::optional<geo::Box> {
                using T = std::decay_t<decltype(g)>;
                geo::Box box;
                if constexpr (std::is_same_v<T, geo::Point>) {
                    box.extend(g);
                } else if constexpr (std::is_same_v<T, geo::Polygon>) {
                    for (const auto& p : g.points) {
                        box.extend(p);
                    }
                } else {
                    box = geo::bounds(g);
                }
                return box.valid ? std::optional(box) : std::nullopt;
            },
            decoded.geometry);
    } catch (const Error&) {
        return std::nullopt;
    }
}

template <int Field> void st_bound(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto box = blob_box(argv[0]);
    if (!box) {
        sqlite3_result_null(ctx);
        return;
    }
    const double values[4] = {box->min_x, box->max_x, box->min_y, box->max_y};
    sqlite3_result_double(ctx, values[Field]);
}

void st_is_empty(sqlite3_context* ctx, int, sqlite3_value** argv) {
    if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_value_blob(argv[0]));
    sqlite3_result_int(ctx, geo::gpkg_is_empty({data, static_cast<std::size_t>(sqlite3_value_bytes(argv[0]))}) ? 1 : 0);
}

void register_function(Database& db, const char* name, void (*fn)(sqlite3_context*, int, sqlite3_value**)) {
    if (sqlite3_create_function_v2(db.handle(), name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                   fn, nullptr, nullptr, nullptr) != SQLITE_OK) {
        throw Error(ErrorKind::internal, fmt::format("cannot register SQL function {}", name));
    }
}

} // namespace

void register_spatial_functions(Database& db) {
    register_function(db, "ST_MinX", &st_bound<0>);
    register_function(db, "ST_MaxX", &st_bound<1>);
    register_function(db, "ST_MinY", &st_bound<2>);
    register_function(db, "ST_MaxY", &st_bound<3>);
    register_function(db, "ST_IsEmpty", &st_is_empty);
}

void ensure_srs(Database& db, int epsg) {
    Statement exists(db, "SELECT 1 FROM gpkg_spatial_ref_sys WHERE srs_id = ?");
    exists.bind(1, epsg);
    if (exists.step()) {
        return;
    }
    Statement insert(db, "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, 'EPSG', ?, ?, NULL)");
    insert.bind(1, geo::crs_name(epsg)).bind(2, epsg).bind(3, epsg).bind(4, geo::crs_wkt(epsg));
    insert.run();
}

void create_feature_table(Database& db, const FeatureTable& t) {
    ensure_srs(db, t.srs_id);
    const std::string extra = t.columns_sql.empty() ? "" : ", " + t.columns_sql;
    db.exec(fmt::format("CREATE TABLE \"{0}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
                        "geom {1}{2})",
                        t.name, t.geometry_type, extra));
    Statement contents(db, "INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                           "description, srs_id) VALUES (?, 'features', ?, ?, ?)");
    contents.bind(1, t.name).bind(2, t.name).bind(3, t.description).bind(4, t.srs_id);
    contents.run();
    Statement columns(db, "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)");
    columns.bind(1, t.name).bind(2, t.geometry_type).bind(3, t.srs_id);
    columns.run();
    Statement extension(db, "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', "
                            "'http://www.geopackage.org/spec120/#extension_rtree', 'write-only')");
    extension.bind(1, t.name);
    extension.run();
    // The spatial index and its triggers, as the GeoPackage R-tree extension defines them.
    const std::string rtree = fmt::format("rtree_{}_geom", t.name);
    db.exec(fmt::format(R"sql(
CREATE VIRTUAL TABLE "{1}" USING rtree(id, minx, maxx, miny, maxy);
CREATE TRIGGER "{1}_insert" AFTER INSERT ON "{0}"
  WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO "{1}" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom),
                                       ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER "{1}_update1" AFTER UPDATE OF geom ON "{0}"
  WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  INSERT OR REPLACE INTO "{1}" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom),
                                       ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER "{1}_update2" AFTER UPDATE OF geom ON "{0}"
  WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM "{1}" WHERE id = OLD.fid;
END;
CREATE TRIGGER "{1}_update3" AFTER UPDATE ON "{0}"
  WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM "{1}" WHERE id = OLD.fid;
  INSERT OR REPLACE INTO "{1}" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom),
                                       ST_MinY(NEW.geom), ST_MaxY(NEW.geom));
END;
CREATE TRIGGER "{1}_update4" AFTER UPDATE ON "{0}"
  WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN
  DELETE FROM "{1}" WHERE id IN (OLD.fid, NEW.fid);
END;
CREATE TRIGGER "{1}_delete" AFTER DELETE ON "{0}" WHEN old.geom NOT NULL
BEGIN
  DELETE FROM "{1}" WHERE id = OLD.fid;
END;
)sql",
                        t.name, rtree));
}

void create_attribute_table(Database& db, std::string_view name, std::string_view columns_sql,
                            std::string_view description) {
    db.exec(fmt::format("CREATE TABLE \"{}\" ({})", name, columns_sql));
    Statement contents(db, "INSERT INTO gpkg_contents (table_name, data_type, identifier, "
                           "description) VALUES (?, 'attributes', ?, ?)");
    contents.bind(1, name).bind(2, name).bind(3, description);
    contents.run();
}

void refresh_contents(Database& db, std::string_view table) {
    Statement is_feature(db, "SELECT 1 FROM gpkg_geometry_columns WHERE table_name = ?");
    is_feature.bind(1, table);
    if (is_feature.step()) {
        db.exec(fmt::format(
            "UPDATE gpkg_contents SET min_x = (SELECT min(minx) FROM \"rtree_{0}_geom\"), "
            "max_x = (SELECT max(maxx) FROM \"rtree_{0}_geom\"), "
            "min_y = (SELECT min(miny) FROM \"rtree_{0}_geom\"), "
            "max_y = (SELECT max(maxy) FROM \"rtree_{0}_geom\"), "
            "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = '{0}'",
            table));
    } else {
        db.exec(fmt::format("UPDATE gpkg_contents SET last_change = "
                            "strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = '{}'",
                            table));
    }
}

} // namespace lw::store
