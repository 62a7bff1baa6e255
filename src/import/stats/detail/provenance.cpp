#include "import/stats/detail/provenance.hpp"

#include "import/stats/reference_date.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <regex>
#include <set>

namespace lw::import::detail {

std::string german_iso(const std::string& iso) {
    return german_date(ReferenceDate{iso, 0});
}

std::string dates_text(const ParsedStats& stats) {
    std::vector<std::string> dates;
    for (const auto& iso : stats.reference_dates) {
        dates.push_back(german_iso(iso));
    }
    return fmt::format("{}", fmt::join(dates, ", "));
}

std::vector<std::string> periods_of(const ParsedStats& stats) {
    std::set<std::string> periods;
    for (const auto& row : stats.life_table) {
        periods.insert(row.period);
    }
    return {periods.begin(), periods.end()};
}

namespace {

// GENESIS-Online codes are "12411-0001"; Regionaldatenbank codes "12411-02-03-4".
bool is_genesis_online_code(const std::string& code) {
    static const std::regex online(R"(^\d{5}-\d{4}$)");
    return std::regex_match(code, online);
}

} // namespace

std::string attribution(const ParsedStats& stats) {
    switch (stats.format) {
    case StatsFormat::gv100ad:
        return fmt::format(
            "© Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD, Gebietsstand {}. "
            "Vervielfältigung und Verbreitung mit Quellenangabe gestattet.",
            german_iso(stats.territorial_date.value_or("")));
    case StatsFormat::gvisys:
        return fmt::format(
            "Statistisches Bundesamt (Destatis), Gemeindeverzeichnis-Informationssystem GV-ISys "
            "(Bevölkerung {}), dl-de/by-2-0",
            dates_text(stats));
    case StatsFormat::age_groups_csv:
    case StatsFormat::genesis_population:
        if (is_genesis_online_code(stats.source_table)) {
            return fmt::format(
                "© Statistisches Bundesamt (Destatis), GENESIS-Online, Tabelle {}, Stand {}, "
                "dl-de/by-2-0",
                stats.source_table, dates_text(stats));
        }
        return fmt::format(
            "Statistische Ämter des Bundes und der Länder, Regionaldatenbank Deutschland, "
            "Tabelle {}, Stand {}, dl-de/by-2-0",
            stats.source_table, dates_text(stats));
    case StatsFormat::life_table:
        return fmt::format("© Statistisches Bundesamt (Destatis), GENESIS-Online, Tabelle {} "
                           "(Sterbetafel/Periodensterbetafel Deutschland), dl-de/by-2-0",
                           stats.source_table);
    case StatsFormat::inkar:
        return "INKAR – Indikatoren und Karten zur Raum- und Stadtentwicklung, © BBSR Bonn, "
               "dl-de/by-2-0";
    case StatsFormat::detect:
        break;
    }
    return "";
}

std::string import_title(const ParsedStats& stats) {
    switch (stats.format) {
    case StatsFormat::gv100ad:
        return fmt::format("Gemeindeverzeichnis GV100AD, Gebietsstand {} (population {})",
                           german_iso(stats.territorial_date.value_or("")), dates_text(stats));
    case StatsFormat::gvisys:
        return fmt::format("GV-ISys municipality directory (population {})", dates_text(stats));
    case StatsFormat::age_groups_csv:
    case StatsFormat::genesis_population:
        return fmt::format("Population by sex and age group, table {} ({})", stats.source_table,
                           dates_text(stats));
    case StatsFormat::life_table:
        return fmt::format("Life table {} ({})", stats.source_table,
                           fmt::join(periods_of(stats), ", "));
    case StatsFormat::inkar:
        return "INKAR district indicators";
    case StatsFormat::detect:
        break;
    }
    return "";
}

} // namespace lw::import::detail
