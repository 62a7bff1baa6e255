#include "location/detail/capacitated.hpp"

#include "location/detail/driver.hpp"
#include "location/detail/mip.hpp"
#include "location/detail/search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>

#include <tbb/parallel_for.h>

namespace lw::location::detail {

namespace {

// Capacities are sums of doubles: allow rounding noise.
bool fits(double residual, double weight) {
    return weight - residual <= 1e-9 * std::max(1.0, weight);
}

Clock::time_point deadline_after(double seconds) {
    return Clock::now() + std::chrono::duration_cast<Clock::duration>(
                              std::chrono::duration<double>(std::max(seconds, 0.0)));
}

class Assigner {
public:
    Assigner(const Instance& in, std::span<const double> capacity)
        : m_in(in), m_capacity(capacity), m_open(in.candidate_count, 0),
          m_residual(in.candidate_count, 0.0), m_assign(in.group_count(), no_site) {}

    void reset(std::span<const CandidateId> sites) {
        std::fill(m_open.begin(), m_open.end(), 0);
        std::fill(m_assign.begin(), m_assign.end(), no_site);
        m_served = 0;
        m_sites.assign(sites.begin(), sites.end());
        for (const CandidateId j : sites) {
            open(j);
        }
    }
    void open(CandidateId j) {
        m_open[j] = 1;
        m_residual[j] = m_capacity[j];
        if (std::find(m_sites.begin(), m_sites.end(), j) == m_sites.end()) {
            m_sites.push_back(j);
        }
    }
    void put(std::uint32_t g, CandidateId j) {
        m_assign[g] = j;
        m_residual[j] -= m_in.weight[g];
        m_served += m_in.weight[g];
    }
    void take(std::uint32_t g) {
        m_residual[m_assign[g]] += m_in.weight[g];
        m_served -= m_in.weight[g];
        m_assign[g] = no_site;
    }

    // What j could serve of the unassigned demand it covers: first fit by decreasing weight.
    double estimate(CandidateId j, std::vector<std::uint32_t>* chosen = nullptr) const {
        m_scratch.clear();
        for (std::uint32_t e = m_in.candidate_first[j]; e < m_in.candidate_first[j + 1]; ++e) {
            if (m_assign[m_in.candidate_group[e]] == no_site) {
                m_scratch.push_back(m_in.candidate_group[e]);
            }
        }
        std::sort(m_scratch.begin(), m_scratch.end(), [&](std::uint32_t a, std::uint32_t b) {
            return m_in.weight[a] != m_in.weight[b] ? m_in.weight[a] > m_in.weight[b] : a < b;
        });
        double room = m_capacity[j];
        double total = 0;
        for (const std::uint32_t g : m_scratch) {
            if (fits(room, m_in.weight[g])) {
                room -= m_in.weight[g];
                total += m_in.weight[g];
                if (chosen != nullptr) {
                    chosen->push_back(g);
                }
            }
        }
        return total;
    }

    // Assigns every group from scratch: most constrained first (fewest open sites covering it),
    // heavier first, each to the open site where it fits most tightly (best fit).
    void assign_all() {
        std::vector<std::pair<std::uint32_t, std::uint32_t>> order; // (open options, group)
        for (std::uint32_t g = 0; g < m_in.group_count(); ++g) {
            if (m_assign[g] != no_site) {
                take(g);
            }
            std::uint32_t options = 0;
            for (std::uint32_t e = m_in.group_first[g]; e < m_in.group_first[g + 1]; ++e) {
                options += m_open[m_in.group_candidate[e]];
            }
            if (options > 0) {
                order.emplace_back(options, g);
            }
        }
        std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
            if (a.first != b.first) {
                return a.first < b.first;
            }
            const double wa = m_in.weight[a.second];
            const double wb = m_in.weight[b.second];
            return wa != wb ? wa > wb : a.second < b.second;
        });
        for (const auto& [options, g] : order) {
            if (const CandidateId j = best_fit(g); j != no_site) {
                put(g, j);
            }
        }
    }

