#include "core/error.hpp"
#include "location/closure.hpp"
#include "location/exact.hpp"
#include "location/mclp.hpp"
#include "location/pmedian.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>

namespace lw::location {

namespace {

CoverageProblem small_coverage() {
    CoverageProblem p;
    p.weight = {1, 2, 3};
    p.first = {0, 2, 3};
    p.demand = {0, 1, 2};
    return p;
}

MedianProblem small_median() {
    MedianProblem p;
    p.weight = {1, 2, 3};
    p.first = {0, 2, 3};
    p.demand = {0, 1, 2};
    p.time_s = {10, 20, 30};
    p.horizon_s = 60;
    return p;
}

// Runs f and returns the lw::Error message; fails the test if f does not throw input_value.
std::string input_error(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::input_value);
        return e.what();
    }
    ADD_FAILURE() << "no lw::Error thrown";
    return {};
}

} // namespace

TEST(LocationProblem, ValidProblemsHaveNoMessages) {
    EXPECT_TRUE(validate(small_coverage()).empty());
    EXPECT_TRUE(validate(small_median()).empty());
}

TEST(LocationProblem, KLargerThanCandidates) {
    EXPECT_EQ(input_error([] { solve_mclp(small_coverage(), 3); }),
              "k = 3 exceeds the 2 candidates");
    EXPECT_EQ(input_error([] { solve_pmedian(small_median(), 5); }),
              "k = 5 exceeds the 2 candidates");
    EXPECT_EQ(input_error([] { solve_mclp_exact(small_coverage(), 3); }),
              "k = 3 exceeds the 2 candidates");
    EXPECT_EQ(input_error([] { close_mclp(small_coverage(), 4); }),
              "close_count = 4 exceeds the 2 open sites");
    EXPECT_EQ(input_error([] { close_pmedian_exact(small_median(), 3); }),
              "close_count = 3 exceeds the 2 open sites");
}

TEST(LocationProblem, DemandIdOutOfRange) {
    CoverageProblem p = small_coverage();
    p.demand[2] = 7;
    EXPECT_EQ(input_error([&] { solve_mclp(p, 1); }),
              "invalid location problem: candidate 1 lists demand id 7, but there are only 3 "
              "demand points");
}

TEST(LocationProblem, NegativeAndNanWeights) {
    MedianProblem p = small_median();
    p.weight[1] = -4;
    p.weight[2] = std::nan("");
    const std::string message = input_error([&] { solve_pmedian(p, 1); });
    EXPECT_NE(message.find("demand point 1 has weight -4 (weights must be finite and >= 0)"),
              std::string::npos);
    EXPECT_NE(message.find("demand point 2 has weight nan"), std::string::npos);
}

TEST(LocationProblem, BrokenRowsAndSizes) {
    CoverageProblem p = small_coverage();
    p.first = {0, 2, 1, 3};
    EXPECT_EQ(validate(p).at(0), "first decreases at candidate 1 (2 > 1)");
    p.first = {1, 2, 3};
    EXPECT_EQ(validate(p).at(0), "first[0] is 1, must be 0");
    p.first = {0, 2, 4};
    EXPECT_EQ(validate(p).at(0), "first ends at 4, but there are 3 demand entries");
    p.first.clear();
    EXPECT_FALSE(validate(p).empty());
    p = small_coverage();
    p.already_covered = {1};
    EXPECT_EQ(validate(p).at(0),
              "already_covered has 1 entries for 3 demand points (must be equal, or empty)");
    p = small_coverage();
    p.capacity = {1};
    EXPECT_EQ(validate(p).at(0),
              "capacity has 1 entries for 2 candidates (must be equal, or empty)");
    p.capacity = {1, -2};
    EXPECT_EQ(validate(p).at(0),
              "candidate 1 has capacity -2 (capacities must be >= 0, inf allowed)");
}

TEST(LocationProblem, TimesAndPenalty) {
    MedianProblem p = small_median();
    p.time_s[1] = 61;
    EXPECT_EQ(validate(p).at(0), "entry 1 has time 61 s, beyond the horizon of 60 s");
    p = small_median();
    p.time_s.pop_back();
    EXPECT_EQ(validate(p).at(0), "time_s has 2 entries for 3 demand entries (must be equal)");
    p = small_median();
    p.unserved_time_s = 30;
    EXPECT_EQ(validate(p).at(0),
              "unserved_time_s is 30 s; it must be finite and at least the horizon (60 s)");
    p = small_median();
    p.current_time_s = {1, 2};
    EXPECT_FALSE(validate(p).empty());
}

