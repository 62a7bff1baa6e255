#include "geo/geometry.hpp"

#include <algorithm>
#include <cmath>

namespace lw::geo {

void Box::extend(Point p) {
    if (!valid) {
        min_x = max_x = p.x;
        min_y = max_y = p.y;
        valid = true;
        return;
    }
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
}

void Box::extend(const Box& other) {
    if (!other.valid) {
        return;
    }
    extend(Point{other.min_x, other.min_y});
    extend(Point{other.max_x, other.max_y});
}

void Polygon::add_ring(const std::vector<Point>& ring) {
    ring_begin.push_back(static_cast<std::uint32_t>(points.size()));
    points.insert(points.end(), ring.begin(), ring.end());
}

namespace {

// Shoelace sum over one ring, relative to the ring's first point for numerical stability with
// large UTM coordinates. Returns twice the signed area and accumulates the centroid moments.
double ring_moments(const Polygon& polygon, std::size_t ring, double& cx, double& cy) {
    const std::uint32_t begin = polygon.ring_begin[ring];
    const std::uint32_t end = polygon.ring_end(ring);
    if (end - begin < 3) {
        return 0.0;
    }
    const Point origin = polygon.points[begin];
    double twice_area = 0.0;
    for (std::uint32_t i = begin; i < end; ++i) {
        const Point a = polygon.points[i];
        const Point b = polygon.points[i + 1 < end ? i + 1 : begin];
        const double ax = a.x - origin.x, ay = a.y - origin.y;
        const double bx = b.x - origin.x, by = b.y - origin.y;
        const double cross = ax * by - bx * ay;
        twice_area += cross;
        cx += (ax + bx) * cross;
        cy += (ay + by) * cross;
    }
    // Move the moments back to absolute coordinates: sum((a+b)*cross) relative to origin plus
    // origin * 3 * twice_area gives the absolute moment (centroid = moment / (3 * twice_area)).
    cx += origin.x * 3.0 * twice_area;
    cy += origin.y * 3.0 * twice_area;
    return twice_area;
}

} // namespace

double area(const Polygon& polygon) {
    double total = 0.0;
    for (std::size_t ring = 0; ring < polygon.ring_count(); ++ring) {
        double cx = 0.0, cy = 0.0;
        const double a = std::abs(ring_moments(polygon, ring, cx, cy)) / 2.0;
        total += ring == 0 ? a : -a;
    }
    return std::max(0.0, total);
}

double area(const MultiPolygon& multi) {
    double total = 0.0;
    for (const auto& part : multi.parts) {
        total += area(part);
    }
    return total;
}

Point centroid(const MultiPolygon& multi) {
    double moment_x = 0.0, moment_y = 0.0, weight = 0.0;
    for (const auto& part : multi.parts) {
        for (std::size_t ring = 0; ring < part.ring_count(); ++ring) {
            double cx = 0.0, cy = 0.0;
            const double twice = ring_moments(part, ring, cx, cy);
            // Orient every ring by its role: outer rings count positive, holes negative.
            const double sign = (ring == 0) == (twice >= 0.0) ? 1.0 : -1.0;
            moment_x += sign * cx;
            moment_y += sign * cy;
            weight += sign * twice;
        }
    }
    if (std::abs(weight) > 1e-12) {
        return {moment_x / (3.0 * weight), moment_y / (3.0 * weight)};
    }
    // Degenerate (zero area): mean of the outer ring points.
    double sx = 0.0, sy = 0.0;
    std::size_t n = 0;
    for (const auto& part : multi.parts) {
        for (std::uint32_t i = 0; i < part.ring_end(0) && !part.ring_begin.empty(); ++i) {
            sx += part.points[i].x;
            sy += part.points[i].y;
            ++n;
        }
    }
    return n == 0 ? Point{} : Point{sx / static_cast<double>(n), sy / static_cast<double>(n)};
}

Box bounds(const MultiPolygon& multi) {
    Box box;
    for (const auto& part : multi.parts) {
        for (const Point& p : part.points) {
            box.extend(p);
        }
    }
    return box;
}

Box bounds(const LineString& line) {
    Box box;
    for (const Point& p : line) {
        box.extend(p);
    }
    return box;
}

double length(const LineString& line) {
    double total = 0.0;
    for (std::size_t i = 1; i < line.size(); ++i) {
        total += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y);
    }
    return total;
}

} // namespace lw::geo
