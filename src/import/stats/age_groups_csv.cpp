#include "import/stats/age_groups_csv.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "import/stats/age_group.hpp"
#include "import/stats/detail/area_rows.hpp"
#include "import/table/csv.hpp"
#include "import/table/stat_cell.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace lw::import {

namespace {

// The table the demo file was exported from (SOURCES.md); it names no table itself.
constexpr std::string_view source_table = "12411-02-03-4";

struct ValueColumn {
    std::size_t col_idx;
    AgeGroup age;
};

} // namespace

ParsedStats parse_age_groups_csv(const std::filesystem::path& file,
                                 const ReferenceDate& reference_date) {
    const CsvFile csv = CsvFile::read(file);
    const auto& rows = csv.rows();
    if (rows.empty()) {
        throw Error(ErrorKind::input_format, "the file is empty",
                    {file.string(), 1, 1, std::string()});
    }
    const CsvRow& header = rows.front();
    const auto key_col = find_column(header, "krs");
    if (!key_col) {
        throw Error(ErrorKind::input_format, "the header has no column \"krs\" (the area key)",
                    {file.string(), header.line, 0, std::string("krs")});
    }
    const auto name_col = find_column(header, "name");
    std::vector<ValueColumn> columns;
    for (std::size_t col_idx = 0; col_idx < header.cells.size(); ++col_idx) {
        std::optional<AgeGroup> age = parse_age_column(header.cells[col_idx]);
        if (!age && iequals_ascii(trim(header.cells[col_idx]), "Insgesamt")) {
            age = AgeGroup{0, std::nullopt};
        }
        if (!age) {
            continue;
        }
        for (const auto& c : columns) {
            if (c.age == *age) {
                csv.fail(header, col_idx, ErrorKind::input_format,
                         fmt::format("age group {} appears twice in the header", to_string(*age)));
            }
        }
        columns.push_back({col_idx, *age});
    }
    if (columns.empty()) {
        throw Error(
            ErrorKind::input_format,
            "the header has no age group columns (A00-02 ... A75-open) and no \"Insgesamt\"",
            {file.string(), header.line, 0, std::string("A00-02")});
    }
    std::size_t width = *key_col + 1;
    for (const auto& c : columns) {
        width = std::max(width, c.col_idx + 1);
    }

    ParsedStats out;
    out.format = StatsFormat::age_groups_csv;
    out.source_table = std::string(source_table);
    out.encoding = csv.encoding();
    std::set<std::string> seen;
    for (std::size_t row_idx = 1; row_idx < rows.size(); ++row_idx) {
        const CsvRow& row = rows[row_idx];
        if (row.blank()) {
            continue;
        }
        const std::string key = detail::checked_area_row(csv, row, header, width, *key_col, seen);
        ++out.records;
        const std::string name(name_col ? trim(row.cell(*name_col)) : std::string_view());
        for (const auto& c : columns) {
            const auto value = parse_stat_cell(row.cell(c.col_idx), plain_format);
            if (!value) {
                csv.fail(row, c.col_idx, ErrorKind::input_value,
                         "not a number (dot decimal) or an official marker");
            }
            store::PopulationValue v;
            v.area_key = key;
            if (!name.empty()) {
                v.area_name = name;
            }
            v.year = reference_date.year;
            v.reference_date = reference_date.iso;
            v.sex = store::Sex::total;
            v.age_from = c.age.from;
            v.age_to = c.age.to;
            v.value = *value;
            v.source_table = out.source_table;
            out.population.push_back(std::move(v));
        }
    }
    if (out.records == 0) {
        throw Error(ErrorKind::input_format, "the file has a header but no rows",
                    {file.string(), header.line, 1, std::string(header.cell(0))});
    }
    collect_reference_dates(out);
    return out;
}

} // namespace lw::import