    // Improves the assignment of fixed sites: insert unassigned demand directly, by moving one
    // assigned point to another open site, or by replacing a lighter point.
    void repair(Clock::time_point deadline) {
        std::vector<std::uint32_t> waiting;
        for (int pass = 0; pass < 5 && Clock::now() < deadline; ++pass) {
            waiting.clear();
            for (std::uint32_t g = 0; g < m_in.group_count(); ++g) {
                if (m_assign[g] == no_site && has_open_option(g)) {
                    waiting.push_back(g);
                }
            }
            std::sort(waiting.begin(), waiting.end(), [&](std::uint32_t a, std::uint32_t b) {
                return m_in.weight[a] != m_in.weight[b] ? m_in.weight[a] > m_in.weight[b] : a < b;
            });
            bool improved = false;
            for (const std::uint32_t g : waiting) {
                if (m_assign[g] == no_site && (insert(g) || eject(g) || replace(g))) {
                    improved = true;
                }
            }
            if (!improved) {
                break;
            }
        }
    }

    double served() const { return m_served; }
    const std::vector<CandidateId>& assignment() const { return m_assign; }
    const std::vector<CandidateId>& sites() const { return m_sites; }
    bool is_open(CandidateId j) const { return m_open[j] != 0; }

private:
    bool has_open_option(std::uint32_t g) const {
        for (std::uint32_t e = m_in.group_first[g]; e < m_in.group_first[g + 1]; ++e) {
            if (m_open[m_in.group_candidate[e]] != 0) {
                return true;
            }
        }
        return false;
    }
    CandidateId best_fit(std::uint32_t g, CandidateId except = no_site) const {
        CandidateId best = no_site;
        for (std::uint32_t e = m_in.group_first[g]; e < m_in.group_first[g + 1]; ++e) {
            const CandidateId j = m_in.group_candidate[e];
            if (m_open[j] != 0 && j != except && fits(m_residual[j], m_in.weight[g]) &&
                (best == no_site || m_residual[j] < m_residual[best])) {
                best = j;
            }
        }
        return best;
    }
    bool insert(std::uint32_t g) {
        const CandidateId j = best_fit(g);
        if (j != no_site) {
            put(g, j);
        }
        return j != no_site;
    }
    // Make room at an open site s by moving one of its points elsewhere.
    bool eject(std::uint32_t g) {
        const double w = m_in.weight[g];
        for (std::uint32_t e = m_in.group_first[g]; e < m_in.group_first[g + 1]; ++e) {
            const CandidateId s = m_in.group_candidate[e];
            if (m_open[s] == 0) {
                continue;
            }
            for (std::uint32_t p = m_in.candidate_first[s]; p < m_in.candidate_first[s + 1]; ++p) {
                const std::uint32_t other = m_in.candidate_group[p];
                if (m_assign[other] != s || !fits(m_residual[s] + m_in.weight[other], w)) {
                    continue;
                }
                if (const CandidateId to = best_fit(other, s); to != no_site) {
                    take(other);
                    put(other, to);
                    put(g, s);
                    return true;
                }
            }
        }
        return false;
    }
    // Serve g instead of the lightest point whose removal makes room (strictly more weight).
    bool replace(std::uint32_t g) {
        const double w = m_in.weight[g];
        std::uint32_t victim = no_site;
        for (std::uint32_t e = m_in.group_first[g]; e < m_in.group_first[g + 1]; ++e) {
            const CandidateId s = m_in.group_candidate[e];
            if (m_open[s] == 0) {
                continue;
            }
            for (std::uint32_t p = m_in.candidate_first[s]; p < m_in.candidate_first[s + 1]; ++p) {
                const std::uint32_t other = m_in.candidate_group[p];
                if (m_assign[other] == s && m_in.weight[other] < w &&
                    fits(m_residual[s] + m_in.weight[other], w) &&
                    (victim == no_site || m_in.weight[other] < m_in.weight[victim])) {
                    victim = other;
                }
            }
        }
        if (victim == no_site) {
            return false;
        }
        const CandidateId s = m_assign[victim];
        take(victim);
        put(g, s);
        return true;
    }

    const Instance& m_in;
    std::span<const double> m_capacity;
    std::vector<std::uint8_t> m_open;
    std::vector<double> m_residual;
    std::vector<CandidateId> m_assign;
    std::vector<CandidateId> m_sites;
    double m_served = 0;
    mutable std::vector<std::uint32_t> m_scratch;
};

} // namespace

