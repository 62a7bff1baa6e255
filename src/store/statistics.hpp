#pragma once
// Statistical tables of the workspace: population by area, year, sex and age; life tables;
// official reference values; and the record of how population was placed on the map.
// Values carry their ValueStatus: a secret or missing value is stored as NULL with its status,
// never as 0.

#include "core/value_status.hpp"
#include "store/sqlite.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lw::store {

enum class Sex { total, male, female };
std::string_view to_string(Sex sex);

struct PopulationValue {
    std::string area_key;  // AGS: 8 digits municipality, 5 district, 2 Land, "DG" Germany
    std::optional<std::string> area_name;
    int year = 0;               // year of the reference date
    std::string reference_date; // ISO date, e.g. "2019-12-31"
    Sex sex = Sex::total;
    int age_from = 0;             // inclusive
    std::optional<int> age_to;    // inclusive; empty = open ("75 and more", totals)
    StatValue value;
    std::string source_table;     // e.g. "GV-ISys", "12411-02-03-4"
};

struct LifeTableRow {
    std::string period; // e.g. "2016/18"
    std::string region = "DG";
    Sex sex = Sex::male;
    int age = 0;
    double qx = 0, px = 0, lx = 0, dx = 0, Lx = 0, Tx = 0, ex = 0;
};

struct ReferenceValue {
    std::string area_key;
    std::optional<std::string> area_name;
    std::string indicator;
    std::optional<int> year;
    StatValue value;
    std::string source;
};

struct Placement {
    std::string ags;
    int year = 0;
    std::int64_t total = 0;
    std::int64_t on_buildings = 0;
    std::int64_t on_cells_only = 0;
    std::int64_t unplaced = 0;
    std::string method;
};

// Inserts or replaces rows with the same key (area, year, sex, age group, source table).
void upsert_population(Database& db, const std::vector<PopulationValue>& values, std::int64_t import_id);
void upsert_life_table(Database& db, const std::vector<LifeTableRow>& rows, std::int64_t import_id);
void upsert_reference_values(Database& db, const std::vector<ReferenceValue>& values,
                             std::int64_t import_id);
void replace_placements(Database& db, const std::vector<Placement>& placements);

// Total population (both sexes, all ages) of every area of a level in a year; only numeric values.
struct AreaTotal {
    std::string area_key;
    int year = 0;
    StatValue value;
    std::string source_table;
};
std::vector<AreaTotal> read_population_totals(Database& db, const std::optional<int>& year = std::nullopt);
std::vector<PopulationValue> read_population(Database& db, const std::string& area_key);
std::vector<int> population_years(Database& db);
std::vector<LifeTableRow> read_life_table(Database& db, const std::string& period);
std::vector<ReferenceValue> read_reference_values(Database& db, const std::string& area_key);
std::vector<Placement> read_placements(Database& db);

} // namespace lw::store
