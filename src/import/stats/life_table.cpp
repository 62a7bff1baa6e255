#include "import/stats/life_table.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "import/stats/detail/genesis.hpp"
#include "import/table/csv.hpp"
#include "import/table/stat_cell.hpp"

#include <fmt/format.h>

#include <array>
#include <map>
#include <regex>
#include <set>
#include <tuple>

namespace lw::import {

namespace {

// The seven life table functions in the order of LifeTableRow, with the symbol GENESIS writes.
constexpr std::array<std::string_view, 7> functions{"q(x)", "p(x)", "l(x)", "d(x)",
                                                    "L(x)", "T(x)", "e(x)"};

double& field_of(store::LifeTableRow& row, std::size_t function_idx) {
    switch (function_idx) {
    case 0:
        return row.qx;
    case 1:
        return row.px;
    case 2:
        return row.lx;
    case 3:
        return row.dx;
    case 4:
        return row.Lx;
    case 5:
        return row.Tx;
    default:
        return row.ex;
    }
}

std::optional<std::size_t> function_in(std::string_view label) {
    for (std::size_t function_idx = 0; function_idx < functions.size(); ++function_idx) {
        if (label.find(functions[function_idx]) != std::string_view::npos) {
            return function_idx;
        }
    }
    return std::nullopt;
}

struct ValueColumn {
    std::size_t value_col = 0;
    std::optional<std::size_t> flag_col;
};

// (sex, function) -> columns
using ColumnMap = std::map<std::pair<store::Sex, std::size_t>, ValueColumn>;

std::optional<int> age_of(std::string_view label) {
    static const std::regex age(R"(^(\d{1,3}) Jahre?( und (mehr|älter))?$)");
    const std::string text(trim(label));
    std::smatch m;
    if (std::regex_match(text, m, age)) {
        return std::stoi(m[1]);
    }
    return std::nullopt;
}

bool is_period(std::string_view label) {
    static const std::regex period(R"(^\d{4}/\d{2}$)");
    return std::regex_match(std::string(trim(label)), period);
}

// Finds the sex row and the function row among the rows above the first period row.
ColumnMap read_columns(const CsvFile& csv, std::size_t first_body) {
    const auto& rows = csv.rows();
    const CsvRow* sex_row = nullptr;
    const CsvRow* function_row = nullptr;
    for (std::size_t row_idx = 0; row_idx < first_body; ++row_idx) {
        const CsvRow& row = rows[row_idx];
        if (find_column(row, "männlich") && find_column(row, "weiblich")) {
            sex_row = &row;
        } else if (row.cells.size() > 1 && function_in(row.cell(1))) {
            function_row = &row;
        }
    }
    const std::uint64_t line = rows[first_body > 0 ? first_body - 1 : 0].line;
    if (!sex_row) {
        throw Error(ErrorKind::input_format,
                    "no row with the sexes (\"männlich\" and \"weiblich\") above the table",
                    {csv.path().string(), line, 0, std::string("männlich")});
    }
    if (!function_row) {
        throw Error(ErrorKind::input_format,
                    "no row with the life table functions (q(x) ... e(x)) above the table",
                    {csv.path().string(), line, 0, std::string("q(x)")});
    }
    ColumnMap columns;
    std::optional<store::Sex> sex;
    const std::size_t width = std::max(sex_row->cells.size(), function_row->cells.size());
    for (std::size_t col_idx = 1; col_idx < width; ++col_idx) {
        const std::string_view sex_label = trim(sex_row->cell(col_idx));
        if (sex_label == "männlich") {
            sex = store::Sex::male;
        } else if (sex_label == "weiblich") {
            sex = store::Sex::female;
        }
        const std::string_view label = trim(function_row->cell(col_idx));
        if (label.empty()) {
            continue;
        }
        const auto function_idx = function_in(label);
        if (!function_idx) {
            csv.fail(*function_row, col_idx, ErrorKind::input_format,
                     "not a life table function (q(x) ... e(x))");
        }
        if (!sex) {
            csv.fail(*function_row, col_idx, ErrorKind::input_format,
                     "a function column before any sex");
        }
        if (columns.count({*sex, *function_idx}) > 0) {
            csv.fail(*function_row, col_idx, ErrorKind::input_format,
                     "the function appears twice for one sex");
        }
        ValueColumn column{col_idx, std::nullopt};
        // The column right of a value without a label of its own holds the value's flag.
        if (col_idx + 1 < width && trim(function_row->cell(col_idx + 1)).empty()) {
            column.flag_col = col_idx + 1;
        }
        columns[{*sex, *function_idx}] = column;
    }
    for (const store::Sex s : {store::Sex::male, store::Sex::female}) {
        for (std::size_t function_idx = 0; function_idx < functions.size(); ++function_idx) {
            if (columns.count({s, function_idx}) == 0) {
                const std::string what =
                    fmt::format("{} {}", functions[function_idx],
                                s == store::Sex::male ? "männlich" : "weiblich");
                throw Error(ErrorKind::input_format,
                            fmt::format("the table has no column {}", what),
                            {csv.path().string(), function_row->line, 0, what});
            }
        }
    }
    return columns;
}

} // namespace

ParsedStats parse_life_table(const std::filesystem::path& file) {
    const CsvFile csv = CsvFile::read(file);
    const auto& rows = csv.rows();
    if (rows.empty()) {
        throw Error(ErrorKind::input_format, "the file is empty",
                    {file.string(), 1, 1, std::string()});
    }
    const auto code = detail::find_genesis_table_code(rows);
    if (!code || code->code.substr(0, 5) != "12621") {
        throw Error(ErrorKind::input_format,
                    "not a GENESIS life table: expected \"Tabelle: 12621-0001\" in the title lines",
                    {file.string(), code ? code->line : rows.front().line, 1,
                     code ? code->code : std::string(rows.front().cell(0))});
    }
    std::size_t first_body = 0;
    while (first_body < rows.size() && !is_period(rows[first_body].cell(0)) &&
           !age_of(rows[first_body].cell(0))) {
        ++first_body;
    }
    if (first_body == rows.size()) {
        throw Error(ErrorKind::input_format,
                    "no period row (\"2016/18\") and no age rows (\"0 Jahre\")",
                    {file.string(), rows.back().line, 1, std::string(rows.back().cell(0))});
    }
    const ColumnMap columns = read_columns(csv, first_body);

    ParsedStats out;
    out.format = StatsFormat::life_table;
    out.source_table = code->code;
    out.encoding = csv.encoding();
    std::optional<std::string> period;
    std::set<std::tuple<std::string, store::Sex, int>> seen;
    for (std::size_t row_idx = first_body; row_idx < rows.size(); ++row_idx) {
        const CsvRow& row = rows[row_idx];
        if (detail::is_footer_rule(row)) {
            break;
        }
        if (row.blank()) {
            continue;
        }
        if (is_period(row.cell(0))) {
            period = std::string(trim(row.cell(0)));
            continue;
        }
        const auto age = age_of(row.cell(0));
        if (!age) {
            csv.fail(
                row, 0, ErrorKind::input_format,
                "expected a period (\"2016/18\") or an age (\"0 Jahre\"); footnotes must follow a "
                "\"__________\" line");
        }
        if (!period) {
            csv.fail(row, 0, ErrorKind::input_format,
                     "an age row before the period row (\"2016/18\")");
        }
        ++out.records;
        for (const store::Sex sex : {store::Sex::male, store::Sex::female}) {
            store::LifeTableRow entry;
            entry.period = *period;
            entry.region = "DG";
            entry.sex = sex;
            entry.age = *age;
            for (std::size_t function_idx = 0; function_idx < functions.size(); ++function_idx) {
                const ValueColumn& column = columns.at({sex, function_idx});
                const auto cell =
                    parse_stat_cell_flagged(row.cell(column.value_col), german_format);
                if (!cell) {
                    csv.fail(row, column.value_col, ErrorKind::input_value,
                             "not a number (decimal comma)");
                }
                if (cell->value.status != ValueStatus::ok) {
                    csv.fail(
                        row, column.value_col, ErrorKind::input_value,
                        fmt::format("a life table needs a number for every age, not a marker ({})",
                                    to_string(cell->value.status)));
                }
                if (column.flag_col) {
                    const std::string_view flag = trim(row.cell(*column.flag_col));
                    if (!flag.empty() && !is_stat_flag(flag)) {
                        csv.fail(row, *column.flag_col, ErrorKind::input_value,
                                 "unknown flag (p, r, s or e expected)");
                    }
                }
                field_of(entry, function_idx) = *cell->value.value;
            }
            if (!seen.insert({entry.period, sex, entry.age}).second) {
                csv.fail(row, 0, ErrorKind::input_format, "the age appears twice in this period");
            }
            out.life_table.push_back(entry);
        }
    }
    if (out.life_table.empty()) {
        throw Error(ErrorKind::input_format, "the life table has no age rows",
                    {file.string(), rows.back().line, 1, std::string(rows.back().cell(0))});
    }
    return out;
}

} // namespace lw::import
