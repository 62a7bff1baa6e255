#include "import/osm/detail/area_geometry.hpp"

#include <osmium/osm/area.hpp>
#include <osmium/osm/way.hpp>

namespace lw::import::osm::detail {

namespace {

std::vector<geo::Point> open_ring(const osmium::NodeRefList& ring) {
    std::vector<geo::Point> points;
    points.reserve(ring.size());
    for (const osmium::NodeRef& ref : ring) {
        points.push_back({ref.location().lon(), ref.location().lat()});
    }
    if (points.size() > 1 && points.front() == points.back()) {
        points.pop_back();
    }
    return points;
}

} // namespace

geo::MultiPolygon lonlat_multipolygon(const osmium::Area& area) {
    geo::MultiPolygon multi;
    for (const osmium::OuterRing& outer : area.outer_rings()) {
        geo::Polygon polygon;
        polygon.add_ring(open_ring(outer));
        for (const osmium::InnerRing& inner : area.inner_rings(outer)) {
            polygon.add_ring(open_ring(inner));
        }
        multi.parts.push_back(std::move(polygon));
    }
    return multi;
}

geo::LineString present_lonlat(const osmium::WayNodeList& nodes) {
    geo::LineString points;
    points.reserve(nodes.size());
    for (const osmium::NodeRef& ref : nodes) {
        if (ref.location().valid()) {
            points.push_back({ref.location().lon(), ref.location().lat()});
        }
    }
    return points;
}

} // namespace lw::import::osm::detail
