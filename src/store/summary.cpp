#include "store/summary.hpp"

#include "store/features.hpp"
#include "store/imports.hpp"
#include "store/schema.hpp"
#include "store/workspace.hpp"

#include <fmt/format.h>

namespace lw::store {

namespace {

nlohmann::json municipalities_section(Database& db) {
    nlohmann::json list = nlohmann::json::array();
    Statement stmt(db, "SELECT ags, name, area_km2, geom IS NOT NULL FROM municipalities ORDER BY ags");
    Statement pop(db, R"sql(
SELECT year, reference_date, value, status, source_table FROM population
WHERE area_key = ?1 AND sex = 'total' AND age_from = 0 AND age_to IS NULL
ORDER BY year, source_table)sql");
    while (stmt.step()) {
        nlohmann::json m{{"ags", stmt.get_text(0)},
                         {"name", stmt.get_text(1)},
                         {"area_km2", stmt.is_null(2) ? nlohmann::json() : nlohmann::json(stmt.get_double(2))},
                         {"has_boundary", stmt.get_int(3) != 0}};
        nlohmann::json population = nlohmann::json::object();
        pop.bind(1, stmt.get_text(0));
        while (pop.step()) {
            const std::string year = std::to_string(pop.get_int(0));
            if (population.contains(year)) {
                continue; // first source wins, as in the distribution
            }
            population[year] = {{"reference_date", pop.get_text(1)},
                                {"value", pop.is_null(2) ? nlohmann::json() : nlohmann::json(pop.get_double(2))},
                                {"status", pop.get_text(3)},
                                {"source", pop.get_text(4)}};
        }
        pop.reset();
        m["population"] = std::move(population);
        list.push_back(std::move(m));
    }
    return list;
}

nlohmann::json population_tables_section(Database& db) {
    nlohmann::json list = nlohmann::json::array();
    Statement stmt(db, R"sql(
SELECT source_table, area_level, year, reference_date, count(*), count(DISTINCT area_key),
  sum(status NOT IN ('ok','nothing')),
  count(DISTINCT CASE WHEN NOT (age_from = 0 AND age_to IS NULL) THEN age_from || '-' || ifnull(age_to, '') END),
  sum(CASE WHEN sex = 'total' AND age_from = 0 AND age_to IS NULL AND area_level != 'country'
      THEN value END)
FROM population GROUP BY source_table, area_level, year ORDER BY year, source_table, area_level)sql");
    while (stmt.step()) {
        list.push_back({{"source", stmt.get_text(0)},
                        {"area_level", stmt.get_text(1)},
                        {"year", stmt.get_int(2)},
                        {"reference_date", stmt.get_text(3)},
                        {"rows", stmt.get_int(4)},
                        {"areas", stmt.get_int(5)},
                        {"without_number", stmt.get_int(6)},
                        {"age_groups", stmt.get_int(7)},
                        {"total_of_areas", stmt.is_null(8) ? nlohmann::json() : nlohmann::json(stmt.get_double(8))}});
    }
    return list;
}

nlohmann::json facilities_section(Database& db) {
    nlohmann::json by_category = nlohmann::json::object();
    Statement stmt(db, "SELECT category, count(*), sum(valid_to IS NULL), sum(source != 'osm') "
                       "FROM facilities GROUP BY category ORDER BY category");
    while (stmt.step()) {
        by_category[stmt.get_text(0)] = {{"open", stmt.get_int(2)},
                                         {"closed", stmt.get_int(1) - stmt.get_int(2)},
                                         {"from_lists", stmt.get_int(3)}};
    }
    return by_category;
}

nlohmann::json network_section(Database& db) {
    Statement stmt(db, R"sql(
SELECT count(*), ifnull(sum(length_m), 0) / 1000.0,
  ifnull(sum(CASE WHEN foot THEN length_m END), 0) / 1000.0,
  ifnull(sum(CASE WHEN bicycle THEN length_m END), 0) / 1000.0,
  ifnull(sum(CASE WHEN motor_vehicle THEN length_m END), 0) / 1000.0 FROM network_edges)sql");
    stmt.step();
    return {{"nodes", count_rows(db, "network_nodes")},
            {"edges", stmt.get_int(0)},
            {"km_total", stmt.get_double(1)},
            {"km_walk", stmt.get_double(2)},
            {"km_bike", stmt.get_double(3)},
            {"km_car", stmt.get_double(4)}};
}

nlohmann::json buildings_section(Database& db) {
    Statement stmt(db, R"sql(
SELECT count(*), ifnull(sum(residential), 0), sum(population), max(population_year),
  count(population), ifnull(sum(footprint_m2), 0) FROM buildings)sql");
    stmt.step();
    return {{"count", stmt.get_int(0)},
            {"residential", stmt.get_int(1)},
            {"population", stmt.is_null(2) ? nlohmann::json() : nlohmann::json(stmt.get_int(2))},
            {"population_year", stmt.is_null(3) ? nlohmann::json() : nlohmann::json(stmt.get_int(3))},
            {"footprint_km2", stmt.get_double(5) / 1e6}};
}

nlohmann::json grid_section(Database& db) {
    Statement stmt(db, R"sql(
SELECT count(*), ifnull(sum(pop_total), 0), ifnull(sum(pop_under18), 0), ifnull(sum(pop_65plus), 0),
  sum(population), max(population_year) FROM grid_cells)sql");
    stmt.step();
    return {{"cells", stmt.get_int(0)},
            {"census_2011_persons", stmt.get_int(1)},
            {"census_2011_under18", stmt.get_int(2)},
            {"census_2011_65plus", stmt.get_int(3)},
            {"population", stmt.is_null(4) ? nlohmann::json() : nlohmann::json(stmt.get_int(4))},
            {"population_year", stmt.is_null(5) ? nlohmann::json() : nlohmann::json(stmt.get_int(5))}};
}

nlohmann::json life_tables_section(Database& db) {
    nlohmann::json list = nlohmann::json::array();
    Statement stmt(db, R"sql(
SELECT period, region, max(CASE WHEN sex = 'male' AND age = 0 THEN ex END),
  max(CASE WHEN sex = 'female' AND age = 0 THEN ex END), count(*)
FROM life_tables GROUP BY period, region ORDER BY period)sql");
    while (stmt.step()) {
        list.push_back({{"period", stmt.get_text(0)},
                        {"region", stmt.get_text(1)},
                        {"e0_male", stmt.get_opt_double(2).value_or(0.0)},
                        {"e0_female", stmt.get_opt_double(3).value_or(0.0)},
                        {"rows", stmt.get_int(4)}});
    }
    return list;
}

nlohmann::json reference_section(Database& db) {
    nlohmann::json list = nlohmann::json::array();
    Statement stmt(db, "SELECT area_key, area_name, indicator, year, value, status, source "
                       "FROM reference_values ORDER BY area_key, indicator");
    while (stmt.step()) {
        list.push_back({{"area_key", stmt.get_text(0)},
                        {"area_name", stmt.get_opt_text(1).value_or("")},
                        {"indicator", stmt.get_text(2)},
                        {"year", stmt.is_null(3) ? nlohmann::json() : nlohmann::json(stmt.get_int(3))},
                        {"value", stmt.is_null(4) ? nlohmann::json() : nlohmann::json(stmt.get_double(4))},
                        {"status", stmt.get_text(5)},
                        {"source", stmt.get_text(6)}});
    }
    return list;
}

nlohmann::json imports_section(Database& db) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& r : read_imports(db)) {
        list.push_back({{"id", r.id},
                        {"kind", r.kind},
                        {"source_file", r.source_file},
                        {"title", r.title},
                        {"licence", r.licence},
                        {"attribution", r.attribution},
                        {"data_date", r.data_date ? nlohmann::json(*r.data_date) : nlohmann::json()},
                        {"imported_at", r.imported_at},
                        {"tool_version", r.tool_version}});
    }
    return list;
}

} // namespace

