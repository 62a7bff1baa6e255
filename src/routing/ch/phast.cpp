#include "routing/ch/phast.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <tbb/blocked_range.h>
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cassert>

namespace lw::routing {

namespace {

// Nodes per sweep chunk: a visitor gets the chunk's labels while they are still in L2.
constexpr std::uint32_t chunk_nodes = 4096;
// Level blocks smaller than this are swept by one thread (a fork/join costs more than it saves).
constexpr std::uint32_t parallel_block_min = 4 * chunk_nodes;

struct Sides {
    detail::SweepGraph climb;
    detail::SweepGraph sweep;
};

Sides sides_of(const ContractionHierarchy& ch, Direction direction) {
    const detail::SweepGraph up{ch.up_first.data(), ch.up_arcs.data()};
    const detail::SweepGraph down{ch.down_first.data(), ch.down_arcs.data()};
    // From the sources: climb on arcs leaving a node upwards, sweep over arcs coming down into
    // it. To the sources (reverse graph): the other way round.
    return direction == Direction::from_sources ? Sides{up, down} : Sides{down, up};
}

std::uint32_t distance_of(std::uint32_t label) {
    return label >= ch_inf ? graph::inf_time : label;
}
std::uint32_t distance_of(std::uint64_t label) {
    const auto d = static_cast<std::uint32_t>(label >> 32);
    return d >= ch_inf ? graph::inf_time : d;
}
std::uint32_t owner_of(std::uint64_t label) {
    return (label >> 32) >= ch_inf ? graph::invalid_node : static_cast<std::uint32_t>(label);
}

template <typename Label> Label seed_label(std::uint64_t up_label);
template <> std::uint32_t seed_label(std::uint64_t l) {
    return static_cast<std::uint32_t>(l >> 32);
}
template <> std::uint64_t seed_label(std::uint64_t l) {
    return l;
}
template <> std::uint16_t seed_label(std::uint64_t l) {
    return static_cast<std::uint16_t>(std::min<std::uint64_t>(l >> 32, detail::u16_cap));
}

// Seeds for the sweep kernel in its label type, `lanes` per node.
template <typename Label>
void convert_seeds(const detail::UpSearch& up, unsigned lanes, std::vector<Label>& out) {
    const auto labels = up.labels();
    assert(up.lanes() == lanes);
    out.resize(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        out[i] = seed_label<Label>(labels[i]);
    }
    (void)lanes;
}

} // namespace

struct BatchedPhast::Threads {
    explicit Threads(unsigned threads)
        : arena(threads == 0 ? tbb::task_arena::automatic : static_cast<int>(threads)) {}
    tbb::task_arena arena;
    tbb::enumerable_thread_specific<std::vector<std::uint32_t>> scratch;
};

BatchedPhast::BatchedPhast(const ContractionHierarchy& ch, PhastConfig config)
    : m_ch(&ch), m_config(config), m_up(ch.node_count()) {
    if (m_config.threads != 1) {
        m_threads = std::make_unique<Threads>(m_config.threads);
    }
}

BatchedPhast::~BatchedPhast() = default;
BatchedPhast::BatchedPhast(BatchedPhast&&) noexcept = default;
BatchedPhast& BatchedPhast::operator=(BatchedPhast&&) noexcept = default;

BatchedPhast& BatchedPhast::reset(Direction direction, unsigned lane_count) {
    assert(lane_count >= 1 && lane_count <= max_lanes);
    m_direction = direction;
    m_lane_count = lane_count;
    m_width = lane_count == 1 ? 1 : (lane_count <= 8 ? 8 : 16);
    m_track_owners = false;
    m_lane_has_source.fill(false);
    m_lane_owner.fill(graph::invalid_node);
    m_up.reset(m_width);
    m_done = false;
    return *this;
}

BatchedPhast& BatchedPhast::add_source(unsigned lane, graph::NodeId node, std::uint32_t offset,
                                       std::uint32_t owner) {
    assert(lane < m_lane_count);
    assert(node < m_ch->node_count());
    assert(offset < ch_inf);
    if (!m_lane_has_source[lane]) {
        m_lane_has_source[lane] = true;
        m_lane_owner[lane] = owner;
    } else if (owner != m_lane_owner[lane]) {
        m_track_owners = true;
    }
    m_up.add_source(lane, m_ch->input_to_ch[node], (std::uint64_t{offset} << 32) | owner);
    return *this;
}

void BatchedPhast::run() {
    run(Visitor{});
}

void BatchedPhast::run(const Visitor& visit) {
    m_up.run(sides_of(*m_ch, m_direction).climb);
    if (m_track_owners) {
        sweep_all<std::uint64_t>(visit ? &visit : nullptr);
    } else {
        sweep_all<std::uint32_t>(visit ? &visit : nullptr);
    }
    m_done = true;
}

template <typename Label> void BatchedPhast::sweep_all(const Visitor* visit) {
    const auto n = static_cast<std::uint32_t>(m_ch->node_count());
    auto& seeds = [this]() -> std::vector<Label>& {
        if constexpr (sizeof(Label) == 8) {
            return m_seeds64;
        } else {
            return m_seeds32;
        }
    }();
    auto& labels = [this]() -> detail::HugeBuffer<Label>& {
        if constexpr (sizeof(Label) == 8) {
            return m_labels64;
        } else {
            return m_labels32;
        }
    }();
    convert_seeds(m_up, m_width, seeds);
    labels.resize(std::size_t{n} * m_width);
    const detail::SweepGraph g = sides_of(*m_ch, m_direction).sweep;
    const detail::SweepSeeds<Label> s{m_up.nodes().data(), seeds.data(), m_up.nodes().size()};
    Label* out = labels.data();

    const auto sweep_range = [&](std::uint32_t begin, std::uint32_t end,
                                 std::vector<std::uint32_t>& scratch) {
        for (std::uint32_t b = begin; b < end; b += chunk_nodes) {
            const std::uint32_t e = std::min(end, b + chunk_nodes);
            detail::sweep(g, s, out, m_width, b, e);
            if (visit != nullptr) {
                emit(*visit, out, b, e, scratch);
            }
        }
    };
    if (!m_threads) {
        sweep_range(0, n, m_scratch);
        return;
    }
    m_threads->arena.execute([&] {
        const auto& first = m_ch->level_first;
        for (std::size_t block = 0; block + 1 < first.size(); ++block) {
            const std::uint32_t begin = first[block];
            const std::uint32_t end = first[block + 1];
            if (end - begin < parallel_block_min) {
                sweep_range(begin, end, m_scratch);
                continue;
            }
            // Nodes of one level block never read each other's labels.
            tbb::parallel_for(tbb::blocked_range<std::uint32_t>(begin, end, chunk_nodes),
                              [&](const tbb::blocked_range<std::uint32_t>& r) {
                                  sweep_range(r.begin(), r.end(), m_threads->scratch.local());
                              });
        }
    });
}

template <typename Label>
void BatchedPhast::emit(const Visitor& visit, const Label* labels, std::uint32_t begin,
                        std::uint32_t end, std::vector<std::uint32_t>& scratch) const {
    const std::size_t count = end - begin;
    const std::size_t cells = count * m_lane_count;
    scratch.resize(2 * cells);
    std::uint32_t* dist = scratch.data();
    std::uint32_t* own = scratch.data() + cells;
    for (std::size_t i = 0; i < count; ++i) {
        const Label* l = labels + (begin + i) * m_width;
        for (unsigned lane = 0; lane < m_lane_count; ++lane) {
            const std::uint32_t d = distance_of(l[lane]);
            dist[i * m_lane_count + lane] = d;
            if constexpr (sizeof(Label) == 8) {
                own[i * m_lane_count + lane] = owner_of(l[lane]);
            } else {
                own[i * m_lane_count + lane] =
                    d == graph::inf_time ? graph::invalid_node : m_lane_owner[lane];
            }
        }
    }
    visit(LaneChunk{std::span<const graph::NodeId>(m_ch->ch_to_input).subspan(begin, count),
                    m_lane_count, std::span<const std::uint32_t>(dist, cells),
                    std::span<const std::uint32_t>(own, cells)});
}

std::uint32_t BatchedPhast::ch_distance(std::size_t ch_node, unsigned lane) const {
    return m_track_owners ? distance_of(m_labels64[ch_node * m_width + lane])
                          : distance_of(m_labels32[ch_node * m_width + lane]);
}

std::uint32_t BatchedPhast::ch_owner(std::size_t ch_node, unsigned lane) const {
    if (m_track_owners) {
        return owner_of(m_labels64[ch_node * m_width + lane]);
    }
    return distance_of(m_labels32[ch_node * m_width + lane]) == graph::inf_time
               ? graph::invalid_node
               : m_lane_owner[lane];
}

std::uint32_t BatchedPhast::distance(unsigned lane, graph::NodeId node) const {
    assert(m_done && lane < m_lane_count);
    return ch_distance(m_ch->input_to_ch[node], lane);
}

std::uint32_t BatchedPhast::owner(unsigned lane, graph::NodeId node) const {
    assert(m_done && lane < m_lane_count);
    return ch_owner(m_ch->input_to_ch[node], lane);
}

namespace {

// Scatters lanes [0, lanes) of every ch node into the caller's order; owner_of_lane(lane, label)
// gives the owner. Kept branch-free per value so it runs at memory speed.
template <typename Label, typename OwnerOf>
void scatter(const std::vector<graph::NodeId>& ch_to_input, std::size_t begin, std::size_t end,
             const Label* labels, unsigned width, unsigned first_lane, unsigned lanes,
             std::uint32_t* distances, std::uint32_t* owners, OwnerOf owner_of_lane) {
    for (std::size_t c = begin; c < end; ++c) {
        const Label* l = labels + c * width + first_lane;
        const std::size_t out = std::size_t{ch_to_input[c]} * lanes;
        for (unsigned lane = 0; lane < lanes; ++lane) {
            distances[out + lane] = distance_of(l[lane]);
        }
        if (owners != nullptr) {
            for (unsigned lane = 0; lane < lanes; ++lane) {
                owners[out + lane] = owner_of_lane(first_lane + lane, l[lane]);
            }
        }
    }
}

} // namespace

void BatchedPhast::copy_distances(unsigned lane, std::span<std::uint32_t> distances) const {
    assert(m_done && lane < m_lane_count && distances.size() == m_ch->node_count());
    copy_range(lane, 1, distances.data(), nullptr);
}

void BatchedPhast::copy_owners(unsigned lane, std::span<std::uint32_t> owners) const {
    assert(m_done && lane < m_lane_count && owners.size() == m_ch->node_count());
    std::vector<std::uint32_t> distances(owners.size());
    copy_range(lane, 1, distances.data(), owners.data());
}

void BatchedPhast::copy_lanes(std::span<std::uint32_t> distances,
                              std::span<std::uint32_t> owners) const {
    const std::size_t cells = m_ch->node_count() * m_lane_count;
    assert(m_done && distances.size() == cells && (owners.empty() || owners.size() == cells));
    (void)cells;
    copy_range(0, m_lane_count, distances.data(), owners.empty() ? nullptr : owners.data());
}

void BatchedPhast::copy_range(unsigned first_lane, unsigned lanes, std::uint32_t* distances,
                              std::uint32_t* owners) const {
    const auto copy = [&](std::size_t begin, std::size_t end) {
        if (m_track_owners) {
            scatter(m_ch->ch_to_input, begin, end, m_labels64.data(), m_width, first_lane, lanes,
                    distances, owners,
                    [](unsigned, std::uint64_t label) { return owner_of(label); });
        } else {
            const auto& lane_owner = m_lane_owner;
            scatter(m_ch->ch_to_input, begin, end, m_labels32.data(), m_width, first_lane, lanes,
                    distances, owners, [&lane_owner](unsigned lane, std::uint32_t label) {
                        return label >= ch_inf ? graph::invalid_node : lane_owner[lane];
                    });
        }
    };
    const std::size_t n = m_ch->node_count();
    if (!m_threads || n < parallel_block_min) {
        copy(0, n);
        return;
    }
    // Memory-bound (every label read, every result written): two threads get more bandwidth.
    m_threads->arena.execute([&] {
        tbb::parallel_for(
            tbb::blocked_range<std::size_t>(0, n, 8 * chunk_nodes),
            [&](const tbb::blocked_range<std::size_t>& r) { copy(r.begin(), r.end()); });
    });
}

ThresholdCounts count_within(const ContractionHierarchy& ch, Direction direction,
                             std::span<const Source> sources,
                             std::span<const std::uint32_t> thresholds, PhastConfig config) {
    ThresholdCounts result;
    result.thresholds.assign(thresholds.begin(), thresholds.end());
    const auto n = static_cast<std::uint32_t>(ch.node_count());
    const auto t_count = static_cast<unsigned>(thresholds.size());
    result.counts.assign(std::size_t{n} * t_count, 0);
    std::vector<std::uint16_t> thr(thresholds.size());
    for (std::size_t t = 0; t < thresholds.size(); ++t) {
        if (thresholds[t] >= detail::u16_cap) {
            throw Error(ErrorKind::input_value,
                        fmt::format("threshold {} s is above the limit of {} s for counting",
                                    thresholds[t], detail::u16_cap - 1));
        }
        thr[t] = static_cast<std::uint16_t>(thresholds[t]);
    }
    if (sources.empty() || t_count == 0 || n == 0) {
        return result;
    }
    // Facilities = distinct owners; 32 per sweep.
    std::vector<Source> sorted(sources.begin(), sources.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Source& a, const Source& b) { return a.owner < b.owner; });
    std::vector<std::size_t> facility_first;
    for (std::size_t i = 0; i < sorted.size(); ++i) {
        assert(sorted[i].node < n && sorted[i].offset < ch_inf);
        if (i == 0 || sorted[i].owner != sorted[i - 1].owner) {
            facility_first.push_back(i);
        }
    }
    const std::size_t facilities = facility_first.size();
    facility_first.push_back(sorted.size());
    constexpr unsigned lanes = 32;
    const std::size_t batches = (facilities + lanes - 1) / lanes;

