#include "location/detail/driver.hpp"

#include "core/error.hpp"
#include "location/detail/search.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <limits>
#include <numeric>

namespace lw::location::detail {

namespace {

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

Clock::time_point deadline_after(double seconds) {
    return Clock::now() + std::chrono::duration_cast<Clock::duration>(
                              std::chrono::duration<double>(std::max(seconds, 0.0)));
}

// Sum of the `count` largest (descending) or smallest values.
double sum_of_extremes(std::vector<double> values, std::size_t count, bool largest) {
    count = std::min(count, values.size());
    auto order = [largest](double a, double b) { return largest ? a > b : a < b; };
    std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(count),
                      values.end(), order);
    return std::accumulate(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(count),
                           0.0);
}

void raise_bound(Outcome& out, double bound, BoundKind kind) {
    if (bound > out.bound) {
        out.bound = bound;
        out.bound_kind = kind;
    }
}

bool bound_closes(const Outcome& out, double target_gap) {
    return out.cost - out.bound <= target_gap * std::max(std::abs(out.cost), 1.0);
}

// Improves `sites` by interchange and takes them if they beat the outcome's solution.
void adopt_if_better(const Instance& in, std::vector<CandidateId> sites, Mode mode,
                     const HeuristicConfig& config, Outcome& out) {
    if (config.interchange) {
        InterchangeLimits limits;
        limits.max_swaps = config.max_interchanges;
        limits.deadline = deadline_after(config.interchange_time_limit_s);
        out.interchanges += interchange(in, sites, limits).swaps;
    }
    if (mode == Mode::select) {
        sites = prune(in, std::move(sites));
    }
    std::sort(sites.begin(), sites.end());
    if (const double sites_cost = cost(in, sites); sites_cost < out.cost) {
        out.sites = std::move(sites);
        out.cost = sites_cost;
    }
}

// Bounds from simple arguments (no relaxation): exact for k = 0 and k = n; otherwise every group
// at its nearest candidate; the savings of k sites are at most the k best single savings; closing
// sites loses at least the single-closure losses (the saving function is submodular).
void trivial_bounds(const Instance& in, std::uint32_t k, Mode mode, Outcome& out) {
    const std::uint32_t n = in.candidate_count;
    out.bound = -std::numeric_limits<double>::infinity();
    std::vector<CandidateId> all(n);
    std::iota(all.begin(), all.end(), CandidateId{0});
    if (k == 0) {
        raise_bound(out, in.base_cost, BoundKind::trivial);
        return;
    }
    if (k >= n) {
        raise_bound(out, cost(in, all), BoundKind::trivial);
        return;
    }
    double nearest = in.constant;
    for (std::uint32_t g = 0; g < in.group_count(); ++g) {
        nearest += in.weight[g] * static_cast<double>(in.group_time[in.group_first[g]]);
    }
    raise_bound(out, nearest, BoundKind::trivial);
    raise_bound(out, in.base_cost - sum_of_extremes(single_savings(in), k, true),
                BoundKind::trivial);
    if (mode == Mode::keep) {
        raise_bound(out, cost(in, all) + sum_of_extremes(single_losses(in), n - k, false),
                    BoundKind::trivial);
    }
}

// Lagrangian first (it scales, and its relaxed solutions may beat the local search); then the
// LP, whose optimum is at least as good (the Lagrangian dual of these relaxations equals the LP
// bound), if the instance is small and the gap still open.
void relaxation_bounds(const Instance& in, std::uint32_t k, Mode mode, Formulation form,
                       const HeuristicConfig& config, Outcome& out) {
    const auto deadline = deadline_after(config.bound_time_limit_s);
    if (config.bound_iterations > 0 && !bound_closes(out, config.target_gap)) {
        auto lagrange = lagrangian_bound(in, k, out.sites, out.cost, config.bound_iterations,
                                         deadline, config.target_gap);
        out.bound_iterations = lagrange.iterations;
        raise_bound(out, lagrange.bound, BoundKind::lagrangian);
        out.lagrangian_bound = lagrange.bound;
        out.lagrangian_rho = std::move(lagrange.rho);
        if (lagrange.best_cost < out.cost) {
            // A relaxed solution beat the local search: search from there too.
            adopt_if_better(in, std::move(lagrange.best_sites), mode, config, out);
        }
    }
    const double left_s = std::chrono::duration<double>(deadline - Clock::now()).count();
    if (!bound_closes(out, config.target_gap) && in.entry_count() <= config.lp_bound_max_entries &&
        left_s > 0) {
        if (const auto lp = lp_bound(in, form, k, {}, left_s)) {
            raise_bound(out, *lp, BoundKind::lp_relaxation);
        }
    }
}

} // namespace

