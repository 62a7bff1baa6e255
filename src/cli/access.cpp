#include "cli/commands.hpp"

#include "accessibility/run.hpp"
#include "core/report.hpp"
#include "store/workspace.hpp"

#include <iostream>

namespace lw::cli {

void register_access(CLI::App& app) {
    struct Options {
        std::string workspace;
        std::vector<std::string> profiles{"walk"};
        std::vector<std::string> categories;
        accessibility::AccessConfig config;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("access", "Who reaches which service in how many minutes (per building, "
                                             "grid cell, municipality)");
    cmd->footer("Example: lebenswert access -w lauf.gpkg --profile walk --profile car --category grocery\n"
                "Writes access_origins, access_areas and access_catchments (open them in QGIS).\n"
                "Method and parameters: docs/accessibility.md");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("--profile", options->profiles, "walk, walk_senior, bike or car; repeat for several")
        ->check(CLI::IsMember({"walk", "walk_senior", "bike", "car"}));
    cmd->add_option("--category", options->categories,
                    "A facility category or set (grocery, local_supply, doctor, kita, supermarket+discounter, ...); "
                    "repeat for several (default: grocery, doctor, pharmacy, kita, primary_school, bus_stop, "
                    "nursing_home, post_office)");
    cmd->add_option("--minutes", options->config.thresholds_min, "Thresholds for the shares within (default 5 10 15 20 30)")
        ->delimiter(',');
    cmd->add_option("--max-snap", options->config.max_snap_m,
                    "Metres a building or facility may lie from the network (default 300, an assumption)")
        ->check(CLI::PositiveNumber);
    cmd->callback([options] {
        options->config.profiles = options->profiles;
        if (!options->categories.empty()) {
            options->config.sets.clear();
            for (const auto& c : options->categories) {
                options->config.sets.push_back(accessibility::parse_category_set(c));
            }
        }
        auto workspace = store::Workspace::open(options->workspace);
        print_report(accessibility::run_access(workspace, options->config), std::cout);
    });
}

} // namespace lw::cli
