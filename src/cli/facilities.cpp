#include "cli/commands.hpp"

#include "accessibility/categories.hpp"
#include "geo/crs.hpp"
#include "store/features.hpp"
#include "store/workspace.hpp"

#include <fmt/format.h>

namespace lw::cli {

void register_facilities(CLI::App& app) {
    struct Options {
        std::string workspace;
        std::string category;
        bool all = false;
    };
    auto options = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("facilities", "List facilities with their fid (for whatif --close)");
    cmd->footer("Example: lebenswert facilities -w lauf.gpkg --category grocery");
    add_workspace_option(*cmd, options->workspace);
    cmd->add_option("--category", options->category, "Category or set, e.g. grocery, kita");
    cmd->add_flag("--all", options->all, "Also closed facilities (with their closing date)");
    cmd->callback([options] {
        auto workspace = store::Workspace::open(options->workspace);
        std::optional<accessibility::CategorySet> set;
        if (!options->category.empty()) {
            set = accessibility::parse_category_set(options->category);
        }
        const geo::Transformer to_wgs(geo::epsg_utm32, geo::epsg_wgs84);
        std::size_t shown = 0;
        fmt::print("{:>6}  {:<20} {:<40} {:<9} {:>10} {:>10}  {}\n", "fid", "category", "name", "ags", "lon", "lat", "source");
        for (const auto& f : store::read_facilities(workspace.db(), !options->all)) {
            if (set && !set->contains(f.category)) {
                continue;
            }
            const auto p = to_wgs(f.position);
            fmt::print("{:>6}  {:<20} {:<40} {:<9} {:>10.5f} {:>10.5f}  {}{}\n", f.fid, f.category,
                       f.name.value_or("").substr(0, 40), f.ags.value_or("–"), p.x, p.y, f.source,
                       f.valid_to ? " (closed " + *f.valid_to + ")" : "");
            ++shown;
        }
        fmt::print("{} facilities\n", shown);
    });
}

} // namespace lw::cli
