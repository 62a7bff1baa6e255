#include "import/stats/parsed_stats.hpp"

#include <algorithm>

namespace lw::import {

namespace {

template <typename T, typename Key>
void erase_outside(std::vector<T>& items, Key key_of, const store::RegionSpec& region) {
    std::erase_if(items, [&](const T& item) {
        const std::string& key = key_of(item);
        return !(region.contains(key) || region.is_parent_of(key));
    });
}

} // namespace

void keep_region(ParsedStats& stats, const store::RegionSpec& region) {
    erase_outside(
        stats.population, [](const auto& v) -> const std::string& { return v.area_key; }, region);
    erase_outside(
        stats.districts, [](const auto& d) -> const std::string& { return d.key; }, region);
    erase_outside(
        stats.life_table, [](const auto& r) -> const std::string& { return r.region; }, region);
    erase_outside(
        stats.reference_values, [](const auto& v) -> const std::string& { return v.area_key; },
        region);
    std::erase_if(stats.directory, [&](const auto& e) { return !region.contains(e.ags); });
}

void collect_reference_dates(ParsedStats& stats) {
    stats.reference_dates.clear();
    for (const auto& v : stats.population) {
        stats.reference_dates.push_back(v.reference_date);
    }
    std::sort(stats.reference_dates.begin(), stats.reference_dates.end());
    stats.reference_dates.erase(
        std::unique(stats.reference_dates.begin(), stats.reference_dates.end()),
        stats.reference_dates.end());
}

} // namespace lw::import
