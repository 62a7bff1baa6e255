#include "import/boundaries.hpp"

#include "core/area_key.hpp"
#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/text.hpp"
#include "geo/crs.hpp"
#include "store/imports.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>

namespace lw::import {

namespace {

struct GdalCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};

void append_polygon(const OGRPolygon& polygon, geo::MultiPolygon& out) {
    geo::Polygon part;
    const auto add = [&](const OGRLinearRing* ring) {
        if (ring == nullptr || ring->getNumPoints() < 4) {
            return;
        }
        std::vector<geo::Point> points;
        points.reserve(static_cast<std::size_t>(ring->getNumPoints()));
        for (int i = 0; i < ring->getNumPoints() - 1; ++i) { // stored open
            points.push_back({ring->getX(i), ring->getY(i)});
        }
        part.add_ring(points);
    };
    add(polygon.getExteriorRing());
    for (int i = 0; i < polygon.getNumInteriorRings(); ++i) {
        add(polygon.getInteriorRing(i));
    }
    if (part.ring_count() > 0) {
        out.parts.push_back(std::move(part));
    }
}

// Polygon or multipolygon; nullopt for anything else.
std::optional<geo::MultiPolygon> to_multipolygon(const OGRGeometry* geometry) {
    if (geometry == nullptr) {
        return std::nullopt;
    }
    geo::MultiPolygon out;
    switch (wkbFlatten(geometry->getGeometryType())) {
    case wkbPolygon: append_polygon(*geometry->toPolygon(), out); break;
    case wkbMultiPolygon:
        for (const auto* polygon : *geometry->toMultiPolygon()) {
            append_polygon(*polygon, out);
        }
        break;
    default: return std::nullopt;
    }
    return out;
}

int layer_epsg(OGRLayer& layer, const std::filesystem::path& input) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (srs == nullptr) {
        throw Error(ErrorKind::input_format,
                    "the boundary file has no coordinate reference system (.prj missing?)",
                    {input.string()});
    }
    OGRSpatialReference copy(*srs);
    copy.AutoIdentifyEPSG();
    const char* code = copy.GetAuthorityCode(nullptr);
    if (code == nullptr) {
        if (const char* name = copy.GetName(); name != nullptr && std::string_view(name).find("Gauss-Kruger zone 3") != std::string_view::npos) {
            return geo::epsg_gk3;
        }
        throw Error(ErrorKind::input_format,
                    "the boundary file's coordinate reference system has no EPSG code",
                    {input.string()});
    }
    return std::stoi(code);
}

std::optional<std::string> read_data_date(const BoundariesConfig& config) {
    if (config.data_date) {
        return config.data_date;
    }
    // BKG ships the reference date as "01.01.2021" in aktualitaet.txt beside the shapefiles.
    std::ifstream in(config.input.parent_path() / "aktualitaet.txt");
    std::string line;
    if (in && std::getline(in, line)) {
        const auto parts = split(trim(line), '.');
        if (parts.size() == 3 && parts[2].size() == 4) {
            return fmt::format("{}-{}-{}", parts[2], parts[1], parts[0]);
        }
    }
    return std::nullopt;
}

} // namespace

