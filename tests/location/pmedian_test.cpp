#include "location/exact.hpp"
#include "location/pmedian.hpp"
#include "oracle.hpp"

#include <gtest/gtest.h>

#include <set>

namespace lw::location {

namespace {

// Seven villages on a road, 1 km = 2 minutes apart; the lists hold the villages within 3 km
// (horizon 6 min); demand that no site reaches counts 20 minutes.
//   village     0    1    2    3    4    5    6
//   residents 100   50  300   80   20  200   60
MedianProblem line_of_villages() {
    MedianProblem p;
    p.weight = {100, 50, 300, 80, 20, 200, 60};
    p.horizon_s = 360;
    p.unserved_time_s = 1200;
    p.first = {0};
    for (DemandId j = 0; j < 7; ++j) {
        for (DemandId i = 0; i < 7; ++i) {
            const std::uint32_t km = i > j ? i - j : j - i;
            if (km <= 3) {
                p.demand.push_back(i);
                p.time_s.push_back(km * 120);
            }
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

TEST(PMedian, LineOfVillages) {
    const MedianProblem p = line_of_villages();
    // k = 1: village 3 reaches everyone: (100*3 + 50*2 + 300*1 + 20*1 + 200*2 + 60*3) * 120 s.
    Result r = solve_pmedian(p, 1);
    EXPECT_EQ(r.sites, (std::vector<CandidateId>{3}));
    EXPECT_DOUBLE_EQ(r.value, 1300.0 * 120);
    EXPECT_EQ(r.sense, Sense::minimise);
    EXPECT_DOUBLE_EQ(r.baseline, 810.0 * 1200); // nobody served: all at the penalty
    EXPECT_LE(r.bound, r.value);
    // k = 2: villages 2 and 5: (100*2 + 50*1 + 80*1 + 20*1 + 60*1) * 120 s.
    r = solve_pmedian(p, 2);
    EXPECT_EQ(r.sites, (std::vector<CandidateId>{2, 5}));
    EXPECT_DOUBLE_EQ(r.value, 410.0 * 120);
}

TEST(PMedian, ExistingSiteChangesTheBestNewSite) {
    MedianProblem p = line_of_villages();
    // An existing site in village 5, known times to it without horizon.
    p.current_time_s = {600, 480, 360, 240, 120, 0, 120};
    const Result r = solve_pmedian(p, 1);
    EXPECT_EQ(r.sites, (std::vector<CandidateId>{2}));
    EXPECT_DOUBLE_EQ(r.value, 49200);
    EXPECT_DOUBLE_EQ(r.baseline, 220800);
    const Result exact = solve_pmedian_exact(p, 1);
    EXPECT_DOUBLE_EQ(exact.value, 49200);
    EXPECT_EQ(exact.status, Status::optimal);
    EXPECT_DOUBLE_EQ(exact.bound, 49200);
}

TEST(PMedian, UnservedDemandAndDuplicates) {
    // Candidate 0 reaches demand 0 in 60 s (listed twice, once with 90 s); demand 1 is reached by
    // nobody: it counts the horizon (300 s) or the stated penalty.
    MedianProblem p;
    p.weight = {2, 3};
    p.first = {0, 2};
    p.demand = {0, 0};
    p.time_s = {90, 60};
    p.horizon_s = 300;
    EXPECT_DOUBLE_EQ(solve_pmedian(p, 1).value, 2 * 60 + 3 * 300);
    EXPECT_DOUBLE_EQ(median_value(p, {}), 2 * 300 + 3 * 300);
    p.unserved_time_s = 900;
    EXPECT_DOUBLE_EQ(solve_pmedian(p, 1).value, 2 * 60 + 3 * 900);
    // A current time beyond the horizon is kept as it is (the site exists, just far).
    p.current_time_s = {inf_time, 2000};
    EXPECT_DOUBLE_EQ(solve_pmedian(p, 1).value, 2 * 60 + 3 * 2000);
}

TEST(PMedian, AgreesWithBruteForceOnRandomInstances) {
    std::mt19937 rng(7);
    int lagrangian_rounds = 0;
    int reduced_rounds = 0;       // exact solves where the Lagrangian reduction fixed candidates
    double lagrangian_excess = 0; // relative distance of the Lagrangian bound from the optimum
    for (int round = 0; round < 300; ++round) {
        const std::uint32_t n = test::pick(rng, 1, 9);
        const std::uint32_t m = test::pick(rng, 1, 25);
        const std::uint32_t k = test::pick(rng, 0, n);
        const MedianProblem p =
            test::random_median(rng, n, m, test::uniform(rng, 0.05, 0.6), rng() % 2 == 0);
        const double optimum = test::best_median(p, k);
        const double eps = test::tol(optimum);
        SCOPED_TRACE(::testing::Message()
                     << "round " << round << " n " << n << " m " << m << " k " << k);

        HeuristicConfig greedy_only = lagrangian_only();
        greedy_only.interchange = false;
        const Result greedy = solve_pmedian(p, k, greedy_only);
        const Result heuristic = solve_pmedian(p, k, lagrangian_only());
        HeuristicConfig lp = lagrangian_only();
        lp.lp_bound_max_entries = 1'000'000;
        const Result with_lp = solve_pmedian(p, k, lp);
        HeuristicConfig raw = lagrangian_only();
        raw.aggregate_demand = false;
        const Result unaggregated = solve_pmedian(p, k, raw);
        const Result exact = solve_pmedian_exact(p, k);
        // Without heuristic bounds GLPK has to do all the work (no reduction, no early proof).
        ExactConfig plain;
        plain.heuristic.interchange = false;
        plain.heuristic.bound_iterations = 0;
        plain.heuristic.lp_bound_max_entries = 0;
        const Result exact_plain = solve_pmedian_exact(p, k, plain);

        for (const Result* r :
             {&greedy, &heuristic, &with_lp, &unaggregated, &exact, &exact_plain}) {
            EXPECT_LE(r->sites.size(), k);
            EXPECT_TRUE(std::is_sorted(r->sites.begin(), r->sites.end()));
            EXPECT_EQ(std::set<CandidateId>(r->sites.begin(), r->sites.end()).size(),
                      r->sites.size());
            EXPECT_NEAR(r->value, median_value(p, r->sites), eps);
            EXPECT_GE(r->value, optimum - eps); // never better than optimal
            EXPECT_LE(r->bound, optimum + eps); // the lower bound bounds
            EXPECT_DOUBLE_EQ(r->baseline, median_value(p, {}));
            EXPECT_DOUBLE_EQ(r->gap, relative_gap(Sense::minimise, r->value, r->bound));
            EXPECT_GE(r->gap, 0);
            EXPECT_LE(r->gap, 1);
            if (r->status == Status::optimal) {
                EXPECT_NEAR(r->value, optimum, optimality_tolerance * std::max(1.0, optimum));
            }
        }
        EXPECT_LE(heuristic.value, greedy.value + eps);
        EXPECT_NEAR(exact.value, optimum, eps);
        EXPECT_EQ(exact.status, Status::optimal);
        EXPECT_NEAR(exact_plain.value, optimum, eps);
        EXPECT_EQ(exact_plain.status, Status::optimal);
        reduced_rounds += exact.fixed_candidates > 0 ? 1 : 0;
        if (heuristic.bound_kind == BoundKind::lagrangian) {
            ++lagrangian_rounds;
            lagrangian_excess += (optimum - heuristic.bound) / optimum;
        }

        for (const CandidateId out : heuristic.sites) {
            for (const CandidateId in : test::complement(n, heuristic.sites)) {
                std::vector<CandidateId> swapped = heuristic.sites;
                std::replace(swapped.begin(), swapped.end(), out, in);
                EXPECT_GE(median_value(p, swapped), heuristic.value - eps)
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

TEST(PMedian, MediumGeometricInstanceReportsASmallGap) {
    // 120 candidates x 2,500 demand points in a 20 km square, 60 s per km, horizon 10 min.
    std::mt19937 rng(5);
    std::vector<double> x(2500), y(2500);
    MedianProblem p;
    p.horizon_s = 600;
    for (std::size_t i = 0; i < x.size(); ++i) {
        x[i] = test::uniform(rng, 0, 20);
        y[i] = test::uniform(rng, 0, 20);
        p.weight.push_back(test::uniform(rng, 0, 30));
    }
    p.first = {0};
    for (int j = 0; j < 120; ++j) {
        const double cx = test::uniform(rng, 0, 20);
        const double cy = test::uniform(rng, 0, 20);
        for (DemandId i = 0; i < x.size(); ++i) {
            const double km = std::hypot(x[i] - cx, y[i] - cy);
            if (km * 60 <= 600) {
                p.demand.push_back(i);
                p.time_s.push_back(static_cast<TimeS>(km * 60));
            }
        }
        p.first.push_back(static_cast<std::uint32_t>(p.demand.size()));
    }
    HeuristicConfig config = lagrangian_only();
    config.perturbation_rounds = 30; // keeps the test quick under sanitizers
    config.bound_iterations = 300;
    for (const std::uint32_t k : {5u, 25u}) {
        const Result r = solve_pmedian(p, k, config);
        EXPECT_EQ(solve_pmedian(p, k, config).sites, r.sites); // seeded: the same sites every time
        EXPECT_EQ(r.bound_kind, BoundKind::lagrangian);
        EXPECT_LT(r.gap, 0.05) << "k " << k;
        EXPECT_NEAR(r.value, median_value(p, r.sites), test::tol(r.value));
    }
}

} // namespace lw::location
