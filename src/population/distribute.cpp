#include "population/distribute.hpp"

#include "core/error.hpp"
#include "geo/crs.hpp"
#include "geo/polygon_index.hpp"
#include "population/dasymetric.hpp"
#include "population/validation.hpp"
#include "store/features.hpp"
#include "store/gpkg.hpp"
#include "store/statistics.hpp"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace lw::population {

namespace {

using Totals = std::map<std::string, std::map<int, std::int64_t>>; // ags -> year -> persons

Totals numeric_totals(store::Database& db) {
    Totals totals;
    for (const auto& t : store::read_population_totals(db)) {
        if (t.value.value && t.area_key.size() == 8) {
            // Several sources may give the same year; the first (by source name) is kept.
            totals[t.area_key].try_emplace(t.year, static_cast<std::int64_t>(std::llround(*t.value.value)));
        }
    }
    return totals;
}

int choose_year(const std::vector<store::Municipality>& municipalities, const Totals& totals,
                const std::optional<int>& requested) {
    if (requested) {
        return *requested;
    }
    std::optional<int> best;
    std::set<int> years;
    for (const auto& [ags, by_year] : totals) {
        for (const auto& [year, value] : by_year) {
            years.insert(year);
        }
    }
    for (const int year : years) {
        bool complete = true;
        for (const auto& m : municipalities) {
            const auto it = totals.find(m.ags);
            complete = complete && it != totals.end() && it->second.count(year) > 0;
        }
        if (complete) {
            best = year;
        }
    }
    if (!best) {
        throw Error(ErrorKind::workspace,
                    "no year has a population total for every municipality of the region; import "
                    "a municipality directory (lebenswert import stats) or pass --year");
    }
    return *best;
}

} // namespace

