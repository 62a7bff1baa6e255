#include "location/exact.hpp"
#include "location/mclp.hpp"
#include "oracle.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lw::location {

namespace {

// Seven villages on a road, 1 km apart; a site in a village covers it and its neighbours.
//   village     0    1    2    3    4    5    6
//   residents 100   50  300   80   20  200   60
CoverageProblem line_of_villages() {
    CoverageProblem p;
    p.weight = {100, 50, 300, 80, 20, 200, 60};
    p.first = {0};
    for (DemandId j = 0; j < 7; ++j) {
        for (DemandId i = j == 0 ? 0 : j - 1; i <= std::min<DemandId>(j + 1, 6); ++i) {
            p.demand.push_back(i);
        }
        p.first.push_back(static_cast<std::uint32_t>(p.demand.size()));
    }
    return p;
}

HeuristicConfig lagrangian_only() {
    HeuristicConfig config;
    config.lp_bound_max_entries = 0;
    config.bound_iterations = 500;
    return config;
}

} // namespace

TEST(Mclp, LineOfVillages) {
    const CoverageProblem p = line_of_villages();
    // k = 1: village 1 covers 0, 1, 2 = 450 (village 2 covers 1, 2, 3 = 430).
    Result r = solve_mclp(p, 1);
    EXPECT_EQ(r.sites, (std::vector<CandidateId>{1}));
    EXPECT_DOUBLE_EQ(r.value, 450);
    // k = 2: villages 1 and 4 cover 0..5 = 750; only village 6 (60) stays out.
    r = solve_mclp(p, 2);
    EXPECT_EQ(r.sites, (std::vector<CandidateId>{1, 4}));
    EXPECT_DOUBLE_EQ(r.value, 750);
    EXPECT_EQ(r.sense, Sense::maximise);
    EXPECT_GE(r.bound, 750 - 1e-9);
    // k = 3 covers everyone: the trivial bound (all coverable weight) proves it.
    r = solve_mclp(p, 3);
    EXPECT_DOUBLE_EQ(r.value, 810);
    EXPECT_EQ(r.status, Status::optimal);
    EXPECT_DOUBLE_EQ(r.gap, 0);
}

TEST(Mclp, ExistingSitesRespected) {
    CoverageProblem p = line_of_villages();
    // An existing site in village 2 already covers villages 1, 2 and 3.
    p.already_covered = {0, 1, 1, 1, 0, 0, 0};
    const Result r = solve_mclp(p, 1);
    // Village 1 would add only village 0 (100); village 5 adds 4, 5, 6 = 280.
    EXPECT_EQ(r.sites, (std::vector<CandidateId>{5}));
    EXPECT_DOUBLE_EQ(r.value, 280);
    const Result exact = solve_mclp_exact(p, 2);
    EXPECT_DOUBLE_EQ(exact.value, 380); // 0 and 4..6: everything not yet covered
    EXPECT_EQ(exact.status, Status::optimal);
}

TEST(Mclp, SitesAddingNothingAreLeftOut) {
    CoverageProblem p = line_of_villages();
    p.already_covered = {1, 1, 1, 1, 1, 1, 0};
    const Result r = solve_mclp(p, 3);
    ASSERT_EQ(r.sites.size(), 1u); // one site (5 or 6) covers village 6; a second adds nothing
    EXPECT_DOUBLE_EQ(r.value, 60);
    EXPECT_EQ(r.status, Status::optimal);
}

TEST(Mclp, ZeroSitesAndAllSites) {
    const CoverageProblem p = line_of_villages();
    Result r = solve_mclp(p, 0);
    EXPECT_TRUE(r.sites.empty());
    EXPECT_DOUBLE_EQ(r.value, 0);
    EXPECT_EQ(r.status, Status::optimal);
    r = solve_mclp(p, 7);
    EXPECT_DOUBLE_EQ(r.value, 810);
    EXPECT_EQ(r.status, Status::optimal);
}

