#pragma once
// Small text helpers shared by the importers: trimming, encodings and number formats of German
// official statistics.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lw {

std::string_view trim(std::string_view text);
std::string to_lower_ascii(std::string_view text);
bool iequals_ascii(std::string_view a, std::string_view b);
std::vector<std::string_view> split(std::string_view text, char separator);

// Encodings. Input files come as UTF-8 (with or without BOM) or ISO-8859-1 (Latin-1).
bool is_valid_utf8(std::string_view text);
std::string latin1_to_utf8(std::string_view text);
std::string_view strip_utf8_bom(std::string_view text);

// How a number is written. German statistics write "1.234,5" or "1 234,5"; re-exports by other
// tools often write "1234.5". Thousands separators must group exactly three digits.
struct NumberFormat {
    char decimal = ',';
    char thousands = '.'; // '\0' = no thousands separator allowed; ' ' also accepts no-break spaces
};
inline constexpr NumberFormat german_format{',', '.'};
inline constexpr NumberFormat german_space_format{',', ' '};
inline constexpr NumberFormat plain_format{'.', '\0'};

// nullopt if `text` is not a complete number in that format (no partial parses).
std::optional<double> parse_number(std::string_view text, NumberFormat format);
std::optional<std::int64_t> parse_integer(std::string_view text);

} // namespace lw
