#include "import/osm/reader.hpp"

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/text.hpp"
#include "import/osm/detail/area_geometry.hpp"
#include "import/osm/detail/tags.hpp"
#include "import/osm/facilities.hpp"
#include "import/osm/road_rules.hpp"
#include "import/osm/taxonomy.hpp"

#include <fmt/format.h>
// GCC 12 reports a false -Wstringop-overread inside libosmium's area builder (inlined strlen of
// the empty user name); the pragma applies to the header's lines only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstringop-overread"
#include <osmium/area/assembler.hpp>
#include <osmium/area/multipolygon_manager.hpp>
#pragma GCC diagnostic pop
#include <osmium/handler.hpp>
#include <osmium/handler/check_order.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/io/xml_input.hpp>
#include <osmium/osm/timestamp.hpp>
#include <osmium/visitor.hpp>

#include <algorithm>
#include <system_error>
#include <tuple>
#include <unordered_set>

namespace lw::import::osm {

namespace {

// FlexMem switches between a sparse and a dense array by the id distribution, so both a small
// extract and a whole Land fit.
using LocationIndex =
    osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
using LocationHandler = osmium::handler::NodeLocationsForWays<LocationIndex>;

std::string source_ref(char type, osmium::object_id_type id) {
    return fmt::format("{}{}", type, id);
}

bool is_admin_boundary(const osmium::TagList& tags) {
    return detail::tag_value(tags, "boundary") == "administrative";
}

bool has_building(const osmium::TagList& tags) {
    const auto value = detail::tag_value(tags, "building");
    return !value.empty() && value != "no";
}

// The tags for which the multipolygon manager assembles areas: buildings, the zones of the
// residential rules, facility areas and administrative boundaries.
osmium::TagsFilter area_filter() {
    osmium::TagsFilter filter{false};
    filter.add_rule(false, "building", "no");
    for (const char* key : {"building", "landuse", "amenity", "shop", "healthcare", "leisure",
                            "aeroway", "power", "man_made"}) {
        filter.add_rule(true, key);
    }
    filter.add_rule(true, "boundary", "administrative");
    return filter;
}

// The 8-digit AGS from de:amtlicher_gemeindeschluessel, else from the 12-digit Regionalschlüssel
// (Land 2, Regierungsbezirk 1, Kreis 2, Gemeindeverband 4, Gemeinde 3).
std::optional<std::string> admin_key(const osmium::TagList& tags) {
    const auto ags = trim(detail::tag_value(tags, "de:amtlicher_gemeindeschluessel"));
    if (!ags.empty()) {
        return std::string(ags);
    }
    const auto rs = trim(detail::tag_value(tags, "de:regionalschluessel"));
    if (rs.size() == 12) {
        return std::string(rs.substr(0, 5)) + std::string(rs.substr(9, 3));
    }
    if (!rs.empty() && rs.size() <= 5) {
        return std::string(rs);
    }
    return std::nullopt;
}

struct Shared {
    const geo::Transformer* to_utm = nullptr;
    OsmStats* stats = nullptr;
    osmium::Timestamp newest{};

    void saw(const osmium::OSMObject& object) {
        if (object.timestamp().valid() && newest < object.timestamp()) {
            newest = object.timestamp();
        }
    }
};

// Pass 1: counts relations and remembers which ones should come out as areas.
class RelationPass : public osmium::handler::Handler {
public:
    explicit RelationPass(Shared& shared) : m_shared(&shared) {}

    void relation(const osmium::Relation& relation) {
        ++m_shared->stats->relations;
        m_shared->saw(relation);
        const auto& tags = relation.tags();
        const auto type = detail::tag_value(tags, "type");
        if (type != "multipolygon" && type != "boundary") {
            return;
        }
        if (is_admin_boundary(tags)) {
            ++m_shared->stats->admin_relations;
            admin_names[relation.id()] = std::string(detail::tag_value(tags, "name"));
        }
        if (type == "multipolygon" && has_building(tags)) {
            ++m_shared->stats->building_relations;
            building_relations.insert(relation.id());
        }
        if (type == "multipolygon" && !classify(tags).empty()) {
            facility_relations.insert(relation.id());
        }
    }

