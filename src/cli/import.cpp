#include "cli/commands.hpp"

#include "core/error.hpp"
#include "import/boundaries.hpp"
#include "import/facility_list.hpp"
#include "import/grid.hpp"
#include "import/osm/import.hpp"
#include "import/report.hpp"
#include "import/stats/import_stats.hpp"
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

void register_stats(CLI::App& import) {
    struct Options {
        std::string workspace;
        import::StatsConfig config;
        std::string format = "auto";
    };
    auto options = std::make_shared<Options>();
    auto* cmd = import.add_subcommand(
        "stats", "Official statistics: municipality directory, population tables, life tables, INKAR");
    cmd->footer("Formats: GV100AD (.ASC), GV-ISys CSV, Regionalstatistik/GENESIS population CSV, the\n"
                "12411-02-03-4 age-group re-export, life tables 12621-0001, INKAR. Detected by content.\n"
                "Example: lebenswert import stats -w ws.gpkg AuszugGV4QAktuell.csv --reference-date 31.12.2019");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("file", options->config.input, "Statistics file")->required();
    cmd->add_option("--format", options->format,
                    "auto, gv100ad, gvisys, age-groups-csv, genesis, life-table or inkar");
    cmd->add_option("--reference-date", options->config.reference_date,
                    "Day the counts refer to (2019-12-31 or 31.12.2019); needed where the file does not say");
    cmd->callback([options] {
        const auto format = import::stats_format_from_string(options->format);
        if (!format) {
            throw Error(ErrorKind::usage, "unknown --format \"" + options->format + "\"");
        }
        options->config.format = *format;
        auto workspace = store::Workspace::open(options->workspace);
        import::print_report(import::import_stats(workspace, options->config), std::cout);
    });
}

void register_osm(CLI::App& import) {
    struct Options {
        std::string workspace;
        import::osm::OsmConfig config;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = import.add_subcommand("osm", "OpenStreetMap extract: network, buildings, facilities, boundaries");
    cmd->footer("Example: lebenswert import osm -w lauf.gpkg data/osm/lauf-200115.osm.pbf\n"
                "Rules and assumptions: docs/osm-import.md; categories: docs/facility-taxonomy.md.");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("file", options->config.input, ".osm.pbf, .osm, .osm.gz or .osm.bz2 file")->required();
    cmd->add_option("--default-levels", options->config.default_levels,
                    "Assumed storeys of buildings without building:levels (assumption, default 2)")
        ->check(CLI::PositiveNumber);
    cmd->add_option("--min-residential-footprint", options->config.min_residential_footprint_m2,
                    "Buildings of unknown use smaller than this (m²) count as outbuildings (assumption, default 30)")
        ->check(CLI::NonNegativeNumber);
    cmd->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        import::print_report(import::osm::import_osm(workspace, options->config), std::cout);
    });
}

void register_facility_list(CLI::App& import) {
    struct Options {
        std::string workspace;
        import::FacilityListConfig config;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = import.add_subcommand("facilities", "A municipality's own facility list (CSV or GeoJSON), merged with OSM");
    cmd->footer("Template and merge rules: docs/facility-lists.md");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("file", options->config.input, "CSV (; or ,) or GeoJSON file")->required();
    cmd->add_option("--source", options->config.source, "Who keeps the list, e.g. \"Stadt Lauf\"")->required();
    cmd->add_option("--merge-distance", options->config.merge_distance_m,
                    "Same category within this many metres counts as the same facility (default 50)")
        ->check(CLI::NonNegativeNumber);
    cmd->add_option("--crs", options->config.crs_epsg, "EPSG code of x/y columns (default 25832)");
    cmd->add_option("--data-date", options->config.data_date, "Date of the list (default: today)");
    cmd->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        import::print_report(import::import_facility_list(workspace, options->config), std::cout);
    });
}

} // namespace

void register_import(CLI::App& app) {
    auto* import = app.add_subcommand("import", "Import data into a region workspace (one transaction each)");
    import->require_subcommand(1);
    register_boundaries(*import);
    register_stats(*import);
    register_grid(*import);
    register_osm(*import);
    register_facility_list(*import);
}

} // namespace lw::cli
