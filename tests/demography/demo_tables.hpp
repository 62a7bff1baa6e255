#pragma once
// The committed Destatis life tables (data/statistics/sterbetafel/) as demography LifeTables.

#include "demography/from_workspace.hpp"
#include "import/stats/life_table.hpp"
#include "test_paths.hpp"

#include <string>

namespace lw::demography::test {

inline std::vector<store::LifeTableRow> demo_life_table_rows(const std::string& years) {
    return import::parse_life_table(lw::test::demo_dir() / "statistics/sterbetafel" /
                                    ("Sterbetafel" + years + ".csv"))
        .life_table;
}

inline LifeTables demo_life_tables(const std::string& years) {
    return life_tables_from_rows(demo_life_table_rows(years));
}

} // namespace lw::demography::test
