#pragma once
// Hidden vacancy per municipality of a workspace: one- and two-family houses likely occupied by
// only one or two people aged 65+ (demand::hidden_vacancy on the census cells and the buildings the
// population distribution placed), summed to municipalities. Modelled, not observed.

#include "core/report.hpp"
#include "demand/hidden_vacancy.hpp"
#include "export/table.hpp"
#include "store/sqlite.hpp"

#include <string>
#include <vector>

namespace lw::outlook {

struct MunicipalityHousing {
    std::string ags, name;
    std::uint32_t houses = 0;
    double house_population = 0;
    double expected_houses = 0;
    double expected_floor_area_m2 = 0;
};

struct HousingResult {
    std::vector<MunicipalityHousing> municipalities;
    std::size_t cells = 0;
    std::size_t unplaced_buildings = 0;
    demand::HiddenVacancyConfig config;
};

HousingResult hidden_vacancy_by_municipality(store::Database& db, const demand::HiddenVacancyConfig& config = {});
Report housing_report(const HousingResult& result);
exporting::Table housing_table(const HousingResult& result);

} // namespace lw::outlook
