#pragma once
// The GeoPackage container: the metadata tables QGIS and GDAL expect (gpkg_spatial_ref_sys,
// gpkg_contents, gpkg_geometry_columns, gpkg_extensions), feature tables with an R-tree spatial
// index, and attribute tables. Written directly with SQL so that every workspace write stays in
// one SQLite transaction together with lebenswert's own tables.

#include "geo/geometry.hpp"
#include "store/sqlite.hpp"

#include <string>
#include <string_view>

namespace lw::store {

inline constexpr int gpkg_application_id = 0x47504B47; // "GPKG"
inline constexpr int gpkg_user_version = 10300;         // GeoPackage 1.3

// Sets the file header and creates the mandatory metadata tables (idempotent).
void init_geopackage(Database& db);

// Registers ST_MinX, ST_MaxX, ST_MinY, ST_MaxY and ST_IsEmpty, which the R-tree triggers of the
// GeoPackage spec call. Must be done on every connection that writes features.
void register_spatial_functions(Database& db);

void ensure_srs(Database& db, int epsg);

struct FeatureTable {
    std::string name;
    std::string geometry_type; // POINT, LINESTRING, POLYGON, MULTIPOLYGON
    int srs_id;
    std::string columns_sql;   // extra columns, e.g. "ags TEXT NOT NULL, name TEXT"
    std::string description;
};

// Creates the table (fid primary key + geom + columns), registers it and adds the R-tree index.
void create_feature_table(Database& db, const FeatureTable& table);

// Creates a plain table and registers it in gpkg_contents so QGIS lists it.
void create_attribute_table(Database& db, std::string_view name, std::string_view columns_sql,
                            std::string_view description);

// Recomputes the extent in gpkg_contents and stamps last_change. Call after writing features.
void refresh_contents(Database& db, std::string_view table);

} // namespace lw::store
