#pragma once
// PHAST one-to-all searches on a contraction hierarchy (Delling, Goldberg, Nowatzyk, Werneck
// 2011): climb the hierarchy from the sources, then one linear sweep over all nodes in ch order.
// No priority queue in the sweep; cost ~ node count, independent of the number of sources.
//
//   PhastQuery q(ch);                                   one query object per thread
//   q.reset(Direction::to_sources);                     time from every node to ...
//   q.add_source(doctor_a, 0, 7).add_source(doctor_b, 30, 9).run();   ... its nearest doctor
//   q.distance(home); q.owner(home);                    seconds; 7 or 9 (ties: smaller owner)
//
//   BatchedPhast b(ch);                                 up to 16 independent searches per sweep
//   b.reset(Direction::to_sources, 8);                  e.g. one lane per facility category
//   b.add_source(lane, node, offset, facility_id) ...; b.run();
//
// Direction: from_sources = times on the input graph from the sources to every node;
// to_sources = times from every node to the nearest source (the reverse graph), what "time from
// each home to the nearest facility" needs. One CH serves both.
//
// Owners and ties: each source carries an owner id (< graph::invalid_node). A node's owner is the
// owner of its nearest source; among equally near sources, the smallest owner. This is exactly
// routing::Dijkstra's rule (labels are compared as (time, owner) pairs), so results match it
// node by node. Unreached nodes have distance graph::inf_time and owner graph::invalid_node.
// Times are whole seconds; offsets and path lengths must stay below ch_inf (2^31 - 1 s).
//
// Costs: one sweep reads every node's sweep arcs and writes its labels; labels are 4 bytes per
// lane, or 8 bytes when a lane has sources of different owners (owner tracking). Threads (> 1)
// sweep each large level block in parallel.

#include "routing/ch/contraction_hierarchy.hpp"
#include "routing/ch/detail/huge_buffer.hpp"
#include "routing/ch/detail/up_search.hpp"

#include <array>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace lw::routing {

enum class Direction : std::uint8_t {
    from_sources, // time from the nearest source to each node (input graph)
    to_sources,   // time from each node to its nearest source (reverse graph)
};

struct Source {
    graph::NodeId node = 0;   // the caller's node id
    std::uint32_t offset = 0; // seconds added at the source (e.g. building -> snap point)
    std::uint32_t owner = 0;  // e.g. a facility id
};

struct PhastConfig {
    unsigned threads = 1; // sweep threads (TBB); 0 = TBB's default
};

// A chunk of sweep results handed to a visitor: nodes in ch order (the caller's ids), then per
// node `lane_count` distances and owners side by side.
struct LaneChunk {
    std::span<const graph::NodeId> nodes;
    unsigned lane_count = 0;
    std::span<const std::uint32_t>
        distances;                         // [i * lane_count + lane]; graph::inf_time = unreached
    std::span<const std::uint32_t> owners; // same layout; graph::invalid_node = unreached

    std::uint32_t distance(std::size_t i, unsigned lane) const {
        return distances[i * lane_count + lane];
    }
    std::uint32_t owner(std::size_t i, unsigned lane) const {
        return owners[i * lane_count + lane];
    }
};

class BatchedPhast {
public:
    static constexpr unsigned max_lanes = 16;
    // Called once per chunk (a few thousand nodes); with threads > 1 possibly concurrently from
    // several threads, for disjoint chunks.
    using Visitor = std::function<void(const LaneChunk&)>;

    explicit BatchedPhast(const ContractionHierarchy& ch, PhastConfig config = {});
    ~BatchedPhast();
    BatchedPhast(BatchedPhast&&) noexcept;
    BatchedPhast& operator=(BatchedPhast&&) noexcept;

    BatchedPhast& reset(Direction direction, unsigned lane_count);
    BatchedPhast& add_source(unsigned lane, graph::NodeId node, std::uint32_t offset = 0,
                             std::uint32_t owner = 0);
    void run();
    void run(const Visitor& visit);

