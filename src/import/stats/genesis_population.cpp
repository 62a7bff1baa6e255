#include "import/stats/genesis_population.hpp"

#include "core/area_key.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "import/stats/age_group.hpp"
#include "import/stats/detail/genesis.hpp"
#include "import/table/csv.hpp"
#include "import/table/stat_cell.hpp"

#include <fmt/format.h>

#include <set>
#include <tuple>

namespace lw::import {

namespace {

// What the labels of one value say.
struct Meaning {
    std::optional<store::Sex> sex;
    std::optional<AgeGroup> age;
    std::optional<ReferenceDate> date;

    // Adds one label; returns an error text on a contradiction.
    std::optional<std::string> add(std::string_view label) {
        label = trim(label);
        if (label == "männlich" || label == "Männlich" || label == "Männer") {
            return set_sex(store::Sex::male, label);
        }
        if (label == "weiblich" || label == "Weiblich" || label == "Frauen") {
            return set_sex(store::Sex::female, label);
        }
        if (const auto d = detail::german_date_cell(label)) {
            if (date && *date != *d) {
                return fmt::format("two dates ({} and {}) for one value", date->iso, d->iso);
            }
            date = d;
        } else if (const auto a = parse_age_label(label)) {
            if (age && *age != *a) {
                return fmt::format("two age groups ({} and {}) for one value", to_string(*age),
                                   to_string(*a));
            }
            age = a;
        }
        return std::nullopt; // "Insgesamt" and dimension titles say nothing new
    }

