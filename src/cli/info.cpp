#include "cli/commands.hpp"

#include "import/report.hpp"
#include "store/summary.hpp"
#include "store/workspace.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iostream>
#include <map>
#include <set>

namespace lw::cli {

namespace {

using nlohmann::json;

std::string num(double value) { return import::group_thousands(std::llround(value)); }

void print_municipalities(const json& summary) {
    const auto& list = summary["municipalities"];
    std::set<std::string> years;
    std::size_t with_boundary = 0;
    std::size_t name_width = 4;
    for (const auto& m : list) {
        for (const auto& [year, value] : m["population"].items()) {
            years.insert(year);
        }
        with_boundary += m["has_boundary"].get<bool>() ? 1 : 0;
        name_width = std::max(name_width, m["name"].get<std::string>().size());
    }
    name_width = std::min<std::size_t>(name_width, 42);
    fmt::print("\nMunicipalities: {} ({} with boundary)\n", list.size(), with_boundary);
    if (list.empty()) {
        return;
    }
    std::string header = fmt::format("  {:<8}  {:<{}}", "AGS", "Name", name_width);
    for (const auto& year : years) {
        header += fmt::format("  {:>9}", "31.12." + year);
    }
    if (years.size() >= 2) {
        header += fmt::format("  {:>8}", "change");
    }
    fmt::print("{}\n", header);
    std::map<std::string, double> totals;
    std::map<std::string, bool> complete;
    for (const auto& year : years) {
        complete[year] = true;
    }
    for (const auto& m : list) {
        std::string name = m["name"].get<std::string>();
        if (name.size() > name_width) {
            name = name.substr(0, name_width - 1) + "…";
        }
        std::string line = fmt::format("  {:<8}  {:<{}}", m["ags"].get<std::string>(), name, name_width);
        std::optional<double> first, last;
        for (const auto& year : years) {
            const auto& p = m["population"];
            if (p.contains(year) && !p[year]["value"].is_null()) {
                const double v = p[year]["value"].get<double>();
                totals[year] += v;
                line += fmt::format("  {:>9}", num(v));
                first = first ? first : std::optional(v);
                last = v;
            } else {
                complete[year] = false;
                line += fmt::format("  {:>9}", p.contains(year) ? p[year]["status"].get<std::string>() : "–");
            }
        }
        if (years.size() >= 2 && first && last && *first > 0) {
            line += fmt::format("  {:>+7.1f} %", (*last / *first - 1.0) * 100.0);
        }
        fmt::print("{}\n", line);
    }
    std::string line = fmt::format("  {:<8}  {:<{}}", "", "Region", name_width);
    for (const auto& year : years) {
        line += fmt::format("  {:>9}", complete[year] ? num(totals[year]) : "incompl.");
    }
    if (years.size() >= 2 && complete[*years.begin()] && complete[*years.rbegin()]) {
        line += fmt::format("  {:>+7.1f} %", (totals[*years.rbegin()] / totals[*years.begin()] - 1.0) * 100.0);
    }
    fmt::print("{}\n", line);
}

void print_population_tables(const json& summary) {
    const auto& tables = summary["population_tables"];
    if (tables.empty()) {
        return;
    }
    fmt::print("\nPopulation tables\n");
    for (const auto& t : tables) {
        std::string total = t["total_of_areas"].is_null() ? "" : num(t["total_of_areas"].get<double>()) + " persons";
        const int groups = t["age_groups"].get<int>();
        const std::string ages = groups == 0 ? "totals only" : fmt::format("{} age groups", groups);
        fmt::print("  {}  {:<14} {:<12} {:>3} areas  {:<14} {:>6} rows  {}{}\n",
                   t["reference_date"].get<std::string>(), t["source"].get<std::string>(),
                   t["area_level"].get<std::string>(), t["areas"].get<int>(), ages,
                   t["rows"].get<int>(), total,
                   t["without_number"].get<int>() > 0
                       ? fmt::format("  ({} cells without a number: secret/unknown/missing)", t["without_number"].get<int>())
                       : "");
    }
}

void print_map_population(const json& summary) {
    const auto& b = summary["buildings"];
    const auto& g = summary["grid"];
    if (b["count"].get<int>() > 0) {
        fmt::print("\nBuildings: {} ({} residential, {:.2f} km² footprint)\n", num(b["count"].get<double>()),
                   num(b["residential"].get<double>()), b["footprint_km2"].get<double>());
    }
    if (g["cells"].get<int>() > 0) {
        fmt::print("\nCensus grid 2011 (100 m): {} populated cells, {} persons ({} under 18, {} aged 65+)\n",
                   num(g["cells"].get<double>()), num(g["census_2011_persons"].get<double>()),
                   num(g["census_2011_under18"].get<double>()), num(g["census_2011_65plus"].get<double>()));
    }
    const auto& placement = summary["placement"];
    if (!placement.empty()) {
        double total = 0, on_buildings = 0, on_cells = 0, unplaced = 0;
        for (const auto& p : placement) {
            total += p["total"].get<double>();
            on_buildings += p["on_buildings"].get<double>();
            on_cells += p["on_cells_only"].get<double>();
            unplaced += p["unplaced"].get<double>();
        }
        fmt::print("\nPopulation on the map ({}): {} persons = {} on residential buildings + {} on census "
                   "cells without buildings + {} not placed\n",
                   placement[0]["year"].get<int>(), num(total), num(on_buildings), num(on_cells), num(unplaced));
    }
}

void print_facilities_and_network(const json& summary) {
    const auto& facilities = summary["facilities"];
    if (!facilities.empty()) {
        fmt::print("\nFacilities (open; closed ones are kept as history)\n");
        for (const auto& [category, f] : facilities.items()) {
            fmt::print("  {:<20} {:>5}{}\n", category, f["open"].get<int>(),
                       f["closed"].get<int>() > 0 ? fmt::format("  ({} closed)", f["closed"].get<int>()) : "");
        }
    }
    const auto& n = summary["network"];
    if (n["edges"].get<int>() > 0) {
        fmt::print("\nNetwork: {} nodes, {} edges, {:.1f} km (walk {:.1f} km, bike {:.1f} km, car {:.1f} km)\n",
                   num(n["nodes"].get<double>()), num(n["edges"].get<double>()), n["km_total"].get<double>(),
                   n["km_walk"].get<double>(), n["km_bike"].get<double>(), n["km_car"].get<double>());
    }
}

void print_tables(const json& summary) {
    const auto& life = summary["life_tables"];
    if (!life.empty()) {
        fmt::print("\nLife tables (life expectancy at birth)\n");
        for (const auto& t : life) {
            fmt::print("  {} {}: male {:.2f}, female {:.2f} years\n", t["period"].get<std::string>(),
                       t["region"].get<std::string>(), t["e0_male"].get<double>(), t["e0_female"].get<double>());
        }
    }
    const auto& refs = summary["reference_values"];
    if (!refs.empty()) {
        fmt::print("\nReference values: {} (e.g. INKAR Nahversorgung)\n", refs.size());
        int shown = 0;
        for (const auto& r : refs) {
            const auto indicator = r["indicator"].get<std::string>();
            if (indicator.find("nahversorgung") == std::string::npos || shown >= 8) {
                continue;
            }
            ++shown;
            fmt::print("  {} {:<62} {:>8}\n", r["area_key"].get<std::string>(), indicator,
                       r["value"].is_null() ? r["status"].get<std::string>()
                                            : fmt::format("{:g}", r["value"].get<double>()));
        }
    }
}

void print_sources(const json& summary) {
    const auto& imports = summary["imports"];
    fmt::print("\nData sources ({} imports)\n", imports.size());
    for (const auto& r : imports) {
        fmt::print("  [{}] {} — {} ({}{})\n      {}\n", r["id"].get<int>(), r["kind"].get<std::string>(),
                   r["source_file"].get<std::string>(), r["licence"].get<std::string>(),
                   r["data_date"].is_null() ? "" : ", data of " + r["data_date"].get<std::string>(),
                   r["attribution"].get<std::string>());
    }
}

} // namespace

void register_info(CLI::App& app) {
    struct Options {
        std::string workspace;
        bool json = false;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("info", "Summarise a workspace: municipalities, population by year, "
                                           "facilities, network, sources");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_flag("--json", options->json, "Print the summary as JSON");
    cmd->callback([options] {
        auto workspace = store::Workspace::open(options->workspace, store::OpenMode::read_write);
        const json summary = store::summarize(workspace);
        if (options->json) {
            std::cout << summary.dump(2) << '\n';
            return;
        }
        const auto& ws = summary["workspace"];
        fmt::print("{} — workspace {} (region keys {}, schema version {})\n", ws["region"].get<std::string>(),
                   ws["path"].get<std::string>(), fmt::join(ws["keys"].get<std::vector<std::string>>(), ", "),
                   ws["schema_version"].get<int>());
        print_municipalities(summary);
        print_population_tables(summary);
        print_map_population(summary);
        print_facilities_and_network(summary);
        print_tables(summary);
        print_sources(summary);
    });
}

} // namespace lw::cli
