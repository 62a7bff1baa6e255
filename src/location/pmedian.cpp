#include "location/pmedian.hpp"

#include "location/detail/checks.hpp"
#include "location/detail/driver.hpp"
#include "location/detail/search.hpp"

namespace lw::location {

Result solve_pmedian(const MedianProblem& problem, std::uint32_t k, const HeuristicConfig& config) {
    const auto start = detail::Clock::now();
    detail::require_valid(problem);
    detail::require_at_most(k, problem.candidate_count(), "k", "candidates");
    const detail::Instance instance = detail::median_instance(problem, config.aggregate_demand);
    const detail::Outcome outcome = detail::run_heuristic(instance, k, detail::Mode::select,
                                                          detail::Formulation::median, config);
    Result result = detail::selection_result(instance, outcome, false);
    result.seconds = std::chrono::duration<double>(detail::Clock::now() - start).count();
    return result;
}

} // namespace lw::location
