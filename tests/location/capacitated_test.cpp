#include "location/exact.hpp"
#include "location/mclp.hpp"
#include "oracle.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <limits>

namespace lw::location {

namespace {

// Checks the single-assignment rules and returns the served weight.
double checked_served(const CoverageProblem& p, const Result& r) {
    EXPECT_EQ(r.assignment.size(), p.demand_count());
    std::vector<double> load(p.candidate_count(), 0.0);
    double served = 0;
    for (DemandId i = 0; i < r.assignment.size(); ++i) {
        const CandidateId j = r.assignment[i];
        if (j == no_site) {
            continue;
        }
        EXPECT_TRUE(std::find(r.sites.begin(), r.sites.end(), j) != r.sites.end()) << "site " << j;
        EXPECT_TRUE(p.already_covered.empty() || p.already_covered[i] == 0) << "demand " << i;
        bool covers = false;
        for (std::uint32_t e = p.first[j]; e < p.first[j + 1]; ++e) {
            covers = covers || p.demand[e] == i;
        }
        EXPECT_TRUE(covers) << "site " << j << " does not cover demand " << i;
        load[j] += p.weight[i];
        served += p.weight[i];
    }
    for (CandidateId j = 0; j < p.candidate_count(); ++j) {
        EXPECT_LE(load[j], p.capacity[j] + test::tol(p.capacity[j])) << "site " << j;
    }
    return served;
}

// The best single assignment for fixed sites: every demand point to one covering site or none.
double best_assignment(const CoverageProblem& p, const std::vector<CandidateId>& sites) {
    std::vector<std::vector<CandidateId>> options(p.demand_count());
    for (const CandidateId j : sites) {
        for (std::uint32_t e = p.first[j]; e < p.first[j + 1]; ++e) {
            auto& o = options[p.demand[e]];
            if (std::find(o.begin(), o.end(), j) == o.end()) {
                o.push_back(j);
            }
        }
    }
    std::vector<double> room(p.capacity);
    double best = 0;
    std::function<void(DemandId, double)> rec = [&](DemandId i, double served) {
        if (i == p.demand_count()) {
            best = std::max(best, served);
            return;
        }
        rec(i + 1, served);
        if (!p.already_covered.empty() && p.already_covered[i] != 0) {
            return;
        }
        for (const CandidateId j : options[i]) {
            if (p.weight[i] - room[j] <= 1e-9 * std::max(1.0, p.weight[i])) { // as the solver
                room[j] -= p.weight[i];
                rec(i + 1, served + p.weight[i]);
                room[j] += p.weight[i];
            }
        }
    };
    rec(0, 0);
    return best;
}

} // namespace

TEST(CapacitatedMclp, OneSiteFillsItsCapacity) {
    // One candidate covers three villages of 50, 40 and 30 residents but serves at most 80:
    // 50 + 30 fills it exactly.
    CoverageProblem p;
    p.weight = {50, 40, 30};
    p.first = {0, 3};
    p.demand = {0, 1, 2};
    p.capacity = {80};
    const Result r = solve_mclp(p, 1);
    EXPECT_DOUBLE_EQ(r.value, 80);
    EXPECT_DOUBLE_EQ(checked_served(p, r), 80);
    EXPECT_EQ(r.assignment[1], no_site);
    EXPECT_EQ(r.status, Status::optimal); // the capacity bound proves it
    const Result exact = solve_mclp_exact(p, 1);
    EXPECT_DOUBLE_EQ(exact.value, 80);
}

TEST(CapacitatedMclp, TwoSitesShareTheDemand) {
    // Sites 0 and 1 both cover villages 0..3 (40 each), capacities 100 and 60; site 2 covers only
    // village 3. Whole villages only: two sites serve at most 120 of 160 (two villages at site 0,
    // one at site 1 or 2).
    CoverageProblem p;
    p.weight = {40, 40, 40, 40};
    p.first = {0, 4, 8, 9};
    p.demand = {0, 1, 2, 3, 0, 1, 2, 3, 3};
    p.capacity = {100, 60, 1000};
    const Result exact = solve_mclp_exact(p, 2);
    EXPECT_DOUBLE_EQ(exact.value, 120); // single assignment: 2 points at site 0, 1 at site 1
    EXPECT_DOUBLE_EQ(checked_served(p, exact), 120);
    EXPECT_EQ(exact.status, Status::optimal);
    const Result r = solve_mclp(p, 2);
    EXPECT_DOUBLE_EQ(r.value, 120);
    // Infinite capacities give the uncapacitated answer.
    p.capacity = {std::numeric_limits<double>::infinity(), std::numeric_limits<double>::infinity(),
                  std::numeric_limits<double>::infinity()};
    EXPECT_DOUBLE_EQ(solve_mclp(p, 1).value, 160);
}

TEST(CapacitatedMclp, AgreesWithBruteForceOnRandomInstances) {
    std::mt19937 rng(31);
    int heuristic_optimal = 0;
    const int rounds = 120;
    for (int round = 0; round < rounds; ++round) {
        const std::uint32_t n = test::pick(rng, 1, 5);
        const std::uint32_t m = test::pick(rng, 1, 7);
        const std::uint32_t k = test::pick(rng, 0, std::min(n, 3u));
        CoverageProblem p =
            test::random_coverage(rng, n, m, test::uniform(rng, 0.2, 0.8), rng() % 3 == 0);
        p.capacity.resize(n);
        for (auto& c : p.capacity) {
            c = rng() % 5 == 0 ? std::numeric_limits<double>::infinity()
                               : test::uniform(rng, 0, 30);
        }
        SCOPED_TRACE(::testing::Message()
                     << "round " << round << " n " << n << " m " << m << " k " << k);
        double optimum = 0;
        for (std::uint32_t size = 0; size <= k; ++size) {
            test::for_each_subset(n, size, [&](const std::vector<CandidateId>& sites) {
                optimum = std::max(optimum, best_assignment(p, sites));
            });
        }
        const double eps = test::tol(optimum);
        const Result heuristic = solve_mclp(p, k);
        const Result exact = solve_mclp_exact(p, k);
        for (const Result* r : {&heuristic, &exact}) {
            EXPECT_LE(r->sites.size(), k);
            EXPECT_NEAR(r->value, checked_served(p, *r), eps);
            EXPECT_LE(r->value, optimum + eps);
            EXPECT_GE(r->bound, optimum - eps);
            EXPECT_DOUBLE_EQ(r->gap, relative_gap(Sense::maximise, r->value, r->bound));
        }
        EXPECT_NEAR(exact.value, optimum, eps);
        EXPECT_EQ(exact.status, Status::optimal);
        heuristic_optimal += heuristic.value >= optimum - eps;
    }
    // The heuristic is no oracle, but on tiny instances it should nearly always be optimal.
    EXPECT_GT(heuristic_optimal, rounds * 8 / 10);
}

} // namespace lw::location
