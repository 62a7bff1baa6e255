#include "location/detail/search.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <queue>
#include <random>

#include <tbb/parallel_for.h>

namespace lw::location::detail {

namespace {

constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

double as_double(TimeS t) {
    return static_cast<double>(t);
}

// Below this a change of the objective is rounding noise of the incremental sums.
double noise(const Instance& in) {
    return 1e-10 * std::max(1.0, in.base_cost - in.constant);
}

// Nearest and second-nearest open site per group, and per open site the cost of closing it.
// `site` of a group is the candidate id of its nearest open site (none: the base is nearest).
class DropState {
public:
    DropState(const Instance& in, std::vector<std::uint8_t> open)
        : m_in(in), m_open(std::move(open)), m_d1(in.group_count()), m_d2(in.group_count()),
          m_site(in.group_count()), m_loss(in.candidate_count, 0.0) {
        for (std::uint32_t g = 0; g < in.group_count(); ++g) {
            locate(g);
            add_loss(g, 1.0);
        }
    }

    bool is_open(CandidateId j) const { return m_open[j] != 0; }
    double loss(CandidateId j) const { return m_loss[j]; }

    // The cost of closing j, summed afresh (no drift: exactly 0 when nothing is lost).
    double exact_loss(CandidateId j) const {
        double total = 0;
        for (std::uint32_t e = m_in.candidate_first[j]; e < m_in.candidate_first[j + 1]; ++e) {
            const std::uint32_t g = m_in.candidate_group[e];
            if (m_site[g] == j) {
                total += m_in.weight[g] * (as_double(m_d2[g]) - as_double(m_d1[g]));
            }
        }
        return total;
    }

    void close(CandidateId j) {
        const auto begin = m_in.candidate_first[j];
        const auto end = m_in.candidate_first[j + 1];
        for (std::uint32_t e = begin; e < end; ++e) {
            add_loss(m_in.candidate_group[e], -1.0);
        }
        m_open[j] = 0;
        for (std::uint32_t e = begin; e < end; ++e) {
            locate(m_in.candidate_group[e]);
            add_loss(m_in.candidate_group[e], 1.0);
        }
    }

private:
    void locate(std::uint32_t g) {
        m_d1[g] = m_d2[g] = m_in.base[g];
        m_site[g] = none;
        for (std::uint32_t e = m_in.group_first[g]; e < m_in.group_first[g + 1]; ++e) {
            const CandidateId j = m_in.group_candidate[e];
            if (m_open[j] == 0) {
                continue;
            }
            if (m_site[g] == none) {
                m_site[g] = j;
                m_d1[g] = m_in.group_time[e];
            } else {
                m_d2[g] = m_in.group_time[e];
                break;
            }
        }
    }
    void add_loss(std::uint32_t g, double sign) {
        if (m_site[g] != none) {
            m_loss[m_site[g]] += sign * m_in.weight[g] * (as_double(m_d2[g]) - as_double(m_d1[g]));
        }
    }

    const Instance& m_in;
    std::vector<std::uint8_t> m_open;
    std::vector<TimeS> m_d1, m_d2;
    std::vector<CandidateId> m_site;
    std::vector<double> m_loss;
};

// Fast interchange state (Resende and Werneck 2004, "A hybrid heuristic for the p-median
// problem", section 4): per group its nearest site (as a slot of the solution) and the two
// nearest times, and
//   gain[j]     saving of adding candidate j,
//   loss[s]     cost of removing the site in slot s,
//   extra[j,s]  what adding j wins back of the loss of removing s,
// so that swapping j in for slot s changes the cost by -(gain[j] - loss[s] + extra[j,s]).
class Swapper {
public:
    Swapper(const Instance& in, std::vector<CandidateId>& sites)
        : m_in(in), m_sites(sites), m_k(static_cast<std::uint32_t>(sites.size())),
          m_slot_of(in.candidate_count, none), m_d1(in.group_count()), m_d2(in.group_count()),
          m_slot(in.group_count()), m_gain(in.candidate_count, 0.0), m_loss(m_k, 0.0),
          m_extra(std::size_t{in.candidate_count} * m_k, 0.0), m_stamp(in.group_count(), 0) {
        for (std::uint32_t s = 0; s < m_k; ++s) {
            m_slot_of[sites[s]] = s;
        }
        for (std::uint32_t g = 0; g < in.group_count(); ++g) {
            locate(g);
            contribute(g, 1.0);
        }
    }