    std::map<osmium::object_id_type, std::string> admin_names;
    std::unordered_set<osmium::object_id_type> building_relations;
    std::unordered_set<osmium::object_id_type> facility_relations;

private:
    Shared* m_shared;
};

// Pass 2, nodes and ways (with locations): network ways, facilities, counts.
class ObjectPass : public osmium::handler::Handler {
public:
    ObjectPass(Shared& shared, NetworkBuilder& network, std::vector<store::Facility>& facilities)
        : m_shared(&shared), m_network(&network), m_facilities(&facilities) {}

    void node(const osmium::Node& node) {
        ++m_shared->stats->nodes;
        m_shared->saw(node);
        if (node.tags().empty() || !node.location().valid() || classify(node.tags()).empty()) {
            return;
        }
        add_facilities_of(node.tags(), source_ref('n', node.id()),
                          geo::LineString{{node.location().lon(), node.location().lat()}}, false);
    }

    void way(const osmium::Way& way) {
        auto& stats = *m_shared->stats;
        ++stats.ways;
        m_shared->saw(way);
        const auto& tags = way.tags();
        std::uint64_t missing = 0;
        for (const osmium::NodeRef& ref : way.nodes()) {
            missing += ref.location().valid() ? 0 : 1;
        }
        stats.missing_node_refs += missing;
        stats.ways_with_missing_nodes += missing > 0 ? 1 : 0;

        if (const auto highway = detail::tag_value(tags, "highway"); !highway.empty()) {
            stats.highway_ways_with_missing_nodes += missing > 0 ? 1 : 0;
            if (auto road = road_attributes(tags)) {
                m_network->add_way(way, std::move(*road));
            } else {
                const bool area = detail::tag_value(tags, "area") == "yes";
                ++stats.highway_skipped[area ? "area=yes" : fmt::format("highway={}", highway)];
            }
        }
        if (has_building(tags)) {
            ++stats.building_ways;
            stats.building_ways_with_missing_nodes += missing > 0 ? 1 : 0;
            if (!way.is_closed()) {
                ++stats.buildings_not_closed;
            } else if (missing > 0) {
                ++stats.buildings_missing_nodes;
            } else if (way.nodes().size() <= 3) {
                ++stats.buildings_invalid_geometry;
            }
        }
        if (!tags.empty() && !classify(tags).empty()) {
            add_facilities_of(tags, source_ref('w', way.id()), detail::present_lonlat(way.nodes()),
                              way.is_closed() && missing == 0);
        }
    }

private:
    // For objects classify() accepts. Position: the node itself, the centroid of a closed way,
    // else the mean of the present nodes.
    void add_facilities_of(const osmium::TagList& tags, const std::string& ref,
                           geo::LineString lonlat, bool closed) {
        auto& stats = *m_shared->stats;
        if (lonlat.empty()) {
            ++stats.facilities_without_position;
            return;
        }
        m_shared->to_utm->transform(lonlat);
        geo::Point position;
        if (closed && lonlat.size() >= 4) {
            geo::Polygon polygon;
            lonlat.pop_back(); // rings are stored open
            polygon.add_ring(lonlat);
            position = geo::centroid(geo::MultiPolygon{{std::move(polygon)}});
        } else {
            double sx = 0.0, sy = 0.0;
            for (const auto& p : lonlat) {
                sx += p.x;
                sy += p.y;
            }
            const auto n = static_cast<double>(lonlat.size());
            position = {sx / n, sy / n};
        }
        add_facilities(*m_facilities, tags, ref, position);
    }

    Shared* m_shared;
    NetworkBuilder* m_network;
    std::vector<store::Facility>* m_facilities;
};

// Pass 2, assembled areas: buildings, zones, admin areas, facilities of multipolygon relations.
class AreaPass : public osmium::handler::Handler {
public:
    AreaPass(Shared& shared, BuildingCollector& buildings, std::vector<store::Facility>& facilities,
             std::vector<store::AdminArea>& admin_areas)
        : m_shared(&shared), m_buildings(&buildings), m_facilities(&facilities),
          m_admin_areas(&admin_areas) {}

