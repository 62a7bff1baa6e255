#include "location/problem.hpp"

#include "core/error.hpp"
#include "location/detail/checks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lw::location {

namespace {

// Collects messages up to a limit and counts the rest.
class Messages {
public:
    explicit Messages(std::size_t max) : m_max(std::max<std::size_t>(max, 1)) {}
    template <typename... Args> void add(fmt::format_string<Args...> format, Args&&... args) {
        if (m_list.size() < m_max) {
            m_list.push_back(fmt::format(format, std::forward<Args>(args)...));
        } else {
            ++m_dropped;
        }
    }
    bool full() const { return m_list.size() >= m_max; }
    std::vector<std::string> take() {
        if (m_dropped > 0) {
            m_list.push_back(fmt::format("... and {} more problems", m_dropped));
        }
        return std::move(m_list);
    }

private:
    std::size_t m_max;
    std::size_t m_dropped = 0;
    std::vector<std::string> m_list;
};

void check_weights(const std::vector<double>& weight, Messages& out) {
    if (weight.size() >= std::numeric_limits<DemandId>::max()) {
        out.add("{} demand points: more than 32-bit demand ids allow", weight.size());
    }
    for (std::size_t i = 0; i < weight.size(); ++i) {
        if (!std::isfinite(weight[i]) || weight[i] < 0) {
            out.add("demand point {} has weight {} (weights must be finite and >= 0)", i,
                    weight[i]);
        }
    }
}

// The CSR offsets and demand ids; `entries` is the length every per-entry array must have.
void check_rows(const std::vector<std::uint32_t>& first, const std::vector<DemandId>& demand,
                std::size_t demand_count, Messages& out) {
    if (first.empty()) {
        out.add("first must have candidate_count + 1 entries (at least one, 0)");
        return;
    }
    if (first.front() != 0) {
        out.add("first[0] is {}, must be 0", first.front());
    }
    if (first.back() != demand.size()) {
        out.add("first ends at {}, but there are {} demand entries", first.back(), demand.size());
    }
    for (std::size_t j = 0; j + 1 < first.size(); ++j) {
        if (first[j] > first[j + 1]) {
            out.add("first decreases at candidate {} ({} > {})", j, first[j], first[j + 1]);
            return; // the rows are unusable; per-row messages would mislead
        }
    }
    if (first.back() != demand.size()) {
        return;
    }
    for (std::size_t j = 0; j + 1 < first.size() && !out.full(); ++j) {
        for (std::uint32_t e = first[j]; e < first[j + 1]; ++e) {
            if (demand[e] >= demand_count) {
                out.add("candidate {} lists demand id {}, but there are only {} demand points", j,
                        demand[e], demand_count);
            }
        }
    }
}

void throw_if_invalid(std::vector<std::string> messages) {
    if (messages.empty()) {
        return;
    }
    std::string text = messages.front();
    for (std::size_t m = 1; m < messages.size(); ++m) {
        text += "; " + messages[m];
    }
    throw Error(ErrorKind::input_value, "invalid location problem: " + text);
}

void check_sites(const std::vector<CandidateId>& sites, std::uint32_t candidate_count) {
    for (const CandidateId j : sites) {
        if (j >= candidate_count) {
            throw Error(
                ErrorKind::input_value,
                fmt::format("site {} is not a candidate (there are {})", j, candidate_count));
        }
    }
}

} // namespace

std::vector<std::string> validate(const CoverageProblem& p, std::size_t max_messages) {
    Messages out(max_messages);
    check_weights(p.weight, out);
    check_rows(p.first, p.demand, p.weight.size(), out);
    if (!p.already_covered.empty() && p.already_covered.size() != p.weight.size()) {
        out.add("already_covered has {} entries for {} demand points (must be equal, or empty)",
                p.already_covered.size(), p.weight.size());
    }
    if (p.capacitated()) {
        if (p.capacity.size() != p.candidate_count()) {
            out.add("capacity has {} entries for {} candidates (must be equal, or empty)",
                    p.capacity.size(), p.candidate_count());
        }
        for (std::size_t j = 0; j < p.capacity.size(); ++j) {
            if (std::isnan(p.capacity[j]) || p.capacity[j] < 0) {
                out.add("candidate {} has capacity {} (capacities must be >= 0, inf allowed)", j,
                        p.capacity[j]);
            }
        }
    }
    return out.take();
}

