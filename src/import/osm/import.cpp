#include "import/osm/import.hpp"

#include "geo/polygon_index.hpp"
#include "import/osm/facilities.hpp"
#include "import/osm/taxonomy.hpp"
#include "store/imports.hpp"
#include "store/sqlite.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace lw::import::osm {

namespace {

std::string km(double value) {
    return fmt::format("{:.1f} km", value);
}
std::string count(std::uint64_t value) {
    return group_thousands(static_cast<long long>(value));
}

// Municipality of each facility, when the workspace has boundaries.
void assign_ags(store::Database& db, std::vector<store::Facility>& facilities) {
    auto municipalities = store::read_municipalities(db, true);
    geo::PolygonIndex index;
    std::vector<const std::string*> keys;
    for (const auto& m : municipalities) {
        if (m.geometry) {
            index.add(static_cast<std::uint32_t>(keys.size()), *m.geometry);
            keys.push_back(&m.ags);
        }
    }
    if (keys.empty()) {
        return;
    }
    for (auto& f : facilities) {
        if (const auto id = index.locate(f.position)) {
            f.ags = *keys[*id];
        }
    }
}

nlohmann::json summary_of(const OsmStats& s, const store::Network& network,
                          const FacilitySyncPlan& plan) {
    nlohmann::json j;
    j["objects"] = {{"nodes", s.nodes}, {"ways", s.ways}, {"relations", s.relations}};
    j["missing_nodes"] = {{"node_refs", s.missing_node_refs},
                          {"ways", s.ways_with_missing_nodes},
                          {"highway_ways", s.highway_ways_with_missing_nodes},
                          {"building_ways", s.building_ways_with_missing_nodes},
                          {"network_pieces_dropped", s.network.pieces_dropped}};
    j["network"] = {{"nodes", network.nodes.size()},
                    {"edges", network.edges.size()},
                    {"highway_ways", s.network.ways},
                    {"km_total", s.network.km_total},
                    {"km_foot", s.network.km_foot},
                    {"km_bicycle", s.network.km_bicycle},
                    {"km_motor_vehicle", s.network.km_motor_vehicle},
                    {"loops_split", s.network.loops_split},
                    {"zero_length_edges_dropped", s.network.zero_length_edges_dropped},
                    {"highway_skipped", s.highway_skipped}};
    j["buildings"] = {{"assembled", s.buildings.assembled},
                      {"residential", s.buildings.residential},
                      {"levels_assumed", s.buildings.levels_assumed},
                      {"by_rule", s.buildings.by_rule},
                      {"tagged_ways", s.building_ways},
                      {"tagged_relations", s.building_relations},
                      {"missing_nodes", s.buildings_missing_nodes},
                      {"incomplete_relations", s.buildings_incomplete_relations},
                      {"invalid_geometry", s.buildings_invalid_geometry},
                      {"not_closed", s.buildings_not_closed}};
    j["facilities"] = {{"by_category", s.facilities_by_category},
                       {"objects", s.facility_objects},
                       {"without_position", s.facilities_without_position},
                       {"bus_stops_merged", s.bus_stops_merged},
                       {"opened", plan.to_insert.size()},
                       {"updated", plan.to_update.size()},
                       {"unchanged", plan.unchanged},
                       {"closed", plan.to_close.size()},
                       {"skipped_merged", plan.skipped_merged}};
    j["admin_areas"] = {{"relations", s.admin_relations},
                        {"incomplete", s.admin_incomplete},
                        {"incomplete_names", s.admin_incomplete_names}};
    j["timestamps"] = {{"replication", s.replication_timestamp.value_or("")},
                       {"newest_object", s.newest_object_timestamp.value_or("")}};
    return j;
}

} // namespace

