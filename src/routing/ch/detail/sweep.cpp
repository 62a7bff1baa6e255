#include "routing/ch/detail/sweep.hpp"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cstring>
#include <type_traits>

namespace lw::routing::detail {

namespace {

template <typename Label> struct Ops;
template <> struct Ops<std::uint32_t> {
    static constexpr std::uint32_t inf = ch_inf;
    static std::uint32_t arc(std::uint32_t w) { return w; }
};
template <> struct Ops<std::uint64_t> {
    static constexpr std::uint64_t inf = sweep_inf_u64;
    static std::uint64_t arc(std::uint32_t w) { return std::uint64_t{w} << 32; } // owner bits stay
};
template <> struct Ops<std::uint16_t> {
    static constexpr std::uint16_t inf = u16_cap;
    static std::uint16_t arc(std::uint32_t w) {
        return static_cast<std::uint16_t>(std::min<std::uint32_t>(w, u16_cap));
    }
};

// The kernel, inlined into one wrapper per instruction set. No overflow checks needed: every
// label is <= inf (it starts at inf and only shrinks) and inf + one arc fits the type.
template <typename T, unsigned K>
[[gnu::always_inline]] inline void sweep_kernel(SweepGraph g, SweepSeeds<T> seeds, T* labels,
                                                std::uint32_t begin, std::uint32_t end) {
    std::size_t s = static_cast<std::size_t>(
        std::lower_bound(seeds.nodes, seeds.nodes + seeds.count, begin) - seeds.nodes);
    std::uint32_t next_seed = s < seeds.count ? seeds.nodes[s] : graph::invalid_node;
    if constexpr (K == 1) {
        for (std::uint32_t v = begin; v < end; ++v) {
            T acc = Ops<T>::inf;
            if (v == next_seed) {
                acc = seeds.labels[s];
                ++s;
                next_seed = s < seeds.count ? seeds.nodes[s] : graph::invalid_node;
            }
            for (std::uint32_t a = g.first[v]; a < g.first[v + 1]; ++a) {
                const T cand =
                    static_cast<T>(labels[g.arcs[a].other] + Ops<T>::arc(g.arcs[a].weight));
                acc = cand < acc ? cand : acc;
            }
            labels[v] = acc;
        }
    } else {
        using V [[gnu::vector_size(sizeof(T) * K)]] = T;
        V inf;
        for (unsigned l = 0; l < K; ++l) {
            inf[l] = Ops<T>::inf;
        }
        for (std::uint32_t v = begin; v < end; ++v) {
            V acc = inf;
            if (v == next_seed) {
                std::memcpy(&acc, seeds.labels + s * K, sizeof(V));
                ++s;
                next_seed = s < seeds.count ? seeds.nodes[s] : graph::invalid_node;
            }
            for (std::uint32_t a = g.first[v]; a < g.first[v + 1]; ++a) {
                V cand;
                std::memcpy(&cand, labels + std::size_t{g.arcs[a].other} * K, sizeof(V));
                cand += Ops<T>::arc(g.arcs[a].weight);
                acc = cand < acc ? cand : acc;
            }
            std::memcpy(labels + std::size_t{v} * K, &acc, sizeof(V));
        }
    }
}

// T is always std::uint16_t; it is a parameter because GCC drops a dependent vector_size on a
// non-dependent element type.
template <typename T, unsigned K>
[[gnu::always_inline]] inline void count_kernel(const T* labels, std::uint32_t begin,
                                                std::uint32_t end, const std::uint16_t* thresholds,
                                                unsigned threshold_count, std::uint32_t* counts) {
    using S = std::make_signed_t<T>;
    using V [[gnu::vector_size(sizeof(T) * K)]] = T;
    using M [[gnu::vector_size(sizeof(T) * K)]] = S;
    for (std::uint32_t v = begin; v < end; ++v) {
        V l;
        std::memcpy(&l, labels + std::size_t{v} * K, sizeof(V));
        for (unsigned t = 0; t < threshold_count; ++t) {
            const M within = (l <= thresholds[t]); // -1 per lane within the threshold
            std::int32_t sum = 0;
            for (unsigned k = 0; k < K; ++k) {
                sum -= within[k];
            }
            counts[std::size_t{v} * threshold_count + t] += static_cast<std::uint32_t>(sum);
        }
    }
}

// One wrapper per (label type, lanes, instruction set); the attribute lets GCC use the wider
// registers inside the inlined kernel.
#define LW_SWEEP_VARIANT(ATTR, NAME)                                                               \
    template <typename T, unsigned K>                                                              \
    ATTR void sweep_##NAME(SweepGraph g, SweepSeeds<T> seeds, T* labels, std::uint32_t begin,      \
                           std::uint32_t end) {                                                    \
        sweep_kernel<T, K>(g, seeds, labels, begin, end);                                          \
    }                                                                                              \
    template <unsigned K>                                                                          \
    ATTR void count_##NAME(const std::uint16_t* labels, std::uint32_t begin, std::uint32_t end,    \
                           const std::uint16_t* thresholds, unsigned threshold_count,              \
                           std::uint32_t* counts) {                                                \
        count_kernel<std::uint16_t, K>(labels, begin, end, thresholds, threshold_count, counts);   \
    }

