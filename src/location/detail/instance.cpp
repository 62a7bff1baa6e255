#include "location/detail/instance.hpp"

#include <algorithm>
#include <cassert>

namespace lw::location::detail {

namespace {

// An entry packed as (time << 32 | candidate): sorting the keys sorts by (time, candidate).
using Key = std::uint64_t;

Key pack(TimeS time, CandidateId candidate) {
    return (Key{time} << 32) | candidate;
}
TimeS key_time(Key key) {
    return static_cast<TimeS>(key >> 32);
}
CandidateId key_candidate(Key key) {
    return static_cast<CandidateId>(key & 0xffffffffu);
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
    // splitmix64 finaliser over the running hash: cheap and well spread.
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

} // namespace

Instance build_instance(const RawInput& in, bool aggregate) {
    const std::size_t demand_count = in.weight.size();
    const std::size_t candidate_count = in.first.empty() ? 0 : in.first.size() - 1;
    auto time_of = [&](std::size_t e) { return in.time.empty() ? TimeS{0} : in.time[e]; };
    auto useful = [&](DemandId i, TimeS t) { return in.weight[i] > 0 && t < in.base[i]; };

    // Demand-major buckets by counting sort; candidates arrive ascending, so duplicates of one
    // candidate are adjacent in a bucket and merge into the smaller time.
    std::vector<std::uint32_t> bucket_first(demand_count + 1, 0);
    for (std::size_t e = 0; e < in.demand.size(); ++e) {
        if (useful(in.demand[e], time_of(e))) {
            ++bucket_first[in.demand[e] + 1];
        }
    }
    for (std::size_t i = 0; i < demand_count; ++i) {
        bucket_first[i + 1] += bucket_first[i];
    }
    std::vector<Key> keys(bucket_first.back());
    std::vector<std::uint32_t> bucket_end(bucket_first.begin(), bucket_first.end() - 1);
    for (CandidateId j = 0; j < candidate_count; ++j) {
        for (std::uint32_t e = in.first[j]; e < in.first[j + 1]; ++e) {
            const DemandId i = in.demand[e];
            const TimeS t = time_of(e);
            if (!useful(i, t)) {
                continue;
            }
            std::uint32_t& end = bucket_end[i];
            if (end > bucket_first[i] && key_candidate(keys[end - 1]) == j) {
                keys[end - 1] = pack(std::min(t, key_time(keys[end - 1])), j);
            } else {
                keys[end++] = pack(t, j);
            }
        }
    }
    for (std::size_t i = 0; i < demand_count; ++i) {
        std::sort(keys.begin() + bucket_first[i], keys.begin() + bucket_end[i]);
    }

    Instance out;
    out.candidate_count = static_cast<std::uint32_t>(candidate_count);
    // Representative of each active demand point: the smallest id with the same (base, entries).
    constexpr std::uint32_t none = 0xffffffffu;
    std::vector<std::uint32_t> representative(demand_count, none);
    std::vector<std::pair<std::uint64_t, std::uint32_t>> hashed;
    for (std::size_t i = 0; i < demand_count; ++i) {
        if (bucket_end[i] == bucket_first[i]) {
            out.constant += in.weight[i] * static_cast<double>(in.base[i]);
            continue;
        }
        representative[i] = static_cast<std::uint32_t>(i);
        if (aggregate) {
            std::uint64_t h = mix(0, in.base[i]);
            for (std::uint32_t e = bucket_first[i]; e < bucket_end[i]; ++e) {
                h = mix(h, keys[e]);
            }
            hashed.emplace_back(h, static_cast<std::uint32_t>(i));
        }
    }
    if (aggregate) {
        std::sort(hashed.begin(), hashed.end());
        auto same = [&](std::uint32_t a, std::uint32_t b) {
            return in.base[a] == in.base[b] &&
                   std::equal(keys.begin() + bucket_first[a], keys.begin() + bucket_end[a],
                              keys.begin() + bucket_first[b], keys.begin() + bucket_end[b]);
        };
        for (std::size_t run = 0; run < hashed.size();) {
            std::size_t run_end = run;
            while (run_end < hashed.size() && hashed[run_end].first == hashed[run].first) {
                ++run_end;
            }
            // Within a run (almost always one class) compare with the earlier representatives.
            for (std::size_t a = run; a < run_end; ++a) {
                const std::uint32_t i = hashed[a].second;
                for (std::size_t b = run; b < a; ++b) {
                    const std::uint32_t r = hashed[b].second;
                    if (representative[r] == r && same(r, i)) {
                        representative[i] = r;
                        break;
                    }
                }
            }
            run = run_end;
        }
    }

    // Groups numbered in the order of their smallest demand id (keeps the caller's locality).
    std::vector<std::uint32_t> group_of(demand_count, none);
    out.group_first.push_back(0);
    for (std::size_t i = 0; i < demand_count; ++i) {
        const std::uint32_t r = representative[i];
        if (r == none) {
            continue;
        }
        if (r == i) {
            group_of[i] = out.group_count();
            out.weight.push_back(in.weight[i]);
            out.base.push_back(in.base[i]);
            out.representative.push_back(static_cast<DemandId>(i));
            for (std::uint32_t e = bucket_first[i]; e < bucket_end[i]; ++e) {
                out.group_candidate.push_back(key_candidate(keys[e]));
                out.group_time.push_back(key_time(keys[e]));
            }
            out.group_first.push_back(static_cast<std::uint32_t>(out.group_candidate.size()));
        } else {
            assert(r < i && group_of[r] != none);
            out.weight[group_of[r]] += in.weight[i];
        }
    }

    // Candidate-major copy by counting sort over the groups (groups ascending per candidate).
    out.candidate_first.assign(candidate_count + 1, 0);
    for (const CandidateId j : out.group_candidate) {
        ++out.candidate_first[j + 1];
    }
    for (std::size_t j = 0; j < candidate_count; ++j) {
        out.candidate_first[j + 1] += out.candidate_first[j];
    }
    out.candidate_group.resize(out.entry_count());
    out.candidate_time.resize(out.entry_count());
    std::vector<std::uint32_t> cursor(out.candidate_first.begin(), out.candidate_first.end() - 1);
    for (std::uint32_t g = 0; g < out.group_count(); ++g) {
        for (std::uint32_t e = out.group_first[g]; e < out.group_first[g + 1]; ++e) {
            const std::uint32_t pos = cursor[out.group_candidate[e]]++;
            out.candidate_group[pos] = g;
            out.candidate_time[pos] = out.group_time[e];
        }
    }
    out.base_cost = out.constant;
    for (std::uint32_t g = 0; g < out.group_count(); ++g) {
        out.base_cost += out.weight[g] * static_cast<double>(out.base[g]);
    }
    return out;
}

Instance coverage_instance(const CoverageProblem& problem, bool aggregate) {
    std::vector<TimeS> base(problem.demand_count(), 1);
    if (!problem.already_covered.empty()) {
        for (DemandId i = 0; i < problem.demand_count(); ++i) {
            base[i] = problem.already_covered[i] != 0 ? 0 : 1;
        }
    }
    return build_instance({problem.weight, base, problem.first, problem.demand, {}}, aggregate);
}

Instance median_instance(const MedianProblem& problem, bool aggregate) {
    std::vector<TimeS> base(problem.demand_count(), problem.penalty_s());
    if (!problem.current_time_s.empty()) {
        for (DemandId i = 0; i < problem.demand_count(); ++i) {
            if (problem.current_time_s[i] != inf_time) {
                base[i] = problem.current_time_s[i];
            }
        }
    }
    return build_instance({problem.weight, base, problem.first, problem.demand, problem.time_s},
                          aggregate);
}

Instance loss_instance(const Instance& in, double& all_open_cost) {
    Instance out = in;
    all_open_cost = in.constant;
    out.constant = 0;
    out.base_cost = 0;
    for (std::uint32_t g = 0; g < in.group_count(); ++g) {
        // Every group has an entry, and its first is the nearest candidate (below the base).
        const TimeS nearest = in.group_time[in.group_first[g]];
        all_open_cost += in.weight[g] * static_cast<double>(nearest);
        out.base[g] -= nearest;
        for (std::uint32_t e = in.group_first[g]; e < in.group_first[g + 1]; ++e) {
            out.group_time[e] -= nearest;
        }
        out.base_cost += in.weight[g] * static_cast<double>(out.base[g]);
    }
    for (std::size_t e = 0; e < in.entry_count(); ++e) {
        out.candidate_time[e] -= in.group_time[in.group_first[in.candidate_group[e]]];
    }
    return out;
}

Instance restrict_instance(const Instance& in, std::span<const std::uint8_t> state,
                           std::vector<CandidateId>& original, bool aggregate) {
    std::vector<TimeS> base(in.base);
    std::vector<std::uint32_t> first{0};
    std::vector<DemandId> group;
    std::vector<TimeS> time;
    original.clear();
    for (CandidateId j = 0; j < in.candidate_count; ++j) {
        for (std::uint32_t e = in.candidate_first[j]; e < in.candidate_first[j + 1]; ++e) {
            const std::uint32_t g = in.candidate_group[e];
            if (state[j] == 1) {
                base[g] = std::min(base[g], in.candidate_time[e]);
            } else if (state[j] == 0) {
                group.push_back(g);
                time.push_back(in.candidate_time[e]);
            }
        }
        if (state[j] == 0) {
            original.push_back(j);
            first.push_back(static_cast<std::uint32_t>(group.size()));
        }
    }
    Instance out = build_instance({in.weight, base, first, group, time}, aggregate);
    out.constant += in.constant;
    out.base_cost += in.constant;
    return out;
}

double cost(const Instance& instance, std::span<const CandidateId> sites) {
    // Through the candidates' lists: O(groups + entries of the sites), not O(all entries).
    std::vector<TimeS> best(instance.base);
    for (const CandidateId j : sites) {
        for (std::uint32_t e = instance.candidate_first[j]; e < instance.candidate_first[j + 1];
             ++e) {
            const std::uint32_t g = instance.candidate_group[e];
            best[g] = std::min(best[g], instance.candidate_time[e]);
        }
    }
    double total = instance.constant;
    for (std::uint32_t g = 0; g < instance.group_count(); ++g) {
        total += instance.weight[g] * static_cast<double>(best[g]);
    }
    return total;
}

} // namespace lw::location::detail
