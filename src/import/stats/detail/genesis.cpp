#include "import/stats/detail/genesis.hpp"

#include "core/area_key.hpp"
#include "core/text.hpp"

#include <regex>

namespace lw::import::detail {

std::optional<std::string> genesis_table_code(std::string_view text) {
    static const std::regex code(R"((?:GENESIS-)?Tabelle:\s*(\d{3,5}(?:-[0-9A-Za-z]+)+))");
    const std::string s(text);
    std::smatch m;
    if (std::regex_search(s, m, code)) {
        return m[1].str();
    }
    return std::nullopt;
}

std::optional<TableCode> find_genesis_table_code(const std::vector<CsvRow>& rows,
                                                 std::size_t max_rows) {
    for (std::size_t row_idx = 0; row_idx < rows.size() && row_idx < max_rows; ++row_idx) {
        for (const auto& cell : rows[row_idx].cells) {
            if (auto code = genesis_table_code(cell)) {
                return TableCode{std::move(*code), rows[row_idx].line};
            }
        }
    }
    return std::nullopt;
}

std::optional<ReferenceDate> stichtag_in(std::string_view text) {
    static const std::regex stichtag(R"(Stichtag:?\s*(\d{2}\.\d{2}\.\d{4}))");
    const std::string s(text);
    std::smatch m;
    if (std::regex_search(s, m, stichtag)) {
        return parse_reference_date(m[1].str());
    }
    return std::nullopt;
}

std::optional<ReferenceDate> german_date_cell(std::string_view cell) {
    cell = trim(cell);
    if (cell.size() != 10 || cell[2] != '.') {
        return std::nullopt;
    }
    return parse_reference_date(cell);
}

bool is_footer_rule(const CsvRow& row) {
    const std::string_view first = trim(row.cell(0));
    return first.size() >= 3 && first.substr(0, 3) == "___";
}

std::optional<std::string> area_key_cell(std::string_view cell) {
    cell = trim(cell);
    if (cell == "DG") {
        return std::string(cell);
    }
    if (cell.empty() || cell.size() > 12) {
        return std::nullopt;
    }
    for (const char c : cell) {
        if (c < '0' || c > '9') {
            return std::nullopt;
        }
    }
    if (auto normal = normalize_area_key(cell)) {
        return normal;
    }
    return std::string(cell);
}

} // namespace lw::import::detail
