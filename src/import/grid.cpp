#include "import/grid.hpp"

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/text.hpp"
#include "geo/crs.hpp"
#include "geo/polygon_index.hpp"
#include "store/imports.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>
#include <unordered_set>

namespace lw::import {

namespace fs = std::filesystem;

std::string grid_cell_id(std::int64_t x_ll, std::int64_t y_ll) {
    return fmt::format("100mN{:05}E{:05}", y_ll / grid_cell_size_m, x_ll / grid_cell_size_m);
}

namespace {

const std::regex tile_name(R"(ALTER_KURZ_(\d+)_(\d+)\.csv)");

void read_tile(const fs::path& file, std::vector<store::GridCell>& out) {
    std::smatch match;
    const std::string name = file.filename().string();
    if (!std::regex_match(name, match, tile_name)) {
        throw Error(ErrorKind::input_format,
                    "grid tile files must be named ALTER_KURZ_{tx}_{ty}.csv (the tile's column and "
                    "row in the 12.8 km tiling of EPSG:3035)",
                    {file.string()});
    }
    const std::int64_t tx = std::stoll(match[1].str());
    const std::int64_t ty = std::stoll(match[2].str());
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::not_found, "cannot read grid tile", {file.string()});
    }
    std::string line;
    std::uint64_t line_no = 0;
    while (std::getline(in, line)) {
        ++line_no;
        const std::string_view text = trim(line_no == 1 ? strip_utf8_bom(line) : std::string_view(line));
        if (line_no == 1) {
            if (text != "x,y,1,2,3,4,5") {
                throw Error(ErrorKind::input_format,
                            "expected the header \"x,y,1,2,3,4,5\" of the census age-group grid",
                            {file.string(), 1, 1, std::string(text)});
            }
            continue;
        }
        if (text.empty()) {
            continue;
        }
        const auto fields = split(text, ',');
        if (fields.size() != 7) {
            throw Error(ErrorKind::input_format,
                        fmt::format("expected 7 fields, found {}", fields.size()),
                        {file.string(), line_no, 0, std::string(text)});
        }
        std::array<std::int64_t, 7> values{};
        for (std::size_t k = 0; k < 7; ++k) {
            const auto v = parse_integer(fields[k]);
            const bool in_tile = k >= 2 || (v && *v >= 0 && *v < grid_tile_cells);
            if (!v || *v < 0 || !in_tile) {
                throw Error(ErrorKind::input_value,
                            k < 2 ? "cell position must be an integer 0-127"
                                  : "persons must be a non-negative integer",
                            {file.string(), line_no, k + 1, std::string(fields[k])});
            }
            values[k] = *v;
        }
        store::GridCell cell;
        cell.x_ll = grid_origin_x + (grid_tile_cells * tx + values[0]) * grid_cell_size_m;
        cell.y_ll = grid_origin_y + (grid_tile_cells * ty + values[1]) * grid_cell_size_m;
        cell.cell_id = grid_cell_id(cell.x_ll, cell.y_ll);
        for (std::size_t k = 0; k < 5; ++k) {
            cell.pop_by_age[k] = static_cast<int>(values[k + 2]);
        }
        out.push_back(std::move(cell));
    }
}

} // namespace

