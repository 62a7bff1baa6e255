#pragma once
// Areas around lines (GEOS): the isochrone polygon is the area within a distance of the reachable
// streets, simplified for maps.

#include "geo/geometry.hpp"

#include <vector>

namespace lw::geo {

// Union of the buffers of all lines (round caps, 8 segments per quarter circle), simplified with
// the given tolerance (topology kept). Empty input gives an empty result.
MultiPolygon buffer_lines(const std::vector<LineString>& lines, double radius, double simplify_tolerance);

} // namespace lw::geo
