#include "location/closure.hpp"
#include "location/exact.hpp"
#include "oracle.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <numeric>

namespace lw::location {

namespace {

// The loss of closing `closed` (coverage lost, or weighted time added) against all sites open.
double coverage_loss(const CoverageProblem& p, const std::vector<CandidateId>& closed) {
    std::vector<CandidateId> all(p.candidate_count());
    std::iota(all.begin(), all.end(), CandidateId{0});
    return coverage_value(p, all) -
           coverage_value(p, test::complement(p.candidate_count(), closed));
}
double median_loss(const MedianProblem& p, const std::vector<CandidateId>& closed) {
    std::vector<CandidateId> all(p.candidate_count());
    std::iota(all.begin(), all.end(), CandidateId{0});
    return median_value(p, test::complement(p.candidate_count(), closed)) - median_value(p, all);
}

HeuristicConfig lagrangian_only() {
    HeuristicConfig config;
    config.lp_bound_max_entries = 0;
    return config;
}

} // namespace

TEST(Closure, RedundantSiteClosesForFree) {
    // Three doctors' practices on a line of five villages (residents 10, 20, 30, 20, 10):
    // practice 0 covers villages 0-2, practice 1 covers 1-3, practice 2 covers 2-4.
    // Practice 1 adds nothing the other two do not cover: closing it loses nothing.
    CoverageProblem p;
    p.weight = {10, 20, 30, 20, 10};
    p.first = {0, 3, 6, 9};
    p.demand = {0, 1, 2, 1, 2, 3, 2, 3, 4};
    Result r = close_mclp(p, 1);
    EXPECT_EQ(r.sites, (std::vector<CandidateId>{1}));
    EXPECT_DOUBLE_EQ(r.value, 0);
    EXPECT_DOUBLE_EQ(r.baseline, 90);
    EXPECT_EQ(r.status, Status::optimal);
    // Closing two: keep practice 1 (20+30+20 = 70 of 90): loss 20.
    r = close_mclp(p, 2);
    EXPECT_EQ(r.sites, (std::vector<CandidateId>{0, 2}));
    EXPECT_DOUBLE_EQ(r.value, 20);
    // A site that must stay (covering villages 0 and 1) makes practice 0 redundant instead.
    p.already_covered = {1, 1, 0, 0, 0};
    r = close_mclp(p, 1);
    EXPECT_DOUBLE_EQ(r.value, 0);
    EXPECT_EQ(r.sites.size(), 1u);
    EXPECT_NE(r.sites[0], 2u); // village 4 needs practice 2
}

TEST(Closure, PMedianClosesTheNearlyDuplicateSite) {
    // Demand 0..3 at 0, 1, 2, 3 minutes along a road; sites at minute 0, 1 and 3.
    MedianProblem p;
    p.weight = {1, 1, 1, 1};
    p.horizon_s = 600;
    p.first = {0, 4, 8, 12};
    p.demand = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 2, 3};
    p.time_s = {0, 60, 120, 180, 60, 0, 60, 120, 180, 120, 60, 0};
    const Result r = close_pmedian(p, 1);
    // All open: 0 + 0 + 60 + 0 = 60. Closing site 0 adds 60; site 1 adds 60; site 2 adds 120.
    EXPECT_EQ(r.sites.size(), 1u);
    EXPECT_NE(r.sites[0], 2u);
    EXPECT_DOUBLE_EQ(r.value, 60);
    EXPECT_DOUBLE_EQ(r.baseline, 60);
    const Result exact = close_pmedian_exact(p, 2);
    EXPECT_EQ(exact.sites.size(), 2u);
    EXPECT_DOUBLE_EQ(exact.value, median_loss(p, exact.sites));
    EXPECT_EQ(exact.status, Status::optimal);
}

TEST(Closure, AgreesWithBruteForceOnRandomInstances) {
    std::mt19937 rng(23);
    for (int round = 0; round < 200; ++round) {
        const std::uint32_t n = test::pick(rng, 1, 8);
        const std::uint32_t m = test::pick(rng, 1, 20);
        const std::uint32_t close = test::pick(rng, 0, n);
        SCOPED_TRACE(::testing::Message() << "round " << round << " n " << n << " close " << close);
        const CoverageProblem cp =
            test::random_coverage(rng, n, m, test::uniform(rng, 0.1, 0.6), rng() % 2 == 0);
        const MedianProblem mp =
            test::random_median(rng, n, m, test::uniform(rng, 0.1, 0.7), rng() % 2 == 0);
        double best_cover = std::numeric_limits<double>::infinity();
        double best_median = std::numeric_limits<double>::infinity();
        test::for_each_subset(n, close, [&](const std::vector<CandidateId>& closed) {
            best_cover = std::min(best_cover, coverage_loss(cp, closed));
            best_median = std::min(best_median, median_loss(mp, closed));
        });
        const Result cover[] = {close_mclp(cp, close, lagrangian_only()), close_mclp(cp, close),
                                close_mclp_exact(cp, close)};
        for (const Result& r : cover) {
            const double eps = test::tol(r.baseline);
            ASSERT_EQ(r.sites.size(), close);
            EXPECT_NEAR(r.value, coverage_loss(cp, r.sites), eps);
            EXPECT_GE(r.value, best_cover - eps);
            EXPECT_LE(r.bound, best_cover + eps);
            EXPECT_GE(r.bound, 0);
            EXPECT_DOUBLE_EQ(r.gap, relative_gap(Sense::minimise, r.value, r.bound));
        }
        EXPECT_NEAR(cover[2].value, best_cover, test::tol(cover[2].baseline));
        EXPECT_EQ(cover[2].status, Status::optimal);

        const Result median[] = {close_pmedian(mp, close, lagrangian_only()),
                                 close_pmedian(mp, close), close_pmedian_exact(mp, close)};
        for (const Result& r : median) {
            const double eps = test::tol(r.baseline + r.value);
            ASSERT_EQ(r.sites.size(), close);
            EXPECT_NEAR(r.value, median_loss(mp, r.sites), eps);
            EXPECT_GE(r.value, best_median - eps);
            EXPECT_LE(r.bound, best_median + eps);
        }
        EXPECT_NEAR(median[2].value, best_median, test::tol(median[2].baseline + best_median));
        EXPECT_EQ(median[2].status, Status::optimal);
    }
}

} // namespace lw::location