    bool contains(CandidateId j) const { return m_slot_of[j] != none; }

    // The best swap (candidate in, slot out) and its saving; saving <= 0 if none improves.
    std::pair<CandidateId, std::uint32_t> best(double& saving) const {
        saving = -std::numeric_limits<double>::infinity();
        std::pair<CandidateId, std::uint32_t> move{none, none};
        for (CandidateId j = 0; j < m_in.candidate_count; ++j) {
            if (m_slot_of[j] != none) {
                continue;
            }
            const double* row = m_extra.data() + std::size_t{j} * m_k;
            for (std::uint32_t s = 0; s < m_k; ++s) {
                const double value = m_gain[j] - m_loss[s] + row[s];
                if (value > saving) {
                    saving = value;
                    move = {j, s};
                }
            }
        }
        return move;
    }

    // Applies the swap; returns the exact change of the objective (negative: better).
    double apply(CandidateId in, std::uint32_t slot) {
        const CandidateId out = m_sites[slot];
        ++m_now;
        m_touched.clear();
        for (const CandidateId j : {in, out}) {
            for (std::uint32_t e = m_in.candidate_first[j]; e < m_in.candidate_first[j + 1]; ++e) {
                const std::uint32_t g = m_in.candidate_group[e];
                if (m_stamp[g] != m_now) {
                    m_stamp[g] = m_now;
                    m_touched.push_back(g);
                }
            }
        }
        double delta = 0;
        for (const std::uint32_t g : m_touched) {
            contribute(g, -1.0);
            delta -= m_in.weight[g] * as_double(m_d1[g]);
        }
        m_slot_of[out] = none;
        m_slot_of[in] = slot;
        m_sites[slot] = in;
        for (const std::uint32_t g : m_touched) {
            locate(g);
            contribute(g, 1.0);
            delta += m_in.weight[g] * as_double(m_d1[g]);
        }
        return delta;
    }

private:
    void locate(std::uint32_t g) {
        m_d1[g] = m_d2[g] = m_in.base[g];
        m_slot[g] = none;
        for (std::uint32_t e = m_in.group_first[g]; e < m_in.group_first[g + 1]; ++e) {
            const std::uint32_t s = m_slot_of[m_in.group_candidate[e]];
            if (s == none) {
                continue;
            }
            if (m_slot[g] == none) {
                m_slot[g] = s;
                m_d1[g] = m_in.group_time[e];
            } else {
                m_d2[g] = m_in.group_time[e];
                break;
            }
        }
    }

    void contribute(std::uint32_t g, double sign) {
        const double w = sign * m_in.weight[g];
        const TimeS d1 = m_d1[g];
        const TimeS d2 = m_d2[g];
        const std::uint32_t s1 = m_slot[g];
        if (s1 != none) {
            m_loss[s1] += w * (as_double(d2) - as_double(d1));
        }
        for (std::uint32_t e = m_in.group_first[g]; e < m_in.group_first[g + 1]; ++e) {
            const TimeS t = m_in.group_time[e];
            if (t >= d2) {
                break; // sorted by time: no later entry beats the second-nearest
            }
            const CandidateId j = m_in.group_candidate[e];
            if (t < d1) {
                m_gain[j] += w * (as_double(d1) - as_double(t));
            }
            if (s1 != none) {
                m_extra[std::size_t{j} * m_k + s1] +=
                    w * (as_double(d2) - as_double(std::max(t, d1)));
            }
        }
    }

