#include "geo/gpkg_blob.hpp"

#include "core/error.hpp"

#include <bit>
#include <cstring>

namespace lw::geo {

static_assert(std::endian::native == std::endian::little,
              "the blob writer copies doubles in native order and marks them little-endian");

namespace {

enum WkbType : std::uint32_t { wkb_point = 1, wkb_line = 2, wkb_polygon = 3, wkb_multipolygon = 6 };

class Writer {
public:
    void u8(std::uint8_t v) { m_out.push_back(v); }
    void u32(std::uint32_t v) { raw(&v, sizeof v); }
    void i32(std::int32_t v) { raw(&v, sizeof v); }
    void f64(double v) { raw(&v, sizeof v); }
    void point(Point p) {
        f64(p.x);
        f64(p.y);
    }
    Blob take() { return std::move(m_out); }

private:
    void raw(const void* data, std::size_t size) {
        const auto* bytes = static_cast<const std::uint8_t*>(data);
        m_out.insert(m_out.end(), bytes, bytes + size);
    }
    Blob m_out;
};

void header(Writer& w, std::int32_t srs_id, const Box& box) {
    w.u8('G');
    w.u8('P');
    w.u8(0);                               // version 1
    w.u8(static_cast<std::uint8_t>(0x03)); // little endian, envelope [minx, maxx, miny, maxy]
    w.i32(srs_id);
    w.f64(box.min_x);
    w.f64(box.max_x);
    w.f64(box.min_y);
    w.f64(box.max_y);
}

void polygon_body(Writer& w, const Polygon& polygon) {
    w.u8(1);
    w.u32(wkb_polygon);
    w.u32(static_cast<std::uint32_t>(polygon.ring_count()));
    for (std::size_t ring = 0; ring < polygon.ring_count(); ++ring) {
        const std::uint32_t begin = polygon.ring_begin[ring];
        const std::uint32_t end = polygon.ring_end(ring);
        // WKB rings are closed: repeat the first point if the ring does not already.
        const bool closed = end > begin && polygon.points[begin] == polygon.points[end - 1];
        w.u32(end - begin + (closed ? 0 : 1));
        for (std::uint32_t i = begin; i < end; ++i) {
            w.point(polygon.points[i]);
        }
        if (!closed && end > begin) {
            w.point(polygon.points[begin]);
        }
    }
}

Box polygon_box(const Polygon& polygon) {
    Box box;
    for (const Point& p : polygon.points) {
        box.extend(p);
    }
    return box;
}

class Reader {
public:
    explicit Reader(std::span<const std::uint8_t> data) : m_data(data) {}