    void area(const osmium::Area& area) {
        const auto& tags = area.tags();
        const bool empty = area.num_rings().first == 0;
        if (has_building(tags)) {
            if (empty) {
                ++m_shared->stats->buildings_invalid_geometry;
            }
            if (!area.from_way()) {
                assembled_building_relations.insert(area.orig_id());
            }
        }
        if (empty) {
            return;
        }
        m_buildings->add_area(area);
        if (area.from_way()) {
            return; // facilities of ways come from the way itself (ObjectPass)
        }
        if (is_admin_boundary(tags)) {
            add_admin_area(area);
        }
        if (!classify(tags).empty()) {
            auto geometry = detail::lonlat_multipolygon(area);
            m_shared->to_utm->transform(geometry);
            add_facilities(*m_facilities, tags, source_ref('r', area.orig_id()),
                           geo::centroid(geometry));
            assembled_facility_relations.insert(area.orig_id());
        }
    }

    std::unordered_set<osmium::object_id_type> assembled_building_relations;
    std::unordered_set<osmium::object_id_type> assembled_admin_relations;
    std::unordered_set<osmium::object_id_type> assembled_facility_relations;

private:
    void add_admin_area(const osmium::Area& area) {
        const auto& tags = area.tags();
        const auto level = parse_integer(detail::tag_value(tags, "admin_level"));
        if (!level) {
            return;
        }
        store::AdminArea admin;
        admin.osm_id = area.orig_id();
        admin.admin_level = static_cast<int>(*level);
        if (const auto name = detail::tag_value(tags, "name"); !name.empty()) {
            admin.name = std::string(name);
        }
        admin.ags = admin_key(tags);
        admin.geometry = detail::lonlat_multipolygon(area);
        m_shared->to_utm->transform(admin.geometry);
        m_admin_areas->push_back(std::move(admin));
        assembled_admin_relations.insert(area.orig_id());
    }