    const Instance& m_in;
    std::vector<CandidateId>& m_sites;
    std::uint32_t m_k;
    std::vector<std::uint32_t> m_slot_of;
    std::vector<TimeS> m_d1, m_d2;
    std::vector<std::uint32_t> m_slot;
    std::vector<double> m_gain, m_loss, m_extra;
    std::vector<std::uint32_t> m_stamp;
    std::uint32_t m_now = 0;
    std::vector<std::uint32_t> m_touched;
};

} // namespace

std::vector<CandidateId> greedy_add(const Instance& in, std::uint32_t k) {
    std::vector<TimeS> d1(in.base);
    auto gain_of = [&](CandidateId j) {
        double gain = 0;
        for (std::uint32_t e = in.candidate_first[j]; e < in.candidate_first[j + 1]; ++e) {
            const std::uint32_t g = in.candidate_group[e];
            const TimeS t = in.candidate_time[e];
            if (t < d1[g]) {
                gain += in.weight[g] * (as_double(d1[g]) - as_double(t));
            }
        }
        return gain;
    };
    struct Entry {
        double gain;
        CandidateId candidate;
        std::uint32_t round; // number of sites chosen when the gain was computed
    };
    auto lower = [](const Entry& a, const Entry& b) {
        return a.gain != b.gain ? a.gain < b.gain : a.candidate > b.candidate;
    };
    std::priority_queue<Entry, std::vector<Entry>, decltype(lower)> heap(lower);
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        heap.push({gain_of(j), j, 0});
    }
    std::vector<CandidateId> sites;
    while (sites.size() < k && !heap.empty()) {
        Entry top = heap.top();
        heap.pop();
        const auto round = static_cast<std::uint32_t>(sites.size());
        if (top.round != round) {
            top.gain = gain_of(top.candidate);
            top.round = round;
            heap.push(top);
            continue;
        }
        if (top.gain <= 0) {
            break; // every other gain is at most its stale value, which is at most this
        }
        sites.push_back(top.candidate);
        const CandidateId j = top.candidate;
        for (std::uint32_t e = in.candidate_first[j]; e < in.candidate_first[j + 1]; ++e) {
            const std::uint32_t g = in.candidate_group[e];
            d1[g] = std::min(d1[g], in.candidate_time[e]);
        }
    }
    return sites;
}

std::vector<CandidateId> greedy_drop(const Instance& in, std::uint32_t keep_count) {
    DropState state(in, std::vector<std::uint8_t>(in.candidate_count, 1));
    for (std::uint32_t open = in.candidate_count; open > keep_count; --open) {
        CandidateId cheapest = none;
        for (CandidateId j = 0; j < in.candidate_count; ++j) {
            if (state.is_open(j) && (cheapest == none || state.loss(j) < state.loss(cheapest))) {
                cheapest = j;
            }
        }
        state.close(cheapest);
    }
    std::vector<CandidateId> kept;
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        if (state.is_open(j)) {
            kept.push_back(j);
        }
    }
    return kept;
}

