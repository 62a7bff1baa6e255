#pragma once
// Batched event-count samplers for the Monte-Carlo projection: one uniform per draw, all runs of a
// cell at once, runs as the inner (SIMD) dimension.
//
// Every draw is defined as the exact inversion of its distribution at the given uniform u (double
// arithmetic, `*_inverse` below), or for means above 20 the continuity-rounded normal quantile at
// u. The batch functions return exactly that value; they only get there faster:
//  1. a vector pass decides "0 events" where u < 1 - mean - margin (1 - mean <= P(0) for both
//     binomial and Poisson), which is most cells of small areas;
//  2. the remaining runs are compacted and inverted up to k = 7 in single precision with
//     polynomial log1p/exp; a result is accepted only if u is farther than `ambiguity` from every
//     cumulative probability compared (float error is below 1e-5 there), otherwise
//  3. the exact scalar inversion in double decides.
// Parameters (q, lambda) are taken as floats: a relative rounding of 6e-8, far below any input's
// precision. Uniforms have 24 bits (xoshiro128+ upper bits), centred in their 2^-24 interval, so
// event probabilities are resolved to 3e-8.

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <vector>

namespace lw::projection::detail {

// Above this mean the scalar path uses the normal approximation (as detail::poisson/binomial).
inline constexpr double batch_normal_mean = 20.0;

// xoshiro128+ (Blackman & Vigna 2018, "Scrambled linear pseudorandom number generators", public
// domain reference at prng.di.unimi.it), one state per run in structure-of-arrays form so a step of
// all runs vectorises (adds, xors, shifts only). Its upper 24 bits are recommended there for
// single-precision floats. Each run is seeded by splitmix64 of (seed, area, run): reproducible for
// any thread count; overlap of two 2^128-periodic streams is negligible.
struct RunStreams {
    std::vector<std::uint32_t> s0, s1, s2, s3;

    void seed(std::uint64_t seed, std::uint64_t area, std::size_t runs);
    // out[run] = next uniform of run's stream, ((x >> 8) + 0.5) * 2^-24 in (0, 1).
    void fill(std::span<float> out);
};

// Standard normal quantile, Acklam's rational approximation (relative error < 1.15e-9).
double inverse_normal(double p);

// Exact inversion at u (smallest k with u < F(k)); above a mean of 20 the normal quantile, rounded.
std::int32_t poisson_inverse(double lambda, double u);
std::int32_t binomial_inverse(std::int32_t n, double q, double u);

// Scratch of the batch samplers (compacted runs).
struct BatchScratch {
    std::vector<std::uint8_t> flag;
    std::vector<std::uint32_t> index;
    std::vector<float> a, b, u;
    std::vector<std::int32_t> k;
    // survive_and_migrate: the runs with an event and their parameters, compacted.
    std::vector<std::uint8_t> cell_flag;
    std::vector<std::uint32_t> cell_index;
    std::vector<std::int32_t> cell_n, cell_deaths, cell_migrants;
    std::vector<float> cell_q, cell_u_death, cell_lambda, cell_u_migration, cell_rate;
};

// The vector kernels, compiled once per instruction set (sampling_impl.inc); all return identical
// values. detail::poisson_batch etc. are the baseline (SSE2) ones. Call the avx2/avx512 ones only
// if the CPU has them (cpu_has below).
#define LW_PROJECTION_SAMPLING_KERNELS                                                              \
    /* out[run] = next uniform of run's stream (as RunStreams::fill). */                            \
    void fill_uniforms(RunStreams& streams, std::span<float> out);                                  \
    /* k[i] = poisson_inverse(lambda[i], u[i]) for all i; lambda >= 0. */                           \
    void poisson_batch(std::span<const float> lambda, std::span<const float> u,                     \
                       std::span<std::int32_t> k, BatchScratch& scratch);                           \
    /* k[i] = binomial_inverse(n[i], q[i], u[i]) for all i; q in [0, 1]. */                         \
    void binomial_batch(std::span<const std::int32_t> n, std::span<const float> q,                  \
                        std::span<const float> u, std::span<std::int32_t> k, BatchScratch& scratch);  \
    /* One age cell, all runs: deaths = binomial_inverse(n, q_run, u_death) with                     \
       q_run = min(1, q * mortality_factor[run]); rate_run = max(-1, rate + shock[run]); net      \
       migrants = sign(rate_run) poisson_inverse(|rate_run| n, u_migration); to[run] =            \
       max(n - deaths + migrants, 0). Returns the persons clipped at 0. Equal to the two batch    \
       calls, but runs without any event are settled in one pass and one compaction. */           \
    std::int64_t survive_and_migrate(std::span<const std::int32_t> n, float q,                      \
                                     std::span<const float> mortality_factor, float rate,           \
                                     std::span<const float> shock, std::span<const float> u_death,  \
                                     std::span<const float> u_migration, std::span<std::int32_t> to, \
                                     BatchScratch& scratch);

inline namespace baseline {
LW_PROJECTION_SAMPLING_KERNELS
}
namespace avx2 {
LW_PROJECTION_SAMPLING_KERNELS
}
namespace avx512 { // AVX-512 F, VL, BW, DQ
LW_PROJECTION_SAMPLING_KERNELS
}
#undef LW_PROJECTION_SAMPLING_KERNELS

// Instruction sets of the kernels above.
enum class Isa { baseline, avx2, avx512 };
// Whether this CPU can run the kernels of `isa`.
bool cpu_has(Isa isa);

} // namespace lw::projection::detail
