#include "import/facility_list.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "geo/crs.hpp"
#include "geo/polygon_index.hpp"
#include "import/osm/taxonomy.hpp"
#include "import/table/csv.hpp"
#include "store/gpkg.hpp"
#include "store/imports.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <map>
#include <set>

namespace lw::import {

namespace {

// Header names accepted per field, German and English (lower case, compared case-insensitively).
struct Field {
    const char* key;
    std::vector<const char*> names;
};
const std::vector<Field>& fields() {
    static const std::vector<Field> list{
        {"id", {"id", "kennung", "nr"}},
        {"category", {"category", "kategorie"}},
        {"name", {"name", "bezeichnung"}},
        {"lon", {"lon", "longitude", "laenge", "länge"}},
        {"lat", {"lat", "latitude", "breite"}},
        {"x", {"x", "rechtswert", "easting"}},
        {"y", {"y", "hochwert", "northing"}},
        {"capacity", {"capacity", "kapazitaet", "kapazität", "plaetze", "plätze"}},
        {"capacity_unit", {"capacity_unit", "einheit"}},
        {"valid_from", {"valid_from", "gueltig_ab", "gültig_ab", "eroeffnet", "eröffnet"}},
        {"valid_to", {"valid_to", "gueltig_bis", "gültig_bis", "geschlossen"}},
    };
    return list;
}

// Category by id or by its German or English label ("Kita", "Supermarkt", "kita").
std::optional<std::string> category_of(std::string_view text) {
    const std::string wanted = to_lower_ascii(trim(text));
    for (const auto& c : osm::facility_categories()) {
        if (wanted == c.id || wanted == to_lower_ascii(c.label_de) || wanted == to_lower_ascii(c.label_en)) {
            return std::string(c.id);
        }
    }
    return std::nullopt;
}

// Numbers with a decimal comma are German ("11,2834", "1.234,5"), without one plain ("11.2834").
std::optional<double> number_of(std::string_view text) {
    return text.find(',') != std::string_view::npos ? parse_number(text, german_format)
                                                    : parse_number(text, plain_format);
}

// ISO "2021-08-01" or German "01.08.2021" -> ISO.
std::optional<std::string> date_of(std::string_view text) {
    text = trim(text);
    const auto valid = [](int y, int m, int d) { return y >= 1800 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31; };
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        const auto y = parse_integer(text.substr(0, 4)), m = parse_integer(text.substr(5, 2)), d = parse_integer(text.substr(8, 2));
        if (y && m && d && valid(static_cast<int>(*y), static_cast<int>(*m), static_cast<int>(*d))) {
            return std::string(text);
        }
    }
    if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
        const auto d = parse_integer(text.substr(0, 2)), m = parse_integer(text.substr(3, 2)), y = parse_integer(text.substr(6, 4));
        if (y && m && d && valid(static_cast<int>(*y), static_cast<int>(*m), static_cast<int>(*d))) {
            return fmt::format("{:04}-{:02}-{:02}", *y, *m, *d);
        }
    }
    return std::nullopt;
}

// One record as text fields, with the location of each field for messages.
struct RawRecord {
    std::map<std::string, std::string> values;
    std::map<std::string, SourceLocation> locations;
    SourceLocation record; // the record as a whole (line, no column)

    SourceLocation where(const std::string& key) const {
        const auto it = locations.find(key);
        return it != locations.end() ? it->second : record;
    }
};

