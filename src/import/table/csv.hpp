#pragma once
// A CSV reader for the tables of German official statistics and for lists kept by municipalities:
// UTF-8 (with or without BOM) or Latin-1, ';' or ',' separated, quoted fields with "" escapes and
// line breaks, CRLF, and title or footer lines narrower than the table. It keeps every row as
// text; the importers decide what a cell means and report problems through fail().

#include "core/error.hpp"
#include "import/table/encoding.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lw::import {

struct CsvRow {
    std::uint64_t line = 0;         // 1-based line on which the row starts
    std::vector<std::string> cells; // UTF-8, unquoted, not trimmed
    std::vector<bool> quoted;       // per cell: the field was written in double quotes

    // The cell's text, or "" when the row is shorter.
    std::string_view cell(std::size_t index) const {
        return index < cells.size() ? std::string_view(cells[index]) : std::string_view();
    }
    bool is_quoted(std::size_t index) const { return index < quoted.size() && quoted[index]; }
    // True when every cell is empty or whitespace (";;;;" lines count as blank).
    bool blank() const;
};

class CsvFile {
public:
    // Reads and splits a whole file. The delimiter is detected from the first lines unless given.
    static CsvFile read(const std::filesystem::path& file,
                        std::optional<char> delimiter = std::nullopt);
    // The same for bytes already in memory; `file` is only used in messages.
    static CsvFile parse(std::string_view bytes, const std::filesystem::path& file,
                         std::optional<char> delimiter = std::nullopt);

    char delimiter() const { return m_delimiter; }
    Encoding encoding() const { return m_encoding; }
    const std::vector<CsvRow>& rows() const { return m_rows; }
    const std::filesystem::path& path() const { return m_path; }

    // Where a cell sits: file, line of the row, column = 1-based field number, value = cell text
    // (no value when the row has no such cell).
    SourceLocation where(const CsvRow& row, std::size_t cell_index) const;
    // Throws lw::Error of `kind` located at the cell.
    [[noreturn]] void fail(const CsvRow& row, std::size_t cell_index, ErrorKind kind,
                           std::string message) const;

private:
    std::filesystem::path m_path;
    char m_delimiter = ',';
    Encoding m_encoding = Encoding::utf8;
    std::vector<CsvRow> m_rows;
};

// ';' or ',': whichever occurs more often outside quotes in the first lines (';' on a tie, as
// German exports use it; ',' when neither occurs).
char detect_delimiter(std::string_view text);

// Index of the first cell equal to `name` (trimmed, ASCII case-insensitive), if any.
std::optional<std::size_t> find_column(const CsvRow& header, std::string_view name);

} // namespace lw::import
