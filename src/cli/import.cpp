#include "cli/commands.hpp"

#include "core/error.hpp"
#include "import/boundaries.hpp"
#include "import/grid.hpp"
#include "import/report.hpp"
#include "store/workspace.hpp"

#include <iostream>

namespace lw::cli {

namespace {

void register_boundaries(CLI::App& import) {
    struct Options {
        std::string workspace;
        import::BoundariesConfig config;
        std::string level = "auto";
    };
    auto options = std::make_shared<Options>();
    auto* cmd = import.add_subcommand("boundaries",
                                      "Municipality or district boundaries (BKG VG250/VG5000 shapefile)");
    cmd->footer("Example: lebenswert import boundaries -w ws.gpkg data/boundaries/vg5000-2021/VG5000_GEM.shp");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("file", options->config.input, "Shapefile or other vector file with AGS and GEN fields")
        ->required();
    cmd->add_option("--level", options->level, "municipality, district or auto (from the key length)")
        ->check(CLI::IsMember({"auto", "municipality", "district"}));
    cmd->add_option("--data-date", options->config.data_date,
                    "Reference date of the boundaries (default: aktualitaet.txt beside the file)");
    cmd->callback([options] {
        options->config.level = options->level == "municipality" ? import::BoundaryLevel::municipality
                                : options->level == "district"   ? import::BoundaryLevel::district
                                                                 : import::BoundaryLevel::detect;
        auto workspace = store::Workspace::open(options->workspace);
        import::print_report(import::import_boundaries(workspace, options->config), std::cout);
    });
}

void register_grid(CLI::App& import) {
    struct Options {
        std::string workspace;
        std::vector<std::string> inputs;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = import.add_subcommand("grid", "Census 2011 100 m grid with five age groups (tile CSVs)");
    cmd->footer("Example: lebenswert import grid -w ws.gpkg data/zensus2011-grid/werra-meissner/\n"
                "Needs municipality boundaries in the workspace (cells are assigned by their centre).");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("files", options->inputs, "Tile files ALTER_KURZ_{tx}_{ty}.csv or folders of them")
        ->required();
    cmd->callback([options] {
        import::GridConfig config;
        config.inputs.assign(options->inputs.begin(), options->inputs.end());
        auto workspace = store::Workspace::open(options->workspace);
        import::print_report(import::import_grid(workspace, config), std::cout);
    });
}

} // namespace

void register_import(CLI::App& app) {
    auto* import = app.add_subcommand("import", "Import data into a region workspace (one transaction each)");
    import->require_subcommand(1);
    register_boundaries(*import);
    register_grid(*import);
}

} // namespace lw::cli