store::Facility to_facility(const RawRecord& raw, const FacilityListConfig& config,
                            const geo::Transformer& from_wgs84, const geo::Transformer& from_xy,
                            const std::optional<geo::Point>& geometry_wgs84) {
    const auto get = [&](const std::string& key) -> std::string {
        const auto it = raw.values.find(key);
        return it == raw.values.end() ? std::string() : std::string(trim(it->second));
    };
    const auto bad = [&](const std::string& key, const std::string& message) {
        return Error(ErrorKind::input_value, message, raw.where(key));
    };
    store::Facility f;
    f.source = "list:" + config.source;
    f.source_ref = get("id");
    if (f.source_ref.empty()) {
        throw bad("id", "every record needs an id (column \"id\"), so a later version of the list can update it");
    }
    const auto category = category_of(get("category"));
    if (!category) {
        throw bad("category", "unknown category; use an id or label of docs/facility-taxonomy.md (e.g. \"kita\", \"Supermarkt\")");
    }
    f.category = *category;
    if (!get("name").empty()) {
        f.name = get("name");
    }
    if (geometry_wgs84) {
        f.position = from_wgs84(*geometry_wgs84);
    } else if (!get("lon").empty() || !get("lat").empty()) {
        const auto lon = number_of(get("lon"));
        const auto lat = number_of(get("lat"));
        if (!lon || *lon < -180 || *lon > 180) {
            throw bad("lon", "longitude must be a number between -180 and 180 (WGS84 degrees)");
        }
        if (!lat || *lat < -90 || *lat > 90) {
            throw bad("lat", "latitude must be a number between -90 and 90 (WGS84 degrees)");
        }
        f.position = from_wgs84({*lon, *lat});
    } else if (!get("x").empty() || !get("y").empty()) {
        const auto x = number_of(get("x"));
        const auto y = number_of(get("y"));
        if (!x) {
            throw bad("x", fmt::format("x must be a number (EPSG:{})", config.crs_epsg));
        }
        if (!y) {
            throw bad("y", fmt::format("y must be a number (EPSG:{})", config.crs_epsg));
        }
        f.position = from_xy({*x, *y});
    } else {
        throw bad("id", "the record has no position: give lon/lat (WGS84) or x/y columns");
    }
    if (!get("capacity").empty()) {
        const auto capacity = number_of(get("capacity"));
        if (!capacity || *capacity < 0) {
            throw bad("capacity", "capacity must be a non-negative number (or empty if unknown)");
        }
        f.capacity = *capacity;
        f.capacity_unit = get("capacity_unit").empty() ? std::optional<std::string>() : get("capacity_unit");
    }
    for (const auto* key : {"valid_from", "valid_to"}) {
        if (!get(key).empty()) {
            const auto date = date_of(get(key));
            if (!date) {
                throw bad(key, "dates are written 2021-08-01 or 01.08.2021");
            }
            (std::string(key) == "valid_from" ? f.valid_from : f.valid_to) = *date;
        }
    }
    f.tags = {{"list", config.source}};
    return f;
}

std::vector<RawRecord> read_csv_records(const FacilityListConfig& config) {
    const auto csv = CsvFile::read(config.input);
    std::vector<RawRecord> records;
    const auto& rows = csv.rows();
    std::size_t first = 0;
    while (first < rows.size() && rows[first].blank()) {
        ++first;
    }
    if (first == rows.size()) {
        throw Error(ErrorKind::input_format, "the facility list is empty", {config.input.string()});
    }
    const CsvRow& header = rows[first];
    std::map<std::string, std::size_t> column;
    for (const auto& field : fields()) {
        for (const auto* name : field.names) {
            if (const auto idx = find_column(header, name)) {
                column[field.key] = *idx;
                break;
            }
        }
    }
    for (const auto* required : {"id", "category"}) {
        if (!column.count(required)) {
            throw Error(ErrorKind::input_format,
                        fmt::format("the header has no column \"{}\" (see docs/facility-lists.md)", required),
                        {config.input.string(), header.line, 0});
        }
    }
    for (std::size_t r = first + 1; r < rows.size(); ++r) {
        const CsvRow& row = rows[r];
        if (row.blank()) {
            continue;
        }
        RawRecord record;
        record.record = {config.input.string(), row.line, 0};
        for (const auto& [key, idx] : column) {
            record.values[key] = std::string(row.cell(idx));
            record.locations[key] = csv.where(row, idx);
        }
        records.push_back(std::move(record));
    }
    return records;
}

} // namespace

