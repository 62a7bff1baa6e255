#pragma once
// osmium areas and ways as lebenswert geometries (lon/lat, rings stored open as in geo::Polygon).

#include "geo/geometry.hpp"

#include <optional>

namespace osmium {
class Area;
class WayNodeList;
} // namespace osmium

namespace lw::import::osm::detail {

// The area's outer rings with their inner rings; empty if the assembler found no valid rings.
geo::MultiPolygon lonlat_multipolygon(const osmium::Area& area);

// The present nodes of a way in lon/lat (nodes missing from the extract are left out).
geo::LineString present_lonlat(const osmium::WayNodeList& nodes);

} // namespace lw::import::osm::detail
