#include "cli/commands.hpp"

#include "backtest/backtest.hpp"
#include "core/error.hpp"
#include "core/report.hpp"
#include "export/table.hpp"
#include "outlook/projection_results.hpp"
#include "outlook/projection_run.hpp"
#include "store/workspace.hpp"

#include <fmt/format.h>

#include <iostream>

namespace lw::cli {

namespace {

// "06636003:children_3_5:120"
outlook::Capacity parse_capacity(const std::string& text) {
    const auto a = text.find(':');
    const auto b = text.rfind(':');
    if (a == std::string::npos || a == b) {
        throw Error(ErrorKind::usage, fmt::format("--capacity \"{}\": expected AGS:INDICATOR:PLACES", text));
    }
    try {
        return {text.substr(0, a), text.substr(a + 1, b - a - 1), std::stod(text.substr(b + 1))};
    } catch (const std::exception&) {
        throw Error(ErrorKind::usage, fmt::format("--capacity \"{}\": PLACES is not a number", text));
    }
}

} // namespace

void register_project(CLI::App& app) {
    struct Options {
        std::string workspace, name, variant = "moderate", table, asfr = LW_DATA_DIR "/demography/asfr-germany-2017-2023.csv";
        std::optional<double> tfr, migration_factor;
        std::vector<std::string> capacities, pair;
        outlook::ProjectionConfig config;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("project", "Population projection per municipality with intervals and derived demand");
    cmd->require_subcommand(1);
    cmd->footer("Example: lebenswert project run -w werra-meissner.gpkg --name Basis --until 2050\n"
                "         lebenswert project run -w werra-meissner.gpkg --name Niedrig --variant low\n"
                "Method and assumptions: docs/population-projection.md");

    auto* run = cmd->add_subcommand("run", "Project the municipalities under a scenario and store the result");
    add_workspace_option(*run, options->workspace);
    run->add_option("--name", options->config.scenario.name, "Name of the scenario")->required();
    run->add_option("--description", options->config.scenario.description, "What the scenario is about");
    run->add_option("--variant", options->variant, "kBV 15 preset for fertility, mortality and migration: low, moderate, high")
        ->check(CLI::IsMember({"low", "moderate", "high"}));
    run->add_option("--tfr", options->tfr, "Total fertility rate reached in 2070 (default of the variant: 1.44/1.55/1.67)");
    run->add_option("--migration-factor", options->migration_factor, "Scales the region's mean net migration; municipalities keep their deviation (default of the variant: 0.62/1/1.38)");
    run->add_flag("--no-migration", options->config.scenario.zero_migration, "No net migration");
    run->add_option("--until", options->config.scenario.last_year, "Last year (default 2050)");
    run->add_option("--runs", options->config.scenario.runs, "Monte-Carlo runs (default 1000)");
    run->add_option("--seed", options->config.scenario.seed, "Random seed (default 1)");
    run->add_option("--capacity", options->capacities, "AGS:INDICATOR:PLACES, e.g. 06636003:children_3_5:120; repeat");
    run->add_option("--asfr", options->asfr, "Fertility table (default: the shipped Destatis table)");
    run->add_flag("--replace", options->config.replace, "Replace a stored projection of the same name");
    run->add_option("--table", options->table, "Also write the demand table as .csv or .xlsx");
    run->callback([options] {
        auto& c = options->config;
        const auto variant = options->variant == "low"    ? outlook::Variant::low
                             : options->variant == "high" ? outlook::Variant::high
                                                          : outlook::Variant::moderate;
        const auto p = outlook::preset(variant);
        c.scenario.mortality = p.mortality;
        c.scenario.tfr_2070 = options->tfr.value_or(p.tfr_2070);
        c.scenario.migration_factor = options->migration_factor.value_or(p.migration_factor);
        c.asfr_file = options->asfr;
        for (const auto& text : options->capacities) {
            c.capacities.push_back(parse_capacity(text));
        }
        auto workspace = store::Workspace::open(options->workspace);
        const auto r = outlook::run_projection(workspace.db(), c);
        Report head;
        head.title = fmt::format("Projection \"{}\" stored (scenario {})", c.scenario.name, r.scenario_id);
        head.add("municipalities", fmt::format("{} projected{}", r.municipalities.size(),
                                               r.skipped.empty() ? "" : fmt::format(", {} skipped", r.skipped.size())));
        for (const auto& s : r.skipped) {
            head.warnings.push_back("skipped: " + s);
        }
        head.add("calibration", fmt::format("net migration from the totals {} -> {}", r.start_year, r.base_year));
        for (const auto& m : r.municipalities) {
            head.add(fmt::format("  {}", m.name), fmt::format("{:+.2f} % a year observed, {:+.2f} % used (own weight {:.0f} %)",
                                                             100 * m.calibrated_rate, 100 * m.shrunk_rate, 100 * m.own_weight));
        }
        head.add("time", fmt::format("{:.2f} s", r.seconds));
        print_report(head, std::cout);
        print_report(outlook::projection_summary(workspace.db(), c.scenario.name), std::cout);
        if (!options->table.empty()) {
            exporting::write_table(options->table, outlook::demand_table(workspace.db(), c.scenario.name));
            std::cout << "  table written: " << options->table << '\n';
        }
    });

    auto* list = cmd->add_subcommand("list", "List the stored projections");
    add_workspace_option(*list, options->workspace);
    list->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        const auto all = outlook::list_projections(workspace.db());
        std::cout << all.size() << " projections\n";
        for (const auto& s : all) {
            std::cout << fmt::format("  {:>3}  {:<28} {} -> {}  {} runs  {}\n", s.id, s.name, s.base_year, s.last_year, s.runs, s.created_at);
        }
    });
    auto* show = cmd->add_subcommand("show", "Summary of a stored projection");
    add_workspace_option(*show, options->workspace);
    show->add_option("name", options->name, "Name of the projection")->required();
    show->add_option("--table", options->table, "Also write the demand table as .csv or .xlsx");
    show->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        print_report(outlook::projection_summary(workspace.db(), options->name), std::cout);
        if (!options->table.empty()) {
            exporting::write_table(options->table, outlook::demand_table(workspace.db(), options->name));
            std::cout << "  table written: " << options->table << '\n';
        }
    });
    auto* compare = cmd->add_subcommand("compare", "Two stored projections side by side");
    add_workspace_option(*compare, options->workspace);
    compare->add_option("names", options->pair, "Two projection names")->required()->expected(2);
    compare->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        print_report(outlook::compare_projections(workspace.db(), options->pair[0], options->pair[1]), std::cout);
    });
    struct BacktestOptions {
        std::string data = LW_DATA_DIR;
        std::vector<std::string> lands;
        std::uint32_t runs = 200;
    };
    auto bt = std::make_shared<BacktestOptions>();
    auto* backtest = cmd->add_subcommand("backtest", "Project every German municipality 2016 -> 2019 and compare with the 2019 counts");
    backtest->add_option("--data", bt->data, "The repository's data/ folder (default: the one built with)");
    backtest->add_option("--land", bt->lands, "Two-digit Land codes to keep (default: all of Germany); repeat");
    backtest->add_option("--runs", bt->runs, "Monte-Carlo runs (default 200)");
    backtest->footer("About 80 s for all of Germany (release build). Method and results: docs/projection-backtest.md");
    backtest->callback([bt] {
        auto config = backtest::demo_config(bt->data);
        config.lands = bt->lands;
        config.runs = bt->runs;
        std::cout << backtest::format_report(backtest::run_backtest(config));
    });
    auto* del = cmd->add_subcommand("delete", "Delete a stored projection");
    add_workspace_option(*del, options->workspace);
    del->add_option("name", options->name, "Name of the projection")->required();
    del->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        outlook::delete_projection(workspace.db(), options->name);
        std::cout << "deleted projection \"" << options->name << "\"\n";
    });
}

} // namespace lw::cli