std::vector<std::string> validate(const MedianProblem& p, std::size_t max_messages) {
    Messages out(max_messages);
    check_weights(p.weight, out);
    check_rows(p.first, p.demand, p.weight.size(), out);
    if (p.time_s.size() != p.demand.size()) {
        out.add("time_s has {} entries for {} demand entries (must be equal)", p.time_s.size(),
                p.demand.size());
    } else {
        for (std::size_t e = 0; e < p.time_s.size(); ++e) {
            if (p.time_s[e] > p.horizon_s) {
                out.add("entry {} has time {} s, beyond the horizon of {} s", e, p.time_s[e],
                        p.horizon_s);
            }
        }
    }
    if (!p.current_time_s.empty() && p.current_time_s.size() != p.weight.size()) {
        out.add("current_time_s has {} entries for {} demand points (must be equal, or empty)",
                p.current_time_s.size(), p.weight.size());
    }
    if (p.unserved_time_s && (*p.unserved_time_s < p.horizon_s || *p.unserved_time_s == inf_time)) {
        out.add("unserved_time_s is {} s; it must be finite and at least the horizon ({} s)",
                *p.unserved_time_s, p.horizon_s);
    }
    if (p.horizon_s == inf_time) {
        out.add("horizon_s must be finite");
    }
    return out.take();
}

double coverage_value(const CoverageProblem& p, const std::vector<CandidateId>& sites) {
    throw_if_invalid(validate(p));
    check_sites(sites, p.candidate_count());
    std::vector<std::uint8_t> covered(p.demand_count(), 0);
    for (const CandidateId j : sites) {
        for (std::uint32_t e = p.first[j]; e < p.first[j + 1]; ++e) {
            covered[p.demand[e]] = 1;
        }
    }
    double total = 0;
    for (DemandId i = 0; i < p.demand_count(); ++i) {
        const bool before = !p.already_covered.empty() && p.already_covered[i] != 0;
        if (covered[i] != 0 && !before) {
            total += p.weight[i];
        }
    }
    return total;
}

std::vector<TimeS> median_times(const MedianProblem& p, const std::vector<CandidateId>& sites) {
    throw_if_invalid(validate(p));
    check_sites(sites, p.candidate_count());
    std::vector<TimeS> time(p.demand_count(), p.penalty_s());
    if (!p.current_time_s.empty()) {
        for (DemandId i = 0; i < p.demand_count(); ++i) {
            if (p.current_time_s[i] != inf_time) {
                time[i] = p.current_time_s[i];
            }
        }
    }
    for (const CandidateId j : sites) {
        for (std::uint32_t e = p.first[j]; e < p.first[j + 1]; ++e) {
            time[p.demand[e]] = std::min(time[p.demand[e]], p.time_s[e]);
        }
    }
    return time;
}

double median_value(const MedianProblem& p, const std::vector<CandidateId>& sites) {
    const std::vector<TimeS> time = median_times(p, sites);
    double total = 0;
    for (DemandId i = 0; i < p.demand_count(); ++i) {
        total += p.weight[i] * static_cast<double>(time[i]);
    }
    return total;
}

namespace detail {

void require_valid(const CoverageProblem& p) {
    throw_if_invalid(validate(p));
}
void require_valid(const MedianProblem& p) {
    throw_if_invalid(validate(p));
}

void require_uncapacitated_closure(const CoverageProblem& p) {
    if (p.capacitated()) {
        throw Error(
            ErrorKind::input_value,
            "closure with capacities is not supported: pass the open sites without capacity");
    }
}

void require_at_most(std::uint32_t count, std::uint32_t available, std::string_view what,
                     std::string_view of) {
    if (count > available) {
        throw Error(ErrorKind::input_value,
                    fmt::format("{} = {} exceeds the {} {}", what, count, available, of));
    }
}

} // namespace detail

} // namespace lw::location