CapacitatedSolution capacitated_heuristic(const Instance& in, std::span<const double> capacity,
                                          std::uint32_t k, const HeuristicConfig& config) {
    const auto deadline = deadline_after(config.interchange_time_limit_s);
    Assigner state(in, capacity);
    state.reset({});

    // Greedy opening with lazy estimates (a heuristic: the first-fit estimate is not strictly
    // monotone, but it only shrinks as demand gets assigned in practice).
    struct Entry {
        double estimate;
        CandidateId candidate;
        std::uint32_t round;
    };
    auto lower = [](const Entry& a, const Entry& b) {
        return a.estimate != b.estimate ? a.estimate < b.estimate : a.candidate > b.candidate;
    };
    std::priority_queue<Entry, std::vector<Entry>, decltype(lower)> heap(lower);
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        heap.push({state.estimate(j), j, 0});
    }
    CapacitatedSolution out;
    std::vector<std::uint32_t> chosen;
    while (out.greedy_steps < k && !heap.empty()) {
        Entry top = heap.top();
        heap.pop();
        if (top.round != out.greedy_steps) {
            top.estimate = state.estimate(top.candidate);
            top.round = out.greedy_steps;
            heap.push(top);
            continue;
        }
        if (top.estimate <= 0) {
            break;
        }
        chosen.clear();
        state.estimate(top.candidate, &chosen);
        state.open(top.candidate);
        for (const std::uint32_t g : chosen) {
            state.put(g, top.candidate);
        }
        ++out.greedy_steps;
    }
    state.repair(deadline);
    std::vector<CandidateId> sites = state.sites();
    std::vector<CandidateId> assignment = state.assignment();
    double served = state.served();

    // The same sites assigned from scratch may do better than the greedy's incremental fill.
    Assigner trial(in, capacity);
    trial.reset(sites);
    trial.assign_all();
    trial.repair(deadline);
    if (trial.served() > served) {
        served = trial.served();
        assignment = trial.assignment();
    }

    // Site swaps (or additions while fewer than k are open), first improvement, over a short
    // list of closed candidates ranked by what they could serve of the unserved demand.
    if (config.interchange) {
        bool improved = true;
        while (improved && out.swaps < config.max_interchanges && Clock::now() < deadline) {
            improved = false;
            trial.reset(sites);
            for (std::uint32_t g = 0; g < in.group_count(); ++g) {
                if (assignment[g] != no_site) {
                    trial.put(g, assignment[g]);
                }
            }
            std::vector<std::pair<double, CandidateId>> ranked;
            for (CandidateId j = 0; j < in.candidate_count; ++j) {
                if (!trial.is_open(j) && in.candidate_first[j + 1] > in.candidate_first[j]) {
                    ranked.emplace_back(trial.estimate(j), j);
                }
            }
            const std::size_t shortlist =
                std::min<std::size_t>(ranked.size(), config.capacitated_swap_candidates);
            std::partial_sort(
                ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(shortlist),
                ranked.end(), [](const auto& a, const auto& b) {
                    return a.first != b.first ? a.first > b.first : a.second < b.second;
                });
            const double eps = 1e-9 * std::max(1.0, served);
            for (std::size_t r = 0; r < shortlist && !improved && Clock::now() < deadline; ++r) {
                const CandidateId j = ranked[r].second;
                const std::size_t slots = sites.size() < k ? sites.size() + 1 : sites.size();
                for (std::size_t s = 0; s < slots && !improved; ++s) {
                    std::vector<CandidateId> next = sites;
                    if (s < sites.size()) {
                        next[s] = j;
                    } else {
                        next.push_back(j);
                    }
                    trial.reset(next);
                    trial.assign_all();
                    trial.repair(deadline);
                    if (trial.served() > served + eps) {
                        sites = std::move(next);
                        assignment = trial.assignment();
                        served = trial.served();
                        ++out.swaps;
                        improved = true;
                    }
                }
            }
        }
    }

    // Sites that serve nobody add nothing: leave them out.
    std::vector<std::uint8_t> used(in.candidate_count, 0);
    for (const CandidateId j : assignment) {
        if (j != no_site) {
            used[j] = 1;
        }
    }
    for (const CandidateId j : sites) {
        if (used[j] != 0) {
            out.sites.push_back(j);
        }
    }
    std::sort(out.sites.begin(), out.sites.end());
    out.assignment = std::move(assignment);
    out.served = served;
    return out;
}

