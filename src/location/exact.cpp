#include "location/exact.hpp"

#include "location/detail/capacitated.hpp"
#include "location/detail/checks.hpp"
#include "location/detail/driver.hpp"
#include "location/detail/search.hpp"

namespace lw::location {

namespace {

double seconds_since(detail::Clock::time_point start) {
    return std::chrono::duration<double>(detail::Clock::now() - start).count();
}

} // namespace

Result solve_mclp_exact(const CoverageProblem& problem, std::uint32_t k,
                        const ExactConfig& config) {
    const auto start = detail::Clock::now();
    detail::require_valid(problem);
    detail::require_at_most(k, problem.candidate_count(), "k", "candidates");
    Result result;
    if (problem.capacitated()) {
        result = detail::capacitated_result(problem, k, config.heuristic, &config);
    } else {
        const auto instance = detail::coverage_instance(problem, config.heuristic.aggregate_demand);
        const auto outcome = detail::run_exact(instance, k, detail::Mode::select,
                                               detail::Formulation::coverage, config);
        result = detail::selection_result(instance, outcome, true);
    }
    result.seconds = seconds_since(start);
    return result;
}

Result solve_pmedian_exact(const MedianProblem& problem, std::uint32_t k,
                           const ExactConfig& config) {
    const auto start = detail::Clock::now();
    detail::require_valid(problem);
    detail::require_at_most(k, problem.candidate_count(), "k", "candidates");
    const auto instance = detail::median_instance(problem, config.heuristic.aggregate_demand);
    const auto outcome =
        detail::run_exact(instance, k, detail::Mode::select, detail::Formulation::median, config);
    Result result = detail::selection_result(instance, outcome, false);
    result.seconds = seconds_since(start);
    return result;
}

Result close_mclp_exact(const CoverageProblem& open_sites, std::uint32_t close_count,
                        const ExactConfig& config) {
    const auto start = detail::Clock::now();
    detail::require_valid(open_sites);
    detail::require_uncapacitated_closure(open_sites);
    detail::require_at_most(close_count, open_sites.candidate_count(), "close_count", "open sites");
    const auto instance = detail::coverage_instance(open_sites, config.heuristic.aggregate_demand);
    double all_open = 0;
    const auto loss = detail::loss_instance(instance, all_open);
    const auto outcome =
        detail::run_exact(loss, loss.candidate_count - close_count, detail::Mode::keep,
                          detail::Formulation::coverage, config);
    Result result = detail::closure_result(loss, outcome, instance.base_cost - all_open);
    result.seconds = seconds_since(start);
    return result;
}

Result close_pmedian_exact(const MedianProblem& open_sites, std::uint32_t close_count,
                           const ExactConfig& config) {
    const auto start = detail::Clock::now();
    detail::require_valid(open_sites);
    detail::require_at_most(close_count, open_sites.candidate_count(), "close_count", "open sites");
    const auto instance = detail::median_instance(open_sites, config.heuristic.aggregate_demand);
    double all_open = 0;
    const auto loss = detail::loss_instance(instance, all_open);
    const auto outcome = detail::run_exact(loss, loss.candidate_count - close_count,
                                           detail::Mode::keep, detail::Formulation::median, config);
    Result result = detail::closure_result(loss, outcome, all_open);
    result.seconds = seconds_since(start);
    return result;
}

} // namespace lw::location
