#pragma once
// Coordinate reference systems used by lebenswert and a PROJ-backed transformer.
// Computation happens in ETRS89 / UTM 32N (metres); the web gets WGS84 longitude/latitude.

#include "geo/geometry.hpp"

#include <memory>
#include <span>

namespace lw::geo {

inline constexpr int epsg_wgs84 = 4326;   // longitude/latitude for the web and OSM input
inline constexpr int epsg_utm32 = 25832;  // ETRS89 / UTM zone 32N: the workspace's metric CRS
inline constexpr int epsg_laea = 3035;    // ETRS89-LAEA Europe: the census grid's CRS
inline constexpr int epsg_gk3 = 31467;    // DHDN / Gauss-Krüger zone 3: BKG VG5000/VG250 input

// Transforms between two EPSG codes in "visualisation" axis order (x = easting or longitude).
// Not thread-safe: use one transformer per thread.
class Transformer {
public:
    Transformer(int from_epsg, int to_epsg);
    ~Transformer();
    Transformer(Transformer&&) noexcept;
    Transformer& operator=(Transformer&&) noexcept;

    Point operator()(Point p) const;
    void transform(std::span<Point> points) const;
    void transform(Polygon& polygon) const { transform(polygon.points); }
    void transform(MultiPolygon& multi) const;

    int from_epsg() const { return m_from; }
    int to_epsg() const { return m_to; }

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    int m_from;
    int m_to;
};

// The WKT definition PROJ has for an EPSG code (for gpkg_spatial_ref_sys).
std::string crs_wkt(int epsg);
std::string crs_name(int epsg);

} // namespace lw::geo
