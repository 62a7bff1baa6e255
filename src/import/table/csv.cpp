#include "import/table/csv.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

namespace lw::import {

bool CsvRow::blank() const {
    for (const auto& cell : cells) {
        if (!trim(cell).empty()) {
            return false;
        }
    }
    return true;
}

namespace {

constexpr std::size_t delimiter_sample_lines = 50;

// Splits UTF-8 text into rows. Quotes open a field only at its start (RFC 4180); a quote inside an
// unquoted field is kept as text, since hand-made lists write 12" and similar.
class Splitter {
public:
    Splitter(std::string_view text, char delimiter, const std::filesystem::path& file)
        : m_text(text), m_delimiter(delimiter), m_file(file) {}

    std::vector<CsvRow> run() {
        for (m_pos = 0; m_pos < m_text.size(); ++m_pos) {
            const char c = m_text[m_pos];
            if (m_in_quotes) {
                quoted_char(c);
            } else if (c == '"' && m_field.empty() && !m_field_quoted) {
                m_in_quotes = true;
                m_field_quoted = true;
                m_quote_line = m_line;
            } else if (c == m_delimiter) {
                end_field();
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && next_is('\n')) {
                    ++m_pos;
                }
                end_row();
                ++m_line;
                m_row_line = m_line;
            } else if (m_field_quoted) {
                // Spaces after a closing quote are harmless; anything else means a broken quote.
                if (c != ' ' && c != '\t') {
                    throw Error(ErrorKind::input_format,
                                "text after the closing quote of a field; quotes inside a quoted "
                                "field must be doubled (\"\")",
                                {m_file.string(), m_line, m_row.cells.size() + 1, m_field});
                }
            } else {
                m_field.push_back(c);
            }
        }
        if (m_in_quotes) {
            throw Error(ErrorKind::input_format,
                        "a quoted field is not closed before the end of the file",
                        {m_file.string(), m_quote_line, m_row.cells.size() + 1,
                         std::string(m_field.substr(0, 40))});
        }
        if (!m_field.empty() || m_field_quoted || !m_row.cells.empty()) {
            end_row();
        }
        return std::move(m_rows);
    }

private:
    bool next_is(char c) const { return m_pos + 1 < m_text.size() && m_text[m_pos + 1] == c; }

    void quoted_char(char c) {
        if (c == '"') {
            if (next_is('"')) {
                m_field.push_back('"');
                ++m_pos;
            } else {
                m_in_quotes = false;
            }
            return;
        }
        if (c == '\r' && next_is('\n')) {
            ++m_pos;
            c = '\n';
        }
        if (c == '\n') {
            ++m_line;
        }
        m_field.push_back(c);
    }

    void end_field() {
        m_row.cells.push_back(std::move(m_field));
        m_row.quoted.push_back(m_field_quoted);
        m_field.clear();
        m_field_quoted = false;
    }

    void end_row() {
        end_field();
        m_row.line = m_row_line;
        // A line with no characters at all is no row; ";;;" lines are kept (they are blank()).
        if (!(m_row.cells.size() == 1 && m_row.cells[0].empty() && !m_row.quoted[0])) {
            m_rows.push_back(std::move(m_row));
        }
        m_row = CsvRow{};
    }

    std::string_view m_text;
    char m_delimiter;
    const std::filesystem::path& m_file;
    std::size_t m_pos = 0;
    std::uint64_t m_line = 1;
    std::uint64_t m_row_line = 1;
    std::uint64_t m_quote_line = 1;
    bool m_in_quotes = false;
    bool m_field_quoted = false;
    std::string m_field;
    CsvRow m_row;
    std::vector<CsvRow> m_rows;
};

} // namespace

char detect_delimiter(std::string_view text) {
    std::size_t semicolons = 0;
    std::size_t commas = 0;
    std::size_t lines = 0;
    bool in_quotes = false;
    for (const char c : text) {
        if (c == '"') {
            in_quotes = !in_quotes; // "" toggles twice, which is what an escaped quote should do
        } else if (!in_quotes) {
            if (c == ';') {
                ++semicolons;
            } else if (c == ',') {
                ++commas;
            } else if (c == '\n' && ++lines >= delimiter_sample_lines) {
                break;
            }
        }
    }
    return commas > semicolons ? ',' : ';';
}

std::optional<std::size_t> find_column(const CsvRow& header, std::string_view name) {
    for (std::size_t col_idx = 0; col_idx < header.cells.size(); ++col_idx) {
        if (iequals_ascii(trim(header.cells[col_idx]), name)) {
            return col_idx;
        }
    }
    return std::nullopt;
}

CsvFile CsvFile::read(const std::filesystem::path& file, std::optional<char> delimiter) {
    return parse(read_file_bytes(file), file, delimiter);
}

CsvFile CsvFile::parse(std::string_view bytes, const std::filesystem::path& file,
                       std::optional<char> delimiter) {
    if (delimiter && (*delimiter == '"' || *delimiter == '\n' || *delimiter == '\r')) {
        throw Error(ErrorKind::usage, fmt::format("'{}' cannot separate CSV fields", *delimiter));
    }
    DecodedText decoded = decode_text(bytes, file);
    CsvFile csv;
    csv.m_path = file;
    csv.m_encoding = decoded.encoding;
    csv.m_delimiter = delimiter.value_or(detect_delimiter(decoded.text));
    csv.m_rows = Splitter(decoded.text, csv.m_delimiter, file).run();
    return csv;
}

SourceLocation CsvFile::where(const CsvRow& row, std::size_t cell_index) const {
    SourceLocation location{m_path.string(), row.line, cell_index + 1, std::nullopt};
    if (cell_index < row.cells.size()) {
        location.value = row.cells[cell_index];
    }
    return location;
}

void CsvFile::fail(const CsvRow& row, std::size_t cell_index, ErrorKind kind,
                   std::string message) const {
    throw Error(kind, std::move(message), where(row, cell_index));
}

} // namespace lw::import
