#include "cli/commands.hpp"

#include "core/area_key.hpp"
#include "core/error.hpp"
#include "store/workspace.hpp"

#include <fmt/format.h>

namespace lw::cli {

CLI::Option* add_workspace_option(CLI::App& command, std::string& target) {
    return command.add_option("-w,--workspace", target, "Region workspace file (.gpkg)")
        ->envname("LEBENSWERT_WORKSPACE")
        ->required();
}

namespace {

struct InitConfig {
    std::string workspace;
    std::string name;
    std::vector<std::string> keys;
};

void run_init(const InitConfig& config) {
    store::RegionSpec region{config.name, {}};
    for (const auto& key : config.keys) {
        const auto normal = normalize_area_key(key);
        if (!normal) {
            throw Error(ErrorKind::usage, fmt::format("\"{}\" is not an official key (AGS)", key));
        }
        region.keys.push_back(*normal);
    }
    auto workspace = store::Workspace::create(config.workspace, region);
    fmt::print("Created workspace {} for \"{}\" (keys {}).\n", workspace.path().string(), config.name,
               fmt::join(region.keys, ", "));
    fmt::print("Next: import boundaries, statistics, the census grid and OSM data "
               "(see `lebenswert import --help`).\n");
}

} // namespace

void register_init(CLI::App& app) {
    auto config = std::make_shared<InitConfig>();
    auto* cmd = app.add_subcommand("init", "Create an empty region workspace");
    cmd->footer("Example: lebenswert init -w werra-meissner.gpkg --name \"Werra-Meißner-Kreis\" --region 06636");
    add_workspace_option(*cmd, config->workspace);
    cmd->add_option("--name", config->name, "Name of the region or cooperation")->required();
    cmd->add_option("--region", config->keys,
                    "Official key (AGS) of a Land, district or municipality the region consists of; "
                    "repeat for several")
        ->required();
    cmd->callback([config] { run_init(*config); });
}

} // namespace lw::cli
