#include "projection/detail/sampling.hpp"

#include "projection/detail/random.hpp"

namespace lw::projection::detail {

namespace {

inline std::int32_t round_normal_at(double mean, double sd, double u) {
    return static_cast<std::int32_t>(std::floor(mean + sd * inverse_normal(u) + 0.5));
}

} // namespace

void RunStreams::seed(std::uint64_t seed_value, std::uint64_t area, std::size_t runs) {
    s0.resize(runs);
    s1.resize(runs);
    s2.resize(runs);
    s3.resize(runs);
    for (std::size_t run = 0; run < runs; ++run) {
        const std::uint64_t a = splitmix64(splitmix64(splitmix64(seed_value) ^ area) ^
                                           (run * 0xd1b54a32d192ed03ULL));
        const std::uint64_t b = splitmix64(a);
        s0[run] = static_cast<std::uint32_t>(a);
        s1[run] = static_cast<std::uint32_t>(a >> 32);
        s2[run] = static_cast<std::uint32_t>(b);
        s3[run] = static_cast<std::uint32_t>(b >> 32) | 1U; // never the all-zero state
    }
}

void RunStreams::fill(std::span<float> out) { baseline::fill_uniforms(*this, out); }

bool cpu_has(Isa isa) {
    switch (isa) {
    case Isa::baseline:
        return true;
    case Isa::avx2:
        return __builtin_cpu_supports("avx2") != 0;
    case Isa::avx512:
        return __builtin_cpu_supports("avx512f") != 0 && __builtin_cpu_supports("avx512vl") != 0 &&
               __builtin_cpu_supports("avx512bw") != 0 && __builtin_cpu_supports("avx512dq") != 0;
    }
    return false;
}

double inverse_normal(double p) {
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01,  -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                                   3.754408661907416e+00};
    constexpr double low = 0.02425;
    auto tail = [&](double x) {
        const double q = std::sqrt(-2.0 * std::log(x));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    };
    if (p < low) {
        return tail(p);
    }
    if (p > 1.0 - low) {
        return -tail(1.0 - p);
    }
    const double q = p - 0.5;
    const double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
}

std::int32_t poisson_inverse(double lambda, double u) {
    if (!(lambda > 0)) {
        return 0;
    }
    if (lambda > batch_normal_mean) {
        return std::max(0, round_normal_at(lambda, std::sqrt(lambda), u));
    }
    double p = std::exp(-lambda);
    double cdf = p;
    std::int32_t k = 0;
    while (u >= cdf && p > 0) {
        ++k;
        p *= lambda / static_cast<double>(k);
        cdf += p;
    }
    return k;
}

std::int32_t binomial_inverse(std::int32_t n, double q, double u) {
    if (n <= 0 || !(q > 0)) {
        return 0;
    }
    if (q >= 1) {
        return n;
    }
    if (q > 0.5) {
        return n - binomial_inverse(n, 1.0 - q, 1.0 - u);
    }
    const double mean = static_cast<double>(n) * q;
    if (mean > batch_normal_mean) {
        return std::clamp(round_normal_at(mean, std::sqrt(mean * (1.0 - q)), u), 0, n);
    }
    double p = std::exp(static_cast<double>(n) * std::log1p(-q));
    double cdf = p;
    const double odds = q / (1.0 - q);
    std::int32_t k = 0;
    while (u >= cdf && k < n && p > 0) {
        p *= static_cast<double>(n - k) / static_cast<double>(k + 1) * odds;
        ++k;
        cdf += p;
    }
    return k;
}

} // namespace lw::projection::detail

// The vector kernels once per instruction set. Functions outside these regions (std templates,
// the scalar inversions above) keep the baseline target, so the linker can never pick an AVX
// copy of a shared inline function; they are still inlined into the target functions.
namespace lw::projection::detail::baseline {
#include "projection/detail/sampling_impl.inc"
} // namespace lw::projection::detail::baseline

#pragma GCC push_options
#pragma GCC target("avx2")
namespace lw::projection::detail::avx2 {
#include "projection/detail/sampling_impl.inc"
} // namespace lw::projection::detail::avx2
#pragma GCC pop_options

#pragma GCC push_options
#pragma GCC target("avx512f,avx512vl,avx512bw,avx512dq,prefer-vector-width=512")
namespace lw::projection::detail::avx512 {
#include "projection/detail/sampling_impl.inc"
} // namespace lw::projection::detail::avx512
#pragma GCC pop_options
