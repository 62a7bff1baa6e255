#include "geo/crs.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <proj.h>

#include <cmath>
#include <string>

namespace lw::geo {

struct Transformer::Impl {
    PJ_CONTEXT* context = nullptr;
    PJ* transform = nullptr;

    ~Impl() {
        if (transform != nullptr) {
            proj_destroy(transform);
        }
        if (context != nullptr) {
            proj_context_destroy(context);
        }
    }
};

Transformer::Transformer(int from_epsg, int to_epsg)
    : m_impl(std::make_unique<Impl>()), m_from(from_epsg), m_to(to_epsg) {
    m_impl->context = proj_context_create();
    // Never reach out to the network for grids: everything must work offline.
    proj_context_set_enable_network(m_impl->context, 0);
    const std::string from = fmt::format("EPSG:{}", from_epsg);
    const std::string to = fmt::format("EPSG:{}", to_epsg);
    PJ* raw = proj_create_crs_to_crs(m_impl->context, from.c_str(), to.c_str(), nullptr);
    if (raw == nullptr) {
        throw Error(ErrorKind::internal,
                    fmt::format("PROJ cannot transform {} to {}", from, to));
    }
    m_impl->transform = proj_normalize_for_visualization(m_impl->context, raw);
    proj_destroy(raw);
    if (m_impl->transform == nullptr) {
        throw Error(ErrorKind::internal,
                    fmt::format("PROJ cannot normalise the transformation {} to {}", from, to));
    }
}

Transformer::~Transformer() = default;
Transformer::Transformer(Transformer&&) noexcept = default;
Transformer& Transformer::operator=(Transformer&&) noexcept = default;

Point Transformer::operator()(Point p) const {
    const PJ_COORD in = proj_coord(p.x, p.y, 0.0, 0.0);
    const PJ_COORD out = proj_trans(m_impl->transform, PJ_FWD, in);
    return {out.xy.x, out.xy.y};
}

void Transformer::transform(std::span<Point> points) const {
    if (points.empty()) {
        return;
    }
    // Point is two packed doubles, so x and y are strided views into the same array.
    static_assert(sizeof(Point) == 2 * sizeof(double));
    proj_trans_generic(m_impl->transform, PJ_FWD, &points[0].x, sizeof(Point), points.size(),
                       &points[0].y, sizeof(Point), points.size(), nullptr, 0, 0, nullptr, 0, 0);
    for (const Point& p : points) {
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) {
            throw Error(ErrorKind::input_value,
                        fmt::format("a coordinate cannot be transformed from EPSG:{} to EPSG:{}",
                                    m_from, m_to));
        }
    }
}

void Transformer::transform(MultiPolygon& multi) const {
    for (auto& part : multi.parts) {
        transform(part);
    }
}

namespace {

// PROJ objects with their owners, so an error on the way frees them.
struct ContextDeleter {
    void operator()(PJ_CONTEXT* c) const { proj_context_destroy(c); }
};
struct PjDeleter {
    void operator()(PJ* p) const { proj_destroy(p); }
};
using Context = std::unique_ptr<PJ_CONTEXT, ContextDeleter>;
using Crs = std::unique_ptr<PJ, PjDeleter>;

Crs create_crs(PJ_CONTEXT* context, int epsg) {
    const std::string code = std::to_string(epsg);
    PJ* crs = proj_create_from_database(context, "EPSG", code.c_str(), PJ_CATEGORY_CRS, 0, nullptr);
    if (crs == nullptr) {
        throw Error(ErrorKind::internal, fmt::format("PROJ does not know EPSG:{}", epsg));
    }
    return Crs(crs);
}

} // namespace

std::string crs_wkt(int epsg) {
    const Context context(proj_context_create());
    const Crs crs = create_crs(context.get(), epsg);
    const char* wkt = proj_as_wkt(context.get(), crs.get(), PJ_WKT1_GDAL, nullptr);
    return wkt != nullptr ? wkt : "";
}

std::string crs_name(int epsg) {
    const Context context(proj_context_create());
    const Crs crs = create_crs(context.get(), epsg);
    const char* name = proj_get_name(crs.get());
    return name != nullptr ? name : "";
}

} // namespace lw::geo