Report run_distribute(store::Workspace& workspace, const DistributeConfig& config) {
    auto& db = workspace.db();
    const auto municipalities = store::read_municipalities(db, true);
    if (municipalities.empty()) {
        throw Error(ErrorKind::workspace, "the workspace has no municipalities; import boundaries "
                                          "and a municipality directory first");
    }
    const Totals totals = numeric_totals(db);
    const int year = choose_year(municipalities, totals, config.year);

    DasymetricInput input;
    std::vector<bool> has_total(municipalities.size(), false);
    std::unordered_map<std::string, std::uint32_t> municipality_index;
    geo::PolygonIndex index;
    for (std::uint32_t m = 0; m < municipalities.size(); ++m) {
        municipality_index[municipalities[m].ags] = m;
        std::int64_t total = 0;
        if (const auto it = totals.find(municipalities[m].ags); it != totals.end()) {
            if (const auto y = it->second.find(year); y != it->second.end()) {
                total = y->second;
                has_total[m] = true;
            }
        }
        input.municipality_total.push_back(total);
        if (municipalities[m].geometry) {
            index.add(m, *municipalities[m].geometry);
        }
    }

    const auto cells = store::read_grid_cells(db);
    std::unordered_map<std::string, std::uint32_t> cell_index;
    for (std::uint32_t c = 0; c < cells.size(); ++c) {
        cell_index[cells[c].cell_id] = c;
        const auto it = cells[c].ags ? municipality_index.find(*cells[c].ags) : municipality_index.end();
        input.cell_municipality.push_back(it != municipality_index.end() && has_total[it->second] ? it->second : no_index);
        input.cell_census.push_back(cells[c].pop_total());
    }

    auto buildings = store::read_buildings(db, false);
    const geo::Transformer to_laea(geo::epsg_utm32, geo::epsg_laea);
    std::vector<std::uint32_t> residential; // building positions fed to the distribution
    std::vector<std::optional<std::string>> building_ags(buildings.size());
    std::vector<std::optional<std::string>> building_cell(buildings.size());
    for (std::uint32_t b = 0; b < buildings.size(); ++b) {
        const auto& building = buildings[b];
        const auto m = index.size() > 0 ? index.locate(building.centroid) : std::nullopt;
        if (m) {
            building_ags[b] = municipalities[*m].ags;
        }
        const geo::Point p = to_laea(building.centroid);
        const auto x_ll = static_cast<std::int64_t>(std::floor(p.x / 100.0)) * 100;
        const auto y_ll = static_cast<std::int64_t>(std::floor(p.y / 100.0)) * 100;
        const std::string cell_id = fmt::format("100mN{:05}E{:05}", y_ll / 100, x_ll / 100);
        const auto cell = cell_index.find(cell_id);
        if (cell != cell_index.end()) {
            building_cell[b] = cell_id;
        }
        if (building.residential && m && has_total[*m]) {
            residential.push_back(b);
            input.building_municipality.push_back(*m);
            input.building_cell.push_back(cell != cell_index.end() ? cell->second : no_index);
            input.building_floor_area.push_back(building.floor_area_m2);
        }
    }

    const DasymetricResult result = distribute_population(input);

    std::vector<store::Placement> placements;
    std::int64_t sum_total = 0, sum_buildings = 0, sum_cells = 0, sum_unplaced = 0;
    std::vector<std::string> missing;
    for (std::uint32_t m = 0; m < municipalities.size(); ++m) {
        if (!has_total[m]) {
            missing.push_back(municipalities[m].ags);
            continue;
        }
        placements.push_back({municipalities[m].ags, year, input.municipality_total[m],
                              result.municipality_on_buildings[m], result.municipality_cells_only[m],
                              result.municipality_unplaced[m], to_string(result.municipality_method[m])});
        sum_total += input.municipality_total[m];
        sum_buildings += result.municipality_on_buildings[m];
        sum_cells += result.municipality_cells_only[m];
        sum_unplaced += result.municipality_unplaced[m];
    }

    store::Transaction tx(db);
    {
        store::Statement clear(db, "UPDATE buildings SET ags = ?1, cell_id = ?2, population = NULL, "
                                   "population_year = NULL WHERE fid = ?3");
        for (std::uint32_t b = 0; b < buildings.size(); ++b) {
            clear.bind(1, building_ags[b]).bind(2, building_cell[b]).bind(3, buildings[b].fid);
            clear.run();
        }
        store::Statement set(db, "UPDATE buildings SET population = ?1, population_year = ?2 WHERE fid = ?3");
        for (std::size_t k = 0; k < residential.size(); ++k) {
            set.bind(1, result.building_population[k]).bind(2, year).bind(3, buildings[residential[k]].fid);
            set.run();
        }
        store::Statement cell(db, "UPDATE grid_cells SET population = ?1, population_on_buildings = ?2, "
                                  "population_year = ?3 WHERE fid = ?4");
        for (std::uint32_t c = 0; c < cells.size(); ++c) {
            if (input.cell_municipality[c] == no_index) {
                cell.bind_null(1).bind_null(2).bind_null(3).bind(4, cells[c].fid);
            } else {
                cell.bind(1, result.cell_population[c]).bind(2, result.cell_population_on_buildings[c]);
                cell.bind(3, year).bind(4, cells[c].fid);
            }
            cell.run();
        }
        db.exec("DELETE FROM population_placement");
        store::replace_placements(db, placements);
        store::refresh_contents(db, "buildings");
        store::refresh_contents(db, "grid_cells");
    }
    tx.commit();

    Report report;
    report.title = fmt::format("Population distributed to buildings and grid cells ({})", year);
    report.add("municipalities", fmt::format("{} of {} with a total for {}", placements.size(),
                                             municipalities.size(), year));
    report.add("persons to place", group_thousands(sum_total));
    report.add("on residential buildings", fmt::format("{} ({} buildings)", group_thousands(sum_buildings),
                                                       group_thousands(static_cast<long long>(residential.size()))));
    report.add("on census cells without buildings", group_thousands(sum_cells));
    report.add("not placed", group_thousands(sum_unplaced));
    report.add("check", sum_buildings + sum_cells + sum_unplaced == sum_total ? "totals preserved exactly"
                                                                              : "TOTALS DIFFER");
    if (!missing.empty()) {
        report.warnings.push_back(fmt::format("{} municipalities have no total for {} and were left out",
                                              missing.size(), year));
    }
    report.summary = {{"year", year},
                      {"total", sum_total},
                      {"on_buildings", sum_buildings},
                      {"cells_only", sum_cells},
                      {"unplaced", sum_unplaced}};

    // How well would floor area alone (the fallback without census cells) have placed people?
    const auto check = validate_against_census(input.building_cell, input.building_floor_area, input.cell_census);
    if (check.floor_area.cells > 0) {
        report.add("check: floor area vs census 2011",
                   fmt::format("{:.1f} % of {} persons in another 100 m cell, r = {:.2f} over {} cells "
                               "(one share per building: {:.1f} %, r = {:.2f})",
                               check.floor_area.misplaced_share * 100.0, group_thousands(check.floor_area.persons),
                               check.floor_area.correlation, check.floor_area.cells,
                               check.uniform.misplaced_share * 100.0, check.uniform.correlation));
        report.summary["validation"] = {{"cells", check.floor_area.cells},
                                        {"persons", check.floor_area.persons},
                                        {"floor_area_misplaced_share", check.floor_area.misplaced_share},
                                        {"floor_area_correlation", check.floor_area.correlation},
                                        {"floor_area_mean_abs_error", check.floor_area.mean_abs_error},
                                        {"uniform_misplaced_share", check.uniform.misplaced_share},
                                        {"uniform_correlation", check.uniform.correlation}};
    }
    return report;
}

} // namespace lw::population
