#include "accessibility/inputs.hpp"

#include "core/error.hpp"
#include "geo/crs.hpp"

#include <map>

namespace lw::accessibility {

namespace {

struct AgeShares {
    double over65 = 0.0;
    double under18 = 0.0;
};

} // namespace

Origins read_origins(store::Database& db) {
    // Age shares per cell and per municipality (fallback for origins outside any cell), census 2011.
    std::map<std::string, AgeShares> cell_share, municipality_share;
    std::map<std::string, std::array<double, 3>> municipality_sum; // total, 65+, <18
    const auto cells = store::read_grid_cells(db);
    for (const auto& c : cells) {
        const double total = c.pop_total();
        if (total > 0) {
            cell_share[c.cell_id] = {c.pop_by_age[4] / total, c.pop_by_age[0] / total};
        }
        if (c.ags) {
            auto& m = municipality_sum[*c.ags];
            m[0] += total;
            m[1] += c.pop_by_age[4];
            m[2] += c.pop_by_age[0];
        }
    }
    for (const auto& [ags, m] : municipality_sum) {
        if (m[0] > 0) {
            municipality_share[ags] = {m[1] / m[0], m[2] / m[0]};
        }
    }
    const auto shares_for = [&](const std::string& cell, const std::string& ags) -> std::optional<AgeShares> {
        if (const auto it = cell_share.find(cell); it != cell_share.end()) {
            return it->second;
        }
        if (const auto it = municipality_share.find(ags); it != municipality_share.end()) {
            return it->second;
        }
        return std::nullopt;
    };

    Origins o;
    const auto add = [&](OriginType type, std::string ref, geo::Point p, std::int64_t persons, std::string ags,
                         std::string cell) {
        const auto shares = shares_for(cell, ags);
        o.type.push_back(type);
        o.ref.push_back(std::move(ref));
        o.position.push_back(p);
        o.population.push_back(persons);
        o.population_65plus.push_back(shares ? shares->over65 * static_cast<double>(persons) : 0.0);
        o.population_under18.push_back(shares ? shares->under18 * static_cast<double>(persons) : 0.0);
        o.ags.push_back(std::move(ags));
        o.cell_id.push_back(std::move(cell));
    };
    store::Statement buildings(db, "SELECT fid, centroid_x, centroid_y, population, ifnull(ags, ''), "
                                   "ifnull(cell_id, '') FROM buildings WHERE population > 0 ORDER BY fid");
    while (buildings.step()) {
        add(OriginType::building, std::to_string(buildings.get_int(0)),
            {buildings.get_double(1), buildings.get_double(2)}, buildings.get_int(3), buildings.get_text(4),
            buildings.get_text(5));
    }
    // Persons a census cell keeps because no building of ours lies in it (outside the OSM data).
    const geo::Transformer to_utm(geo::epsg_laea, geo::epsg_utm32);
    store::Statement rest(db, "SELECT cell_id, x_ll, y_ll, population - ifnull(population_on_buildings, 0), "
                              "ifnull(ags, '') FROM grid_cells "
                              "WHERE population - ifnull(population_on_buildings, 0) > 0 ORDER BY fid");
    while (rest.step()) {
        const geo::Point centre = to_utm({static_cast<double>(rest.get_int(1) + 50), static_cast<double>(rest.get_int(2) + 50)});
        add(OriginType::cell, rest.get_text(0), centre, rest.get_int(3), rest.get_text(4), rest.get_text(0));
    }
    if (o.size() == 0) {
        throw Error(ErrorKind::workspace, "no population is placed on buildings or census cells yet; run "
                                          "`lebenswert distribute` first");
    }
    return o;
}

Destinations read_destinations(store::Database& db) {
    Destinations d;
    for (auto& f : store::read_facilities(db, true)) {
        d.fid.push_back(f.fid);
        d.category.push_back(f.category);
        d.position.push_back(f.position);
        d.capacity.push_back(f.capacity);
        d.ags.push_back(f.ags.value_or(""));
    }
    return d;
}

} // namespace lw::accessibility
