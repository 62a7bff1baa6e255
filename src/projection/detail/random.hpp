#pragma once
// Random numbers for the Monte-Carlo projection. One generator per (seed, area, run) stream, so a
// run's draws do not depend on threads or on the order areas are processed. wyrand (Wang Yi,
// public domain): a 64-bit counter passed through a 128-bit multiply-fold; fast and passes
// BigCrush/PractRand. Streams are separated by hashing (seed, area, run) with splitmix64.

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace lw::projection::detail {

__extension__ using Uint128 = unsigned __int128;

inline std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

struct Rng {
    std::uint64_t state = 0;

    static Rng stream(std::uint64_t seed, std::uint64_t a, std::uint64_t b) {
        return Rng{splitmix64(splitmix64(splitmix64(seed) ^ a) ^ (b * 0xd1b54a32d192ed03ULL))};
    }
    std::uint64_t next() {
        state += 0xa0761d6478bd642fULL;
        const Uint128 t = static_cast<Uint128>(state) * (state ^ 0xe7037ed1a0b428dbULL);
        return static_cast<std::uint64_t>(t >> 64) ^ static_cast<std::uint64_t>(t);
    }
    // Uniform in [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Standard normal (Box-Muller, one value per call so the stream position stays simple).
    double normal() {
        const double u1 = 1.0 - uniform(); // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
};

// Above this mean, Poisson and binomial draws use the normal approximation (continuity-rounded):
// skewness below 1/sqrt(20) = 0.22, and such cells hold hundreds of persons, where the run-level
// and migration shocks dominate. Below it, draws are exact by inversion.
inline constexpr double normal_approximation_mean = 20.0;

inline std::int64_t round_normal(double mean, double sd, Rng& rng) {
    return static_cast<std::int64_t>(std::floor(mean + sd * rng.normal() + 0.5));
}

// Poisson(lambda). Inversion; most cells have lambda << 1, where u < 1 - lambda <= exp(-lambda)
// decides "no event" without calling exp.
inline std::int64_t poisson(double lambda, Rng& rng) {
    if (!(lambda > 0)) {
        return 0;
    }
    if (lambda > normal_approximation_mean) {
        return std::max<std::int64_t>(0, round_normal(lambda, std::sqrt(lambda), rng));
    }
    const double u = rng.uniform();
    if (u < 1.0 - lambda) {
        return 0;
    }
    double p = std::exp(-lambda);
    double cumulative = p;
    std::int64_t k = 0;
    while (u >= cumulative && p > 0) {
        ++k;
        p *= lambda / static_cast<double>(k);
        cumulative += p;
    }
    return k;
}

// Binomial(n, q) for n persons with probability q each. Inversion for small means (with the same
// shortcut: (1 - q)^n >= 1 - nq), normal approximation above; symmetric for q > 1/2.
inline std::int64_t binomial(std::int64_t n, double q, Rng& rng) {
    if (n <= 0 || !(q > 0)) {
        return 0;
    }
    if (q >= 1) {
        return n;
    }
    if (q > 0.5) {
        return n - binomial(n, 1.0 - q, rng);
    }
    const double mean = static_cast<double>(n) * q;
    if (mean > normal_approximation_mean) {
        return std::clamp<std::int64_t>(round_normal(mean, std::sqrt(mean * (1.0 - q)), rng), 0, n);
    }
    const double u = rng.uniform();
    if (u < 1.0 - mean) {
        return 0;
    }
    double p = std::exp(static_cast<double>(n) * std::log1p(-q));
    double cumulative = p;
    const double odds = q / (1.0 - q);
    std::int64_t k = 0;
    while (u >= cumulative && k < n && p > 0) {
        p *= static_cast<double>(n - k) / static_cast<double>(k + 1) * odds;
        ++k;
        cumulative += p;
    }
    return k;
}

} // namespace lw::projection::detail