std::vector<fs::path> expand_grid_inputs(const std::vector<fs::path>& inputs) {
    std::vector<fs::path> files;
    for (const auto& input : inputs) {
        if (!fs::exists(input)) {
            throw Error(ErrorKind::not_found, "grid input does not exist", {input.string()});
        }
        if (fs::is_directory(input)) {
            std::vector<fs::path> found;
            for (const auto& entry : fs::directory_iterator(input)) {
                if (entry.is_regular_file() && entry.path().extension() == ".csv") {
                    found.push_back(entry.path());
                }
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(input);
        }
    }
    if (files.empty()) {
        throw Error(ErrorKind::usage, "no grid tile files given");
    }
    return files;
}

std::vector<store::GridCell> read_grid_tiles(const std::vector<fs::path>& files) {
    std::vector<store::GridCell> cells;
    std::uintmax_t total_bytes = 0;
    for (const auto& f : files) {
        total_bytes += fs::exists(f) ? fs::file_size(f) : 0;
    }
    Progress progress("Reading census grid", total_bytes);
    std::uintmax_t done = 0;
    std::unordered_set<std::string> seen;
    for (const auto& file : files) {
        const std::size_t before = cells.size();
        read_tile(file, cells);
        for (std::size_t i = before; i < cells.size(); ++i) {
            if (!seen.insert(cells[i].cell_id).second) {
                throw Error(ErrorKind::input_value, "the same grid cell appears twice",
                            {file.string(), 0, 0, cells[i].cell_id});
            }
        }
        done += fs::file_size(file);
        progress.update(done);
    }
    progress.finish();
    return cells;
}

ImportReport import_grid(store::Workspace& workspace, const GridConfig& config) {
    const auto files = expand_grid_inputs(config.inputs);
    auto cells = read_grid_tiles(files);
    const std::size_t cells_read = cells.size();

    // Assign each cell to the municipality holding its centre (transformed to EPSG:25832).
    auto municipalities = store::read_municipalities(workspace.db(), true);
    geo::PolygonIndex index;
    for (std::size_t i = 0; i < municipalities.size(); ++i) {
        if (municipalities[i].geometry) {
            index.add(static_cast<std::uint32_t>(i), *municipalities[i].geometry);
        }
    }
    if (index.size() == 0) {
        throw Error(ErrorKind::workspace,
                    "the workspace has no municipality boundaries yet; run `lebenswert import "
                    "boundaries` first, so grid cells can be assigned to municipalities");
    }
    const geo::Transformer to_utm(geo::epsg_laea, geo::epsg_utm32);
    std::vector<store::GridCell> kept;
    long long persons = 0;
    for (auto& cell : cells) {
        const geo::Point centre = to_utm({static_cast<double>(cell.x_ll + 50), static_cast<double>(cell.y_ll + 50)});
        if (const auto hit = index.locate(centre)) {
            cell.ags = municipalities[*hit].ags;
            persons += cell.pop_total();
            kept.push_back(std::move(cell));
        }
    }
    if (kept.empty()) {
        throw Error(ErrorKind::input_value,
                    "none of the grid cells lies inside the region's municipalities; are these the "
                    "right tiles?");
    }

    store::ImportRecord record;
    record.kind = "census-grid";
    record.source_file = fmt::format("{} tile files", files.size());
    std::string hashes;
    for (const auto& f : files) {
        hashes += f.filename().string() + ":" + store::sha256_hex(f).substr(0, 16) + " ";
    }
    record.source_sha256 = hashes;
    record.title = "Zensus 2011, population in the 100 m grid by five age groups (ALTER_KURZ)";
    record.licence = "dl-de/by-2-0";
    record.attribution = "© Statistisches Bundesamt (Destatis), Zensus 2011 (Daten verändert)";
    record.data_date = "2011-05-09";
    record.summary = {{"files", files.size()},
                      {"cells_read", cells_read},
                      {"cells_in_region", kept.size()},
                      {"persons_in_region", persons}};

    store::Transaction tx(workspace.db());
    const auto import_id = store::insert_import(workspace.db(), record);
    store::upsert_grid_cells(workspace.db(), kept, import_id);
    tx.commit();

    ImportReport report;
    report.title = "Census grid imported (Zensus 2011, 100 m)";
    report.add("tile files", std::to_string(files.size()));
    report.add("cells read", group_thousands(static_cast<long long>(cells_read)));
    report.add("cells inside the region", group_thousands(static_cast<long long>(kept.size())));
    report.add("persons in these cells (2011)", group_thousands(persons));
    report.summary = record.summary;
    return report;
}

} // namespace lw::import