std::vector<store::Facility> read_facility_list(const FacilityListConfig& config) {
    if (!std::filesystem::exists(config.input)) {
        throw Error(ErrorKind::not_found, "facility list does not exist", {config.input.string()});
    }
    if (config.source.empty()) {
        throw Error(ErrorKind::usage, "name the list's keeper with --source (e.g. \"Stadt Lauf\")");
    }
    const geo::Transformer from_wgs84(geo::epsg_wgs84, geo::epsg_utm32);
    const geo::Transformer from_xy(config.crs_epsg, geo::epsg_utm32);
    std::vector<store::Facility> out;
    std::set<std::string> ids;
    const auto add = [&](const RawRecord& raw, const std::optional<geo::Point>& geometry) {
        auto f = to_facility(raw, config, from_wgs84, from_xy, geometry);
        if (!ids.insert(f.source_ref).second) {
            throw Error(ErrorKind::input_value, "the id appears twice in the list", raw.where("id"));
        }
        out.push_back(std::move(f));
    };

    const std::string ext = to_lower_ascii(config.input.extension().string());
    if (ext == ".csv" || ext == ".txt") {
        const auto records = read_csv_records(config);
        for (const auto& r : records) {
            add(r, std::nullopt);
        }
        return out;
    }
    if (ext != ".geojson" && ext != ".json") {
        throw Error(ErrorKind::input_format, "facility lists are read from .csv or .geojson files",
                    {config.input.string()});
    }
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(config.input.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds || ds->GetLayerCount() < 1) {
        throw Error(ErrorKind::input_format, "not a GeoJSON file GDAL can read", {config.input.string()});
    }
    OGRLayer& layer = *ds->GetLayer(0);
    std::optional<geo::Transformer> to_wgs84;
    if (const auto* srs = layer.GetSpatialRef(); srs != nullptr) {
        OGRSpatialReference copy(*srs);
        copy.AutoIdentifyEPSG();
        const char* code = copy.GetAuthorityCode(nullptr);
        if (code != nullptr && std::stoi(code) != geo::epsg_wgs84) {
            to_wgs84.emplace(std::stoi(code), geo::epsg_wgs84);
        }
    }
    std::uint64_t index = 0;
    for (auto& feature : layer) {
        ++index;
        RawRecord raw;
        const OGRFeatureDefn* definition = feature->GetDefnRef();
        for (int i = 0; i < definition->GetFieldCount(); ++i) {
            const std::string name = to_lower_ascii(definition->GetFieldDefn(i)->GetNameRef());
            for (const auto& field : fields()) {
                for (const auto* alias : field.names) {
                    if (name == alias && feature->IsFieldSetAndNotNull(i)) {
                        raw.values[field.key] = feature->GetFieldAsString(i);
                    }
                }
            }
        }
        const std::string file = config.input.string();
        raw.record = {file, index, 0}; // GeoJSON: "line" is the feature number
        for (const auto& [key, value] : raw.values) {
            raw.locations[key] = {file, index, 0, value};
        }
        const OGRGeometry* g = feature->GetGeometryRef();
        if (g == nullptr || wkbFlatten(g->getGeometryType()) != wkbPoint) {
            throw Error(ErrorKind::input_value, "every feature needs a point geometry (feature number as line)",
                        {file, index, 0});
        }
        geo::Point p{g->toPoint()->getX(), g->toPoint()->getY()};
        if (to_wgs84) {
            p = (*to_wgs84)(p);
        }
        add(raw, p);
    }
    return out;
}

std::vector<MergeDecision> plan_merge(const std::vector<store::Facility>& list,
                                      const std::vector<store::Facility>& existing_open,
                                      const FacilityListConfig& config) {
    std::vector<MergeDecision> decisions;
    const std::string source = "list:" + config.source;
    std::set<std::string> in_list;
    std::set<std::size_t> taken; // an OSM facility merges with one record at most
    for (const auto& record : list) {
        in_list.insert(record.source_ref);
        MergeDecision d{record.source_ref, "inserted", std::nullopt, std::nullopt};
        bool known = false;
        for (const auto& e : existing_open) {
            if (e.source == source && e.source_ref == record.source_ref) {
                d.action = "updated";
                known = true;
                break;
            }
        }
        if (!known) {
            std::optional<std::size_t> best;
            double best_distance = config.merge_distance_m;
            for (std::size_t i = 0; i < existing_open.size(); ++i) {
                const auto& e = existing_open[i];
                if (e.source != "osm" || e.category != record.category || taken.count(i)) {
                    continue;
                }
                const double distance = std::hypot(e.position.x - record.position.x, e.position.y - record.position.y);
                if (distance <= best_distance) {
                    best = i;
                    best_distance = distance;
                }
            }
            if (best) {
                taken.insert(*best);
                d.action = "merged";
                d.osm_ref = existing_open[*best].source_ref;
                d.distance_m = best_distance;
            }
        }
        decisions.push_back(std::move(d));
    }
    for (const auto& e : existing_open) {
        if (e.source == source && !in_list.count(e.source_ref)) {
            decisions.push_back({e.source_ref, "closed", std::nullopt, std::nullopt});
        }
    }
    return decisions;
}

