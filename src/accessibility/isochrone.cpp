#include "accessibility/isochrone.hpp"

#include "core/error.hpp"
#include "geo/buffer.hpp"
#include "geo/crs.hpp"
#include "geo/gpkg_blob.hpp"
#include "routing/dijkstra.hpp"
#include "store/gpkg.hpp"

#include <fmt/format.h>

#include <cmath>

namespace lw::accessibility {

namespace {

// The first `part_m` metres of a line (walked from its start).
geo::LineString prefix(const geo::LineString& line, double part_m) {
    geo::LineString out{line.front()};
    double walked = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const double seg = std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
        if (walked + seg >= part_m) {
            const double t = seg > 0 ? (part_m - walked) / seg : 0.0;
            out.push_back({line[i - 1].x + t * (line[i].x - line[i - 1].x), line[i - 1].y + t * (line[i].y - line[i - 1].y)});
            return out;
        }
        walked += seg;
        out.push_back(line[i]);
    }
    return out;
}

} // namespace

std::vector<geo::LineString> reachable_streets(const ProfileNetwork& net, const graph::Anchors& anchors,
                                               Direction direction, std::uint32_t seconds) {
    const auto& g = net.graph();
    // From a point: search forward; towards a point: search the reverse graph.
    const graph::Csr& search_graph = direction == Direction::from_point ? g.forward : net.reverse();
    routing::Dijkstra q(search_graph);
    q.reset().set_bound(seconds);
    for (const auto& a : anchors.span()) {
        q.add_source(a.node, a.seconds);
    }
    q.run();
    std::vector<geo::LineString> lines;
    // Walk every forward arc u->v; in the search it is traversed from u (from_point) or from v.
    for (graph::NodeId u = 0; u < g.node_count(); ++u) {
        for (auto a = g.forward.begin(u); a < g.forward.end(u); ++a) {
            const graph::NodeId v = g.forward.head[a];
            const graph::NodeId start = direction == Direction::from_point ? u : v;
            if (!q.reached(start) || q.distance(start) > seconds) {
                continue;
            }
            const double budget = static_cast<double>(seconds - q.distance(start));
            const double fraction = std::min(1.0, budget / std::max<double>(1.0, g.forward.weight[a]));
            auto line = net.network().edges[g.arc_edge[a]].geometry;
            // Orient the geometry so it starts at the node the search came from.
            const bool line_starts_at_u = g.arc_reversed[a] == 0;
            if (line_starts_at_u != (start == u)) {
                std::reverse(line.begin(), line.end());
            }
            lines.push_back(prefix(line, fraction * geo::length(line)));
        }
    }
    return lines;
}

Report run_isochrones(store::Workspace& workspace, const IsochroneConfig& config) {
    auto& db = workspace.db();
    const graph::Profile* profile = graph::find_profile(config.profile);
    if (profile == nullptr) {
        throw Error(ErrorKind::usage, fmt::format("unknown profile \"{}\"", config.profile));
    }
    if (config.facility_fid.has_value() == config.point_wgs84.has_value()) {
        throw Error(ErrorKind::usage, "give either --facility FID or --point LON,LAT");
    }
    const store::Network network = store::read_network(db);
    if (network.edges.empty()) {
        throw Error(ErrorKind::workspace, "the workspace has no road network; run `lebenswert import osm` first");
    }
    const ProfileNetwork net(network, *profile);
    geo::Point position;
    std::string origin;
    Direction direction = Direction::from_point;
    if (config.facility_fid) {
        bool found = false;
        for (const auto& f : store::read_facilities(db, true)) {
            if (f.fid == *config.facility_fid) {
                position = f.position;
                origin = fmt::format("facility {} ({}{})", f.fid, f.category, f.name ? ", " + *f.name : "");
                found = true;
            }
        }
        if (!found) {
            throw Error(ErrorKind::usage, fmt::format("no open facility has fid {}", *config.facility_fid));
        }
        direction = Direction::to_point;
    } else {
        position = geo::Transformer(geo::epsg_wgs84, geo::epsg_utm32)(*config.point_wgs84);
        origin = fmt::format("point {:.6f},{:.6f}", config.point_wgs84->x, config.point_wgs84->y);
    }
    const auto snap = net.index().snap(position, config.max_snap_m);
    if (!snap) {
        throw Error(ErrorKind::input_value, fmt::format("{} lies more than {:g} m from the {} network", origin,
                                                        config.max_snap_m, config.profile));
    }
    const auto anchors = direction == Direction::to_point ? net.index().destination_anchors(*snap)
                                                          : net.index().origin_anchors(*snap);
    const std::string label = config.label.empty() ? origin : config.label;
    Report report;
    report.title = fmt::format("Isochrones {} {} ({})", direction == Direction::to_point ? "towards" : "from", origin,
                               config.profile);
    store::Transaction tx(db);
    store::Statement insert(db, "INSERT INTO isochrones (geom, label, profile, minutes, origin, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto minutes : config.minutes) {
        const auto lines = reachable_streets(net, anchors, direction, minutes * 60);
        const auto area = geo::buffer_lines(lines, config.buffer_m, 5.0);
        if (area.parts.empty()) {
            continue;
        }
        insert.bind(1, geo::encode_gpkg(area, geo::epsg_utm32)).bind(2, label).bind(3, config.profile);
        insert.bind(4, static_cast<std::int64_t>(minutes)).bind(5, origin).bind(6, store::now_utc_iso8601());
        insert.run();
        report.add(fmt::format("{} min", minutes), fmt::format("{:.2f} km² ({} street pieces)", geo::area(area) / 1e6, lines.size()));
    }
    store::refresh_contents(db, "isochrones");
    tx.commit();
    report.add("layer", "isochrones");
    return report;
}

} // namespace lw::accessibility
