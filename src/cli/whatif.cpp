#include "cli/commands.hpp"

#include "accessibility/scenario.hpp"
#include "accessibility/tables.hpp"
#include "core/report.hpp"
#include "store/workspace.hpp"

#include <fmt/format.h>

#include <iostream>

namespace lw::cli {

void register_whatif(CLI::App& app) {
    struct Options {
        std::string workspace;
        std::vector<std::string> open;
        std::vector<std::string> categories;
        std::vector<std::string> profiles{"walk"};
        accessibility::WhatIfConfig config;
        std::string table;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("whatif", "What if facilities close or open: who loses or gains access");
    cmd->footer("Example: lebenswert whatif -w lauf.gpkg --name \"Biomarkt schließt\" --close 163\n"
                "         lebenswert whatif -w lauf.gpkg --name \"Dorfladen\" --open convenience@11.2710,49.5180\n"
                "Stored in the workspace: list, compare and delete with `lebenswert scenarios`.");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("--name", options->config.name, "Name of the scenario")->required();
    cmd->add_option("--description", options->config.description, "What the scenario is about");
    cmd->add_option("--close", options->config.close, "fid of a facility that closes (facilities layer); repeat");
    cmd->add_option("--open", options->open, "A new facility: CATEGORY@LON,LAT[:CAPACITY] (WGS84); repeat");
    cmd->add_option("--profile", options->profiles, "walk, walk_senior, bike or car; repeat")
        ->check(CLI::IsMember({"walk", "walk_senior", "bike", "car"}));
    cmd->add_option("--category", options->categories, "Category sets to evaluate (default: those the changes touch)");
    cmd->add_option("--minutes", options->config.thresholds_min, "Thresholds (default 5,10,15,20,30)")->delimiter(',');
    cmd->add_flag("--replace", options->config.replace, "Replace a stored scenario of the same name");
    cmd->add_option("--table", options->table, "Also write before/after per municipality as .csv or .xlsx");
    cmd->callback([options] {
        options->config.profiles = options->profiles;
        for (const auto& o : options->open) {
            options->config.open.push_back(accessibility::parse_opening(o));
        }
        for (const auto& c : options->categories) {
            options->config.sets.push_back(accessibility::parse_category_set(c));
        }
        auto workspace = store::Workspace::open(options->workspace);
        print_report(accessibility::run_whatif(workspace, options->config), std::cout);
        if (!options->table.empty()) {
            exporting::write_table(options->table, accessibility::scenario_table(workspace.db(), options->config.name));
            std::cout << "  table written: " << options->table << '\n';
        }
    });
}

void register_scenarios(CLI::App& app) {
    struct Options {
        std::string workspace;
        std::string name;
        std::vector<std::string> pair;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("scenarios", "List, compare or delete stored what-if scenarios");
    cmd->require_subcommand(1);
    cmd->footer("Example: lebenswert scenarios compare -w lauf.gpkg \"Biomarkt schließt\" \"Dorfladen\"");
    auto* list = cmd->add_subcommand("list", "List the scenarios");
    add_workspace_option(*list, options->workspace);
    list->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        const auto scenarios = accessibility::list_scenarios(workspace.db());
        fmt::print("{} scenarios\n", scenarios.size());
        for (const auto& s : scenarios) {
            fmt::print("  {:>3}  {:<30} {} closures, {} openings  {}  {}\n", s.id, s.name, s.closures, s.openings,
                       s.created_at, s.description);
        }
    });
    auto* remove = cmd->add_subcommand("delete", "Delete a scenario and its results");
    add_workspace_option(*remove, options->workspace);
    remove->add_option("name", options->name, "Scenario name")->required();
    remove->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        accessibility::delete_scenario(workspace.db(), options->name);
        fmt::print("Deleted scenario \"{}\".\n", options->name);
    });
    auto* compare = cmd->add_subcommand("compare", "Region shares within reach: baseline and two scenarios");
    add_workspace_option(*compare, options->workspace);
    compare->add_option("names", options->pair, "Two scenario names")->required()->expected(2);
    compare->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        print_report(accessibility::compare_scenarios(workspace.db(), options->pair[0], options->pair[1]), std::cout);
    });
}

} // namespace lw::cli
