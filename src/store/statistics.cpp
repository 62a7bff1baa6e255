#include "store/statistics.hpp"

#include "core/area_key.hpp"
#include "core/error.hpp"
#include "store/gpkg.hpp"
#include "store/workspace.hpp"

#include <fmt/format.h>

namespace lw::store {

std::string_view to_string(Sex sex) {
    switch (sex) {
    case Sex::total: return "total";
    case Sex::male: return "male";
    case Sex::female: return "female";
    }
    return "total";
}

namespace {

Sex sex_from(const std::string& text) {
    if (text == "male") {
        return Sex::male;
    }
    return text == "female" ? Sex::female : Sex::total;
}

std::string level_of(const std::string& key) {
    const auto level = area_level_of(key);
    if (!level) {
        throw Error(ErrorKind::input_value, fmt::format("\"{}\" is not an official area key", key));
    }
    return std::string(to_string(*level));
}

void bind_value(Statement& stmt, int value_index, int status_index, const StatValue& v) {
    stmt.bind(value_index, v.value);
    stmt.bind(status_index, to_string(v.status));
}

StatValue read_value(const Statement& stmt, int value_index, int status_index) {
    StatValue v;
    v.value = stmt.get_opt_double(value_index);
    v.status = value_status_from_string(stmt.get_text(status_index)).value_or(ValueStatus::missing);
    return v;
}

} // namespace

void upsert_population(Database& db, const std::vector<PopulationValue>& values, std::int64_t import_id) {
    Statement stmt(db, R"sql(
INSERT OR REPLACE INTO population (area_key, area_level, area_name, year, reference_date, sex,
  age_from, age_to, value, status, limited_reliability, source_table, import_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13))sql");
    for (const auto& v : values) {
        stmt.bind(1, v.area_key).bind(2, level_of(v.area_key)).bind(3, v.area_name).bind(4, v.year);
        stmt.bind(5, v.reference_date).bind(6, to_string(v.sex)).bind(7, v.age_from).bind(8, v.age_to);
        bind_value(stmt, 9, 10, v.value);
        stmt.bind(11, v.value.limited_reliability ? 1 : 0).bind(12, v.source_table).bind(13, import_id);
        stmt.run();
    }
    refresh_contents(db, "population");
}

void upsert_life_table(Database& db, const std::vector<LifeTableRow>& rows, std::int64_t import_id) {
    Statement stmt(db, R"sql(
INSERT OR REPLACE INTO life_tables (period, region, sex, age, qx, px, lx, dx, lx_years_lived, tx_years_remaining, ex, import_id)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12))sql");
    for (const auto& r : rows) {
        stmt.bind(1, r.period).bind(2, r.region).bind(3, to_string(r.sex)).bind(4, r.age);
        stmt.bind(5, r.qx).bind(6, r.px).bind(7, r.lx).bind(8, r.dx).bind(9, r.Lx).bind(10, r.Tx);
        stmt.bind(11, r.ex).bind(12, import_id);
        stmt.run();
    }
    refresh_contents(db, "life_tables");
}

void upsert_reference_values(Database& db, const std::vector<ReferenceValue>& values,
                             std::int64_t import_id) {
    Statement stmt(db, R"sql(
INSERT OR REPLACE INTO reference_values (area_key, area_level, area_name, indicator, year, value,
  status, source, import_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9))sql");
    for (const auto& v : values) {
        stmt.bind(1, v.area_key).bind(2, level_of(v.area_key)).bind(3, v.area_name);
        stmt.bind(4, v.indicator).bind(5, v.year);
        bind_value(stmt, 6, 7, v.value);
        stmt.bind(8, v.source).bind(9, import_id);
        stmt.run();
    }
    refresh_contents(db, "reference_values");
}

void replace_placements(Database& db, const std::vector<Placement>& placements) {
    Statement stmt(db, R"sql(
INSERT OR REPLACE INTO population_placement (ags, year, total, on_buildings, on_cells_only,
  unplaced, method, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8))sql");
    const std::string now = now_utc_iso8601();
    for (const auto& p : placements) {
        stmt.bind(1, p.ags).bind(2, p.year).bind(3, p.total).bind(4, p.on_buildings);
        stmt.bind(5, p.on_cells_only).bind(6, p.unplaced).bind(7, p.method).bind(8, now);
        stmt.run();
    }
    refresh_contents(db, "population_placement");
}