InterchangeStats interchange(const Instance& in, std::vector<CandidateId>& sites,
                             const InterchangeLimits& limits) {
    InterchangeStats stats;
    const auto k = static_cast<std::uint32_t>(sites.size());
    if (k == 0 || k >= in.candidate_count) {
        return stats;
    }
    Swapper swapper(in, sites);
    const double eps = noise(in);
    // Best-improvement swaps until none saves more than the noise; the summed exact changes.
    auto descend = [&] {
        double total = 0;
        while (stats.swaps < limits.max_swaps && Clock::now() < limits.deadline) {
            double saving = 0;
            const auto [candidate, slot] = swapper.best(saving);
            if (candidate == none || saving <= eps) {
                break;
            }
            const double delta = swapper.apply(candidate, slot);
            ++stats.swaps;
            total += delta;
            if (delta > -eps) {
                break; // the sums drifted; the exact change shows no progress
            }
        }
        return total;
    };
    descend();

    // Iterated local search: kick the local optimum by a few random swaps, descend again, keep
    // the result if better, else swap back to the best. Every move is incremental, so a round
    // costs about as much as a few swaps. Fixed seed: the same input gives the same sites.
    std::vector<CandidateId> useful;
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        if (in.candidate_first[j + 1] > in.candidate_first[j]) {
            useful.push_back(j);
        }
    }
    if (limits.perturbation_rounds == 0 || useful.size() <= k) {
        return stats;
    }
    const std::uint32_t kick =
        std::max<std::uint32_t>(1, std::min<std::uint32_t>(k, in.candidate_count - k) / 6);
    std::mt19937 rng(limits.seed);
    std::vector<CandidateId> best = sites;
    double best_cost = cost(in, sites);
    double current = best_cost;
    std::vector<std::uint8_t> in_best(in.candidate_count, 0);
    while (stats.rounds < limits.perturbation_rounds && Clock::now() < limits.deadline) {
        ++stats.rounds;
        for (std::uint32_t r = 0; r < kick; ++r) {
            CandidateId j = useful[rng() % useful.size()];
            while (swapper.contains(j)) {
                j = useful[rng() % useful.size()];
            }
            current += swapper.apply(j, static_cast<std::uint32_t>(rng() % k));
        }
        current += descend();
        if (current < best_cost - eps) {
            best = sites;
            best_cost = current = cost(in, sites); // re-anchor the running sum
            ++stats.improvements;
            continue;
        }
        std::fill(in_best.begin(), in_best.end(), 0);
        for (const CandidateId j : best) {
            in_best[j] = 1;
        }
        std::vector<CandidateId> missing;
        for (const CandidateId j : best) {
            if (!swapper.contains(j)) {
                missing.push_back(j);
            }
        }
        for (std::uint32_t slot = 0; slot < k && !missing.empty(); ++slot) {
            if (in_best[sites[slot]] == 0) {
                swapper.apply(missing.back(), slot);
                missing.pop_back();
            }
        }
        current = best_cost;
    }
    sites = best;
    return stats;
}

std::vector<CandidateId> prune(const Instance& in, std::vector<CandidateId> sites) {
    std::vector<std::uint8_t> open(in.candidate_count, 0);
    for (const CandidateId j : sites) {
        open[j] = 1;
    }
    DropState state(in, open);
    std::vector<CandidateId> kept;
    for (const CandidateId j : sites) {
        if (open[j] == 0) {
            continue; // a repeated id
        }
        open[j] = 0;
        if (state.exact_loss(j) <= 0) {
            state.close(j);
        } else {
            kept.push_back(j);
        }
    }
    // Closing a site can only raise the loss of the others, so one pass in any order is enough.
    std::sort(kept.begin(), kept.end());
    return kept;
}

std::vector<double> single_savings(const Instance& in) {
    std::vector<double> saving(in.candidate_count, 0.0);
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        for (std::uint32_t e = in.candidate_first[j]; e < in.candidate_first[j + 1]; ++e) {
            const std::uint32_t g = in.candidate_group[e];
            saving[j] += in.weight[g] * (as_double(in.base[g]) - as_double(in.candidate_time[e]));
        }
    }
    return saving;
}

std::vector<double> single_losses(const Instance& in) {
    const DropState state(in, std::vector<std::uint8_t>(in.candidate_count, 1));
    std::vector<double> loss(in.candidate_count);
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        loss[j] = state.exact_loss(j);
    }
    return loss;
}