nlohmann::json summarize(Workspace& workspace) {
    auto& db = workspace.db();
    nlohmann::json placement = nlohmann::json::array();
    {
        Statement stmt(db, "SELECT ags, year, total, on_buildings, on_cells_only, unplaced, method "
                           "FROM population_placement ORDER BY ags");
        while (stmt.step()) {
            placement.push_back({{"ags", stmt.get_text(0)}, {"year", stmt.get_int(1)},
                                 {"total", stmt.get_int(2)}, {"on_buildings", stmt.get_int(3)},
                                 {"on_cells_only", stmt.get_int(4)}, {"unplaced", stmt.get_int(5)},
                                 {"method", stmt.get_text(6)}});
        }
    }
    return {{"workspace",
             {{"path", workspace.path().string()},
              {"region", workspace.region().name},
              {"keys", workspace.region().keys},
              {"schema_version", schema_version(db)},
              {"created_at", db.query_text("SELECT value FROM lw_meta WHERE key = 'created_at'").value_or("")}}},
            {"municipalities", municipalities_section(db)},
            {"population_tables", population_tables_section(db)},
            {"placement", placement},
            {"facilities", facilities_section(db)},
            {"network", network_section(db)},
            {"buildings", buildings_section(db)},
            {"grid", grid_section(db)},
            {"life_tables", life_tables_section(db)},
            {"reference_values", reference_section(db)},
            {"imports", imports_section(db)}};
}

} // namespace lw::store
