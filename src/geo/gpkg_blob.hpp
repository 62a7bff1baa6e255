#pragma once
// GeoPackage geometry blobs (GeoPackage 1.3, clause 2.1.3): the "GP" header with SRS id and
// envelope, followed by ISO WKB in little-endian byte order. Empty geometries are not written.

#include "geo/geometry.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <variant>
#include <vector>

namespace lw::geo {

using Blob = std::vector<std::uint8_t>;
using Geometry = std::variant<Point, LineString, Polygon, MultiPolygon>;

Blob encode_gpkg(const Point& point, std::int32_t srs_id);
Blob encode_gpkg(const LineString& line, std::int32_t srs_id);
Blob encode_gpkg(const Polygon& polygon, std::int32_t srs_id);
Blob encode_gpkg(const MultiPolygon& multi, std::int32_t srs_id);

struct DecodedGeometry {
    std::int32_t srs_id = 0;
    Geometry geometry;
};

// Throws lw::Error(input_format) on a blob that is not a GeoPackage geometry we can read.
DecodedGeometry decode_gpkg(std::span<const std::uint8_t> blob);

// The envelope stored in the blob header (no WKB parsing), nullopt for empty geometries or
// blobs without an envelope. Used by the R-tree triggers' ST_MinX & co.
std::optional<Box> gpkg_envelope(std::span<const std::uint8_t> blob);
bool gpkg_is_empty(std::span<const std::uint8_t> blob);

} // namespace lw::geo
