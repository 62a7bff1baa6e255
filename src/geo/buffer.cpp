#include "geo/buffer.hpp"

#include "core/error.hpp"

#include <geos_c.h>

#include <memory>

namespace lw::geo {

namespace {

void geos_message(const char* /*fmt*/, ...) {}

struct Context {
    GEOSContextHandle_t h = initGEOS_r(&geos_message, &geos_message);
    ~Context() { finishGEOS_r(h); }
};

void append_polygon(GEOSContextHandle_t h, const GEOSGeometry* polygon, MultiPolygon& out) {
    Polygon part;
    const auto add_ring = [&](const GEOSGeometry* ring) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
        unsigned size = 0;
        GEOSCoordSeq_getSize_r(h, seq, &size);
        std::vector<Point> points;
        for (unsigned i = 0; i + 1 < size; ++i) { // stored open
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
            points.push_back({x, y});
        }
        if (points.size() >= 3) {
            part.add_ring(points);
        }
    };
    add_ring(GEOSGetExteriorRing_r(h, polygon));
    for (int i = 0; i < GEOSGetNumInteriorRings_r(h, polygon); ++i) {
        add_ring(GEOSGetInteriorRingN_r(h, polygon, i));
    }
    if (part.ring_count() > 0) {
        out.parts.push_back(std::move(part));
    }
}

} // namespace

MultiPolygon buffer_lines(const std::vector<LineString>& lines, double radius, double simplify_tolerance) {
    MultiPolygon out;
    if (lines.empty()) {
        return out;
    }
    Context ctx;
    std::vector<GEOSGeometry*> parts;
    for (const auto& line : lines) {
        if (line.size() < 2) {
            continue;
        }
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx.h, static_cast<unsigned>(line.size()), 2);
        for (unsigned i = 0; i < line.size(); ++i) {
            GEOSCoordSeq_setXY_r(ctx.h, seq, i, line[i].x, line[i].y);
        }
        parts.push_back(GEOSGeom_createLineString_r(ctx.h, seq));
    }
    if (parts.empty()) {
        return out;
    }
    GEOSGeometry* multi = GEOSGeom_createCollection_r(ctx.h, GEOS_MULTILINESTRING, parts.data(), static_cast<unsigned>(parts.size()));
    GEOSGeometry* buffered = GEOSBuffer_r(ctx.h, multi, radius, 8);
    GEOSGeom_destroy_r(ctx.h, multi);
    if (buffered == nullptr) {
        throw Error(ErrorKind::internal, "GEOS could not buffer the reachable streets");
    }
    GEOSGeometry* simple = simplify_tolerance > 0 ? GEOSTopologyPreserveSimplify_r(ctx.h, buffered, simplify_tolerance) : nullptr;
    const GEOSGeometry* result = simple != nullptr ? simple : buffered;
    if (GEOSGeomTypeId_r(ctx.h, result) == GEOS_POLYGON) {
        append_polygon(ctx.h, result, out);
    } else {
        for (int i = 0; i < GEOSGetNumGeometries_r(ctx.h, result); ++i) {
            const GEOSGeometry* g = GEOSGetGeometryN_r(ctx.h, result, i);
            if (GEOSGeomTypeId_r(ctx.h, g) == GEOS_POLYGON) {
                append_polygon(ctx.h, g, out);
            }
        }
    }
    if (simple != nullptr) {
        GEOSGeom_destroy_r(ctx.h, simple);
    }
    GEOSGeom_destroy_r(ctx.h, buffered);
    return out;
}

} // namespace lw::geo
