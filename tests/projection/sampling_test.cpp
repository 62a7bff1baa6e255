#include "projection/detail/sampling.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <span>
#include <random>
#include <vector>

namespace lw::projection::detail {
namespace {

std::vector<float> uniforms(std::uint64_t seed, std::size_t n) {
    RunStreams streams;
    streams.seed(seed, 0, n);
    std::vector<float> u(n);
    streams.fill(u);
    return u;
}

TEST(Sampling, UniformsAreInTheOpenIntervalWithUniformMoments) {
    RunStreams streams;
    streams.seed(5, 7, 1000);
    std::vector<float> u(1000);
    double sum = 0;
    double sum2 = 0;
    const int rounds = 200;
    for (int round = 0; round < rounds; ++round) {
        streams.fill(u);
        for (const float x : u) {
            ASSERT_GT(x, 0.0F);
            ASSERT_LT(x, 1.0F);
            sum += x;
            sum2 += static_cast<double>(x) * x;
        }
    }
    const double n = 1000.0 * rounds;
    EXPECT_NEAR(sum / n, 0.5, 5 * std::sqrt(1.0 / 12 / n));
    EXPECT_NEAR(sum2 / n - (sum / n) * (sum / n), 1.0 / 12, 0.002);
    RunStreams again;
    again.seed(5, 7, 1000);
    std::vector<float> v(1000);
    again.fill(v);
    RunStreams other;
    other.seed(5, 8, 1000);
    std::vector<float> w(1000);
    other.fill(w);
    streams.seed(5, 7, 1000);
    streams.fill(u);
    EXPECT_EQ(u, v);
    EXPECT_NE(u, w);
}

// Known quantiles, and the round trip through Phi (erfc): Acklam's bound is a relative error of
// 1.15e-9 in x, so |Phi(x) - p| <= phi(x) |x| 1.15e-9 (mean value theorem).
TEST(Sampling, InverseNormalMatchesTheNormalDistribution) {
    EXPECT_NEAR(inverse_normal(0.5), 0.0, 1e-12);
    EXPECT_NEAR(inverse_normal(0.975), 1.959963984540054, 1e-8);
    EXPECT_NEAR(inverse_normal(0.001), -3.090232306167814, 1e-8);
    for (double p = 1e-7; p < 1; p = p < 0.01 ? p * 3 : p + 0.01) {
        const double x = inverse_normal(p);
        const double phi = 0.5 * std::erfc(-x / std::sqrt(2.0));
        const double density = std::exp(-0.5 * x * x) / std::sqrt(2 * M_PI);
        EXPECT_LE(std::abs(phi - p), density * std::max(std::abs(x), 1e-3) * 1.2e-9 + 1e-15 * p) << p;
    }
}

// The batch (vector) path returns exactly the scalar double inversion at the same uniform, for
// means on both sides of every switch (quiet test, float inversion up to 7, normal above 20).
// The kernels of one instruction set (detail::baseline, avx2, avx512).
struct Kernels {
    Isa isa;
    void (*fill)(RunStreams&, std::span<float>);
    void (*poisson)(std::span<const float>, std::span<const float>, std::span<std::int32_t>, BatchScratch&);
    void (*binomial)(std::span<const std::int32_t>, std::span<const float>, std::span<const float>,
                     std::span<std::int32_t>, BatchScratch&);
    std::int64_t (*survive)(std::span<const std::int32_t>, float, std::span<const float>, float,
                            std::span<const float>, std::span<const float>, std::span<const float>,
                            std::span<std::int32_t>, BatchScratch&);
};

const Kernels all_kernels[] = {
    {Isa::baseline, baseline::fill_uniforms, baseline::poisson_batch, baseline::binomial_batch,
     baseline::survive_and_migrate},
    {Isa::avx2, avx2::fill_uniforms, avx2::poisson_batch, avx2::binomial_batch, avx2::survive_and_migrate},
    {Isa::avx512, avx512::fill_uniforms, avx512::poisson_batch, avx512::binomial_batch,
     avx512::survive_and_migrate},
};

// The batch (vector) path of every instruction set returns exactly the scalar double inversion at
// the same uniform, for means on both sides of every switch (quiet test, float inversion up to 7,
// normal above 20). Sizes that are no multiple of any vector width exercise the loop tails.
TEST(Sampling, BatchEqualsScalarInversionOnEveryInstructionSet) {
    for (const Kernels& kernels : all_kernels) {
        if (!cpu_has(kernels.isa)) {
            continue; // this CPU cannot run it; baseline always runs
        }
        SCOPED_TRACE(static_cast<int>(kernels.isa));
        std::mt19937_64 gen(11);
        std::uniform_real_distribution<double> unit(0, 1);
        BatchScratch scratch;
        for (int trial = 0; trial < 60; ++trial) {
            const std::size_t n = trial % 2 == 0 ? 4096 : 1000 + static_cast<std::size_t>(trial);
            const std::vector<float> u = uniforms(static_cast<std::uint64_t>(trial), n);
            std::vector<float> lambda(n);
            std::vector<std::int32_t> persons(n);
            std::vector<float> q(n);
            const double scale = std::pow(10.0, -4 + trial % 7); // 1e-4 .. 100
            for (std::size_t i = 0; i < n; ++i) {
                lambda[i] = static_cast<float>(scale * unit(gen) * 0.3);
                persons[i] = static_cast<std::int32_t>(unit(gen) * 3 * static_cast<double>(trial % 11 + 1) * (trial % 3 == 0 ? 30 : 1));
                q[i] = static_cast<float>(trial % 5 == 0 ? unit(gen) : std::min(1.0, scale * 1e-2 * unit(gen)));
            }
            std::vector<std::int32_t> k(n);
            kernels.poisson(lambda, u, k, scratch);
            for (std::size_t i = 0; i < n; ++i) {
                ASSERT_EQ(k[i], poisson_inverse(lambda[i], u[i])) << lambda[i] << " " << u[i];
            }
            kernels.binomial(persons, q, u, k, scratch);
            for (std::size_t i = 0; i < n; ++i) {
                ASSERT_EQ(k[i], binomial_inverse(persons[i], q[i], u[i]))
                    << persons[i] << " " << q[i] << " " << u[i];
            }
        }
    }
}

// The fused age-cell step equals deaths and migrants drawn by the scalar inversions, for cells
// from empty (all runs quiet) through sparse to dense (every run busy), with clipping.
TEST(Sampling, SurviveAndMigrateEqualsScalarInversionsOnEveryInstructionSet) {
    std::mt19937_64 gen(5);
    std::uniform_real_distribution<double> unit(0, 1);
    const std::size_t n = 1001;
    for (const Kernels& kernels : all_kernels) {
        if (!cpu_has(kernels.isa)) {
            continue;
        }
        BatchScratch scratch;
        for (int trial = 0; trial < 40; ++trial) {
            SCOPED_TRACE(trial);
            const std::vector<float> u_death = uniforms(100 + static_cast<std::uint64_t>(trial), n);
            const std::vector<float> u_migration = uniforms(200 + static_cast<std::uint64_t>(trial), n);
            const double size = trial % 4 == 0 ? 0.0 : std::pow(10.0, trial % 5 - 1); // 0 .. 1000
            const auto q = static_cast<float>(trial % 7 == 0 ? 0.6 : 1e-3 * (trial % 9));
            const auto rate = static_cast<float>((trial % 3 - 1) * 0.02 * (trial % 11));
            std::vector<std::int32_t> persons(n);
            std::vector<float> factor(n);
            std::vector<float> shock(n);
            for (std::size_t i = 0; i < n; ++i) {
                persons[i] = static_cast<std::int32_t>(size * 2 * unit(gen));
                factor[i] = static_cast<float>(0.8 + 0.4 * unit(gen));
                shock[i] = static_cast<float>(trial % 2 == 0 ? 0.0 : 0.3 * (unit(gen) - 0.5));
            }
            std::vector<std::int32_t> to(n);
            const std::int64_t cut = kernels.survive(persons, q, factor, rate, shock, u_death,
                                                     u_migration, to, scratch);
            std::int64_t expected_cut = 0;
            for (std::size_t i = 0; i < n; ++i) {
                const float q_run = std::min(1.0F, q * factor[i]);
                const float rate_run = std::max(-1.0F, rate + shock[i]);
                const std::int32_t deaths = binomial_inverse(persons[i], q_run, u_death[i]);
                const std::int32_t drawn =
                    poisson_inverse(std::abs(rate_run) * static_cast<float>(persons[i]), u_migration[i]);
                const std::int32_t end = persons[i] - deaths + (rate_run < 0 ? -drawn : drawn);
                expected_cut += std::max(-end, 0);
                ASSERT_EQ(to[i], std::max(end, 0)) << static_cast<int>(kernels.isa) << " run " << i;
            }
            EXPECT_EQ(cut, expected_cut);
        }
    }
}

TEST(Sampling, UniformsAreIdenticalOnEveryInstructionSet) {
    for (const std::size_t n : {1UL, 7UL, 17UL, 1000UL, 1003UL}) {
        RunStreams reference;
        reference.seed(5, 3, n);
        std::vector<float> expected(n);
        for (int round = 0; round < 3; ++round) {
            reference.fill(expected);
        }
        for (const Kernels& kernels : all_kernels) {
            if (!cpu_has(kernels.isa)) {
                continue;
            }
            RunStreams streams;
            streams.seed(5, 3, n);
            std::vector<float> u(n);
            for (int round = 0; round < 3; ++round) {
                kernels.fill(streams, u);
            }
            EXPECT_EQ(u, expected) << static_cast<int>(kernels.isa) << " n=" << n;
        }
    }
}

// Moments of the batch samplers against theory (fresh uniforms per round), below and above the
// switch to the normal approximation.
TEST(Sampling, BatchMomentsMatchTheory) {
    BatchScratch scratch;
    RunStreams streams;
    const std::size_t n = 2000;
    const int rounds = 100;
    streams.seed(3, 3, n);
    std::vector<float> u(n);
    std::vector<std::int32_t> k(n);
    for (const float lambda : {0.003F, 0.2F, 1.5F, 6.0F, 19.0F, 45.0F}) {
        const std::vector<float> lambdas(n, lambda);
        double sum = 0;
        double sum2 = 0;
        for (int round = 0; round < rounds; ++round) {
            streams.fill(u);
            poisson_batch(lambdas, u, k, scratch);
            for (const auto v : k) {
                sum += v;
                sum2 += static_cast<double>(v) * v;
            }
        }
        const double draws = static_cast<double>(n) * rounds;
        const double mean = sum / draws;
        const double var = sum2 / draws - mean * mean;
        EXPECT_NEAR(mean, lambda, 5 * std::sqrt(lambda / draws)) << lambda;
        EXPECT_NEAR(var / lambda, 1.0, 0.01 + 5 * std::sqrt((1 / lambda + 2) / draws)) << lambda;
    }
    for (const auto& [persons, q] : std::vector<std::pair<std::int32_t, float>>{
             {1, 0.0004F}, {12, 0.02F}, {30, 0.15F}, {9, 0.45F}, {14, 0.7F}, {400, 0.1F}}) {
        const std::vector<std::int32_t> counts(n, persons);
        const std::vector<float> qs(n, q);
        double sum = 0;
        double sum2 = 0;
        for (int round = 0; round < rounds; ++round) {
            streams.fill(u);
            binomial_batch(counts, qs, u, k, scratch);
            for (const auto v : k) {
                ASSERT_GE(v, 0);
                ASSERT_LE(v, persons);
                sum += v;
                sum2 += static_cast<double>(v) * v;
            }
        }
        const double draws = static_cast<double>(n) * rounds;
        const double mean = sum / draws;
        const double var = sum2 / draws - mean * mean;
        const double theory_mean = persons * static_cast<double>(q);
        const double theory_var = theory_mean * (1 - static_cast<double>(q));
        EXPECT_NEAR(mean, theory_mean, 5 * std::sqrt(theory_var / draws)) << persons << " " << q;
        EXPECT_NEAR(var / theory_var, 1.0, 0.01 + 5 * std::sqrt((1 / theory_var + 2) / draws))
            << persons << " " << q;
    }
}

} // namespace
} // namespace lw::projection::detail
