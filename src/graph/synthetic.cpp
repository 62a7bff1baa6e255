#include "graph/synthetic.hpp"

#include <algorithm>
#include <cmath>

namespace lw::graph {

namespace {

// Every random decision is a hash of (seed, position, purpose), so each road can be generated
// on its own, in any order, and the graph does not depend on the traversal.
std::uint64_t mix(std::uint64_t x) { // splitmix64 finaliser
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

std::uint64_t hash_of(std::uint64_t seed, std::uint64_t a, std::uint64_t b, std::uint64_t purpose) {
    return mix(mix(mix(seed ^ (purpose << 56)) ^ a) ^ (b << 1));
}

double unit(std::uint64_t h) {
    return static_cast<double>(h >> 11) * 0x1.0p-53;
} // [0, 1)

// Purposes keep the hashes of different decisions apart (road: +dir; bend: +4 * k + dir).
enum Purpose : std::uint64_t {
    purpose_column = 1,
    purpose_row = 2,
    purpose_jx = 3,
    purpose_jy = 4,
    purpose_road = 5,
    purpose_bend = 8,
};

constexpr double expected_nodes_per_cell =
    2.7; // 1 junction + 2 roads x 0.86 present x 1 inner node
constexpr int max_inner_nodes = 2;

struct Road {
    bool present = false;
    int inner_nodes = 0; // degree-2 nodes between the two junctions
    double speed_mps = 0.0;
    int oneway = 0; // 0 both ways, +1 only towards the higher junction, -1 only back
};

class Grid {
public:
    Grid(std::uint32_t width, std::uint32_t height, std::uint32_t seed)
        : m_width(width), m_height(height), m_seed(seed), m_col_x(width), m_row_y(height) {
        // Junction spacing 80-220 m, varying by column and row.
        double x = 0.0;
        for (std::uint32_t col = 0; col < width; ++col) {
            m_col_x[col] = x;
            x += 80.0 + 140.0 * unit(hash_of(seed, col, 0, purpose_column));
        }
        double y = 0.0;
        for (std::uint32_t row = 0; row < height; ++row) {
            m_row_y[row] = y;
            y += 80.0 + 140.0 * unit(hash_of(seed, row, 0, purpose_row));
        }
    }

    std::uint32_t width() const { return m_width; }
    std::uint32_t height() const { return m_height; }

    double junction_x(std::uint32_t col, std::uint32_t row) const {
        return m_col_x[col] + 40.0 * (unit(hash_of(m_seed, col, row, purpose_jx)) - 0.5);
    }
    double junction_y(std::uint32_t col, std::uint32_t row) const {
        return m_row_y[row] + 40.0 * (unit(hash_of(m_seed, col, row, purpose_jy)) - 0.5);
    }

    // The road from junction (col, row) east (dir 0) or north (dir 1).
    Road road(std::uint32_t col, std::uint32_t row, int dir) const {
        Road r;
        if ((dir == 0 && col + 1 >= m_width) || (dir == 1 && row + 1 >= m_height)) {
            return r;
        }
        const std::uint32_t line = dir == 0 ? row : col; // the row or column the road runs along
        const int arterial = line % 16 == 0 ? 2 : (line % 4 == 0 ? 1 : 0);
        const std::uint64_t h =
            hash_of(m_seed, col, row, purpose_road + static_cast<std::uint64_t>(dir));
        if (arterial == 0 && unit(h) < 0.18) {
            return r; // a gap in the local grid
        }
        r.present = true;
        r.inner_nodes = static_cast<int>((h >> 8) % (max_inner_nodes + 1));
        static constexpr double local_kmh[] = {30.0, 40.0, 50.0, 60.0};
        const double kmh =
            arterial == 2 ? 100.0 : (arterial == 1 ? 70.0 : local_kmh[(h >> 16) % 4]);
        r.speed_mps = kmh / 3.6;
        if (arterial == 0 && ((h >> 24) & 0xff) < 10) { // ~4 % of local roads are oneways
            r.oneway = ((h >> 32) & 1) != 0 ? 1 : -1;
        }
        return r;
    }

    std::uint64_t bend_hash(std::uint32_t col, std::uint32_t row, int dir, int k) const {
        return hash_of(m_seed, col, row, purpose_bend + static_cast<std::uint64_t>(4 * k + dir));
    }

private:
    std::uint32_t m_width;
    std::uint32_t m_height;
    std::uint64_t m_seed;
    std::vector<double> m_col_x;
    std::vector<double> m_row_y;
};

// Hilbert curve index -> (x, y) in a side x side square (side a power of two).
void hilbert_cell(std::uint32_t side, std::uint64_t d, std::uint32_t& x, std::uint32_t& y) {
    x = 0;
    y = 0;
    for (std::uint32_t s = 1; s < side; s *= 2) {
        const auto rx = static_cast<std::uint32_t>(1 & (d / 2));
        const auto ry = static_cast<std::uint32_t>(1 & (d ^ rx));
        if (ry == 0) {
            if (rx == 1) {
                x = s - 1 - x;
                y = s - 1 - y;
            }
            std::swap(x, y);
        }
        x += s * rx;
        y += s * ry;
        d /= 4;
    }
}

} // namespace

RoadLikeNetwork road_like_network(std::size_t approx_nodes, std::uint32_t seed) {
    const auto cells = static_cast<double>(approx_nodes) / expected_nodes_per_cell;
    const auto side =
        std::max<std::uint32_t>(2, static_cast<std::uint32_t>(std::lround(std::sqrt(cells))));
    const Grid grid(side, side, seed);
    const std::uint32_t w = grid.width();
    const std::uint32_t h = grid.height();

    // Pass 1: ids in Hilbert order of the junctions; a junction's id is followed by the inner
    // nodes of its east road, then those of its north road.
    std::uint32_t curve_side = 1;
    while (curve_side < std::max(w, h)) {
        curve_side *= 2;
    }
    std::vector<NodeId> junction_id(static_cast<std::size_t>(w) * h);
    NodeId next_id = 0;
    const std::uint64_t curve_cells = std::uint64_t{curve_side} * curve_side;
    for (std::uint64_t d = 0; d < curve_cells; ++d) {
        std::uint32_t col = 0;
        std::uint32_t row = 0;
        hilbert_cell(curve_side, d, col, row);
        if (col >= w || row >= h) {
            continue;
        }
        junction_id[std::size_t{row} * w + col] = next_id;
        next_id += 1;
        for (int dir = 0; dir < 2; ++dir) {
            const Road r = grid.road(col, row, dir);
            next_id += r.present ? static_cast<NodeId>(r.inner_nodes) : 0;
        }
    }

    RoadLikeNetwork net;
    net.x_m.resize(next_id);
    net.y_m.resize(next_id);
    std::vector<Arc> arcs;
    arcs.reserve(static_cast<std::size_t>(next_id) * 27 / 10);

    // Pass 2: coordinates and arcs, road by road.
    double px[max_inner_nodes + 2];
    double py[max_inner_nodes + 2];
    NodeId ids[max_inner_nodes + 2];
    for (std::uint32_t row = 0; row < h; ++row) {
        for (std::uint32_t col = 0; col < w; ++col) {
            const NodeId junction = junction_id[std::size_t{row} * w + col];
            const double jx = grid.junction_x(col, row);
            const double jy = grid.junction_y(col, row);
            net.x_m[junction] = static_cast<std::int32_t>(std::lround(jx));
            net.y_m[junction] = static_cast<std::int32_t>(std::lround(jy));
            NodeId inner_id = junction + 1;
            for (int dir = 0; dir < 2; ++dir) {
                const Road r = grid.road(col, row, dir);
                if (!r.present) {
                    continue;
                }
                const std::uint32_t col2 = dir == 0 ? col + 1 : col;
                const std::uint32_t row2 = dir == 0 ? row : row + 1;
                const int points = r.inner_nodes + 2;
                px[0] = jx;
                py[0] = jy;
                ids[0] = junction;
                px[points - 1] = grid.junction_x(col2, row2);
                py[points - 1] = grid.junction_y(col2, row2);
                ids[points - 1] = junction_id[std::size_t{row2} * w + col2];
                // Inner nodes at sorted random fractions along the road, bent sideways by up to
                // 10 m; two close fractions give a very short (possibly 0 s) segment.
                double t[max_inner_nodes];
                for (int k = 0; k < r.inner_nodes; ++k) {
                    t[k] = 0.05 + 0.9 * unit(grid.bend_hash(col, row, dir, k));
                }
                static_assert(max_inner_nodes == 2);
                if (r.inner_nodes == 2 && t[1] < t[0]) {
                    std::swap(t[0], t[1]);
                }
                const double dx = px[points - 1] - px[0];
                const double dy = py[points - 1] - py[0];
                const double len = std::max(1.0, std::hypot(dx, dy));
                for (int k = 0; k < r.inner_nodes; ++k) {
                    const double side_m = 20.0 * (unit(grid.bend_hash(col, row, dir, k + 2)) - 0.5);
                    px[k + 1] = px[0] + t[k] * dx - side_m * dy / len;
                    py[k + 1] = py[0] + t[k] * dy + side_m * dx / len;
                    ids[k + 1] = inner_id++;
                    net.x_m[ids[k + 1]] = static_cast<std::int32_t>(std::lround(px[k + 1]));
                    net.y_m[ids[k + 1]] = static_cast<std::int32_t>(std::lround(py[k + 1]));
                }
                for (int k = 0; k + 1 < points; ++k) {
                    const double seg_m = std::hypot(px[k + 1] - px[k], py[k + 1] - py[k]);
                    const auto seconds =
                        static_cast<std::uint32_t>(std::lround(seg_m / r.speed_mps));
                    if (r.oneway >= 0) {
                        arcs.push_back({ids[k], ids[k + 1], seconds});
                    }
                    if (r.oneway <= 0) {
                        arcs.push_back({ids[k + 1], ids[k], seconds});
                    }
                }
            }
        }
    }
    net.graph = csr_from_arcs(next_id, arcs);
    return net;
}

Csr road_like_graph(std::size_t approx_nodes, std::uint32_t seed) {
    return road_like_network(approx_nodes, seed).graph;
}

} // namespace lw::graph