LW_SWEEP_VARIANT(, generic)
LW_SWEEP_VARIANT([[gnu::target("avx2")]], avx2)
LW_SWEEP_VARIANT([[gnu::target("avx512f,avx512bw,avx512vl,avx512dq")]], avx512)
#undef LW_SWEEP_VARIANT

Isa detect_isa() {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq")) {
        return Isa::avx512;
    }
    if (__builtin_cpu_supports("avx2")) {
        return Isa::avx2;
    }
    return Isa::generic;
}

std::atomic<Isa>& isa_in_use() {
    static std::atomic<Isa> isa{best_isa()};
    return isa;
}

template <typename T, unsigned K>
void sweep_dispatch(SweepGraph g, SweepSeeds<T> seeds, T* labels, std::uint32_t begin,
                    std::uint32_t end) {
    switch (active_isa()) {
    case Isa::avx512:
        return sweep_avx512<T, K>(g, seeds, labels, begin, end);
    case Isa::avx2:
        return sweep_avx2<T, K>(g, seeds, labels, begin, end);
    case Isa::generic:
        break;
    }
    sweep_generic<T, K>(g, seeds, labels, begin, end);
}

template <unsigned K>
void count_dispatch(const std::uint16_t* labels, std::uint32_t begin, std::uint32_t end,
                    const std::uint16_t* thresholds, unsigned threshold_count,
                    std::uint32_t* counts) {
    switch (active_isa()) {
    case Isa::avx512:
        return count_avx512<K>(labels, begin, end, thresholds, threshold_count, counts);
    case Isa::avx2:
        return count_avx2<K>(labels, begin, end, thresholds, threshold_count, counts);
    case Isa::generic:
        break;
    }
    count_generic<K>(labels, begin, end, thresholds, threshold_count, counts);
}

} // namespace

Isa best_isa() {
    static const Isa isa = detect_isa();
    return isa;
}
Isa active_isa() {
    return isa_in_use().load(std::memory_order_relaxed);
}
void set_isa(Isa isa) {
    isa_in_use().store(std::min(isa, best_isa()), std::memory_order_relaxed);
}

const char* to_string(Isa isa) {
    switch (isa) {
    case Isa::generic:
        return "x86-64";
    case Isa::avx2:
        return "avx2";
    case Isa::avx512:
        return "avx512";
    }
    return "?";
}

void sweep(SweepGraph g, SweepSeeds<std::uint32_t> seeds, std::uint32_t* labels, unsigned lanes,
           std::uint32_t begin, std::uint32_t end) {
    switch (lanes) {
    case 1:
        return sweep_dispatch<std::uint32_t, 1>(g, seeds, labels, begin, end);
    case 8:
        return sweep_dispatch<std::uint32_t, 8>(g, seeds, labels, begin, end);
    case 16:
        return sweep_dispatch<std::uint32_t, 16>(g, seeds, labels, begin, end);
    default:
        assert(false && "sweep: unsupported lane count");
    }
}

void sweep(SweepGraph g, SweepSeeds<std::uint64_t> seeds, std::uint64_t* labels, unsigned lanes,
           std::uint32_t begin, std::uint32_t end) {
    switch (lanes) {
    case 1:
        return sweep_dispatch<std::uint64_t, 1>(g, seeds, labels, begin, end);
    case 8:
        return sweep_dispatch<std::uint64_t, 8>(g, seeds, labels, begin, end);
    case 16:
        return sweep_dispatch<std::uint64_t, 16>(g, seeds, labels, begin, end);
    default:
        assert(false && "sweep: unsupported lane count");
    }
}

void sweep(SweepGraph g, SweepSeeds<std::uint16_t> seeds, std::uint16_t* labels, unsigned lanes,
           std::uint32_t begin, std::uint32_t end) {
    switch (lanes) {
    case 16:
        return sweep_dispatch<std::uint16_t, 16>(g, seeds, labels, begin, end);
    case 32:
        return sweep_dispatch<std::uint16_t, 32>(g, seeds, labels, begin, end);
    default:
        assert(false && "sweep: unsupported lane count");
    }
}

void count_within(const std::uint16_t* labels, unsigned lanes, std::uint32_t begin,
                  std::uint32_t end, const std::uint16_t* thresholds, unsigned threshold_count,
                  std::uint32_t* counts) {
    switch (lanes) {
    case 16:
        return count_dispatch<16>(labels, begin, end, thresholds, threshold_count, counts);
    case 32:
        return count_dispatch<32>(labels, begin, end, thresholds, threshold_count, counts);
    default:
        assert(false && "count_within: unsupported lane count");
    }
}

} // namespace lw::routing::detail
