#include "import/stats/inkar.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "import/stats/detail/area_rows.hpp"
#include "import/table/csv.hpp"
#include "import/table/stat_cell.hpp"

#include <fmt/format.h>

#include <set>

namespace lw::import {

namespace {

struct IndicatorColumn {
    std::size_t col_idx = 0;
    std::string indicator;
    std::optional<int> year;
};

// "apotheken_2017" -> ("apotheken", 2017); names without a year suffix keep no year.
IndicatorColumn indicator_column(std::size_t col_idx, std::string_view name) {
    name = trim(name);
    IndicatorColumn column{col_idx, std::string(name), std::nullopt};
    if (name.size() > 5 && name[name.size() - 5] == '_') {
        if (const auto year = parse_integer(name.substr(name.size() - 4));
            year && *year >= 1900 && *year <= 2100) {
            column.indicator = std::string(name.substr(0, name.size() - 5));
            column.year = static_cast<int>(*year);
        }
    }
    return column;
}

} // namespace

ParsedStats parse_inkar(const std::filesystem::path& file) {
    const CsvFile csv = CsvFile::read(file);
    const auto& rows = csv.rows();
    if (rows.empty()) {
        throw Error(ErrorKind::input_format, "the file is empty",
                    {file.string(), 1, 1, std::string()});
    }
    const CsvRow& header = rows.front();
    auto key_col = find_column(header, "krs");
    if (!key_col) {
        key_col = find_column(header, "kennziffer");
    }
    const auto name_col = find_column(header, "raumeinheit");
    if (!key_col || !name_col) {
        const std::string missing = key_col ? "raumeinheit" : "krs";
        throw Error(ErrorKind::input_format,
                    fmt::format("the INKAR header has no column \"{}\"", missing),
                    {file.string(), header.line, 0, missing});
    }
    const auto aggregate_col = find_column(header, "aggregat");
    std::vector<IndicatorColumn> indicators;
    std::set<std::pair<std::string, std::optional<int>>> names;
    for (std::size_t col_idx = 0; col_idx < header.cells.size(); ++col_idx) {
        if (col_idx == *key_col || col_idx == *name_col || col_idx == aggregate_col) {
            continue;
        }
        if (trim(header.cells[col_idx]).empty()) {
            csv.fail(header, col_idx, ErrorKind::input_format,
                     "an indicator column without a name");
        }
        auto column = indicator_column(col_idx, header.cells[col_idx]);
        if (!names.insert({column.indicator, column.year}).second) {
            csv.fail(header, col_idx, ErrorKind::input_format, "the indicator appears twice");
        }
        indicators.push_back(std::move(column));
    }

    ParsedStats out;
    out.format = StatsFormat::inkar;
    out.source_table = "INKAR";
    out.encoding = csv.encoding();
    std::set<std::string> seen;
    for (std::size_t row_idx = 1; row_idx < rows.size(); ++row_idx) {
        const CsvRow& row = rows[row_idx];
        if (row.blank()) {
            continue;
        }
        const std::string key = detail::checked_area_row(csv, row, header, header.cells.size(), *key_col, seen);
        ++out.records;
        const std::string name(trim(row.cell(*name_col)));
        for (const auto& column : indicators) {
            // The mixed-format rule (see inkar.hpp): quoted = German, unquoted = dot-decimal.
            const bool quoted = row.is_quoted(column.col_idx);
            const auto value =
                parse_stat_cell(row.cell(column.col_idx), quoted ? german_format : plain_format);
            if (!value) {
                csv.fail(row, column.col_idx, ErrorKind::input_value,
                         quoted
                             ? "a quoted INKAR value must be German formatted (1.493 or 2.965,50)"
                             : "an unquoted INKAR value must be a dot-decimal number (27.1)");
            }
            store::ReferenceValue v;
            v.area_key = key;
            v.area_name = name;
            v.indicator = column.indicator;
            v.year = column.year;
            v.value = *value;
            v.source = "INKAR";
            out.reference_values.push_back(std::move(v));
        }
    }
    if (out.records == 0) {
        throw Error(ErrorKind::input_format, "the file has a header but no rows",
                    {file.string(), header.line, 1, std::string(header.cell(0))});
    }
    return out;
}

} // namespace lw::import
