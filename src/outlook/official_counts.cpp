#include "outlook/official_counts.hpp"

#include "core/error.hpp"
#include "import/stats/detect.hpp"
#include "import/stats/gv100ad.hpp"
#include "import/stats/gvisys.hpp"

#include <fmt/format.h>

#include <map>

namespace lw::outlook {

OfficialCounts read_official_counts(const std::filesystem::path& file, const std::string& reference_date) {
    const auto date = import::parse_reference_date(reference_date);
    if (!date) {
        throw Error(ErrorKind::usage, fmt::format("not a date: \"{}\" (e.g. 31.12.2016)", reference_date));
    }
    const auto format = import::detect_stats_format(file);
    import::ParsedStats parsed;
    if (format == import::StatsFormat::gv100ad) {
        parsed = import::parse_gv100ad(file, *date);
    } else if (format == import::StatsFormat::gvisys) {
        parsed = import::parse_gvisys(file, *date);
    } else {
        throw Error(ErrorKind::input_format,
                    fmt::format("{}: not a municipality directory (GV100AD or GV-ISys)", file.string()));
    }
    std::map<std::string, std::pair<std::optional<double>, std::optional<double>>> by_key;
    for (const auto& v : parsed.population) {
        if (v.area_key.size() != 8 || v.age_from != 0 || v.age_to) {
            continue;
        }
        auto& slot = by_key[v.area_key];
        if (v.sex == store::Sex::total) {
            slot.first = v.value.value;
        } else if (v.sex == store::Sex::male) {
            slot.second = v.value.value;
        }
    }
    OfficialCounts out{parsed.source_table, date->iso, {}, {}};
    for (const auto& [key, values] : by_key) {
        out.total.push_back({key, values.first});
        out.male.push_back({key, values.second});
    }
    return out;
}

} // namespace lw::outlook
