#include "cli/commands.hpp"

#include "core/report.hpp"
#include "population/distribute.hpp"
#include "store/workspace.hpp"

#include <iostream>

namespace lw::cli {

void register_distribute(CLI::App& app) {
    struct Options {
        std::string workspace;
        population::DistributeConfig config;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "distribute", "Place municipality population totals on residential buildings and census cells");
    cmd->footer("Method: docs/population-distribution.md. Totals are preserved exactly.");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("--year", options->config.year,
                    "Year of the totals to distribute (default: latest year with all municipalities)");
    cmd->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        print_report(population::run_distribute(workspace, options->config), std::cout);
    });
}

} // namespace lw::cli
