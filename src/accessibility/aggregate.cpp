#include "accessibility/aggregate.hpp"

#include <map>

namespace lw::accessibility {

namespace {

struct Sums {
    std::int64_t residents = 0, assessed = 0, reaching = 0;
    std::vector<std::int64_t> within;
    double r65 = 0, r18 = 0;
    std::vector<double> w65, w18;
    double minutes_weighted = 0, supply_weighted = 0;
};

} // namespace

std::vector<AreaRow> aggregate(const Origins& origins, const SnappedPoints& snapped, const std::string& category,
                               const SetResult& result, const std::vector<std::uint32_t>& thresholds_min) {
    std::map<std::pair<std::string, std::string>, Sums> sums; // (level, key)
    const auto fresh = [&]() {
        Sums s;
        s.within.assign(thresholds_min.size(), 0);
        s.w65.assign(thresholds_min.size(), 0.0);
        s.w18.assign(thresholds_min.size(), 0.0);
        return s;
    };
    for (std::size_t o = 0; o < origins.size(); ++o) {
        std::vector<std::pair<std::string, std::string>> keys{{"region", "region"}};
        if (!origins.ags[o].empty()) {
            keys.emplace_back("municipality", origins.ags[o]);
        }
        if (!origins.cell_id[o].empty()) {
            keys.emplace_back("cell", origins.cell_id[o]);
        }
        const auto persons = origins.population[o];
        for (const auto& key : keys) {
            auto it = sums.find(key);
            if (it == sums.end()) {
                it = sums.emplace(key, fresh()).first;
            }
            Sums& s = it->second;
            s.residents += persons;
            s.r65 += origins.population_65plus[o];
            s.r18 += origins.population_under18[o];
            if (!snapped.snapped(o)) {
                continue;
            }
            s.assessed += persons;
            s.supply_weighted += result.supply_ratio[o] * static_cast<double>(persons);
            const std::uint32_t seconds = result.seconds[o];
            if (seconds == graph::inf_time) {
                continue;
            }
            s.reaching += persons;
            s.minutes_weighted += static_cast<double>(seconds) / 60.0 * static_cast<double>(persons);
            for (std::size_t t = 0; t < thresholds_min.size(); ++t) {
                if (seconds <= thresholds_min[t] * 60) {
                    s.within[t] += persons;
                    s.w65[t] += origins.population_65plus[o];
                    s.w18[t] += origins.population_under18[o];
                }
            }
        }
    }
    std::vector<AreaRow> rows;
    for (const auto& [key, s] : sums) {
        for (std::size_t t = 0; t < thresholds_min.size(); ++t) {
            AreaRow row;
            row.level = key.first;
            row.area_key = key.second;
            row.category = category;
            row.threshold_min = thresholds_min[t];
            row.residents = s.residents;
            row.assessed = s.assessed;
            row.within = s.within[t];
            row.residents_65plus = s.r65;
            row.within_65plus = s.w65[t];
            row.residents_under18 = s.r18;
            row.within_under18 = s.w18[t];
            if (s.reaching > 0) {
                row.mean_minutes = s.minutes_weighted / static_cast<double>(s.reaching);
            }
            if (s.assessed > 0) {
                row.supply_ratio = s.supply_weighted / static_cast<double>(s.assessed) * 1000.0;
            }
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

std::vector<CatchmentRow> catchments(const Origins& origins, const Destinations& destinations,
                                     const std::string& category, const SetResult& result) {
    std::map<std::pair<std::string, std::string>, std::int64_t> flows;
    for (std::size_t o = 0; o < origins.size(); ++o) {
        if (result.nearest[o] < 0 || origins.ags[o].empty()) {
            continue;
        }
        const std::string& to = destinations.ags[static_cast<std::size_t>(result.nearest[o])];
        flows[{origins.ags[o], to.empty() ? "outside" : to}] += origins.population[o];
    }
    std::vector<CatchmentRow> rows;
    for (const auto& [key, residents] : flows) {
        rows.push_back({category, key.first, key.second, residents});
    }
    return rows;
}

} // namespace lw::accessibility
