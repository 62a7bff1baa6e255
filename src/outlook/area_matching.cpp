#include "outlook/area_matching.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace lw::outlook {

namespace {

struct Pool {
    std::vector<std::string> before, after;
};

void add(MatchedUnit& unit, const std::optional<double>& value, bool is_before) {
    (is_before ? unit.population_before : unit.population_after) += value.value_or(0.0);
    unit.complete = unit.complete && value.has_value();
}

} // namespace

std::vector<MatchedUnit> match_areas(std::span<const AreaCount> before, std::span<const AreaCount> after,
                                     const MatchingConfig& config) {
    std::map<std::string, std::optional<double>> old_pop, new_pop;
    for (const auto& a : before) {
        old_pop[a.key] = a.population;
    }
    for (const auto& a : after) {
        new_pop[a.key] = a.population;
    }
    // Districts whose set of codes changed, and their pools.
    std::map<std::string, Pool> district_pool;
    for (const auto& [key, value] : old_pop) {
        if (!new_pop.contains(key)) {
            district_pool[key.substr(0, 5)].before.push_back(key);
        }
    }
    for (const auto& [key, value] : new_pop) {
        if (!old_pop.contains(key)) {
            district_pool[key.substr(0, 5)].after.push_back(key);
        }
    }
    // Every kept code of a changed district joins its pool: an absorbing municipality may grow by
    // a village (1 %) and cannot be told from natural change. Elsewhere a kept code whose
    // population jumped (it absorbed a code of a neighbouring district) joins its Land's pool.
    std::set<std::string> lands_changed;
    for (const auto& [district, pool] : district_pool) {
        lands_changed.insert(district.substr(0, 2));
    }
    std::map<std::string, Pool> pools;
    std::set<std::string> pooled;
    for (const auto& [key, value] : old_pop) {
        const auto it = new_pop.find(key);
        if (it == new_pop.end()) {
            continue;
        }
        const auto district = district_pool.find(key.substr(0, 5));
        Pool* target = nullptr;
        if (district != district_pool.end()) {
            target = &district->second;
        } else if (lands_changed.contains(key.substr(0, 2))) {
            const double a = value.value_or(0.0);
            const double b = it->second.value_or(0.0);
            if (!value || !it->second || std::abs(b - a) > config.jump_share * std::max(a, 1.0)) {
                target = &pools[key.substr(0, 2)];
            }
        }
        if (target != nullptr) {
            target->before.push_back(key);
            target->after.push_back(key);
            pooled.insert(key);
        }
    }
    // District pools that are one-sided or whose population jumped (codes moved to another
    // district) are pooled per Land.
    const auto sum = [](const std::vector<std::string>& keys, const auto& pop) {
        double s = 0;
        for (const auto& k : keys) {
            s += pop.at(k).value_or(0.0);
        }
        return s;
    };
    for (auto& [district, pool] : district_pool) {
        const double a = sum(pool.before, old_pop);
        const double b = sum(pool.after, new_pop);
        const bool moved = pool.before.empty() || pool.after.empty() ||
                           std::abs(b - a) > config.pool_jump_share * std::max(a, 1.0);
        auto& target = pools[moved ? district.substr(0, 2) : district];
        target.before.insert(target.before.end(), pool.before.begin(), pool.before.end());
        target.after.insert(target.after.end(), pool.after.begin(), pool.after.end());
    }
    std::vector<MatchedUnit> units;
    for (const auto& [key, value] : old_pop) {
        const auto it = new_pop.find(key);
        if (it == new_pop.end() || pooled.contains(key)) {
            continue;
        }
        MatchedUnit unit{.label = key, .before = {key}, .after = {key}};
        add(unit, value, true);
        add(unit, it->second, false);
        units.push_back(std::move(unit));
    }
    for (auto& [label, pool] : pools) {
        MatchedUnit unit{.label = label + " (pooled)"};
        std::sort(pool.before.begin(), pool.before.end());
        std::sort(pool.after.begin(), pool.after.end());
        for (const auto& key : pool.before) {
            add(unit, old_pop.at(key), true);
        }
        for (const auto& key : pool.after) {
            add(unit, new_pop.at(key), false);
        }
        unit.before = std::move(pool.before);
        unit.after = std::move(pool.after);
        unit.complete = unit.complete && !unit.before.empty() && !unit.after.empty();
        units.push_back(std::move(unit));
    }
    return units;
}

} // namespace lw::outlook