std::vector<std::uint8_t> fix_candidates(std::span<const double> rho, double bound, std::uint32_t k,
                                         double upper, double margin) {
    const std::size_t n = rho.size();
    std::vector<std::uint8_t> state(n, 0);
    if (k == 0 || k >= n) {
        return state;
    }
    std::vector<double> sorted(rho.begin(), rho.end());
    std::nth_element(sorted.begin(), sorted.begin() + k, sorted.end());
    const double next = sorted[k]; // the (k+1)-th smallest
    const double kth = *std::max_element(sorted.begin(), sorted.begin() + k);
    for (std::size_t j = 0; j < n; ++j) {
        if (rho[j] > kth && bound - kth + rho[j] > upper + margin) {
            state[j] = 2;
        } else if (rho[j] < next && bound - rho[j] + next > upper + margin) {
            state[j] = 1;
        }
    }
    return state;
}

LagrangianResult lagrangian_bound(const Instance& in, std::uint32_t k,
                                  std::span<const CandidateId> solution, double upper,
                                  std::uint32_t max_iterations, Clock::time_point deadline,
                                  double target_gap) {
    // Relaxing "each group is served exactly once (by a chosen site or its base)" with
    // multipliers lambda_g = weight_g * mu_g (mu in seconds, 0 <= mu_g <= base_g) leaves
    //   L(mu) = constant + sum_g w_g mu_g + sum of the k smallest rho_j,
    //   rho_j = sum over entries (g, t) of j with t < mu_g of w_g (t - mu_g),
    // a lower bound for every mu. Subgradient in mu: 1 - (chosen sites with t < mu_g), scaled
    // by w_g (a diagonal metric, so that heavy and light groups move alike in seconds).
    LagrangianResult result;
    result.bound = -std::numeric_limits<double>::infinity();
    const std::uint32_t groups = in.group_count();
    const std::uint32_t n = in.candidate_count;
    if (k == 0 || k > n) {
        return result;
    }
    std::vector<double> mu(groups);
    {
        std::vector<std::uint8_t> chosen(n, 0);
        for (const CandidateId j : solution) {
            chosen[j] = 1;
        }
        for (std::uint32_t g = 0; g < groups; ++g) {
            mu[g] = as_double(in.base[g]);
            for (std::uint32_t e = in.group_first[g]; e < in.group_first[g + 1]; ++e) {
                if (chosen[in.group_candidate[e]] != 0) {
                    mu[g] = as_double(in.group_time[e]);
                    break;
                }
            }
        }
    }
    // rho is summed in fixed blocks of groups, each with its own row, added up in block order:
    // parallel and still deterministic.
    const std::uint32_t blocks = std::clamp<std::uint32_t>(groups / 2048, 1, 16);
    std::vector<double> block_rho(std::size_t{blocks} * n);
    std::vector<double> block_value(blocks);
    std::vector<double> rho(n);
    std::vector<CandidateId> order(n);
    std::vector<std::int32_t> served(groups);
    std::vector<double> direction(groups, 0.0); // the last step's direction
    std::vector<double> best_rho;               // rho at the best multipliers
    double theta = 1.0;
    std::uint32_t stalled = 0;
    constexpr std::uint32_t patience = 15;
    constexpr std::uint32_t primal_every = 5;
    result.best_cost = std::numeric_limits<double>::infinity();
    const double scale = std::max(std::abs(upper), 1.0);
    while (result.iterations < max_iterations && Clock::now() < deadline) {
        ++result.iterations;
        tbb::parallel_for(std::uint32_t{0}, blocks, [&](std::uint32_t b) {
            double* row = block_rho.data() + std::size_t{b} * n;
            std::fill(row, row + n, 0.0);
            double value = 0;
            const std::uint32_t begin =
                static_cast<std::uint32_t>(std::uint64_t{groups} * b / blocks);
            const std::uint32_t end =
                static_cast<std::uint32_t>(std::uint64_t{groups} * (b + 1) / blocks);
            for (std::uint32_t g = begin; g < end; ++g) {
                const double w = in.weight[g];
                const double m = mu[g];
                value += w * m;
                for (std::uint32_t e = in.group_first[g]; e < in.group_first[g + 1]; ++e) {
                    const double t = as_double(in.group_time[e]);
                    if (t >= m) {
                        break; // sorted by time
                    }
                    row[in.group_candidate[e]] += w * (t - m);
                }
            }
            block_value[b] = value;
        });
        double value = in.constant;
        std::fill(rho.begin(), rho.end(), 0.0);
        for (std::uint32_t b = 0; b < blocks; ++b) {
            value += block_value[b];
            const double* row = block_rho.data() + std::size_t{b} * n;
            for (CandidateId j = 0; j < n; ++j) {
                rho[j] += row[j];
            }
        }
        std::iota(order.begin(), order.end(), CandidateId{0});
        std::nth_element(order.begin(), order.begin() + (k - 1), order.end(),
                         [&](CandidateId a, CandidateId b) {
                             return rho[a] != rho[b] ? rho[a] < rho[b] : a < b;
                         });
        for (std::uint32_t r = 0; r < k; ++r) {
            value += rho[order[r]];
        }
        if (value > result.bound) {
            result.bound = value;
            best_rho = rho;
            stalled = 0;
        } else if (++stalled >= patience) {
            theta /= 2;
            stalled = 0;
        }
        // Lagrangian heuristic: the k sites of the relaxed solution are a solution too; near the
        // dual optimum they are often better than the local search's (and tighten the steps).
        if (result.iterations % primal_every == 0) {
            std::vector<CandidateId> sites(order.begin(), order.begin() + k);
            const double sites_cost = cost(in, sites);
            if (sites_cost < result.best_cost) {
                result.best_cost = sites_cost;
                result.best_sites = std::move(sites);
                upper = std::min(upper, sites_cost);
            }
        }
        if (upper - result.bound <= target_gap * scale || theta < 1e-4) {
            break;
        }
        // How often each group is served by the k chosen sites: only their lists are read.
        std::fill(served.begin(), served.end(), 0);
        for (std::uint32_t r = 0; r < k; ++r) {
            const CandidateId j = order[r];
            for (std::uint32_t e = in.candidate_first[j]; e < in.candidate_first[j + 1]; ++e) {
                const std::uint32_t g = in.candidate_group[e];
                served[g] += as_double(in.candidate_time[e]) < mu[g] ? 1 : 0;
            }
        }
        double gnorm = 0; // |subgradient|^2, its product with the last direction, |direction|^2
        double dot = 0;
        double dnorm = 0;
        for (std::uint32_t g = 0; g < groups; ++g) {
            const double sub = 1.0 - served[g];
            gnorm += in.weight[g] * sub * sub;
            dot += in.weight[g] * sub * direction[g];
            dnorm += in.weight[g] * direction[g] * direction[g];
        }
        if (gnorm == 0) {
            break; // the relaxed solution serves every group once: L is its cost, optimal
        }
        // Deflection (Camerini, Fratta and Maffioli 1975): when the new subgradient turns back
        // against the last direction, keep part of that direction; damps the zig-zag that stalls
        // plain subgradient steps (closure instances converge in hundreds instead of thousands).
        const double beta = dot < 0 && dnorm > 0 ? -1.5 * dot / dnorm : 0.0;
        double norm = 0;
        for (std::uint32_t g = 0; g < groups; ++g) {
            direction[g] = (1.0 - served[g]) + beta * direction[g];
            norm += in.weight[g] * direction[g] * direction[g];
        }
        // Polyak step towards a target above the best known cost by the current gap: aiming at
        // the cost itself makes the steps vanish before the bound gets there when the cost is
        // already optimal (Beasley 1993 aims 5 % above; relative to the gap suits both MCLP and
        // p-median here).
        const double target = upper + (upper - result.bound);
        const double step = theta * (target - value) / norm;
        for (std::uint32_t g = 0; g < groups; ++g) {
            mu[g] = std::clamp(mu[g] + step * direction[g], 0.0, as_double(in.base[g]));
        }
    }
    result.rho = std::move(best_rho);
    return result;
}

} // namespace lw::location::detail
