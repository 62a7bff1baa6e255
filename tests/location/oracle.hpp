#pragma once
// Random small location problems and brute-force optima over all subsets: the oracles of the
// location tests.

#include "location/problem.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <random>
#include <vector>

namespace lw::location::test {

inline double uniform(std::mt19937& rng, double lo, double hi) {
    return std::uniform_real_distribution<double>(lo, hi)(rng);
}
inline std::uint32_t pick(std::mt19937& rng, std::uint32_t lo, std::uint32_t hi) {
    return std::uniform_int_distribution<std::uint32_t>(lo, hi)(rng);
}

// Whole-number weights (some 0) or fractional ones, so ties and exact sums both occur.
inline std::vector<double> random_weights(std::mt19937& rng, std::uint32_t m) {
    std::vector<double> weight(m);
    const bool whole = rng() % 2 == 0;
    for (auto& w : weight) {
        w = whole ? static_cast<double>(pick(rng, 0, 20)) : uniform(rng, 0.0, 10.0);
    }
    return weight;
}

// Candidate rows with each (candidate, demand) pair present with the given density, and now and
// then a duplicate entry (the solvers must ignore it).
template <typename OnEntry>
void random_rows(std::mt19937& rng, std::uint32_t n, std::uint32_t m, double density,
                 std::vector<std::uint32_t>& first, OnEntry on_entry) {
    first.assign(1, 0);
    std::uint32_t entries = 0;
    for (std::uint32_t j = 0; j < n; ++j) {
        for (DemandId i = 0; i < m; ++i) {
            if (uniform(rng, 0, 1) < density) {
                on_entry(i);
                ++entries;
                if (rng() % 17 == 0) {
                    on_entry(i);
                    ++entries;
                }
            }
        }
        first.push_back(entries);
    }
}

inline CoverageProblem random_coverage(std::mt19937& rng, std::uint32_t n, std::uint32_t m,
                                       double density, bool existing) {
    CoverageProblem p;
    p.weight = random_weights(rng, m);
    random_rows(rng, n, m, density, p.first, [&](DemandId i) { p.demand.push_back(i); });
    if (existing) {
        p.already_covered.resize(m);
        for (auto& c : p.already_covered) {
            c = rng() % 4 == 0 ? 1 : 0;
        }
    }
    return p;
}

inline MedianProblem random_median(std::mt19937& rng, std::uint32_t n, std::uint32_t m,
                                   double density, bool existing) {
    MedianProblem p;
    p.weight = random_weights(rng, m);
    p.horizon_s = 600;
    random_rows(rng, n, m, density, p.first, [&](DemandId i) {
        p.demand.push_back(i);
        // Coarse times make ties between candidates common.
        p.time_s.push_back(rng() % 2 == 0 ? pick(rng, 0, 10) * 60 : pick(rng, 0, 600));
    });
    if (existing) {
        p.current_time_s.resize(m);
        for (auto& t : p.current_time_s) {
            t = rng() % 3 == 0 ? inf_time : pick(rng, 0, 1200);
        }
    }
    if (rng() % 2 == 0) {
        p.unserved_time_s = 900;
    }
    return p;
}

// Calls f with every subset of {0..n-1} of exactly `size` elements (ascending).
inline void for_each_subset(std::uint32_t n, std::uint32_t size,
                            const std::function<void(const std::vector<CandidateId>&)>& f) {
    std::vector<CandidateId> subset;
    std::function<void(CandidateId)> rec = [&](CandidateId from) {
        if (subset.size() == size) {
            f(subset);
            return;
        }
        for (CandidateId j = from; j + (size - subset.size()) <= n; ++j) {
            subset.push_back(j);
            rec(j + 1);
            subset.pop_back();
        }
    };
    rec(0);
}

// Adding a site never hurts either objective, so the best of the subsets of exactly min(k, n)
// sites is the optimum over "at most k".
inline double best_coverage(const CoverageProblem& p, std::uint32_t k) {
    double best = 0;
    for_each_subset(p.candidate_count(), std::min(k, p.candidate_count()),
                    [&](const auto& s) { best = std::max(best, coverage_value(p, s)); });
    return best;
}

inline double best_median(const MedianProblem& p, std::uint32_t k) {
    double best = std::numeric_limits<double>::infinity();
    for_each_subset(p.candidate_count(), std::min(k, p.candidate_count()),
                    [&](const auto& s) { best = std::min(best, median_value(p, s)); });
    return best;
}

inline std::vector<CandidateId> complement(std::uint32_t n, const std::vector<CandidateId>& sites) {
    std::vector<CandidateId> rest;
    for (CandidateId j = 0; j < n; ++j) {
        if (std::find(sites.begin(), sites.end(), j) == sites.end()) {
            rest.push_back(j);
        }
    }
    return rest;
}

// Relative tolerance for comparing sums of doubles.
inline double tol(double scale) {
    return 1e-9 * std::max(1.0, std::abs(scale));
}

} // namespace lw::location::test
