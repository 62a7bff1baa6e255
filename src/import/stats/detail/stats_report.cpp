#include "import/stats/detail/stats_report.hpp"

#include "core/area_key.hpp"
#include "import/stats/detail/provenance.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <map>
#include <set>

namespace lw::import::detail {

namespace {

std::string count_text(std::uint64_t count) {
    return group_thousands(static_cast<long long>(count));
}

bool is_all_ages_total(const store::PopulationValue& v) {
    return v.sex == store::Sex::total && v.age_from == 0 && !v.age_to;
}

// Population of each region key per date: the key's own total if the file has one, otherwise
// the sum of its municipalities (then also how many had no number).
nlohmann::json region_population(const ParsedStats& stats, const store::RegionSpec& region,
                                 ImportReport& report) {
    nlohmann::json out = nlohmann::json::object();
    for (const auto& key : region.keys) {
        for (const auto& date : stats.reference_dates) {
            std::optional<double> own;
            double sum = 0.0;
            std::size_t parts = 0;
            std::size_t without_number = 0;
            for (const auto& v : stats.population) {
                if (!is_all_ages_total(v) || v.reference_date != date) {
                    continue;
                }
                if (v.area_key == key && v.value.value) {
                    own = v.value.value;
                } else if (v.area_key.size() == 8 && key_within(v.area_key, key) &&
                           v.area_key != key) {
                    ++parts;
                    if (v.value.value) {
                        sum += *v.value.value;
                    } else {
                        ++without_number;
                    }
                }
            }
            if (!own && parts == 0) {
                continue;
            }
            const double total = own ? *own : sum;
            const auto rounded = static_cast<long long>(std::llround(total));
            std::string text = group_thousands(rounded);
            if (!own) {
                text += fmt::format(" (sum of {} municipalities", parts);
                text += without_number > 0 ? fmt::format(", {} without a number)", without_number)
                                           : ")";
            }
            report.add(fmt::format("Population {} on {}", key, german_iso(date)), text);
            out[key][date] = rounded;
        }
    }
    return out;
}

} // namespace

ImportReport stats_report(const ParsedStats& stats, const ParsedStats& kept,
                          const std::filesystem::path& input, const store::RegionSpec& region) {
    ImportReport report;
    report.title = fmt::format("Statistics import: {}", import_title(kept));
    report.add("File", input.filename().string());
    report.add("Format",
               fmt::format("{} ({})", to_string(stats.format), to_string(stats.encoding)));
    report.add("Records in file", count_text(stats.records));
    auto& summary = report.summary;
    summary["format"] = std::string(to_string(stats.format));
    summary["encoding"] = std::string(to_string(stats.encoding));
    summary["source_table"] = stats.source_table;
    summary["records_in_file"] = stats.records;
    if (stats.territorial_date) {
        summary["territorial_date"] = *stats.territorial_date;
        report.add("Gebietsstand", german_iso(*stats.territorial_date));
    }
    if (!stats.population.empty()) {
        report.add("Reference date",
                   dates_text(kept).empty() ? dates_text(stats) : dates_text(kept));
        report.add("Population values",
                   fmt::format("{} of {} in the file", count_text(kept.population.size()),
                               count_text(stats.population.size())));
        std::map<std::string, std::size_t> by_status;
        for (const auto& v : kept.population) {
            ++by_status[std::string(to_string(v.value.status))];
        }
        summary["reference_dates"] = kept.reference_dates;
        summary["population_values"] = kept.population.size();
        summary["population_values_in_file"] = stats.population.size();
        summary["population_status"] = by_status;
        summary["region_population"] = region_population(kept, region, report);
        if (by_status.size() > 1 || by_status.count("ok") == 0) {
            std::vector<std::string> parts;
            for (const auto& [status, count] : by_status) {
                parts.push_back(fmt::format("{} {}", status, count));
            }
            report.add("Values by status", fmt::format("{}", fmt::join(parts, ", ")));
        }
    }
    if (!stats.directory.empty()) {
        report.add("Municipalities",
                   fmt::format("{} of {} in the file", count_text(kept.directory.size()),
                               count_text(stats.directory.size())));
        summary["municipalities"] = kept.directory.size();
    }
    if (!kept.districts.empty()) {
        std::vector<std::string> names;
        for (const auto& d : kept.districts) {
            names.push_back(fmt::format("{} {}", d.key, d.name));
        }
        report.add("Districts", fmt::format("{}", fmt::join(names, ", ")));
        summary["districts"] = names;
    }
    if (!stats.life_table.empty()) {
        report.add("Life table rows", count_text(kept.life_table.size()));
        report.add("Periods", fmt::format("{}", fmt::join(periods_of(kept), ", ")));
        summary["life_table_rows"] = kept.life_table.size();
        summary["periods"] = periods_of(kept);
    }
    if (!stats.reference_values.empty()) {
        std::set<std::string> indicators;
        for (const auto& v : kept.reference_values) {
            indicators.insert(v.indicator);
        }
        report.add("Reference values",
                   fmt::format("{} ({} indicators, {} in the file)",
                               count_text(kept.reference_values.size()), indicators.size(),
                               count_text(stats.reference_values.size())));
        summary["reference_values"] = kept.reference_values.size();
        summary["indicators"] = indicators.size();
    }
    report.warnings = stats.notes;
    const bool nothing_kept = kept.population.empty() && kept.directory.empty() &&
                              kept.life_table.empty() && kept.reference_values.empty();
    if (nothing_kept) {
        report.warnings.push_back(
            fmt::format("nothing in {} lies in the region {} ({}); only the provenance "
                        "record was written",
                        input.filename().string(), region.name, fmt::join(region.keys, ", ")));
    }
    summary["warnings"] = report.warnings;
    return report;
}

} // namespace lw::import::detail
