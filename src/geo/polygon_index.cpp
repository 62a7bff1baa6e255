#include "geo/polygon_index.hpp"

#include "core/error.hpp"

#include <geos_c.h>

#include <algorithm>
#include <cstdarg>
#include <vector>

namespace lw::geo {

namespace {

void geos_notice(const char* /*fmt*/, ...) {}

GEOSGeometry* make_ring(GEOSContextHandle_t h, const Polygon& polygon, std::size_t ring) {
    const std::uint32_t begin = polygon.ring_begin[ring];
    const std::uint32_t end = polygon.ring_end(ring);
    const bool closed = polygon.points[begin] == polygon.points[end - 1];
    const auto n = static_cast<unsigned>(end - begin + (closed ? 0 : 1));
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, n, 2);
    for (std::uint32_t i = begin; i < end; ++i) {
        GEOSCoordSeq_setXY_r(h, seq, i - begin, polygon.points[i].x, polygon.points[i].y);
    }
    if (!closed) {
        GEOSCoordSeq_setXY_r(h, seq, n - 1, polygon.points[begin].x, polygon.points[begin].y);
    }
    return GEOSGeom_createLinearRing_r(h, seq);
}

GEOSGeometry* make_multipolygon(GEOSContextHandle_t h, const MultiPolygon& multi) {
    std::vector<GEOSGeometry*> parts;
    for (const auto& part : multi.parts) {
        if (part.ring_count() == 0 || part.ring_end(0) - part.ring_begin[0] < 3) {
            continue;
        }
        GEOSGeometry* shell = make_ring(h, part, 0);
        std::vector<GEOSGeometry*> holes;
        for (std::size_t ring = 1; ring < part.ring_count(); ++ring) {
            if (part.ring_end(ring) - part.ring_begin[ring] >= 3) {
                holes.push_back(make_ring(h, part, ring));
            }
        }
        parts.push_back(GEOSGeom_createPolygon_r(h, shell, holes.data(),
                                                 static_cast<unsigned>(holes.size())));
    }
    return GEOSGeom_createCollection_r(h, GEOS_MULTIPOLYGON, parts.data(),
                                       static_cast<unsigned>(parts.size()));
}

} // namespace

struct PolygonIndex::Impl {
    GEOSContextHandle_t handle = nullptr;
    struct Entry {
        std::uint32_t id;
        GEOSGeometry* geometry;
        const GEOSPreparedGeometry* prepared;
        Box box;
    };
    std::vector<Entry> entries;
    GEOSSTRtree* tree = nullptr;
    bool built = false;

    ~Impl() {
        if (tree != nullptr) {
            GEOSSTRtree_destroy_r(handle, tree);
        }
        for (auto& e : entries) {
            GEOSPreparedGeom_destroy_r(handle, e.prepared);
            GEOSGeom_destroy_r(handle, e.geometry);
        }
        finishGEOS_r(handle);
    }
};

PolygonIndex::PolygonIndex() : m_impl(std::make_unique<Impl>()) {
    m_impl->handle = initGEOS_r(&geos_notice, &geos_notice);
}

PolygonIndex::~PolygonIndex() = default;

void PolygonIndex::add(std::uint32_t id, const MultiPolygon& multi) {
    if (m_impl->built) {
        throw Error(ErrorKind::internal, "PolygonIndex::add after locate");
    }
    GEOSGeometry* geometry = make_multipolygon(m_impl->handle, multi);
    if (geometry == nullptr) {
        throw Error(ErrorKind::internal, "GEOS could not build a polygon");
    }
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(m_impl->handle, geometry);
    m_impl->entries.push_back({id, geometry, prepared, bounds(multi)});
}

std::optional<std::uint32_t> PolygonIndex::locate(Point p) const {
    auto& impl = *m_impl;
    if (!impl.built) {
        impl.tree = GEOSSTRtree_create_r(impl.handle, 10);
        for (auto& e : impl.entries) {
            GEOSSTRtree_insert_r(impl.handle, impl.tree, e.geometry, &e);
        }
        impl.built = true;
    }
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(impl.handle, 1, 2);
    GEOSCoordSeq_setXY_r(impl.handle, seq, 0, p.x, p.y);
    GEOSGeometry* point = GEOSGeom_createPoint_r(impl.handle, seq);

    struct Query {
        GEOSContextHandle_t handle;
        const GEOSGeometry* point;
        Point p;
        const Impl::Entry* best = nullptr;
    } query{impl.handle, point, p};
    GEOSSTRtree_query_r(
        impl.handle, impl.tree, point,
        [](void* item, void* data) {
            auto* q = static_cast<Query*>(data);
            const auto* e = static_cast<const Impl::Entry*>(item);
            if (q->best != nullptr && q->best < e) {
                return; // an earlier-added polygon already covers the point
            }
            if (e->box.contains(q->p) && GEOSPreparedCovers_r(q->handle, e->prepared, q->point) == 1) {
                q->best = e;
            }
        },
        &query);
    GEOSGeom_destroy_r(impl.handle, point);
    if (query.best == nullptr) {
        return std::nullopt;
    }
    return query.best->id;
}

std::size_t PolygonIndex::size() const { return m_impl->entries.size(); }

} // namespace lw::geo
