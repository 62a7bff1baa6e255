#include "import/stats/stats_format.hpp"

#include <array>
#include <utility>

namespace lw::import {

namespace {

constexpr std::array<std::pair<StatsFormat, std::string_view>, 7> format_names{{
    {StatsFormat::detect, "auto"},
    {StatsFormat::gv100ad, "gv100ad"},
    {StatsFormat::gvisys, "gvisys"},
    {StatsFormat::age_groups_csv, "age-groups-csv"},
    {StatsFormat::genesis_population, "genesis"},
    {StatsFormat::life_table, "life-table"},
    {StatsFormat::inkar, "inkar"},
}};

} // namespace

std::string_view to_string(StatsFormat format) {
    for (const auto& [f, name] : format_names) {
        if (f == format) {
            return name;
        }
    }
    return "auto";
}

std::optional<StatsFormat> stats_format_from_string(std::string_view name) {
    for (const auto& [f, n] : format_names) {
        if (n == name) {
            return f;
        }
    }
    return std::nullopt;
}

std::string_view import_kind(StatsFormat format) {
    switch (format) {
    case StatsFormat::gv100ad:
        return "gv100ad";
    case StatsFormat::gvisys:
        return "gvisys";
    case StatsFormat::age_groups_csv:
    case StatsFormat::genesis_population:
        return "regionalstatistik";
    case StatsFormat::life_table:
        return "lifetable";
    case StatsFormat::inkar:
        return "inkar";
    case StatsFormat::detect:
        break;
    }
    return "statistics";
}

bool needs_reference_date(StatsFormat format) {
    return format == StatsFormat::gv100ad || format == StatsFormat::gvisys ||
           format == StatsFormat::age_groups_csv;
}

} // namespace lw::import