std::vector<AreaTotal> read_population_totals(Database& db, const std::optional<int>& year) {
    Statement stmt(db, R"sql(
SELECT area_key, year, value, status, source_table FROM population
WHERE sex = 'total' AND age_from = 0 AND age_to IS NULL AND (?1 IS NULL OR year = ?1)
ORDER BY area_key, year, source_table)sql");
    stmt.bind(1, year);
    std::vector<AreaTotal> out;
    while (stmt.step()) {
        AreaTotal t;
        t.area_key = stmt.get_text(0);
        t.year = static_cast<int>(stmt.get_int(1));
        t.value = read_value(stmt, 2, 3);
        t.source_table = stmt.get_text(4);
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<PopulationValue> read_population(Database& db, const std::string& area_key) {
    Statement stmt(db, R"sql(
SELECT area_key, area_name, year, reference_date, sex, age_from, age_to, value, status,
  limited_reliability, source_table FROM population WHERE area_key = ?1
ORDER BY year, sex, age_from, ifnull(age_to, 999))sql");
    stmt.bind(1, area_key);
    std::vector<PopulationValue> out;
    while (stmt.step()) {
        PopulationValue v;
        v.area_key = stmt.get_text(0);
        v.area_name = stmt.get_opt_text(1);
        v.year = static_cast<int>(stmt.get_int(2));
        v.reference_date = stmt.get_text(3);
        v.sex = sex_from(stmt.get_text(4));
        v.age_from = static_cast<int>(stmt.get_int(5));
        if (!stmt.is_null(6)) {
            v.age_to = static_cast<int>(stmt.get_int(6));
        }
        v.value = read_value(stmt, 7, 8);
        v.value.limited_reliability = stmt.get_int(9) != 0;
        v.source_table = stmt.get_text(10);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<int> population_years(Database& db) {
    Statement stmt(db, "SELECT DISTINCT year FROM population ORDER BY year");
    std::vector<int> out;
    while (stmt.step()) {
        out.push_back(static_cast<int>(stmt.get_int(0)));
    }
    return out;
}

std::vector<LifeTableRow> read_life_table(Database& db, const std::string& period) {
    Statement stmt(db, "SELECT period, region, sex, age, qx, px, lx, dx, lx_years_lived, tx_years_remaining, ex "
                       "FROM life_tables "
                       "WHERE period = ? ORDER BY sex, age");
    stmt.bind(1, period);
    std::vector<LifeTableRow> out;
    while (stmt.step()) {
        LifeTableRow r;
        r.period = stmt.get_text(0);
        r.region = stmt.get_text(1);
        r.sex = sex_from(stmt.get_text(2));
        r.age = static_cast<int>(stmt.get_int(3));
        r.qx = stmt.get_double(4);
        r.px = stmt.get_double(5);
        r.lx = stmt.get_double(6);
        r.dx = stmt.get_double(7);
        r.Lx = stmt.get_double(8);
        r.Tx = stmt.get_double(9);
        r.ex = stmt.get_double(10);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<ReferenceValue> read_reference_values(Database& db, const std::string& area_key) {
    Statement stmt(db, "SELECT area_key, area_name, indicator, year, value, status, source "
                       "FROM reference_values WHERE area_key = ? ORDER BY indicator, year");
    stmt.bind(1, area_key);
    std::vector<ReferenceValue> out;
    while (stmt.step()) {
        ReferenceValue v;
        v.area_key = stmt.get_text(0);
        v.area_name = stmt.get_opt_text(1);
        v.indicator = stmt.get_text(2);
        if (!stmt.is_null(3)) {
            v.year = static_cast<int>(stmt.get_int(3));
        }
        v.value = read_value(stmt, 4, 5);
        v.source = stmt.get_text(6);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<Placement> read_placements(Database& db) {
    Statement stmt(db, "SELECT ags, year, total, on_buildings, on_cells_only, unplaced, method "
                       "FROM population_placement ORDER BY ags, year");
    std::vector<Placement> out;
    while (stmt.step()) {
        out.push_back({stmt.get_text(0), static_cast<int>(stmt.get_int(1)), stmt.get_int(2),
                       stmt.get_int(3), stmt.get_int(4), stmt.get_int(5), stmt.get_text(6)});
    }
    return out;
}

} // namespace lw::store