ImportReport import_osm(store::Workspace& workspace, const OsmConfig& config) {
    const auto start = std::chrono::steady_clock::now();
    OsmExtract extract = read_osm(config);
    auto& db = workspace.db();
    ImportReport report;
    report.title = "OpenStreetMap import";

    store::Transaction transaction(db);
    const auto imports = store::read_imports(db);
    const bool earlier =
        std::any_of(imports.begin(), imports.end(), [](const auto& r) { return r.kind == "osm"; });
    std::string data_date;
    if (extract.data_date) {
        data_date = *extract.data_date;
    } else {
        data_date = store::now_utc_iso8601().substr(0, 10);
        report.warnings.push_back(fmt::format(
            "the file has no timestamps; facility history uses today's date {}", data_date));
    }
    for (const auto& r : imports) {
        if (r.kind == "osm" && r.data_date && *r.data_date > data_date) {
            report.warnings.push_back(
                fmt::format("this extract ({}) is older than an earlier OSM import ({})", data_date,
                            *r.data_date));
            break;
        }
    }

    if (db.query_int("SELECT count(*) FROM population_placement").value_or(0) > 0) {
        report.warnings.push_back("the buildings were replaced: run `lebenswert distribute` again to place the "
                                  "population on them");
    }
    assign_ags(db, extract.facilities);
    const auto plan = plan_facility_sync(store::read_facilities(db, true),
                                         std::move(extract.facilities), data_date, earlier);
    auto seconds_since_start = [&]() {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    const auto& s = extract.stats;

    store::ImportRecord record;
    record.kind = "osm";
    store::describe_source(record, config.input);
    record.title = fmt::format("OpenStreetMap extract {}", config.input.filename().string());
    record.licence = std::string(osm_licence);
    record.attribution = std::string(osm_attribution);
    record.data_date = data_date;
    // The provenance summary holds facts of the data only (no clock readings), so the same import
    // always records the same summary.
    const double read_seconds = seconds_since_start();
    record.summary = summary_of(s, extract.network, plan);
    const auto import_id = store::insert_import(db, record);

    store::replace_buildings(db, extract.buildings, import_id);
    store::replace_network(db, extract.network);
    store::replace_admin_areas(db, extract.admin_areas);
    for (const auto& f : plan.to_insert) {
        store::insert_facility(db, f, import_id);
    }
    for (const auto& f : plan.to_update) {
        store::update_facility(db, f.fid, f, import_id);
    }
    for (const auto fid : plan.to_close) {
        store::close_facility(db, fid, data_date);
    }
    transaction.commit();

    report.add("File",
               fmt::format("{} ({} bytes)", config.input.filename().string(), count(s.bytes)));
    report.add("Data date", data_date);
    report.add("Objects read", fmt::format("{} nodes, {} ways, {} relations", count(s.nodes),
                                           count(s.ways), count(s.relations)));
    report.add("Missing node refs",
               fmt::format("{} in {} ways ({} highway, {} building); cut by the extract's bbox",
                           count(s.missing_node_refs), count(s.ways_with_missing_nodes),
                           count(s.highway_ways_with_missing_nodes),
                           count(s.building_ways_with_missing_nodes)));
    report.add("Network", fmt::format("{} nodes, {} edges from {} highway ways",
                                      count(extract.network.nodes.size()),
                                      count(extract.network.edges.size()), count(s.network.ways)));
    report.add("Network length",
               fmt::format("{} total; foot {}, bicycle {}, car {}", km(s.network.km_total),
                           km(s.network.km_foot), km(s.network.km_bicycle),
                           km(s.network.km_motor_vehicle)));
    report.add("Network pieces dropped",
               fmt::format("{} (fewer than 2 nodes left after missing nodes)",
                           count(s.network.pieces_dropped)));
    report.add("Buildings",
               fmt::format("{} ({} residential, {} with assumed levels)",
                           count(s.buildings.assembled), count(s.buildings.residential),
                           count(s.buildings.levels_assumed)));
    for (const auto& [rule, n] : s.buildings.by_rule) {
        report.add("  rule " + rule, count(n));
    }
    report.add("Buildings skipped",
               fmt::format("{} missing nodes, {} incomplete relations, {} invalid, {} not closed",
                           count(s.buildings_missing_nodes),
                           count(s.buildings_incomplete_relations),
                           count(s.buildings_invalid_geometry), count(s.buildings_not_closed)));
    std::size_t records = 0;
    for (const auto& [id, n] : s.facilities_by_category) {
        records += n;
    }
    report.add("Facilities",
               fmt::format("{} records from {} objects ({} bus stop platforms merged "
                           "into their stop)",
                           count(records), count(s.facility_objects), count(s.bus_stops_merged)));
    for (const auto& category : facility_categories()) {
        const auto it = s.facilities_by_category.find(std::string(category.id));
        if (it != s.facilities_by_category.end()) {
            report.add(fmt::format("  {}", category.id), count(it->second));
        }
    }
    report.add("Facility history",
               fmt::format("{} opened, {} updated, {} unchanged, {} closed, {} replaced by lists",
                           count(plan.to_insert.size()), count(plan.to_update.size()),
                           count(plan.unchanged), count(plan.to_close.size()),
                           count(plan.skipped_merged)));
    report.add("Admin areas",
               fmt::format("{} complete, {} incomplete (cut by the bbox)",
                           count(extract.admin_areas.size()), count(s.admin_incomplete)));
    report.add("Time", fmt::format("{:.1f} s (read {:.1f} s)", seconds_since_start(),
                                   read_seconds));
    if (s.facilities_without_position > 0) {
        report.warnings.push_back(
            fmt::format("{} facility objects skipped: their nodes or members are not in the file",
                        s.facilities_without_position));
    }
    report.summary = record.summary;
    return report;
}

} // namespace lw::import::osm
