#pragma once
// Which polygon contains a point: municipality of a building, grid cell of a facility. Backed by
// GEOS prepared geometries behind an STR tree; the polygons must share one CRS with the points.

#include "geo/geometry.hpp"

#include <cstdint>
#include <memory>
#include <optional>

namespace lw::geo {

class PolygonIndex {
public:
    PolygonIndex();
    ~PolygonIndex();
    PolygonIndex(const PolygonIndex&) = delete;
    PolygonIndex& operator=(const PolygonIndex&) = delete;

    // Adds a polygon with a caller-chosen id. Call before the first locate().
    void add(std::uint32_t id, const MultiPolygon& multi);

    // The id of a polygon that covers the point (boundary counts as inside); if polygons overlap,
    // the one added first wins. nullopt if none covers it.
    std::optional<std::uint32_t> locate(Point p) const;

    std::size_t size() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace lw::geo
