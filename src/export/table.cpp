#include "export/table.hpp"

#include "core/error.hpp"
#include "core/text.hpp"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <fstream>

namespace lw::exporting {

namespace {

std::string csv_text(const Cell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell)) {
        if (s->find_first_of(";\"\n") == std::string::npos) {
            return *s;
        }
        std::string quoted = "\"";
        for (const char c : *s) {
            quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        return quoted + "\"";
    }
    if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        return std::to_string(*i);
    }
    if (const auto* d = std::get_if<double>(&cell)) {
        std::string text = fmt::format("{:.4f}", *d);
        while (text.size() > 1 && text.back() == '0') { // 12.5000 -> 12.5
            text.pop_back();
        }
        if (text.back() == '.') {
            text.pop_back();
        }
        for (char& c : text) {
            c = c == '.' ? ',' : c; // German decimal comma
        }
        return text;
    }
    return {};
}

void write_csv(const std::filesystem::path& path, const Table& t) {
    std::ofstream out(path, std::ios::binary);
    if (!out) {
        throw Error(ErrorKind::io, "cannot write the table", {path.string()});
    }
    out << "\xEF\xBB\xBF"; // BOM: Excel then reads UTF-8
    for (std::size_t i = 0; i < t.headers.size(); ++i) {
        out << (i ? ";" : "") << csv_text(t.headers[i]);
    }
    out << "\r\n";
    for (const auto& row : t.rows) {
        for (std::size_t i = 0; i < row.size(); ++i) {
            out << (i ? ";" : "") << csv_text(row[i]);
        }
        out << "\r\n";
    }
    if (!out) {
        throw Error(ErrorKind::io, "writing the table failed", {path.string()});
    }
}

void write_xlsx(const std::filesystem::path& path, const Table& t) {
    lxw_workbook* book = workbook_new(path.c_str());
    if (book == nullptr) {
        throw Error(ErrorKind::io, "cannot create the spreadsheet", {path.string()});
    }
    const std::string sheet_name = t.title.substr(0, 31);
    lxw_worksheet* sheet = workbook_add_worksheet(book, sheet_name.empty() ? nullptr : sheet_name.c_str());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    for (std::size_t c = 0; c < t.headers.size(); ++c) {
        worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), t.headers[c].c_str(), bold);
    }
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        const auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < t.rows[r].size(); ++c) {
            const auto col = static_cast<lxw_col_t>(c);
            const Cell& cell = t.rows[r][c];
            if (const auto* s = std::get_if<std::string>(&cell)) {
                worksheet_write_string(sheet, row, col, s->c_str(), nullptr);
            } else if (const auto* i = std::get_if<std::int64_t>(&cell)) {
                worksheet_write_number(sheet, row, col, static_cast<double>(*i), nullptr);
            } else if (const auto* d = std::get_if<double>(&cell)) {
                worksheet_write_number(sheet, row, col, *d, nullptr);
            }
        }
    }
    worksheet_freeze_panes(sheet, 1, 0);
    if (workbook_close(book) != LXW_NO_ERROR) {
        throw Error(ErrorKind::io, "writing the spreadsheet failed", {path.string()});
    }
}

} // namespace

void write_table(const std::filesystem::path& path, const Table& table) {
    const std::string ext = to_lower_ascii(path.extension().string());
    if (ext == ".csv") {
        write_csv(path, table);
    } else if (ext == ".xlsx") {
        write_xlsx(path, table);
    } else {
        throw Error(ErrorKind::usage, fmt::format("tables are written as .csv or .xlsx, not \"{}\"", ext), {path.string()});
    }
}

} // namespace lw::exporting
