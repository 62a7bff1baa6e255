#include "cli/commands.hpp"

#include "accessibility/isochrone.hpp"
#include "accessibility/run.hpp"
#include "accessibility/tables.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
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
        std::string table;
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
    cmd->add_option("--table", options->table, "Also write the municipality table as .csv or .xlsx");
    cmd->add_flag("--rebuild", options->config.rebuild, "Build the routing graphs anew (normally they are stored "
                                                        "and reused while the network stays the same)");
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
        if (!options->table.empty()) {
            exporting::write_table(options->table, accessibility::access_table(workspace.db()));
            std::cout << "  table written: " << options->table << '\n';
        }
    });
}

} // namespace lw::cli

namespace lw::cli {

void register_isochrone(CLI::App& app) {
    struct Options {
        std::string workspace;
        std::optional<std::int64_t> facility;
        std::string point;
        accessibility::IsochroneConfig config;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("isochrone", "Areas reachable within minutes: towards a facility or from a point");
    cmd->footer("Example: lebenswert isochrone -w lauf.gpkg --facility 163 --profile walk --minutes 5,10,15\n"
                "Writes the layer isochrones.");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("--facility", options->facility, "fid of a facility (the area from which it is reached)");
    cmd->add_option("--point", options->point, "LON,LAT in WGS84 (the area reached from there)");
    cmd->add_option("--profile", options->config.profile, "walk, walk_senior, bike or car (default walk)")
        ->check(CLI::IsMember({"walk", "walk_senior", "bike", "car"}));
    cmd->add_option("--minutes", options->config.minutes, "Minutes (default 5,10,15)")->delimiter(',');
    cmd->add_option("--buffer", options->config.buffer_m, "Metres around reachable streets (default 50, an assumption)");
    cmd->add_option("--label", options->config.label, "Label of the polygons");
    cmd->callback([options] {
        options->config.facility_fid = options->facility;
        if (!options->point.empty()) {
            const auto comma = options->point.find(',');
            const auto lon = comma == std::string::npos ? std::nullopt : parse_number(options->point.substr(0, comma), plain_format);
            const auto lat = comma == std::string::npos ? std::nullopt : parse_number(options->point.substr(comma + 1), plain_format);
            if (!lon || !lat) {
                throw Error(ErrorKind::usage, "--point: write LON,LAT in WGS84 degrees, e.g. 11.2795,49.5105");
            }
            options->config.point_wgs84 = geo::Point{*lon, *lat};
        }
        auto workspace = store::Workspace::open(options->workspace);
        print_report(accessibility::run_isochrones(workspace, options->config), std::cout);
    });
}

} // namespace lw::cli
