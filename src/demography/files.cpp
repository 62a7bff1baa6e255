#include "demography/files.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "import/table/csv.hpp"
#include "import/table/stat_cell.hpp"

#include <charconv>
#include <fmt/format.h>
#include <string>

namespace lw::demography {
namespace {

std::optional<int> leading_integer(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end == text.data()) {
        return std::nullopt;
    }
    const std::string_view rest(end, static_cast<std::size_t>(text.data() + text.size() - end));
    if (!rest.empty() && rest != " Jahre" && rest != " " && rest != " Jahr") {
        return std::nullopt;
    }
    return value;
}

} // namespace

AsfrTable read_asfr_table(const std::filesystem::path& file) {
    const auto csv = import::CsvFile::read(file, ';');
    const auto& rows = csv.rows();
    std::size_t row_idx = 0;
    while (row_idx < rows.size() && rows[row_idx].blank()) {
        ++row_idx;
    }
    if (row_idx == rows.size() || !import::find_column(rows[row_idx], "Alter")) {
        throw Error(ErrorKind::input_format,
                    fmt::format("{}: no header row starting with \"Alter\"", file.string()),
                    SourceLocation{file.string(), 0, 0, std::nullopt});
    }
    const auto& header = rows[row_idx];
    AsfrTable table;
    for (std::size_t col = 1; col < header.cells.size(); ++col) {
        const auto year = leading_integer(header.cell(col));
        if (!year) {
            csv.fail(header, col, ErrorKind::input_format, "expected a year as column header");
        }
        table.years.push_back(*year);
    }
    const std::size_t year_count = table.years.size();
    if (year_count == 0) {
        csv.fail(header, 1, ErrorKind::input_format, "no year columns");
    }
    table.per_1000.assign(year_count * fertility_age_count, 0.0);
    std::size_t expected_age = fertility_first_age;
    for (++row_idx; row_idx < rows.size(); ++row_idx) {
        const auto& row = rows[row_idx];
        if (row.blank()) {
            continue;
        }
        const auto age = leading_integer(row.cell(0));
        if (!age || static_cast<std::size_t>(*age) != expected_age ||
            expected_age > fertility_last_age) {
            csv.fail(row, 0, ErrorKind::input_value,
                     fmt::format("expected age {}", expected_age));
        }
        for (std::size_t year_idx = 0; year_idx < year_count; ++year_idx) {
            const auto value = import::parse_stat_cell(row.cell(year_idx + 1), german_format);
            if (!value || !value->value || *value->value < 0) {
                csv.fail(row, year_idx + 1, ErrorKind::input_value,
                         "expected a rate per 1,000 women");
            }
            table.per_1000[year_idx * fertility_age_count + (expected_age - fertility_first_age)] =
                *value->value;
        }
        ++expected_age;
    }
    if (expected_age != fertility_last_age + 1) {
        throw Error(ErrorKind::input_format,
                    fmt::format("{}: ages {}..{} instead of 15..49", file.string(),
                                fertility_first_age, expected_age - 1),
                    SourceLocation{file.string(), 0, 0, std::nullopt});
    }
    return table;
}

} // namespace lw::demography