    template <typename T> T get() {
        if (m_pos + sizeof(T) > m_data.size()) {
            throw Error(ErrorKind::input_format, "geometry blob is truncated");
        }
        T v;
        std::memcpy(&v, m_data.data() + m_pos, sizeof(T));
        m_pos += sizeof(T);
        if (!m_little && sizeof(T) > 1) {
            v = swap(v);
        }
        return v;
    }
    void set_little(bool little) { m_little = little; }
    void skip(std::size_t n) { m_pos += n; }
    std::size_t pos() const { return m_pos; }
    Point point() {
        const double x = get<double>();
        const double y = get<double>();
        return {x, y};
    }

private:
    template <typename T> static T swap(T v) {
        std::uint8_t bytes[sizeof(T)];
        std::memcpy(bytes, &v, sizeof(T));
        for (std::size_t i = 0; i < sizeof(T) / 2; ++i) {
            std::swap(bytes[i], bytes[sizeof(T) - 1 - i]);
        }
        std::memcpy(&v, bytes, sizeof(T));
        return v;
    }
    std::span<const std::uint8_t> m_data;
    std::size_t m_pos = 0;
    bool m_little = true;
};

std::uint32_t read_wkb_header(Reader& r) {
    const auto order = r.get<std::uint8_t>();
    r.set_little(order == 1);
    return r.get<std::uint32_t>() % 1000; // ISO Z/M variants are not written by lebenswert
}

Polygon read_polygon_rings(Reader& r) {
    Polygon polygon;
    const auto rings = r.get<std::uint32_t>();
    for (std::uint32_t ring = 0; ring < rings; ++ring) {
        const auto count = r.get<std::uint32_t>();
        std::vector<Point> points;
        points.reserve(count);
        for (std::uint32_t i = 0; i < count; ++i) {
            points.push_back(r.point());
        }
        if (points.size() > 1 && points.front() == points.back()) {
            points.pop_back(); // in memory, rings are stored open
        }
        polygon.add_ring(points);
    }
    return polygon;
}

std::size_t envelope_size(std::uint8_t flags) {
    switch ((flags >> 1) & 0x07) {
    case 0: return 0;
    case 1: return 32;
    case 2:
    case 3: return 48;
    case 4: return 64;
    default: throw Error(ErrorKind::input_format, "geometry blob has an invalid envelope code");
    }
}

} // namespace

Blob encode_gpkg(const Point& point, std::int32_t srs_id) {
    Writer w;
    Box box;
    box.extend(point);
    header(w, srs_id, box);
    w.u8(1);
    w.u32(wkb_point);
    w.point(point);
    return w.take();
}

Blob encode_gpkg(const LineString& line, std::int32_t srs_id) {
    Writer w;
    header(w, srs_id, bounds(line));
    w.u8(1);
    w.u32(wkb_line);
    w.u32(static_cast<std::uint32_t>(line.size()));
    for (const Point& p : line) {
        w.point(p);
    }
    return w.take();
}

Blob encode_gpkg(const Polygon& polygon, std::int32_t srs_id) {
    Writer w;
    header(w, srs_id, polygon_box(polygon));
    polygon_body(w, polygon);
    return w.take();
}

Blob encode_gpkg(const MultiPolygon& multi, std::int32_t srs_id) {
    Writer w;
    header(w, srs_id, bounds(multi));
    w.u8(1);
    w.u32(wkb_multipolygon);
    w.u32(static_cast<std::uint32_t>(multi.parts.size()));
    for (const auto& part : multi.parts) {
        polygon_body(w, part);
    }
    return w.take();
}

DecodedGeometry decode_gpkg(std::span<const std::uint8_t> blob) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P') {
        throw Error(ErrorKind::input_format, "not a GeoPackage geometry blob");
    }
    const std::uint8_t flags = blob[3];
    if ((flags & 0x10) != 0) {
        throw Error(ErrorKind::input_format, "empty geometries are not supported");
    }
    Reader r(blob);
    r.skip(4);
    r.set_little((flags & 0x01) != 0);
    DecodedGeometry result;
    result.srs_id = r.get<std::int32_t>();
    r.skip(envelope_size(flags));
    switch (read_wkb_header(r)) {
    case wkb_point: result.geometry = r.point(); break;
    case wkb_line: {
        LineString line(r.get<std::uint32_t>());
        for (auto& p : line) {
            p = r.point();
        }
        result.geometry = std::move(line);
        break;
    }
    case wkb_polygon: result.geometry = read_polygon_rings(r); break;
    case wkb_multipolygon: {
        MultiPolygon multi;
        const auto parts = r.get<std::uint32_t>();
        for (std::uint32_t i = 0; i < parts; ++i) {
            if (read_wkb_header(r) != wkb_polygon) {
                throw Error(ErrorKind::input_format, "multipolygon part is not a polygon");
            }
            multi.parts.push_back(read_polygon_rings(r));
        }
        result.geometry = std::move(multi);
        break;
    }
    default: throw Error(ErrorKind::input_format, "unsupported WKB geometry type");
    }
    return result;
}

std::optional<Box> gpkg_envelope(std::span<const std::uint8_t> blob) {
    if (blob.size() < 8 || blob[0] != 'G' || blob[1] != 'P' || (blob[3] & 0x10) != 0) {
        return std::nullopt;
    }
    const std::uint8_t flags = blob[3];
    if (((flags >> 1) & 0x07) == 0 || blob.size() < 8 + 32) {
        return std::nullopt;
    }
    Reader r(blob);
    r.set_little((flags & 0x01) != 0);
    r.skip(8);
    Box box;
    box.min_x = r.get<double>();
    box.max_x = r.get<double>();
    box.min_y = r.get<double>();
    box.max_y = r.get<double>();
    box.valid = true;
    return box;
}

bool gpkg_is_empty(std::span<const std::uint8_t> blob) {
    return blob.size() < 4 || (blob[3] & 0x10) != 0;
}

} // namespace lw::geo