Outcome run_heuristic(const Instance& in, std::uint32_t k, Mode mode, Formulation form,
                      const HeuristicConfig& config) {
    Outcome out;
    const std::uint32_t n = in.candidate_count;
    if (mode == Mode::select) {
        out.sites = greedy_add(in, k);
        out.greedy_steps = static_cast<std::uint32_t>(out.sites.size());
    } else {
        out.sites = greedy_drop(in, k);
        out.greedy_steps = n - k;
    }
    out.cost = cost(in, out.sites);
    auto start = Clock::now();
    trivial_bounds(in, k, mode, out);
    out.bound_seconds = seconds_since(start);
    // No local search once a simple bound proves the greedy optimal (e.g. all coverable covered).
    if (config.interchange && !bound_closes(out, config.target_gap)) {
        out.method = Method::greedy_interchange;
        InterchangeLimits limits;
        limits.max_swaps = config.max_interchanges;
        limits.perturbation_rounds = config.perturbation_rounds;
        limits.seed = config.seed;
        limits.deadline = deadline_after(config.interchange_time_limit_s);
        const InterchangeStats stats = interchange(in, out.sites, limits);
        out.interchanges = stats.swaps;
        out.perturbation_rounds = stats.rounds;
    }
    if (mode == Mode::select) {
        out.sites = prune(in, std::move(out.sites));
    }
    std::sort(out.sites.begin(), out.sites.end());
    out.cost = cost(in, out.sites);
    if (k > 0 && k < n) {
        start = Clock::now();
        relaxation_bounds(in, k, mode, form, config, out);
        out.bound_seconds += seconds_since(start);
    }
    // A bound above a known solution is rounding noise (the bound meets the value).
    out.bound = std::min(out.bound, out.cost);
    return out;
}

void require_exact_size(const Instance& in, const ExactConfig& config) {
    if (in.entry_count() > config.max_entries) {
        throw Error(
            ErrorKind::input_value,
            fmt::format("the reduced instance has {} (demand, candidate) entries; the exact "
                        "solver accepts at most {} (ExactConfig::max_entries) - use the "
                        "heuristic, which reports its gap",
                        in.entry_count(), config.max_entries));
    }
}

