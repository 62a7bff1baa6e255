#pragma once
// The result tables for spreadsheets: residents within reach per municipality and region (from
// access_areas), and a scenario's losses and gains per municipality.

#include "export/table.hpp"
#include "store/sqlite.hpp"

namespace lw::accessibility {

// Latest baseline run of each profile (scenario_id IS NULL), municipality and region rows.
exporting::Table access_table(store::Database& db);

// The runs of one scenario: residents within reach before (baseline) and after, per municipality.
exporting::Table scenario_table(store::Database& db, const std::string& scenario);

} // namespace lw::accessibility