TEST(Mclp, AgreesWithBruteForceOnRandomInstances) {
    std::mt19937 rng(11);
    int lagrangian_rounds = 0;
    int reduced_rounds = 0;       // exact solves where the Lagrangian reduction fixed candidates
    double lagrangian_excess = 0; // relative distance of the Lagrangian bound from the optimum
    for (int round = 0; round < 300; ++round) {
        const std::uint32_t n = test::pick(rng, 1, 9);
        const std::uint32_t m = test::pick(rng, 1, 25);
        const std::uint32_t k = test::pick(rng, 0, n);
        const CoverageProblem p =
            test::random_coverage(rng, n, m, test::uniform(rng, 0.05, 0.5), rng() % 2 == 0);
        const double optimum = test::best_coverage(p, k);
        const double eps = test::tol(optimum);
        SCOPED_TRACE(::testing::Message()
                     << "round " << round << " n " << n << " m " << m << " k " << k);

        HeuristicConfig greedy_only = lagrangian_only();
        greedy_only.interchange = false;
        const Result greedy = solve_mclp(p, k, greedy_only);
        const Result heuristic = solve_mclp(p, k, lagrangian_only());
        HeuristicConfig lp = lagrangian_only();
        lp.lp_bound_max_entries = 1'000'000;
        const Result with_lp = solve_mclp(p, k, lp);
        HeuristicConfig raw = lagrangian_only();
        raw.aggregate_demand = false;
        const Result unaggregated = solve_mclp(p, k, raw);
        const Result exact = solve_mclp_exact(p, k);
        // Without heuristic bounds GLPK has to do all the work (no reduction, no early proof).
        ExactConfig plain;
        plain.heuristic.interchange = false;
        plain.heuristic.bound_iterations = 0;
        plain.heuristic.lp_bound_max_entries = 0;
        const Result exact_plain = solve_mclp_exact(p, k, plain);

        for (const Result* r :
             {&greedy, &heuristic, &with_lp, &unaggregated, &exact, &exact_plain}) {
            EXPECT_LE(r->sites.size(), k);
            EXPECT_TRUE(std::is_sorted(r->sites.begin(), r->sites.end()));
            EXPECT_EQ(std::set<CandidateId>(r->sites.begin(), r->sites.end()).size(),
                      r->sites.size());
            EXPECT_NEAR(r->value, coverage_value(p, r->sites),
                        eps);                   // the value is the sites' value
            EXPECT_LE(r->value, optimum + eps); // never better than optimal
            EXPECT_GE(r->bound, optimum - eps); // the bound bounds
            EXPECT_DOUBLE_EQ(r->gap, relative_gap(Sense::maximise, r->value, r->bound));
            EXPECT_GE(r->gap, 0);
            EXPECT_LE(r->gap, 1);
            if (r->status == Status::optimal) {
                EXPECT_NEAR(r->value, optimum, optimality_tolerance * std::max(1.0, optimum));
            }
        }
        EXPECT_GE(heuristic.value, greedy.value - eps); // the swaps start from the greedy
        EXPECT_NEAR(exact.value, optimum, eps);
        EXPECT_EQ(exact.status, Status::optimal);
        EXPECT_NEAR(exact_plain.value, optimum, eps);
        EXPECT_EQ(exact_plain.status, Status::optimal);
        reduced_rounds += exact.fixed_candidates > 0 ? 1 : 0;
        EXPECT_EQ(exact.method, Method::exact_mip);
        EXPECT_EQ(greedy.method, Method::greedy);
        if (heuristic.bound_kind == BoundKind::lagrangian) {
            ++lagrangian_rounds;
            lagrangian_excess += (heuristic.bound - optimum) / heuristic.bound;
        }

        // Local optimality: no single swap improves the interchange result.
        const double value = heuristic.value;
        for (const CandidateId out : heuristic.sites) {
            for (const CandidateId in : test::complement(n, heuristic.sites)) {
                std::vector<CandidateId> swapped = heuristic.sites;
                std::replace(swapped.begin(), swapped.end(), out, in);
                EXPECT_LE(coverage_value(p, swapped), value + eps)
                    << "swap " << out << " -> " << in;
            }
        }
    }
    // Most tiny instances are proved by the trivial bounds; where the Lagrangian bound is the
    // best, it must be close to the optimum on average, or it is not doing its job.
    EXPECT_GE(lagrangian_rounds, 10);
    EXPECT_LT(lagrangian_excess / lagrangian_rounds, 0.01);
    EXPECT_GE(reduced_rounds, 5);
}

TEST(Mclp, MediumInstanceReportsASmallGap) {
    // 150 candidates x 3,000 demand points in the unit square, covering radius 0.1.
    std::mt19937 rng(3);
    std::vector<double> x(3000), y(3000);
    CoverageProblem p;
    for (std::size_t i = 0; i < x.size(); ++i) {
        x[i] = test::uniform(rng, 0, 1);
        y[i] = test::uniform(rng, 0, 1);
        p.weight.push_back(test::uniform(rng, 0, 50));
    }
    p.first = {0};
    for (int j = 0; j < 150; ++j) {
        const double cx = test::uniform(rng, 0, 1);
        const double cy = test::uniform(rng, 0, 1);
        for (DemandId i = 0; i < x.size(); ++i) {
            if ((x[i] - cx) * (x[i] - cx) + (y[i] - cy) * (y[i] - cy) <= 0.01) {
                p.demand.push_back(i);
            }
        }
        p.first.push_back(static_cast<std::uint32_t>(p.demand.size()));
    }
    HeuristicConfig config = lagrangian_only();
    config.perturbation_rounds = 30; // keeps the test quick under sanitizers
    config.bound_iterations = 300;
    for (const std::uint32_t k : {5u, 20u}) {
        const Result r = solve_mclp(p, k, config);
        EXPECT_EQ(solve_mclp(p, k, config).sites, r.sites); // seeded: the same sites every time
        EXPECT_EQ(r.bound_kind, BoundKind::lagrangian);
        EXPECT_LT(r.gap, 0.05) << "k " << k;
        EXPECT_NEAR(r.value, coverage_value(p, r.sites), test::tol(r.value));
        const Result exact = solve_mclp_exact(p, k);
        // Without heuristic bounds GLPK has to do all the work (no reduction, no early proof).
        ExactConfig plain;
        plain.heuristic.interchange = false;
        plain.heuristic.bound_iterations = 0;
        plain.heuristic.lp_bound_max_entries = 0;
        const Result exact_plain = solve_mclp_exact(p, k, plain);
        EXPECT_GE(exact.value, r.value - test::tol(r.value));
        EXPECT_LE(exact.value, r.bound + test::tol(r.value));
        EXPECT_GE(exact.bound, exact.value - test::tol(r.value));
    }
}

} // namespace lw::location
