#include "location/mclp.hpp"

#include "location/detail/capacitated.hpp"
#include "location/detail/checks.hpp"
#include "location/detail/driver.hpp"
#include "location/detail/search.hpp"

namespace lw::location {

Result solve_mclp(const CoverageProblem& problem, std::uint32_t k, const HeuristicConfig& config) {
    const auto start = detail::Clock::now();
    detail::require_valid(problem);
    detail::require_at_most(k, problem.candidate_count(), "k", "candidates");
    Result result;
    if (problem.capacitated()) {
        result = detail::capacitated_result(problem, k, config, nullptr);
    } else {
        const detail::Instance instance =
            detail::coverage_instance(problem, config.aggregate_demand);
        const detail::Outcome outcome = detail::run_heuristic(
            instance, k, detail::Mode::select, detail::Formulation::coverage, config);
        result = detail::selection_result(instance, outcome, true);
    }
    result.seconds = std::chrono::duration<double>(detail::Clock::now() - start).count();
    return result;
}

} // namespace lw::location
