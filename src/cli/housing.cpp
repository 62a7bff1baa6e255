#include "cli/commands.hpp"

#include "core/report.hpp"
#include "export/table.hpp"
#include "outlook/housing.hpp"
#include "store/workspace.hpp"

#include <iostream>

namespace lw::cli {

void register_housing(CLI::App& app) {
    struct Options {
        std::string workspace, table;
        demand::HiddenVacancyConfig config;
        std::optional<double> generic_max;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("housing", "Hidden vacancy: houses likely occupied only by one or two people aged 65+ (modelled)");
    cmd->footer("Example: lebenswert housing -w lauf.gpkg --table leerstand.xlsx\n"
                "Needs buildings with placed population (import osm, distribute). Method: docs/demand-and-housing.md");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("--pair-share", options->config.pair_share,
                    "Of people 65+ not living alone, the share in a two-person household of people 65+ (default 0.4, an assumption)");
    cmd->add_option("--generic-max-floor-area", options->generic_max,
                    "Also count buildings tagged only yes/residential up to this floor area (m²) as houses");
    cmd->add_option("--table", options->table, "Also write the table as .csv or .xlsx");
    cmd->callback([options] {
        options->config.generic_max_floor_area_m2 = options->generic_max;
        auto workspace = store::Workspace::open(options->workspace);
        const auto result = outlook::hidden_vacancy_by_municipality(workspace.db(), options->config);
        print_report(outlook::housing_report(result), std::cout);
        if (!options->table.empty()) {
            exporting::write_table(options->table, outlook::housing_table(result));
            std::cout << "  table written: " << options->table << '\n';
        }
    });
}

} // namespace lw::cli