double served_weight(const Instance& in, std::span<const double> capacity,
                     std::span<const CandidateId> sites, std::span<const CandidateId> assignment) {
    std::vector<std::uint8_t> open(in.candidate_count, 0);
    for (const CandidateId j : sites) {
        open[j] = 1;
    }
    std::vector<double> load(in.candidate_count, 0.0);
    double total = 0;
    for (std::uint32_t g = 0; g < in.group_count(); ++g) {
        const CandidateId j = assignment[g];
        if (j == no_site) {
            continue;
        }
        bool covers = false;
        for (std::uint32_t e = in.group_first[g]; e < in.group_first[g + 1]; ++e) {
            covers = covers || in.group_candidate[e] == j;
        }
        if (!covers || open[j] == 0) {
            return -1;
        }
        load[j] += in.weight[g];
        total += in.weight[g];
    }
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        if (!fits(capacity[j], load[j])) {
            return -1;
        }
    }
    return total;
}

double capacity_bound(const Instance& in, std::span<const double> capacity, std::uint32_t k) {
    std::vector<double> best(in.candidate_count, 0.0);
    double coverable = 0;
    for (std::uint32_t g = 0; g < in.group_count(); ++g) {
        coverable += in.weight[g];
    }
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        double total = 0;
        for (std::uint32_t e = in.candidate_first[j]; e < in.candidate_first[j + 1]; ++e) {
            total += in.weight[in.candidate_group[e]];
        }
        best[j] = std::min(total, capacity[j]);
    }
    const std::size_t count = std::min<std::size_t>(k, best.size());
    std::partial_sort(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(count), best.end(),
                      std::greater<>());
    return std::min(
        coverable,
        std::accumulate(best.begin(), best.begin() + static_cast<std::ptrdiff_t>(count), 0.0));
}

