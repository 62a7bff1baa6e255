#include "location/exact.hpp"
#include "location/mclp.hpp"
#include "location/pmedian.hpp"
#include "oracle.hpp"

#include <gtest/gtest.h>

namespace lw::location {

namespace {

// Demand and candidates scattered in a 30 km square; coverage within radius_km.
CoverageProblem scattered(std::uint32_t n, std::uint32_t m, double radius_km, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<double> x(m), y(m);
    CoverageProblem p;
    for (DemandId i = 0; i < m; ++i) {
        x[i] = test::uniform(rng, 0, 30);
        y[i] = test::uniform(rng, 0, 30);
        p.weight.push_back(static_cast<double>(test::pick(rng, 1, 60)));
    }
    p.first = {0};
    for (CandidateId j = 0; j < n; ++j) {
        const double cx = test::uniform(rng, 0, 30);
        const double cy = test::uniform(rng, 0, 30);
        for (DemandId i = 0; i < m; ++i) {
            if (std::hypot(x[i] - cx, y[i] - cy) <= radius_km) {
                p.demand.push_back(i);
            }
        }
        p.first.push_back(static_cast<std::uint32_t>(p.demand.size()));
    }
    return p;
}

} // namespace

TEST(Exact, ProvesTheHeuristicOrImprovesIt) {
    const CoverageProblem p = scattered(60, 800, 3.0, 2);
    for (const std::uint32_t k : {3u, 8u}) {
        HeuristicConfig greedy_only;
        greedy_only.interchange = false;
        const Result greedy = solve_mclp(p, k, greedy_only);
        ExactConfig config;
        config.heuristic = greedy_only;
        const Result exact = solve_mclp_exact(p, k, config);
        EXPECT_EQ(exact.status, Status::optimal);
        EXPECT_EQ(exact.method, Method::exact_mip);
        EXPECT_DOUBLE_EQ(exact.gap, 0);
        EXPECT_GE(exact.value, greedy.value);
        EXPECT_NEAR(exact.value, coverage_value(p, exact.sites), test::tol(exact.value));
        // Without the warm start GLPK finds the same optimum on its own.
        config.warm_start = false;
        EXPECT_NEAR(solve_mclp_exact(p, k, config).value, exact.value, test::tol(exact.value));
    }
}

TEST(Exact, TimeLimitReturnsTheIncumbentAndAValidBound) {
    const CoverageProblem p = scattered(300, 6000, 2.5, 4);
    ExactConfig config;
    config.time_limit_s = 0.02;
    const Result r = solve_mclp_exact(p, 25, config);
    const Result heuristic = solve_mclp(p, 25);
    EXPECT_TRUE(r.status == Status::optimal || r.status == Status::time_limit);
    EXPECT_GE(r.value, heuristic.value - test::tol(r.value));
    EXPECT_GE(r.bound, r.value);
    EXPECT_LE(r.bound, heuristic.bound + test::tol(r.value)); // never worse than the heuristic's
    EXPECT_LT(r.seconds, heuristic.seconds + 5.0);
}

TEST(Exact, PMedianWithExistingSites) {
    // A grid of 12 x 12 villages, 2 min apart (Manhattan), candidates in every third village;
    // an existing site in the corner.
    MedianProblem p;
    p.horizon_s = 900;
    std::vector<std::pair<int, int>> village;
    for (int r = 0; r < 12; ++r) {
        for (int c = 0; c < 12; ++c) {
            village.emplace_back(r, c);
            p.weight.push_back(static_cast<double>(1 + (r * 7 + c * 3) % 10));
            p.current_time_s.push_back(static_cast<TimeS>((r + c) * 120));
        }
    }
    p.first = {0};
    for (std::size_t j = 0; j < village.size(); j += 3) {
        for (DemandId i = 0; i < village.size(); ++i) {
            const auto t = static_cast<TimeS>((std::abs(village[i].first - village[j].first) +
                                               std::abs(village[i].second - village[j].second)) *
                                              120);
            if (t <= p.horizon_s) {
                p.demand.push_back(i);
                p.time_s.push_back(t);
            }
        }
        p.first.push_back(static_cast<std::uint32_t>(p.demand.size()));
    }
    for (const std::uint32_t k : {2u, 6u}) {
        const Result heuristic = solve_pmedian(p, k);
        const Result exact = solve_pmedian_exact(p, k);
        EXPECT_EQ(exact.status, Status::optimal);
        EXPECT_LE(exact.value, heuristic.value + test::tol(exact.value));
        EXPECT_LE(heuristic.bound, exact.value + test::tol(exact.value));
        EXPECT_NEAR(exact.value, median_value(p, exact.sites), test::tol(exact.value));
        EXPECT_LT(exact.value, exact.baseline);
    }
}

} // namespace lw::location