    unsigned lane_count() const { return m_lane_count; }
    std::uint32_t distance(unsigned lane, graph::NodeId node) const;
    std::uint32_t owner(unsigned lane, graph::NodeId node) const;
    bool reached(unsigned lane, graph::NodeId node) const {
        return distance(lane, node) != graph::inf_time;
    }
    // All nodes of one lane, indexed by the caller's node ids (out.size() == node count).
    void copy_distances(unsigned lane, std::span<std::uint32_t> distances) const;
    void copy_owners(unsigned lane, std::span<std::uint32_t> owners) const;
    // All lanes at once, node-major: [node * lane_count() + lane]; owners may be empty.
    void copy_lanes(std::span<std::uint32_t> distances, std::span<std::uint32_t> owners) const;

private:
    struct Threads; // TBB arena and per-thread scratch (TBB stays out of this header)
    template <typename Label> void sweep_all(const Visitor* visit);
    template <typename Label>
    void emit(const Visitor& visit, const Label* labels, std::uint32_t begin, std::uint32_t end,
              std::vector<std::uint32_t>& scratch) const;
    void copy_range(unsigned first_lane, unsigned lanes, std::uint32_t* distances,
                    std::uint32_t* owners) const;
    std::uint32_t ch_distance(std::size_t ch_node, unsigned lane) const;
    std::uint32_t ch_owner(std::size_t ch_node, unsigned lane) const;

    const ContractionHierarchy* m_ch;
    PhastConfig m_config;
    Direction m_direction = Direction::from_sources;
    unsigned m_lane_count = 1;
    unsigned m_width = 1;        // kernel lanes: 1, 8 or 16
    bool m_track_owners = false; // some lane has sources of different owners: 64-bit labels
    std::array<std::uint32_t, max_lanes> m_lane_owner{};
    std::array<bool, max_lanes> m_lane_has_source{};
    detail::UpSearch m_up;
    std::vector<std::uint32_t> m_seeds32;
    std::vector<std::uint64_t> m_seeds64;
    detail::HugeBuffer<std::uint32_t> m_labels32;
    detail::HugeBuffer<std::uint64_t> m_labels64;
    std::vector<std::uint32_t> m_scratch;
    std::unique_ptr<Threads> m_threads;
    bool m_done = false;
};

// One tree per sweep: BatchedPhast with a single lane.
class PhastQuery {
public:
    explicit PhastQuery(const ContractionHierarchy& ch, PhastConfig config = {})
        : m_batch(ch, config) {}

    PhastQuery& reset(Direction direction = Direction::from_sources) {
        m_batch.reset(direction, 1);
        return *this;
    }
    PhastQuery& add_source(graph::NodeId node, std::uint32_t offset = 0, std::uint32_t owner = 0) {
        m_batch.add_source(0, node, offset, owner);
        return *this;
    }
    void run() { m_batch.run(); }

    std::uint32_t distance(graph::NodeId node) const { return m_batch.distance(0, node); }
    std::uint32_t owner(graph::NodeId node) const { return m_batch.owner(0, node); }
    bool reached(graph::NodeId node) const { return m_batch.reached(0, node); }
    void copy_distances(std::span<std::uint32_t> out) const { m_batch.copy_distances(0, out); }
    void copy_owners(std::span<std::uint32_t> out) const { m_batch.copy_owners(0, out); }

private:
    BatchedPhast m_batch;
};

// "How many facilities within t_1, t_2, ... seconds of each node": every distinct owner among
// `sources` is one facility (several sources of one owner = several entrances, the nearest
// counts). Sweeps 32 facility trees at a time with 16-bit labels, batches spread over threads; no
// tree is ever stored whole. Thresholds must be below 32,767 s (9.1 h).
struct ThresholdCounts {
    std::vector<std::uint32_t> thresholds; // seconds, as given
    std::vector<std::uint32_t> counts;     // [node * thresholds.size() + t], the caller's node ids

    std::uint32_t at(graph::NodeId node, std::size_t threshold_index) const {
        return counts[std::size_t{node} * thresholds.size() + threshold_index];
    }
};

ThresholdCounts count_within(const ContractionHierarchy& ch, Direction direction,
                             std::span<const Source> sources,
                             std::span<const std::uint32_t> thresholds,
                             PhastConfig config = {.threads = 0});

} // namespace lw::routing
