#pragma once
// Reading stored projections back: the list of scenarios, a summary per municipality for the
// terminal, the demand table for spreadsheets, deleting a scenario.

#include "core/report.hpp"
#include "export/table.hpp"
#include "store/sqlite.hpp"

#include <string>
#include <vector>

namespace lw::outlook {

struct StoredScenario {
    std::int64_t id = 0;
    std::string name, created_at;
    int base_year = 0, last_year = 0;
    std::int64_t runs = 0;
};

std::vector<StoredScenario> list_projections(store::Database& db);
void delete_projection(store::Database& db, const std::string& name);

// Per municipality: total, children aged 3-5 (Kita) and 6-9 (primary school) in the base year and
// three later years, medians with the 80 % interval; the scenario's assumptions.
Report projection_summary(store::Database& db, const std::string& name);

// Two projections side by side: per municipality the total and the children aged 3-5 in the
// last year both reach (median and 80 % interval).
Report compare_projections(store::Database& db, const std::string& a, const std::string& b);

// Every demand indicator per municipality and year with its percentiles (for --table).
exporting::Table demand_table(store::Database& db, const std::string& name);

} // namespace lw::outlook