namespace {

struct CapacitatedLagrangian {
    double upper = std::numeric_limits<double>::infinity(); // on the served weight
    std::uint32_t iterations = 0;
};

// Lagrangian relaxation of "each point is served at most once" with multipliers
// lambda_i = w_i mu_i (0 <= mu_i <= 1): what is left splits by candidate into a knapsack
//   V_j = max sum_i w_i (1 - mu_i) x_ij  s.t.  sum_i w_i x_ij <= C_j,
// bounded above by its LP (fractional) relaxation, and
//   L(mu) = sum_i w_i mu_i + sum of the k largest V_j  >=  the optimum, for every mu.
// Subgradient optimisation as in search.cpp (Polyak steps towards the best known value,
// Camerini-Fratta-Maffioli deflection). Every few iterations the k sites of the relaxed
// solution are assigned (Lagrangian heuristic) and taken if they serve more.
CapacitatedLagrangian capacitated_lagrangian(const Instance& in, std::span<const double> capacity,
                                             std::uint32_t k, CapacitatedSolution& best,
                                             const HeuristicConfig& config) {
    CapacitatedLagrangian out;
    const std::uint32_t n = in.candidate_count;
    const std::uint32_t points = in.group_count();
    if (k == 0 || k > n || points == 0) {
        return out;
    }
    const auto deadline = deadline_after(config.bound_time_limit_s);
    std::vector<double> mu(points, 0.0);
    std::vector<double> value_of(n);
    // Per candidate the cut of its fractional knapsack: points with mu below `cut_mu` are taken
    // whole, those at `cut_mu` with the fraction `cut_fraction` (1: all of them).
    std::vector<double> cut_mu(n);
    std::vector<double> cut_fraction(n);
    std::vector<CandidateId> order(n);
    std::vector<double> served(points);
    std::vector<double> direction(points, 0.0);
    std::vector<CandidateId> last_tried;
    Assigner trial(in, capacity);
    double theta = 1.0;
    std::uint32_t stalled = 0;
    constexpr std::uint32_t patience = 15;
    constexpr std::uint32_t primal_every = 10;
    while (out.iterations < config.bound_iterations && Clock::now() < deadline) {
        ++out.iterations;
        tbb::parallel_for(CandidateId{0}, n, [&](CandidateId j) {
            thread_local std::vector<std::pair<double, double>> items; // (mu, weight)
            items.clear();
            double total = 0;
            double profit = 0;
            for (std::uint32_t e = in.candidate_first[j]; e < in.candidate_first[j + 1]; ++e) {
                const std::uint32_t i = in.candidate_group[e];
                if (mu[i] < 1.0) {
                    items.emplace_back(mu[i], in.weight[i]);
                    total += in.weight[i];
                    profit += in.weight[i] * (1.0 - mu[i]);
                }
            }
            if (total <= capacity[j]) {
                value_of[j] = profit;
                cut_mu[j] = 1.0;
                cut_fraction[j] = 1.0;
                return;
            }
            std::sort(items.begin(), items.end());
            double room = capacity[j];
            double value = 0;
            cut_mu[j] = 1.0;
            cut_fraction[j] = 1.0;
            for (const auto& [m, w] : items) {
                if (w <= room) {
                    room -= w;
                    value += w * (1.0 - m);
                    continue;
                }
                value += room * (1.0 - m);
                cut_mu[j] = m;
                cut_fraction[j] = w > 0 ? room / w : 0.0;
                break;
            }
            value_of[j] = value;
        });
        std::iota(order.begin(), order.end(), CandidateId{0});
        std::nth_element(order.begin(), order.begin() + (k - 1), order.end(),
                         [&](CandidateId a, CandidateId b) {
                             return value_of[a] != value_of[b] ? value_of[a] > value_of[b] : a < b;
                         });
        double value = 0;
        for (std::uint32_t i = 0; i < points; ++i) {
            value += in.weight[i] * mu[i];
        }
        for (std::uint32_t r = 0; r < k; ++r) {
            value += value_of[order[r]];
        }
        if (value < out.upper) {
            out.upper = value;
            stalled = 0;
        } else if (++stalled >= patience) {
            theta /= 2;
            stalled = 0;
        }
        if (out.iterations % primal_every == 1) {
            std::vector<CandidateId> sites(order.begin(), order.begin() + k);
            std::sort(sites.begin(), sites.end());
            if (sites != last_tried) {
                trial.reset(sites);
                trial.assign_all();
                trial.repair(deadline);
                if (trial.served() > best.served) {
                    best.sites = sites;
                    best.assignment = trial.assignment();
                    best.served = trial.served();
                }
                last_tried = std::move(sites);
            }
        }
        if (out.upper - best.served <= config.target_gap * std::max(1.0, best.served) ||
            theta < 1e-4) {
            break;
        }
        // How much of each point the chosen knapsacks take (ties at the cut share the fraction;
        // any split of the cut is a valid subgradient).
        std::fill(served.begin(), served.end(), 0.0);
        for (std::uint32_t r = 0; r < k; ++r) {
            const CandidateId j = order[r];
            for (std::uint32_t e = in.candidate_first[j]; e < in.candidate_first[j + 1]; ++e) {
                const std::uint32_t i = in.candidate_group[e];
                if (mu[i] < cut_mu[j]) {
                    served[i] += 1.0;
                } else if (mu[i] == cut_mu[j] && mu[i] < 1.0) {
                    served[i] += cut_fraction[j];
                }
            }
        }
        double gnorm = 0;
        double dot = 0;
        double dnorm = 0;
        for (std::uint32_t i = 0; i < points; ++i) {
            const double sub = served[i] - 1.0; // descent direction for mu (L is minimised)
            gnorm += in.weight[i] * sub * sub;
            dot += in.weight[i] * sub * direction[i];
            dnorm += in.weight[i] * direction[i] * direction[i];
        }
        if (gnorm == 0) {
            break;
        }
        const double beta = dot < 0 && dnorm > 0 ? -1.5 * dot / dnorm : 0.0;
        double norm = 0;
        for (std::uint32_t i = 0; i < points; ++i) {
            direction[i] = (served[i] - 1.0) + beta * direction[i];
            norm += in.weight[i] * direction[i] * direction[i];
        }
        // Polyak step towards a target below the best known value by the gap (see search.cpp).
        const double target = best.served - (out.upper - best.served);
        const double step = theta * (value - target) / norm;
        for (std::uint32_t i = 0; i < points; ++i) {
            mu[i] = std::clamp(mu[i] + step * direction[i], 0.0, 1.0);
        }
    }
    return out;
}

} // namespace

