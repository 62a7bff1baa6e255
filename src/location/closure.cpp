#include "location/closure.hpp"

#include "location/detail/checks.hpp"
#include "location/detail/driver.hpp"
#include "location/detail/search.hpp"

namespace lw::location {

Result close_mclp(const CoverageProblem& open_sites, std::uint32_t close_count,
                  const HeuristicConfig& config) {
    const auto start = detail::Clock::now();
    detail::require_valid(open_sites);
    detail::require_uncapacitated_closure(open_sites);
    detail::require_at_most(close_count, open_sites.candidate_count(), "close_count", "open sites");
    const detail::Instance instance =
        detail::coverage_instance(open_sites, config.aggregate_demand);
    double all_open = 0;
    const detail::Instance loss = detail::loss_instance(instance, all_open);
    const detail::Outcome outcome =
        detail::run_heuristic(loss, loss.candidate_count - close_count, detail::Mode::keep,
                              detail::Formulation::coverage, config);
    Result result = detail::closure_result(loss, outcome, instance.base_cost - all_open);
    result.seconds = std::chrono::duration<double>(detail::Clock::now() - start).count();
    return result;
}

Result close_pmedian(const MedianProblem& open_sites, std::uint32_t close_count,
                     const HeuristicConfig& config) {
    const auto start = detail::Clock::now();
    detail::require_valid(open_sites);
    detail::require_at_most(close_count, open_sites.candidate_count(), "close_count", "open sites");
    const detail::Instance instance = detail::median_instance(open_sites, config.aggregate_demand);
    double all_open = 0;
    const detail::Instance loss = detail::loss_instance(instance, all_open);
    const detail::Outcome outcome =
        detail::run_heuristic(loss, loss.candidate_count - close_count, detail::Mode::keep,
                              detail::Formulation::median, config);
    Result result = detail::closure_result(loss, outcome, all_open);
    result.seconds = std::chrono::duration<double>(detail::Clock::now() - start).count();
    return result;
}

} // namespace lw::location
