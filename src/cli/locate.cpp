#include "cli/commands.hpp"

#include "accessibility/locate.hpp"
#include "core/error.hpp"
#include "core/report.hpp"
#include "store/workspace.hpp"

#include <iostream>

namespace lw::cli {

void register_locate(CLI::App& app) {
    struct Options {
        std::string workspace;
        std::string category;
        std::string objective = "coverage";
        std::string candidates = "cells";
        std::optional<std::uint32_t> close;
        accessibility::LocateConfig config;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("locate", "Best new sites for a service, or which sites could close with the least loss");
    cmd->footer("Examples: lebenswert locate -w lauf.gpkg --category kita --k 2 --minutes 10\n"
                "          lebenswert locate -w lauf.gpkg --category grocery --objective time --k 1 --profile car\n"
                "          lebenswert locate -w lauf.gpkg --category pharmacy --close 2\n"
                "Writes the layer location_sites. Models and gaps: docs/location-optimisation.md");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("--category", options->category, "Category or set, e.g. kita, grocery")->required();
    cmd->add_option("--k", options->config.k, "How many new sites (default 1)")->check(CLI::PositiveNumber);
    cmd->add_option("--close", options->close, "Instead: how many existing sites could close");
    cmd->add_option("--objective", options->objective, "coverage (residents within --minutes) or time (weighted minutes)")
        ->check(CLI::IsMember({"coverage", "time"}));
    cmd->add_option("--minutes", options->config.minutes, "Coverage threshold (default 10)")->check(CLI::PositiveNumber);
    cmd->add_option("--horizon", options->config.horizon_minutes, "Time objective: longer times count as this (default 30)");
    cmd->add_option("--profile", options->config.profile, "walk, walk_senior, bike or car (default walk)")
        ->check(CLI::IsMember({"walk", "walk_senior", "bike", "car"}));
    cmd->add_option("--candidates", options->candidates, "cells (census cell centres), nodes (every junction) or a CSV file lon;lat[;name]");
    cmd->add_option("--weight", options->config.weight, "Whose access counts: all, 65plus or under18 (default all)")
        ->check(CLI::IsMember({"all", "65plus", "under18"}));
    cmd->add_flag("--exact", options->config.exact, "Solve exactly with GLPK (small instances, up to ~500 x 5,000)");
    cmd->add_option("--label", options->config.label, "Label of the result in the layer");
    cmd->callback([options] {
        auto& c = options->config;
        c.set = accessibility::parse_category_set(options->category);
        c.objective = options->objective == "time" ? accessibility::Objective::time : accessibility::Objective::coverage;
        c.close = options->close;
        if (options->candidates == "cells") {
            c.candidates = accessibility::CandidateSource::cells;
        } else if (options->candidates == "nodes") {
            c.candidates = accessibility::CandidateSource::nodes;
        } else {
            c.candidates = accessibility::CandidateSource::file;
            c.candidate_file = options->candidates;
        }
        auto workspace = store::Workspace::open(options->workspace);
        print_report(accessibility::run_locate(workspace, c), std::cout);
    });
}

} // namespace lw::cli
