#pragma once
// Tables for people who work in spreadsheets: CSV as German Excel reads it (UTF-8 with BOM, ';',
// decimal comma) or XLSX (numbers as numbers). Chosen by the file extension.

#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace lw::exporting {

using Cell = std::variant<std::monostate, std::string, std::int64_t, double>; // monostate = empty

struct Table {
    std::string title;                 // XLSX sheet name (up to 31 characters)
    std::vector<std::string> headers;
    std::vector<std::vector<Cell>> rows;
};

// .csv or .xlsx; throws lw::Error(usage) for other extensions, io when writing fails.
void write_table(const std::filesystem::path& path, const Table& table);

} // namespace lw::exporting
