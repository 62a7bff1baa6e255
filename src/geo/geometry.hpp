#pragma once
// Plain geometry types in projected or geographic coordinates. Polygons keep all their rings in
// one flat point array (ring_begin marks where each ring starts; ring 0 is the outer ring).

#include <cstdint>
#include <vector>

namespace lw::geo {

struct Point {
    double x = 0.0; // easting or longitude
    double y = 0.0; // northing or latitude
    bool operator==(const Point&) const = default;
};

struct Box {
    double min_x = 0.0, min_y = 0.0, max_x = 0.0, max_y = 0.0;
    bool valid = false;

    void extend(Point p);
    void extend(const Box& other);
    bool contains(Point p) const {
        return valid && p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
    }
};

using LineString = std::vector<Point>;

struct Polygon {
    std::vector<Point> points;
    std::vector<std::uint32_t> ring_begin; // index into points of each ring's first point

    std::size_t ring_count() const { return ring_begin.size(); }
    std::uint32_t ring_end(std::size_t ring) const {
        return ring + 1 < ring_begin.size() ? ring_begin[ring + 1]
                                            : static_cast<std::uint32_t>(points.size());
    }
    void add_ring(const std::vector<Point>& ring);
};

struct MultiPolygon {
    std::vector<Polygon> parts;
};

// Area in squared CRS units (m² in a metric CRS); holes subtract. Rings may wind either way.
double area(const Polygon& polygon);
double area(const MultiPolygon& multi);

// Area-weighted centroid; falls back to the mean of the outer ring for degenerate polygons.
Point centroid(const MultiPolygon& multi);

Box bounds(const MultiPolygon& multi);
Box bounds(const LineString& line);

double length(const LineString& line);

} // namespace lw::geo