    Shared* m_shared;
    BuildingCollector* m_buildings;
    std::vector<store::Facility>* m_facilities;
    std::vector<store::AdminArea>* m_admin_areas;
};

OsmExtract read_file(const OsmConfig& config) {
    const osmium::io::File file{config.input.string()};
    const geo::Transformer to_utm(geo::epsg_wgs84, geo::epsg_utm32);
    OsmExtract extract;
    Shared shared{&to_utm, &extract.stats};

    osmium::area::Assembler::config_type assembler_config;
    osmium::area::MultipolygonManager<osmium::area::Assembler> mp_manager{assembler_config,
                                                                          area_filter()};
    const std::uint64_t file_size = std::filesystem::file_size(config.input);
    extract.stats.bytes = file_size;
    Progress progress("Reading OSM (relations)", 2 * file_size);

    RelationPass relation_pass(shared);
    {
        osmium::io::Reader reader{file, osmium::osm_entity_bits::relation};
        while (osmium::memory::Buffer buffer = reader.read()) {
            osmium::apply(buffer, relation_pass, mp_manager);
            progress.update(reader.offset());
        }
        reader.close();
    }
    mp_manager.prepare_for_lookup();

    progress.set_label("Reading OSM (nodes, ways)");
    LocationIndex index;
    LocationHandler locations{index};
    locations.ignore_errors(); // bbox extracts miss nodes; ways are split there (NetworkBuilder)
    NetworkBuilder network;
    BuildingCollector buildings(to_utm,
                                {config.default_levels, config.min_residential_footprint_m2});
    ObjectPass object_pass(shared, network, extract.facilities);
    AreaPass area_pass(shared, buildings, extract.facilities, extract.admin_areas);
    {
        osmium::io::Reader reader{file,
                                  osmium::osm_entity_bits::node | osmium::osm_entity_bits::way};
        const std::string replication = reader.header().get("osmosis_replication_timestamp");
        if (!replication.empty()) {
            extract.stats.replication_timestamp = replication;
        }
        auto mp_handler = mp_manager.handler(
            [&](osmium::memory::Buffer&& areas) { osmium::apply(areas, area_pass); });
        while (osmium::memory::Buffer buffer = reader.read()) {
            osmium::apply(buffer, locations, object_pass, mp_handler);
            progress.update(file_size + reader.offset());
        }
        reader.close();
    }
    progress.finish();

    if (extract.stats.nodes == 0) {
        throw Error(ErrorKind::input_format, "the file contains no OSM nodes",
                    {config.input.string()});
    }

    // Relations cut by the bbox: members missing (never assembled) or nodes missing (assembly
    // refused). Both are counted, neither becomes an area.
    std::unordered_set<osmium::object_id_type> incomplete;
    mp_manager.for_each_incomplete_relation(
        [&](const osmium::relations::RelationHandle& handle) { incomplete.insert(handle->id()); });
    auto& stats = extract.stats;
    for (const auto id : relation_pass.building_relations) {
        if (area_pass.assembled_building_relations.count(id) > 0) {
            continue;
        }
        ++(incomplete.count(id) > 0 ? stats.buildings_incomplete_relations
                                    : stats.buildings_missing_nodes);
    }
    for (const auto id : relation_pass.facility_relations) {
        stats.facilities_without_position +=
            area_pass.assembled_facility_relations.count(id) == 0 ? 1 : 0;
    }
    for (const auto& [id, name] : relation_pass.admin_names) {
        if (area_pass.assembled_admin_relations.count(id) == 0) {
            ++stats.admin_incomplete;
            stats.admin_incomplete_names.push_back(name.empty() ? source_ref('r', id) : name);
        }
    }

    stats.bus_stops_merged = drop_duplicate_bus_stops(extract.facilities);
    std::unordered_set<std::string> objects;
    for (const auto& f : extract.facilities) {
        ++stats.facilities_by_category[f.category];
        objects.insert(f.source_ref);
    }
    stats.facility_objects = objects.size();

    extract.network = network.build(to_utm);
    stats.network = network.stats();
    extract.buildings = buildings.finish();
    stats.buildings = buildings.stats();
    std::sort(extract.admin_areas.begin(), extract.admin_areas.end(),
              [](const auto& a, const auto& b) {
                  return std::tie(a.admin_level, a.osm_id) < std::tie(b.admin_level, b.osm_id);
              });

    if (shared.newest.valid()) {
        stats.newest_object_timestamp = shared.newest.to_iso();
    }
    const auto& date_source =
        stats.replication_timestamp ? stats.replication_timestamp : stats.newest_object_timestamp;
    if (date_source && date_source->size() >= 10) {
        extract.data_date = date_source->substr(0, 10);
    }
    return extract;
}

} // namespace

OsmExtract read_osm(const OsmConfig& config) {
    const std::string name = config.input.string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(config.input, ec)) {
        throw Error(ErrorKind::not_found, "no such OSM file", {name});
    }
    try {
        return read_file(config);
    } catch (const osmium::xml_error& e) {
        throw Error(ErrorKind::input_format,
                    fmt::format("not a valid OSM XML file: {}", e.error_string),
                    {name, e.line, e.column});
    } catch (const osmium::io_error& e) {
        // pbf_error, gzip_error, bzip2_error, unsupported_file_format_error, ...
        throw Error(ErrorKind::input_format,
                    fmt::format("cannot read as OSM data (.osm, .osm.gz, .osm.bz2, .osm.pbf): {}",
                                e.what()),
                    {name});
    } catch (const osmium::out_of_order_error& e) {
        // The relation manager needs OSM's usual order: nodes, ways, relations, each by id.
        throw Error(
            ErrorKind::input_format,
            fmt::format("{}; the file must be sorted by type and id (osmium sort)", e.what()),
            {name});
    } catch (const std::system_error& e) {
        throw Error(ErrorKind::io, fmt::format("reading failed: {}", e.what()), {name});
    }
}

} // namespace lw::import::osm