TEST(LocationProblem, MessagesAreCapped) {
    CoverageProblem p = small_coverage();
    p.weight.assign(100, -1.0);
    p.demand = {0, 1, 2};
    const auto messages = validate(p, 5);
    ASSERT_EQ(messages.size(), 6u);
    EXPECT_EQ(messages.back(), "... and 95 more problems");
}

TEST(LocationProblem, ClosureWithCapacitiesIsRefused) {
    CoverageProblem p = small_coverage();
    p.capacity = {10, 10};
    EXPECT_NE(
        input_error([&] { close_mclp(p, 1); }).find("closure with capacities is not supported"),
        std::string::npos);
}

TEST(LocationProblem, EvaluationOfGivenSites) {
    const CoverageProblem c = small_coverage();
    EXPECT_DOUBLE_EQ(coverage_value(c, {0}), 3);
    EXPECT_DOUBLE_EQ(coverage_value(c, {0, 1, 1}), 6);
    EXPECT_EQ(input_error([&] { coverage_value(c, {2}); }),
              "site 2 is not a candidate (there are 2)");
    const MedianProblem m = small_median();
    EXPECT_DOUBLE_EQ(median_value(m, {}), 6 * 60);
    EXPECT_DOUBLE_EQ(median_value(m, {0}), 1 * 10 + 2 * 20 + 3 * 60);
    EXPECT_EQ(median_times(m, {1}), (std::vector<TimeS>{60, 60, 30}));
}

TEST(LocationProblem, RelativeGap) {
    EXPECT_DOUBLE_EQ(relative_gap(Sense::maximise, 90, 100), 0.1);
    EXPECT_DOUBLE_EQ(relative_gap(Sense::minimise, 100, 90), 0.1);
    EXPECT_DOUBLE_EQ(relative_gap(Sense::maximise, 0, 0), 0);
    EXPECT_DOUBLE_EQ(relative_gap(Sense::minimise, 5, 0), 1);
    EXPECT_DOUBLE_EQ(relative_gap(Sense::maximise, 100, 99.999), 0); // rounding: no negative gap
}

TEST(LocationProblem, ExactSolverRefusesHugeInstances) {
    ExactConfig config;
    config.max_entries = 1; // demand 0 and 1 merge (same candidate): 2 entries remain
    EXPECT_NE(input_error([&] {
                  solve_mclp_exact(small_coverage(), 1, config);
              }).find("the exact solver accepts at most 1"),
              std::string::npos);
}

TEST(LocationProblem, NamesOfEnums) {
    EXPECT_EQ(to_string(Status::time_limit), "time_limit");
    EXPECT_EQ(to_string(BoundKind::lagrangian), "lagrangian");
    EXPECT_EQ(to_string(Method::greedy_interchange), "greedy_interchange");
    EXPECT_EQ(to_string(Sense::minimise), "minimise");
}

TEST(LocationProblem, DegenerateInputs) {
    // No candidates, no demand, empty rows: every solver answers, optimally.
    CoverageProblem none;
    none.first = {0};
    EXPECT_EQ(solve_mclp(none, 0).status, Status::optimal);
    EXPECT_EQ(solve_mclp_exact(none, 0).status, Status::optimal);
    CoverageProblem empty_rows;
    empty_rows.weight = {5, 6};
    empty_rows.first = {0, 0, 0, 0};
    for (const std::uint32_t k : {0u, 1u, 3u}) {
        const Result r = solve_mclp(empty_rows, k);
        EXPECT_TRUE(r.sites.empty());
        EXPECT_DOUBLE_EQ(r.value, 0);
        EXPECT_EQ(r.status, Status::optimal);
        EXPECT_EQ(close_mclp(empty_rows, k).sites.size(), k);
    }
    MedianProblem median;
    median.weight = {1, 2};
    median.first = {0, 0, 0};
    median.horizon_s = 100;
    const Result r = solve_pmedian_exact(median, 1);
    EXPECT_DOUBLE_EQ(r.value, 300);
    EXPECT_EQ(r.status, Status::optimal);
    EXPECT_DOUBLE_EQ(close_pmedian(median, 2).value, 0);
}

} // namespace lw::location
