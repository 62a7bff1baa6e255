// The reduced instance every solver works on (location/detail/instance.hpp): its cost must equal
// the problem's objective for every set of sites, whatever the reductions.

#include "location/detail/instance.hpp"
#include "oracle.hpp"

#include <gtest/gtest.h>

#include <numeric>

namespace lw::location::detail {

namespace {

std::vector<CandidateId> random_subset(std::mt19937& rng, std::uint32_t n) {
    std::vector<CandidateId> sites;
    for (CandidateId j = 0; j < n; ++j) {
        if (rng() % 3 == 0) {
            sites.push_back(j);
        }
    }
    return sites;
}

} // namespace

TEST(LocationInstance, CostEqualsTheObjective) {
    std::mt19937 rng(41);
    for (int round = 0; round < 200; ++round) {
        const std::uint32_t n = test::pick(rng, 1, 10);
        const std::uint32_t m = test::pick(rng, 1, 40);
        const MedianProblem mp =
            test::random_median(rng, n, m, test::uniform(rng, 0.05, 0.7), rng() % 2 == 0);
        const CoverageProblem cp =
            test::random_coverage(rng, n, m, test::uniform(rng, 0.05, 0.7), rng() % 2 == 0);
        const Instance median[] = {median_instance(mp, true), median_instance(mp, false)};
        const Instance cover[] = {coverage_instance(cp, true), coverage_instance(cp, false)};
        EXPECT_LE(median[0].group_count(), median[1].group_count());
        for (int trial = 0; trial < 5; ++trial) {
            const auto sites = random_subset(rng, n);
            for (const Instance& in : median) {
                EXPECT_NEAR(cost(in, sites), median_value(mp, sites), test::tol(in.base_cost));
                EXPECT_NEAR(in.base_cost, median_value(mp, {}), test::tol(in.base_cost));
            }
            for (const Instance& in : cover) {
                // Coverage instances count the uncovered weight: newly covered = base - cost.
                EXPECT_NEAR(in.base_cost - cost(in, sites), coverage_value(cp, sites),
                            test::tol(in.base_cost));
            }
        }
    }
}

TEST(LocationInstance, LossAndRestrictedInstances) {
    std::mt19937 rng(43);
    for (int round = 0; round < 200; ++round) {
        const std::uint32_t n = test::pick(rng, 1, 10);
        const std::uint32_t m = test::pick(rng, 1, 40);
        const MedianProblem mp =
            test::random_median(rng, n, m, test::uniform(rng, 0.05, 0.7), rng() % 2 == 0);
        const Instance in = median_instance(mp, true);
        std::vector<CandidateId> all(n);
        std::iota(all.begin(), all.end(), CandidateId{0});
        double all_open = 0;
        const Instance loss = loss_instance(in, all_open);
        EXPECT_NEAR(all_open, cost(in, all), test::tol(in.base_cost));

        std::vector<std::uint8_t> state(n);
        std::vector<CandidateId> open;
        for (CandidateId j = 0; j < n; ++j) {
            state[j] = static_cast<std::uint8_t>(rng() % 3); // free, open, closed
            if (state[j] == 1) {
                open.push_back(j);
            }
        }
        std::vector<CandidateId> original;
        const Instance restricted = restrict_instance(in, state, original, rng() % 2 == 0);
        ASSERT_EQ(restricted.candidate_count, original.size());
        for (const CandidateId j : original) {
            EXPECT_EQ(state[j], 0);
        }
        for (int trial = 0; trial < 5; ++trial) {
            const auto sites = random_subset(rng, n);
            // Loss instance: the cost of a kept set is its loss against all sites open.
            EXPECT_NEAR(cost(loss, sites), cost(in, sites) - all_open, test::tol(in.base_cost));
            // Restricted instance: the free sites cost what they cost together with the open ones.
            const auto free_sites = random_subset(rng, restricted.candidate_count);
            std::vector<CandidateId> together = open;
            for (const CandidateId c : free_sites) {
                together.push_back(original[c]);
            }
            EXPECT_NEAR(cost(restricted, free_sites), median_value(mp, together),
                        test::tol(in.base_cost));
        }
    }
}

} // namespace lw::location::detail
