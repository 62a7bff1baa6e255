#pragma once
// Text encodings of official statistics files. Destatis and the Länder ship ISO-8859-1 (often
// really Windows-1252, as written by Excel) or UTF-8 with or without BOM; everything inside
// lebenswert is UTF-8, so every reader decodes once, here.

#include <filesystem>
#include <string>
#include <string_view>

namespace lw::import {

enum class Encoding {
    utf8,     // valid UTF-8 without BOM (plain ASCII counts as UTF-8)
    utf8_bom, // UTF-8 with byte order mark
    latin1,   // ISO-8859-1, read as its superset Windows-1252
};

std::string_view to_string(Encoding encoding);

struct DecodedText {
    std::string text; // UTF-8, without BOM
    Encoding encoding = Encoding::utf8;
};

// The whole file as bytes. Throws not_found if it does not exist, io if it cannot be read.
std::string read_file_bytes(const std::filesystem::path& file);

// Detects and decodes: BOM -> UTF-8 (then it must be valid UTF-8); valid UTF-8 -> UTF-8; anything
// else -> Windows-1252/Latin-1. UTF-16 and files with NUL bytes are rejected (input_format), with
// line, character column and the offending byte.
DecodedText decode_text(std::string_view bytes, const std::filesystem::path& file);

} // namespace lw::import
