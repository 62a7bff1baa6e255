#include "import/table/encoding.hpp"

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/text.hpp"

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <optional>

namespace lw::import {

std::string_view to_string(Encoding encoding) {
    switch (encoding) {
    case Encoding::utf8:
        return "utf-8";
    case Encoding::utf8_bom:
        return "utf-8-bom";
    case Encoding::latin1:
        return "latin-1";
    }
    return "utf-8";
}

std::string read_file_bytes(const std::filesystem::path& file) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) {
        throw Error(ErrorKind::not_found, "the file does not exist or is not a regular file",
                    {file.string(), 0, 0, std::nullopt});
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw Error(ErrorKind::io, "cannot open the file for reading",
                    {file.string(), 0, 0, std::nullopt});
    }
    // Read in chunks so a terminal shows progress on large tables.
    const auto size = std::filesystem::file_size(file, ec);
    Progress progress("Reading " + file.filename().string(), ec ? 0 : size);
    std::string bytes;
    bytes.reserve(ec ? 0 : size);
    std::array<char, 1 << 16> chunk{};
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        bytes.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        progress.update(bytes.size());
    }
    progress.finish();
    if (in.bad()) {
        throw Error(ErrorKind::io, "reading the file failed", {file.string(), 0, 0, std::nullopt});
    }
    return bytes;
}

namespace {

// Windows-1252 differs from ISO-8859-1 only in 0x80-0x9F, where Latin-1 has control characters
// that never occur in real text; Excel's "CSV (Trennzeichen-getrennt)" writes "–" and "€" there.
constexpr std::array<char32_t, 32> cp1252_high{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string cp1252_to_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x80 && c < 0xA0) {
            append_utf8(out, cp1252_high[c - 0x80u]);
        } else {
            append_utf8(out, c);
        }
    }
    return out;
}

// Length of the UTF-8 sequence starting at `pos` if it is valid there, otherwise 0.
std::size_t valid_sequence_at(std::string_view text, std::size_t pos) {
    const auto c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
        return 1;
    }
    const std::size_t length = (c & 0xE0) == 0xC0   ? 2
                               : (c & 0xF0) == 0xE0 ? 3
                               : (c & 0xF8) == 0xF0 ? 4
                                                    : 0;
    if (length == 0 || pos + length > text.size()) {
        return 0;
    }
    return is_valid_utf8(text.substr(pos, length)) ? length : 0;
}

struct Position {
    std::uint64_t line = 1;
    std::uint64_t column = 1; // in characters (UTF-8 sequences count once)
};

Position position_of(std::string_view text, std::size_t offset) {
    Position p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++p.column;
        }
    }
    return p;
}

[[noreturn]] void fail_at(const std::filesystem::path& file, std::string_view text,
                          std::size_t offset, std::string message) {
    const Position p = position_of(text, offset);
    throw Error(ErrorKind::input_format, std::move(message),
                {file.string(), p.line, p.column,
                 fmt::format("\\x{:02X}", static_cast<unsigned char>(text[offset]))});
}

} // namespace

DecodedText decode_text(std::string_view bytes, const std::filesystem::path& file) {
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
        throw Error(ErrorKind::input_format,
                    "the file is UTF-16; save it as UTF-8 or ISO-8859-1 (Latin-1)",
                    {file.string(), 1, 1,
                     fmt::format("\\x{:02X}\\x{:02X}", static_cast<unsigned char>(bytes[0]),
                                 static_cast<unsigned char>(bytes[1]))});
    }
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos) {
        fail_at(file, bytes, nul,
                "the file contains NUL bytes: it is binary or UTF-16, not a text table");
    }
    const std::string_view body = strip_utf8_bom(bytes);
    if (body.size() != bytes.size()) {
        for (std::size_t pos = 0; pos < body.size();) {
            const std::size_t length = valid_sequence_at(body, pos);
            if (length == 0) {
                // Offsets are reported in the file as it is, BOM included, but the BOM is no
                // column.
                fail_at(file, body, pos,
                        "the file starts with a UTF-8 byte order mark but is not valid UTF-8");
            }
            pos += length;
        }
        return {std::string(body), Encoding::utf8_bom};
    }
    if (is_valid_utf8(bytes)) {
        return {std::string(bytes), Encoding::utf8};
    }
    return {cp1252_to_utf8(bytes), Encoding::latin1};
}

} // namespace lw::import