BoundarySet read_boundaries(const BoundariesConfig& config, const store::RegionSpec& region) {
    GDALAllRegister();
    if (!std::filesystem::exists(config.input)) {
        throw Error(ErrorKind::not_found, "boundary file does not exist", {config.input.string()});
    }
    std::unique_ptr<GDALDataset, GdalCloser> dataset(GDALDataset::Open(
        config.input.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
    if (!dataset || dataset->GetLayerCount() < 1) {
        throw Error(ErrorKind::input_format,
                    "not a vector file GDAL can read (expected a shapefile or GeoPackage of boundaries)",
                    {config.input.string()});
    }
    OGRLayer& layer = *dataset->GetLayer(0);
    const OGRFeatureDefn& definition = *layer.GetLayerDefn();
    const int ags_field = definition.GetFieldIndex("AGS");
    const int name_field = definition.GetFieldIndex("GEN");
    if (ags_field < 0 || name_field < 0) {
        throw Error(ErrorKind::input_format,
                    "the boundary file needs the fields AGS (official key) and GEN (name), as BKG's "
                    "VG250/VG5000 have them",
                    {config.input.string()});
    }
    const int gf_field = definition.GetFieldIndex("GF");

    BoundarySet set;
    set.source_epsg = layer_epsg(layer, config.input);
    set.data_date = read_data_date(config);
    const geo::Transformer to_utm(set.source_epsg, geo::epsg_utm32);
    const geo::Transformer to_wgs84(set.source_epsg, geo::epsg_wgs84);

    std::map<std::string, store::Boundary> by_key; // a key may have several features (land, water)
    std::optional<std::size_t> key_length;
    layer.ResetReading();
    Progress progress("Reading boundaries", static_cast<std::uint64_t>(std::max<GIntBig>(0, layer.GetFeatureCount())));
    for (auto& feature : layer) {
        ++set.features_read;
        progress.update(set.features_read);
        const std::string raw_key = feature->GetFieldAsString(ags_field);
        const auto key = normalize_area_key(raw_key);
        const SourceLocation where{config.input.string(), static_cast<std::uint64_t>(feature->GetFID()) + 1, 0, raw_key};
        if (!key || (key->size() != 8 && key->size() != 5)) {
            throw Error(ErrorKind::input_value, "AGS is not a municipality (8 digits) or district (5 digits) key", where);
        }
        if (key_length && *key_length != key->size()) {
            throw Error(ErrorKind::input_format, "the file mixes municipality and district keys", where);
        }
        key_length = key->size();
        // VG250 splits areas into land (GF 3/4) and water (GF 1/2); VG5000 has only GF 9.
        if (gf_field >= 0 && feature->GetFieldAsInteger(gf_field) < 3) {
            continue;
        }
        const bool is_district = key->size() == 5;
        const bool keep = is_district ? (region.contains(*key) || region.is_parent_of(*key))
                                      : region.contains(*key);
        if (!keep) {
            ++set.outside_region;
            continue;
        }
        auto geometry = to_multipolygon(feature->GetGeometryRef());
        if (!geometry) {
            throw Error(ErrorKind::input_format, "feature has no polygon geometry", where);
        }
        auto& boundary = by_key[*key];
        boundary.ags = *key;
        boundary.name = feature->GetFieldAsString(name_field);
        for (auto& part : geometry->parts) {
            boundary.geometry_utm.parts.push_back(part);
            boundary.geometry_wgs84.parts.push_back(std::move(part));
        }
    }
    progress.finish();
    if (key_length) {
        set.level = *key_length == 8 ? BoundaryLevel::municipality : BoundaryLevel::district;
    }
    if (config.level != BoundaryLevel::detect && key_length && config.level != set.level) {
        throw Error(ErrorKind::input_format,
                    fmt::format("the file holds {} boundaries, not {}",
                                set.level == BoundaryLevel::municipality ? "municipality" : "district",
                                config.level == BoundaryLevel::municipality ? "municipality" : "district"),
                    {config.input.string()});
    }
    for (auto& [key, boundary] : by_key) {
        to_utm.transform(boundary.geometry_utm);
        to_wgs84.transform(boundary.geometry_wgs84);
        set.boundaries.push_back(std::move(boundary));
    }
    return set;
}

ImportReport import_boundaries(store::Workspace& workspace, const BoundariesConfig& config) {
    const BoundarySet set = read_boundaries(config, workspace.region());
    const bool municipal = set.level == BoundaryLevel::municipality;
    if (set.boundaries.empty()) {
        throw Error(ErrorKind::input_value,
                    fmt::format("the file has no {} boundaries inside the region \"{}\"",
                                municipal ? "municipality" : "district", workspace.region().name),
                    {config.input.string()});
    }
    double area_km2 = 0.0;
    for (const auto& b : set.boundaries) {
        area_km2 += geo::area(b.geometry_utm) / 1e6;
    }

    store::ImportRecord record;
    record.kind = municipal ? "boundaries-municipalities" : "boundaries-districts";
    store::describe_source(record, config.input);
    record.title = "Administrative boundaries (BKG VG250/VG5000 or compatible)";
    record.licence = "dl-de/by-2-0";
    record.attribution = fmt::format("© GeoBasis-DE / BKG {} (Daten verändert)",
                                     set.data_date ? set.data_date->substr(0, 4) : "");
    record.data_date = set.data_date;
    record.summary = {{"features_read", set.features_read},
                      {"kept", set.boundaries.size()},
                      {"outside_region", set.outside_region},
                      {"source_epsg", set.source_epsg},
                      {"area_km2", area_km2}};

    store::Transaction tx(workspace.db());
    const auto import_id = store::insert_import(workspace.db(), record);
    if (municipal) {
        store::upsert_municipality_boundaries(workspace.db(), set.boundaries, import_id);
    } else {
        store::upsert_district_boundaries(workspace.db(), set.boundaries, import_id);
    }
    tx.commit();

    ImportReport report;
    report.title = fmt::format("Boundaries imported ({})", municipal ? "municipalities" : "districts");
    report.add("features read", group_thousands(static_cast<long long>(set.features_read)));
    report.add("inside the region", group_thousands(static_cast<long long>(set.boundaries.size())));
    report.add("reprojected", fmt::format("EPSG:{} -> EPSG:25832 and EPSG:4326", set.source_epsg));
    report.add("area (generalised)", fmt::format("{:.1f} km²", area_km2));
    report.add("reference date", set.data_date.value_or("unknown"));
    report.summary = record.summary;
    return report;
}

} // namespace lw::import
