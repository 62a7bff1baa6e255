#pragma once
// Pieces shared by the readers of GENESIS / Regionaldatenbank CSV exports: the table code in the
// title lines, "Stichtag" dates, area keys in the key column and the footer rule.

#include "import/stats/reference_date.hpp"
#include "import/table/csv.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lw::import::detail {

// "12411-02-03-4" from "GENESIS-Tabelle: 12411-02-03-4" or "Tabelle: 12621-0001".
std::optional<std::string> genesis_table_code(std::string_view text);

struct TableCode {
    std::string code;
    std::uint64_t line = 0;
};
// The first table code in the title lines (the first `max_rows` rows).
std::optional<TableCode> find_genesis_table_code(const std::vector<CsvRow>& rows,
                                                 std::size_t max_rows = 10);

// "Stichtag 31.12.2018" (also "Stichtag: 31.12.2018") anywhere in the text. "- Stichtag 31.12. -"
// without a year names no date.
std::optional<ReferenceDate> stichtag_in(std::string_view text);

// A cell that is exactly a German date "31.12.2018".
std::optional<ReferenceDate> german_date_cell(std::string_view cell);

// "__________": the rule that separates a GENESIS table from its footnotes.
bool is_footer_rule(const CsvRow& row);

// The key column of a Regionaldatenbank row: "DG" or 1-12 digits. Keys that lost their leading zero
// in a spreadsheet are restored; keys that are no AGS level (9-digit Gemeindeverband keys) come
// back as they are, and the caller decides.
std::optional<std::string> area_key_cell(std::string_view cell);

} // namespace lw::import::detail