Outcome run_exact(const Instance& in, std::uint32_t k, Mode mode, Formulation form,
                  const ExactConfig& config) {
    require_exact_size(in, config);
    Outcome out = run_heuristic(in, k, mode, form, config.heuristic);
    out.method = Method::exact_mip;
    const std::uint32_t n = in.candidate_count;
    if (k == 0 || k >= n || out.cost - out.bound <= 1e-12 * std::max(1.0, std::abs(out.cost))) {
        out.proved = true; // nothing to choose, or the heuristic's bound already proves it
        return out;
    }
    const auto start = Clock::now();
    // Lagrangian reduction (Beasley 1993): candidates whose inclusion or exclusion provably
    // costs more than the incumbent are decided before branch and bound; the MIP then works on
    // the rest, with the open ones folded into the base times.
    std::vector<std::uint8_t> state(n, 0);
    if (!out.lagrangian_rho.empty()) {
        state = fix_candidates(out.lagrangian_rho, out.lagrangian_bound, k, out.cost,
                               1e-9 * std::max(1.0, std::abs(out.cost)));
    }
    std::vector<CandidateId> fixed_open;
    for (CandidateId j = 0; j < n; ++j) {
        if (state[j] == 1) {
            fixed_open.push_back(j);
        }
        out.fixed_candidates += state[j] != 0 ? 1 : 0;
    }
    std::vector<CandidateId> original;
    const Instance reduced =
        restrict_instance(in, state, original, config.heuristic.aggregate_demand);
    const auto free_k = static_cast<std::uint32_t>(k - fixed_open.size());

    MipOutcome mip;
    if (free_k == 0 || free_k >= reduced.candidate_count) {
        // Nothing left to decide: the fixed sites plus all (or none) of the free ones.
        mip.has_solution = true;
        mip.status = Status::optimal;
        if (free_k > 0) {
            mip.sites.resize(reduced.candidate_count);
            std::iota(mip.sites.begin(), mip.sites.end(), CandidateId{0});
        }
    } else {
        MipSettings settings;
        settings.time_limit_s = config.time_limit_s;
        settings.relative_gap = config.relative_gap;
        std::vector<CandidateId> warm;
        if (config.warm_start) {
            std::vector<CandidateId> reduced_id(n, no_site);
            for (CandidateId c = 0; c < original.size(); ++c) {
                reduced_id[original[c]] = c;
            }
            for (const CandidateId j : out.sites) {
                if (reduced_id[j] != no_site) {
                    warm.push_back(reduced_id[j]);
                }
            }
            settings.warm_sites = warm;
        }
        mip = solve_mip(reduced, form, free_k, {}, settings);
        out.bound_iterations = mip.nodes;
    }
    if (mip.has_solution) {
        std::vector<CandidateId> sites = fixed_open;
        for (const CandidateId c : mip.sites) {
            sites.push_back(original[c]);
        }
        if (mode == Mode::select) {
            sites = prune(in, std::move(sites));
        } else {
            // Keeping more sites never costs more: top the kept set up to exactly k.
            std::vector<std::uint8_t> kept(n, 0);
            for (const CandidateId j : sites) {
                kept[j] = 1;
            }
            for (CandidateId j = 0; j < n && sites.size() < k; ++j) {
                if (kept[j] == 0) {
                    sites.push_back(j);
                }
            }
        }
        std::sort(sites.begin(), sites.end());
        const double mip_cost = cost(in, sites);
        if (mip_cost < out.cost) {
            out.sites = std::move(sites);
            out.cost = mip_cost;
        }
    }
    // Solutions outside the reduction cost more than the incumbent, so the reduced problem's
    // bound (capped by the incumbent) bounds the original.
    out.proved = mip.has_solution && mip.status == Status::optimal;
    out.time_limit = !out.proved && mip.status == Status::time_limit;
    if (out.proved) {
        out.bound = out.cost;
        out.bound_kind = BoundKind::mip;
    } else if (mip.bound > out.bound) {
        out.bound = std::min(mip.bound, out.cost);
        out.bound_kind = BoundKind::mip;
    }
    out.bound_seconds += seconds_since(start);
    return out;
}

Result selection_result(const Instance& in, const Outcome& out, bool coverage) {
    Result result;
    result.sites = out.sites;
    if (coverage) {
        result.sense = Sense::maximise;
        result.value = in.base_cost - out.cost;
        result.bound = in.base_cost - out.bound;
    } else {
        result.sense = Sense::minimise;
        result.value = out.cost;
        result.bound = out.bound;
        result.baseline = in.base_cost;
    }
    finish(result, out);
    return result;
}

Result closure_result(const Instance& in, const Outcome& out, double baseline) {
    Result result;
    result.sense = Sense::minimise;
    std::vector<std::uint8_t> kept(in.candidate_count, 0);
    for (const CandidateId j : out.sites) {
        kept[j] = 1;
    }
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        if (kept[j] == 0) {
            result.sites.push_back(j);
        }
    }
    result.value = out.cost;
    result.bound = std::clamp(out.bound, 0.0, out.cost);
    result.baseline = baseline;
    finish(result, out);
    return result;
}

void finish(Result& result, const Outcome& out) {
    result.method = out.method;
    result.bound_kind = out.bound_kind;
    result.greedy_steps = out.greedy_steps;
    result.interchanges = out.interchanges;
    result.perturbation_rounds = out.perturbation_rounds;
    result.bound_iterations = out.bound_iterations;
    result.fixed_candidates = out.fixed_candidates;
    result.bound_seconds = out.bound_seconds;
    result.gap = relative_gap(result.sense, result.value, result.bound);
    if (out.proved || result.gap <= optimality_tolerance) {
        result.status = Status::optimal;
    } else {
        result.status = out.time_limit ? Status::time_limit : Status::feasible;
    }
}

} // namespace lw::location::detail