    std::optional<std::string> merge(const Meaning& other) {
        std::optional<std::string> problem;
        if (other.sex && sex && *sex != *other.sex) {
            problem = "the row and its column name different sexes";
        }
        if (other.age && age && *age != *other.age) {
            problem = "the row and its column name different age groups";
        }
        sex = sex ? sex : other.sex;
        age = age ? age : other.age;
        date = date ? date : other.date;
        return problem;
    }

private:
    std::optional<std::string> set_sex(store::Sex s, std::string_view label) {
        if (sex && *sex != s) {
            return fmt::format("\"{}\" contradicts the sex given above", label);
        }
        sex = s;
        return std::nullopt;
    }
};

std::size_t non_empty_cells(const CsvRow& row) {
    std::size_t n = 0;
    for (const auto& cell : row.cells) {
        n += trim(cell).empty() ? 0 : 1;
    }
    return n;
}

// A data row starts with an area key (after an optional date column) followed by a name and at
// least one more cell.
bool is_data_row(const CsvRow& row) {
    std::size_t key_idx = 0;
    if (detail::german_date_cell(row.cell(0)) && non_empty_cells(row) >= 3) {
        key_idx = 1;
    }
    return detail::area_key_cell(row.cell(key_idx)).has_value() &&
           !trim(row.cell(key_idx + 1)).empty() && non_empty_cells(row) >= key_idx + 3;
}

struct Head {
    std::vector<const CsvRow*> header_rows;
    std::optional<ReferenceDate> table_date; // a date line or "Stichtag dd.mm.yyyy"
    std::size_t first_data = 0;
};

Head read_head(const CsvFile& csv) {
    const auto& rows = csv.rows();
    Head head;
    std::optional<ReferenceDate> date_line;
    std::optional<ReferenceDate> stichtag;
    for (; head.first_data < rows.size(); ++head.first_data) {
        const CsvRow& row = rows[head.first_data];
        if (is_data_row(row)) {
            break;
        }
        if (row.blank()) {
            continue;
        }
        for (const auto& cell : row.cells) {
            if (!stichtag) {
                stichtag = detail::stichtag_in(cell);
            }
        }
        const bool single = non_empty_cells(row) == 1 && !trim(row.cell(0)).empty();
        if (single && detail::german_date_cell(row.cell(0))) {
            date_line = detail::german_date_cell(row.cell(0));
        } else if (!single) {
            head.header_rows.push_back(&row);
        }
    }
    if (head.first_data == rows.size()) {
        throw Error(ErrorKind::input_format,
                    "no data rows: expected rows that start with an area key (DG, 06, 06636, ...)",
                    {csv.path().string(), rows.back().line, 1, std::string(rows.back().cell(0))});
    }
    if (head.header_rows.empty()) {
        csv.fail(
            rows[head.first_data], 0, ErrorKind::input_format,
            "no column header row (\"Insgesamt\", \"männlich\", ...) before the first data row");
    }
    head.table_date = date_line ? date_line : stichtag;
    return head;
}

// Where the values start and what each value column means.
struct ColumnLayout {
    std::size_t value_start = 0;
    std::size_t width = 0; // one past the last column with a header label
    std::vector<Meaning> columns;
};

ColumnLayout read_columns(const CsvFile& csv, const Head& head) {
    ColumnLayout layout;
    layout.value_start = std::string::npos;
    for (const CsvRow* row : head.header_rows) {
        for (std::size_t col_idx = 0; col_idx < row->cells.size(); ++col_idx) {
            if (!trim(row->cells[col_idx]).empty()) {
                layout.value_start = std::min(layout.value_start, col_idx);
                layout.width = std::max(layout.width, col_idx + 1);
            }
        }
    }
    if (layout.value_start == 0) {
        csv.fail(*head.header_rows.front(), 0, ErrorKind::input_format,
                 "a column header row must leave the key column empty");
    }
    layout.columns.resize(layout.width);
    for (const CsvRow* row : head.header_rows) {
        std::string_view label; // GENESIS writes a spanning label once; carry it to the right
        for (std::size_t col_idx = layout.value_start; col_idx < layout.width; ++col_idx) {
            if (!trim(row->cell(col_idx)).empty()) {
                label = row->cell(col_idx);
            }
            if (auto problem = layout.columns[col_idx].add(label)) {
                csv.fail(*row, col_idx, ErrorKind::input_format, *problem);
            }
        }
    }
    return layout;
}

using ValueKey = std::tuple<std::string, std::string, store::Sex, int, int>;

} // namespace

ParsedStats parse_genesis_population(const std::filesystem::path& file,
                                     const std::optional<ReferenceDate>& fallback) {
    const CsvFile csv = CsvFile::read(file);
    const auto& rows = csv.rows();
    if (rows.empty()) {
        throw Error(ErrorKind::input_format, "the file is empty",
                    {file.string(), 1, 1, std::string()});
    }
    const auto code = detail::find_genesis_table_code(rows);
    if (!code) {
        throw Error(ErrorKind::input_format,
                    "no GENESIS table code (\"GENESIS-Tabelle: 12411-...\") in the title lines",
                    {file.string(), rows.front().line, 1, std::string(rows.front().cell(0))});
    }
    if (code->code.substr(0, 5) != "12411") {
        throw Error(
            ErrorKind::input_format,
            "this GENESIS table is no population table (12411-...), which this reader expects",
            {file.string(), code->line, 1, code->code});
    }
    const Head head = read_head(csv);
    const ColumnLayout layout = read_columns(csv, head);
    const bool date_column = detail::german_date_cell(rows[head.first_data].cell(0)).has_value();
    const std::size_t key_idx = date_column ? 1 : 0;
    if (key_idx + 2 > layout.value_start) {
        csv.fail(rows[head.first_data], layout.value_start, ErrorKind::input_format,
                 "the column headers start left of the area name");
    }

    ParsedStats out;
    out.format = StatsFormat::genesis_population;
    out.source_table = code->code;
    out.encoding = csv.encoding();
    std::set<ValueKey> seen;
    std::size_t not_ags = 0;
    for (std::size_t row_idx = head.first_data; row_idx < rows.size(); ++row_idx) {
        const CsvRow& row = rows[row_idx];
        if (detail::is_footer_rule(row)) {
            break;
        }
        if (row.blank()) {
            continue;
        }
        Meaning row_meaning;
        if (date_column) {
            row_meaning.date = detail::german_date_cell(row.cell(0));
            if (!row_meaning.date) {
                csv.fail(row, 0, ErrorKind::input_value,
                         "expected the date of the row (dd.mm.yyyy)");
            }
        }
        const auto key = detail::area_key_cell(row.cell(key_idx));
        if (!key) {
            csv.fail(
                row, key_idx, ErrorKind::input_format,
                "expected an area key (DG or digits); footnotes must follow a \"__________\" line");
        }
        if (!area_level_of(*key)) {
            ++not_ags; // e.g. 9-digit Gemeindeverband keys of the Gemeinde-level tables
            continue;
        }
        if (row.cells.size() < layout.width) {
            csv.fail(row, row.cells.size(), ErrorKind::input_format,
                     fmt::format("the row has {} fields; the column headers need {}",
                                 row.cells.size(), layout.width));
        }
        for (std::size_t col_idx = key_idx + 2; col_idx < layout.value_start; ++col_idx) {
            if (auto problem = row_meaning.add(row.cell(col_idx))) {
                csv.fail(row, col_idx, ErrorKind::input_format, *problem);
            }
        }
        ++out.records;
        const std::string name(trim(row.cell(key_idx + 1)));
        for (std::size_t col_idx = layout.value_start; col_idx < row.cells.size(); ++col_idx) {
            if (col_idx >= layout.width) {
                if (!trim(row.cells[col_idx]).empty()) {
                    csv.fail(row, col_idx, ErrorKind::input_format,
                             "a value without a column header");
                }
                continue;
            }
            Meaning meaning = row_meaning;
            if (auto problem = meaning.merge(layout.columns[col_idx])) {
                csv.fail(row, col_idx, ErrorKind::input_format, *problem);
            }
            std::optional<ReferenceDate> date = meaning.date ? meaning.date : head.table_date;
            if (date && fallback && *date != *fallback) {
                csv.fail(row, col_idx, ErrorKind::usage,
                         fmt::format("the file states the reference date {}, but {} was given",
                                     german_date(*date), german_date(*fallback)));
            }
            if (!date) {
                date = fallback;
            }
            if (!date) {
                throw Error(ErrorKind::usage,
                            "the file states no reference date (no date column and no \"Stichtag "
                            "dd.mm.yyyy\"); pass it with --reference-date, e.g. 2018-12-31",
                            csv.where(row, col_idx));
            }
            const auto value = parse_stat_cell(row.cells[col_idx], german_format);
            if (!value) {
                csv.fail(row, col_idx, ErrorKind::input_value,
                         "not a number or an official marker");
            }
            store::PopulationValue v;
            v.area_key = *key;
            v.area_name = name;
            v.year = date->year;
            v.reference_date = date->iso;
            v.sex = meaning.sex.value_or(store::Sex::total);
            const AgeGroup age = meaning.age.value_or(AgeGroup{0, std::nullopt});
            v.age_from = age.from;
            v.age_to = age.to;
            v.value = *value;
            v.source_table = out.source_table;
            if (!seen.insert(
                         {v.area_key, v.reference_date, v.sex, v.age_from, v.age_to.value_or(-1)})
                     .second) {
                csv.fail(
                    row, col_idx, ErrorKind::input_format,
                    fmt::format("a second value for {} {} {} ages {}: the table has a dimension "
                                "this reader does not know",
                                v.area_key, v.reference_date, store::to_string(v.sex),
                                to_string(age)));
            }
            out.population.push_back(std::move(v));
        }
    }
    if (not_ags > 0) {
        out.notes.push_back(
            fmt::format("{} rows with keys that are no AGS level (e.g. Gemeindeverbände) "
                        "were skipped",
                        not_ags));
    }
    collect_reference_dates(out);
    return out;
}

} // namespace lw::import
