#pragma once
// Subcommands of `lebenswert`. Each register_* adds one subcommand with its options (filled into a
// plain config struct) and a callback that runs the stage; main() only parses and maps errors.

#include <CLI/CLI.hpp>

namespace lw::cli {

void register_init(CLI::App& app);
void register_import(CLI::App& app);
void register_distribute(CLI::App& app);
void register_info(CLI::App& app);
void register_access(CLI::App& app);
void register_whatif(CLI::App& app);
void register_isochrone(CLI::App& app);
void register_locate(CLI::App& app);
void register_facilities(CLI::App& app);
void register_project(CLI::App& app);
void register_housing(CLI::App& app);
void register_scenarios(CLI::App& app);

// The workspace option every stage takes (-w/--workspace, or LEBENSWERT_WORKSPACE).
CLI::Option* add_workspace_option(CLI::App& command, std::string& target);

} // namespace lw::cli