    const Sides sides = sides_of(ch, direction);
    struct Local {
        explicit Local(std::size_t nodes, unsigned t) : up(nodes), counts(nodes * t, 0) {}
        detail::UpSearch up;
        detail::HugeBuffer<std::uint16_t> labels;
        std::vector<std::uint16_t> seeds;
        std::vector<std::uint32_t> counts; // per ch id x threshold
    };
    tbb::enumerable_thread_specific<Local> locals([&] { return Local(n, t_count); });
    const auto run_batch = [&](std::size_t batch) {
        Local& local = locals.local();
        local.up.reset(lanes);
        const std::size_t f_end = std::min(facilities, (batch + 1) * lanes);
        for (std::size_t f = batch * lanes; f < f_end; ++f) {
            for (std::size_t i = facility_first[f]; i < facility_first[f + 1]; ++i) {
                local.up.add_source(static_cast<unsigned>(f - batch * lanes),
                                    ch.input_to_ch[sorted[i].node],
                                    std::uint64_t{sorted[i].offset} << 32);
            }
        }
        local.up.run(sides.climb);
        convert_seeds(local.up, lanes, local.seeds);
        local.labels.resize(std::size_t{n} * lanes);
        const detail::SweepSeeds<std::uint16_t> s{local.up.nodes().data(), local.seeds.data(),
                                                  local.up.nodes().size()};
        for (std::uint32_t b = 0; b < n; b += chunk_nodes) {
            const std::uint32_t e = std::min(n, b + chunk_nodes);
            detail::sweep(sides.sweep, s, local.labels.data(), lanes, b, e);
            detail::count_within(local.labels.data(), lanes, b, e, thr.data(), t_count,
                                 local.counts.data());
        }
    };
    tbb::task_arena arena(config.threads == 0 ? tbb::task_arena::automatic
                                              : static_cast<int>(config.threads));
    arena.execute([&] {
        tbb::parallel_for(tbb::blocked_range<std::size_t>(0, batches, 1),
                          [&](const tbb::blocked_range<std::size_t>& r) {
                              for (std::size_t batch = r.begin(); batch < r.end(); ++batch) {
                                  run_batch(batch);
                              }
                          });
    });
    for (const Local& local : locals) {
        for (std::uint32_t c = 0; c < n; ++c) {
            const std::size_t out = std::size_t{ch.ch_to_input[c]} * t_count;
            for (unsigned t = 0; t < t_count; ++t) {
                result.counts[out + t] += local.counts[std::size_t{c} * t_count + t];
            }
        }
    }
    return result;
}

} // namespace lw::routing
