#include "projection/detail/sampling.hpp"

#include "projection/detail/random.hpp"

namespace lw::projection::detail {

namespace {

// Margin of the vector "no event" test: covers the float rounding of the mean (relative 1e-6).
constexpr float quiet_margin = 1e-5F;
// Float cumulative probabilities below are within 1e-5 of the double ones (|n log1p(-q)| <= 28,
// 2 ulp there, plus 8 additions); a uniform closer than this to one of them goes to double.
constexpr float ambiguity = 1e-4F;
constexpr int vector_events = 8; // the vector inversion resolves k = 0..7

// e^x for x in [-87, 0], float, branch-free so loops over it vectorise: Cody-Waite reduction by
// ln 2 and a degree-6 Taylor polynomial on |r| <= 0.35 (relative error < 2e-7).
inline float exp_nonpositive(float x) {
    x = std::max(x, -87.0F);
    const float magic = 12582912.0F; // 1.5 * 2^23: adding and subtracting rounds to an integer
    const float kf = (x * 1.44269504F + magic) - magic;
    const float r = (x - kf * 0.693145751953125F) - kf * 1.428606765330187e-06F;
    const float p =
        1.0F + r * (1.0F + r * (0.5F + r * (1.0F / 6 + r * (1.0F / 24 + r * (1.0F / 120 + r * (1.0F / 720))))));
    const auto bits = static_cast<std::uint32_t>(static_cast<std::int32_t>(kf) + 127) << 23;
    return p * std::bit_cast<float>(bits);
}

// log(1 - q) for q in [0, 0.5]: -2 atanh(t), t = q / (2 - q) <= 1/3, series to t^13 (relative
// error < 1e-8).
inline float log1m(float q) {
    const float t = q / (2.0F - q);
    const float t2 = t * t;
    const float series =
        1.0F + t2 * (1.0F / 3 + t2 * (1.0F / 5 + t2 * (1.0F / 7 + t2 * (1.0F / 9 + t2 * (1.0F / 11 + t2 * (1.0F / 13))))));
    return -2.0F * t * series;
}

// Inversion in float from p0 with ratio p(k+1)/p(k) = step / (k + 1), times (count - k) for the
// binomial: returns k, or -1 if u is within `ambiguity` of a compared cumulative probability or
// beyond k = 7.
template <bool binomial>
inline std::int32_t invert_small(float u, float p0, float count, float step) {
    // Written without branches or short-circuits so that GCC vectorises the loop calling it.
    float p = p0;
    float cdf = p0;
    std::int32_t k = 0;
    std::int32_t ambiguous = static_cast<std::int32_t>(std::abs(u - cdf) < ambiguity);
#pragma GCC unroll 8
    for (int j = 0; j < vector_events - 1; ++j) {
        k += static_cast<std::int32_t>(u >= cdf);
        const float ratio = step / static_cast<float>(j + 1);
        p *= binomial ? std::max(count - static_cast<float>(j), 0.0F) * ratio : ratio;
        cdf += p;
        ambiguous |= static_cast<std::int32_t>(std::abs(u - cdf) < ambiguity);
    }
    ambiguous |= static_cast<std::int32_t>(u >= cdf);
    return ambiguous != 0 ? -1 : k;
}

inline std::int32_t round_normal_at(double mean, double sd, double u) {
    return static_cast<std::int32_t>(std::floor(mean + sd * inverse_normal(u) + 0.5));
}

// Runs whose flag is set, appended to `index` (flags are 0/1 bytes, scanned 8 at a time).
void compact(std::span<const std::uint8_t> flags, std::vector<std::uint32_t>& index) {
    index.clear();
    const std::size_t n = flags.size();
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, flags.data() + i, 8);
        while (word != 0) {
            index.push_back(static_cast<std::uint32_t>(i + static_cast<std::size_t>(std::countr_zero(word) / 8)));
            word &= word - 1;
        }
    }
    for (; i < n; ++i) {
        if (flags[i] != 0) {
            index.push_back(static_cast<std::uint32_t>(i));
        }
    }
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

void RunStreams::fill(std::span<float> out) {
    std::uint32_t* a = s0.data();
    std::uint32_t* b = s1.data();
    std::uint32_t* c = s2.data();
    std::uint32_t* d = s3.data();
    float* o = out.data();
    const std::size_t n = out.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint32_t result = a[i] + d[i];
        const std::uint32_t t = b[i] << 9;
        c[i] ^= a[i];
        d[i] ^= b[i];
        b[i] ^= c[i];
        a[i] ^= d[i];
        c[i] ^= t;
        d[i] = (d[i] << 11) | (d[i] >> 21);
        o[i] = (static_cast<float>(static_cast<std::int32_t>(result >> 8)) + 0.5F) * 0x1.0p-24F;
    }
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

void poisson_batch(std::span<const float> lambda, std::span<const float> u, std::span<std::int32_t> k,
                   BatchScratch& scratch) {
    const std::size_t n = lambda.size();
    // Pass 1 (vector): 0 events where certain; flag the rest.
    std::vector<std::uint32_t>& index = scratch.index;
    scratch.flag.resize(n);
    std::uint8_t* flags = scratch.flag.data();
    for (std::size_t i = 0; i < n; ++i) {
        const bool quiet = u[i] < 1.0F - lambda[i] - quiet_margin;
        flags[i] = quiet ? 0 : 1;
        k[i] = 0;
    }
    compact(std::span<const std::uint8_t>(flags, n), index);
    const std::size_t m = index.size();
    scratch.a.resize(m);
    scratch.u.resize(m);
    scratch.k.resize(m);
    for (std::size_t j = 0; j < m; ++j) {
        scratch.a[j] = lambda[index[j]];
        scratch.u[j] = u[index[j]];
    }
    // Pass 2 (vector over the compacted runs): inversion up to k = 7 in float.
    for (std::size_t j = 0; j < m; ++j) {
        const float lam = scratch.a[j];
        const std::int32_t small =
            invert_small<false>(scratch.u[j], exp_nonpositive(-lam), 0.0F, lam);
        const auto vector_ok = static_cast<std::int32_t>(lam <= static_cast<float>(batch_normal_mean));
        scratch.k[j] = vector_ok != 0 ? small : -1;
    }
    // Pass 3: accepted values, the rest exactly in double.
    for (std::size_t j = 0; j < m; ++j) {
        const std::uint32_t i = index[j];
        k[i] = scratch.k[j] >= 0 ? scratch.k[j] : poisson_inverse(lambda[i], u[i]);
    }
}

void binomial_batch(std::span<const std::int32_t> n, std::span<const float> q,
                    std::span<const float> u, std::span<std::int32_t> k, BatchScratch& scratch) {
    const std::size_t size = n.size();
    std::vector<std::uint32_t>& index = scratch.index;
    scratch.flag.resize(size);
    std::uint8_t* flags = scratch.flag.data();
    for (std::size_t i = 0; i < size; ++i) {
        const bool quiet = u[i] < 1.0F - static_cast<float>(n[i]) * q[i] - quiet_margin;
        flags[i] = quiet ? 0 : 1;
        k[i] = 0;
    }
    compact(std::span<const std::uint8_t>(flags, size), index);
    const std::size_t m = index.size();
    scratch.a.resize(m);
    scratch.b.resize(m);
    scratch.u.resize(m);
    scratch.k.resize(m);
    for (std::size_t j = 0; j < m; ++j) {
        scratch.a[j] = static_cast<float>(n[index[j]]);
        scratch.b[j] = q[index[j]];
        scratch.u[j] = u[index[j]];
    }
    for (std::size_t j = 0; j < m; ++j) {
        const float count = scratch.a[j];
        // q > 0.5 (mirrored in double) and large means go to the exact path.
        const float qj = std::min(scratch.b[j], 0.5F);
        const float p0 = exp_nonpositive(count * log1m(qj));
        const std::int32_t small = invert_small<true>(scratch.u[j], p0, count, qj / (1.0F - qj));
        const auto vector_ok = static_cast<std::int32_t>(scratch.b[j] <= 0.5F) &
                               static_cast<std::int32_t>(scratch.b[j] > 0) &
                               static_cast<std::int32_t>(count * scratch.b[j] <=
                                                         static_cast<float>(batch_normal_mean));
        scratch.k[j] = vector_ok != 0 ? small : -1;
    }
    for (std::size_t j = 0; j < m; ++j) {
        const std::uint32_t i = index[j];
        k[i] = scratch.k[j] >= 0 ? scratch.k[j] : binomial_inverse(n[i], q[i], u[i]);
    }
}

} // namespace lw::projection::detail
