#include "outlook/housing.hpp"

#include "core/error.hpp"
#include "demand/workspace_inputs.hpp"
#include "store/features.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>

namespace lw::outlook {

HousingResult hidden_vacancy_by_municipality(store::Database& db, const demand::HiddenVacancyConfig& config) {
    const auto inputs = demand::read_hidden_vacancy_inputs(db);
    if (inputs.houses.empty()) {
        throw Error(ErrorKind::workspace,
                    "no buildings with placed population (import OSM buildings and run `lebenswert distribute`)");
    }
    const auto per_cell = demand::hidden_vacancy(inputs.houses, inputs.areas, config);
    std::map<std::string, MunicipalityHousing> by_ags;
    for (const auto& m : store::read_municipalities(db, false)) {
        by_ags[m.ags] = {m.ags, m.name};
    }
    for (std::size_t a = 0; a < per_cell.size(); ++a) {
        if (per_cell[a].houses == 0) {
            continue;
        }
        auto& m = by_ags[inputs.area_ags[a]];
        m.ags = inputs.area_ags[a];
        m.houses += per_cell[a].houses;
        m.house_population += per_cell[a].house_population;
        m.expected_houses += per_cell[a].expected_houses;
        m.expected_floor_area_m2 += per_cell[a].expected_floor_area_m2;
    }
    HousingResult out{{}, inputs.areas.size(), inputs.unplaced_buildings, config};
    for (auto& [ags, m] : by_ags) {
        if (m.houses > 0) {
            out.municipalities.push_back(std::move(m));
        }
    }
    return out;
}

Report housing_report(const HousingResult& r) {
    Report report;
    report.title = "Hidden vacancy: one- and two-family houses likely occupied only by one or two people aged 65+ (modelled)";
    for (const auto& m : r.municipalities) {
        report.add(m.name.empty() ? m.ags : m.name,
                   fmt::format("{} houses, of which ~{} ({:.0f} %) with {} m² floor area", group_thousands(m.houses),
                               group_thousands(std::llround(m.expected_houses)), 100 * m.expected_houses / m.houses,
                               group_thousands(std::llround(m.expected_floor_area_m2))));
    }
    report.add("areas", fmt::format("{} census cells (65+ share of 2011); {} buildings outside them not counted",
                                    group_thousands(static_cast<long long>(r.cells)), r.unplaced_buildings));
    report.add("assumptions", fmt::format("living alone at 65+ {:.0f} % (Mikrozensus 2024), {:.2f} persons per household (Hesse 2017), "
                                          "pair share {:.2f} (assumption); houses hold households like their cell's average",
                                          100 * r.config.living_alone_65plus, r.config.persons_per_household, r.config.pair_share));
    report.add("method", "docs/demand-and-housing.md#hidden-vacancy");
    return report;
}

exporting::Table housing_table(const HousingResult& r) {
    exporting::Table t{"Versteckter Leerstand", {"ags", "name", "houses", "house_population", "expected_houses", "expected_floor_area_m2"}, {}};
    for (const auto& m : r.municipalities) {
        t.rows.push_back({m.ags, m.name, static_cast<std::int64_t>(m.houses), m.house_population, m.expected_houses,
                          m.expected_floor_area_m2});
    }
    return t;
}

} // namespace lw::outlook