ImportReport import_facility_list(store::Workspace& workspace, const FacilityListConfig& config) {
    auto list = read_facility_list(config);
    const std::string data_date = config.data_date.value_or(store::now_utc_iso8601().substr(0, 10));
    auto& db = workspace.db();
    const auto existing = store::read_facilities(db, true);
    const auto decisions = plan_merge(list, existing, config);

    // Municipality of each record, where boundaries exist.
    const auto municipalities = store::read_municipalities(db, true);
    geo::PolygonIndex index;
    for (std::uint32_t m = 0; m < municipalities.size(); ++m) {
        if (municipalities[m].geometry) {
            index.add(m, *municipalities[m].geometry);
        }
    }
    std::size_t outside = 0;
    for (auto& f : list) {
        const auto m = index.size() > 0 ? index.locate(f.position) : std::nullopt;
        if (m) {
            f.ags = municipalities[*m].ags;
        } else {
            ++outside;
        }
    }

    store::ImportRecord record;
    record.kind = "facility-list";
    store::describe_source(record, config.input);
    record.title = "Facility list of " + config.source;
    record.licence = "as agreed with " + config.source;
    record.attribution = config.source;
    record.data_date = data_date;
    std::map<std::string, int> counts;
    nlohmann::json merges = nlohmann::json::array();
    for (const auto& d : decisions) {
        ++counts[d.action];
        if (d.action == "merged") {
            merges.push_back({{"list_id", d.list_ref}, {"osm", *d.osm_ref}, {"distance_m", std::round(*d.distance_m * 10) / 10}});
        }
    }
    record.summary = {{"records", list.size()}, {"actions", counts}, {"merges", merges}, {"outside_region", outside}};

    const std::string source = "list:" + config.source;
    store::Transaction tx(db);
    const auto import_id = store::insert_import(db, record);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& d = decisions[i];
        auto& f = list[i];
        if (d.action == "inserted") {
            store::insert_facility(db, f, import_id);
            continue;
        }
        for (const auto& e : existing) {
            const bool target = d.action == "updated" ? (e.source == source && e.source_ref == f.source_ref)
                                                      : (e.source == "osm" && e.source_ref == *d.osm_ref && e.category == f.category);
            if (target) {
                f.merged_ref = d.action == "merged" ? d.osm_ref : e.merged_ref;
                store::update_facility_from_list(db, e.fid, f, import_id);
                break;
            }
        }
    }
    for (const auto& d : decisions) {
        if (d.action != "closed") {
            continue;
        }
        for (const auto& e : existing) {
            if (e.source == source && e.source_ref == d.list_ref) {
                store::close_facility(db, e.fid, data_date);
            }
        }
    }
    store::refresh_contents(db, "facilities");
    tx.commit();

    ImportReport report;
    report.title = fmt::format("Facility list of {} imported", config.source);
    report.add("records", std::to_string(list.size()));
    for (const auto* action : {"inserted", "merged", "updated", "closed"}) {
        report.add(action, std::to_string(counts[action]));
    }
    for (const auto& m : merges) {
        report.add("  merged " + m["list_id"].get<std::string>(),
                   fmt::format("with OSM {} ({:.1f} m apart)", m["osm"].get<std::string>(), m["distance_m"].get<double>()));
    }
    if (outside > 0) {
        report.warnings.push_back(fmt::format("{} records lie outside the region's municipalities", outside));
    }
    report.summary = record.summary;
    return report;
}

} // namespace lw::import