Result capacitated_result(const CoverageProblem& problem, std::uint32_t k,
                          const HeuristicConfig& config, const ExactConfig* exact) {
    const Instance flat = coverage_instance(problem, false);
    if (exact != nullptr) {
        require_exact_size(flat, *exact);
    }
    const std::span<const double> capacity = problem.capacity;
    CapacitatedSolution solution = capacitated_heuristic(flat, capacity, k, config);
    Outcome outcome;
    outcome.method = config.interchange ? Method::greedy_interchange : Method::greedy;
    outcome.greedy_steps = solution.greedy_steps;
    outcome.interchanges = solution.swaps;

    // Upper bounds on the served weight, the smallest wins.
    const auto bound_start = Clock::now();
    double upper = capacity_bound(flat, capacity, k);
    outcome.bound_kind = BoundKind::trivial;
    auto lower_upper = [&](double candidate, BoundKind kind) {
        if (candidate < upper) {
            upper = candidate;
            outcome.bound_kind = kind;
        }
    };
    auto open = [&] { return upper - solution.served > 1e-9 * std::max(1.0, solution.served); };
    if (open() && config.bound_iterations > 0) {
        const auto lagrange = capacitated_lagrangian(flat, capacity, k, solution, config);
        lower_upper(lagrange.upper, BoundKind::lagrangian);
        outcome.bound_iterations = lagrange.iterations;
    }
    if (open()) {
        // Capacities only take options away: the uncapacitated bound holds too (and converges
        // faster on big instances).
        const Instance free = coverage_instance(problem, config.aggregate_demand);
        HeuristicConfig bound_only = config; // only its bound is wanted: a plain descent will do
        bound_only.perturbation_rounds = 0;
        const Outcome uncapacitated =
            run_heuristic(free, k, Mode::select, Formulation::coverage, bound_only);
        lower_upper(free.base_cost - uncapacitated.bound, uncapacitated.bound_kind);
    }
    // GLPK's simplex is slow on this LP (x_ij <= y_j rows): only for small instances.
    if (open() && flat.entry_count() <= config.capacitated_lp_max_entries) {
        if (const auto lp = lp_bound(flat, Formulation::capacitated_coverage, k, capacity,
                                     config.bound_time_limit_s)) {
            lower_upper(flat.base_cost - *lp, BoundKind::lp_relaxation);
        }
    }
    if (exact != nullptr && k > 0) {
        outcome.method = Method::exact_mip;
        MipSettings settings;
        settings.time_limit_s = exact->time_limit_s;
        settings.relative_gap = exact->relative_gap;
        if (exact->warm_start) {
            settings.warm_sites = solution.sites;
            settings.warm_assignment = solution.assignment;
        }
        const MipOutcome mip =
            solve_mip(flat, Formulation::capacitated_coverage, k, capacity, settings);
        outcome.bound_iterations = mip.nodes;
        if (mip.has_solution) {
            // GLPK's rows hold to its tolerance; a solution that overloads a site beyond our
            // rounding allowance is not taken (its bound still is).
            const double served = served_weight(flat, capacity, mip.sites, mip.assignment);
            if (served > solution.served) {
                std::vector<std::uint8_t> used(flat.candidate_count, 0);
                for (const CandidateId j : mip.assignment) {
                    if (j != no_site) {
                        used[j] = 1;
                    }
                }
                solution.sites.clear();
                for (const CandidateId j : mip.sites) {
                    if (used[j] != 0) {
                        solution.sites.push_back(j);
                    }
                }
                solution.assignment = mip.assignment;
                solution.served = served;
            }
        }
        if (mip.has_solution && mip.status == Status::optimal) {
            outcome.proved = true;
            upper = solution.served;
            outcome.bound_kind = BoundKind::mip;
        } else {
            outcome.time_limit = mip.status == Status::time_limit;
            lower_upper(flat.base_cost - mip.bound, BoundKind::mip);
        }
    }
    outcome.bound_seconds = std::chrono::duration<double>(Clock::now() - bound_start).count();

    Result result;
    result.sense = Sense::maximise;
    result.sites = solution.sites;
    result.value = solution.served;
    result.bound = std::max(upper, solution.served);
    result.assignment.assign(problem.demand_count(), no_site);
    for (std::uint32_t g = 0; g < flat.group_count(); ++g) {
        result.assignment[flat.representative[g]] = solution.assignment[g];
    }
    finish(result, outcome);
    return result;
}

} // namespace lw::location::detail
