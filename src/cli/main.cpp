// lebenswert: the command-line front of the region workspace. Parses, runs one stage, maps errors
// to exit codes (cli/exit_codes.cpp) and prints them for a planner, not a programmer.

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "core/error.hpp"
#include "core/version.hpp"

#include <fmt/format.h>

#include <exception>
#include <filesystem>

int main(int argc, char** argv) {
    CLI::App app{"lebenswert: shared workbench for the Daseinsvorsorge of a cooperation of "
                 "municipalities.\nBuilds and reads a region workspace (one GeoPackage file)."};
    app.set_version_flag("--version", std::string(lw::version));
    app.footer("Typical order: init, import boundaries, import stats, import grid, import osm,\n"
               "import facilities, distribute, info; then the analyses: access, facilities, whatif,\n"
               "isochrone, locate, project, housing. Each import lands completely or not at all.\n"
               "Exit codes and examples: docs/cli.md; worked example: scripts/build-demo.sh");
    app.require_subcommand(1);
    lw::cli::register_init(app);
    lw::cli::register_import(app);
    lw::cli::register_distribute(app);
    lw::cli::register_info(app);
    lw::cli::register_access(app);
    lw::cli::register_whatif(app);
    lw::cli::register_isochrone(app);
    lw::cli::register_locate(app);
    lw::cli::register_facilities(app);
    lw::cli::register_scenarios(app);
    lw::cli::register_project(app);
    lw::cli::register_housing(app);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : lw::cli::exit_code(lw::ErrorKind::usage);
    } catch (const lw::Error& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return lw::cli::exit_code(e.kind());
    } catch (const std::filesystem::filesystem_error& e) {
        fmt::print(stderr, "error: {}\n", e.what());
        return lw::cli::exit_code(lw::ErrorKind::io);
    } catch (const std::exception& e) {
        fmt::print(stderr, "internal error: {}\n", e.what());
        return lw::cli::exit_code(lw::ErrorKind::internal);
    }
    return lw::cli::exit_ok;
}
