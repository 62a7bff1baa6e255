#include "core/text.hpp"

#include <charconv>

namespace lw {

std::string_view trim(std::string_view text) {
    constexpr std::string_view space = " \t\r\n\v\f";
    const auto first = text.find_first_not_of(space);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(space);
    return text.substr(first, last - first + 1);
}

std::string to_lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
    return a.size() == b.size() && to_lower_ascii(a) == to_lower_ascii(b);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    while (true) {
        const auto pos = text.find(separator, start);
        if (pos == std::string_view::npos) {
            parts.push_back(text.substr(start));
            return parts;
        }
        parts.push_back(text.substr(start, pos - start));
        start = pos + 1;
    }
}

bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t extra = 0;
        std::uint32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            extra = 1;
            cp = c & 0x1Fu;
        } else if ((c & 0xF0) == 0xE0) {
            extra = 2;
            cp = c & 0x0Fu;
        } else if ((c & 0xF8) == 0xF0) {
            extra = 3;
            cp = c & 0x07u;
        } else {
            return false;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            if (i + k >= n) {
                return false;
            }
            const auto cc = static_cast<unsigned char>(text[i + k]);
            if ((cc & 0xC0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        // Reject overlong forms and surrogates.
        if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) ||
            (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return false;
        }
        i += extra + 1;
    }
    return true;
}

std::string latin1_to_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) {
            out.push_back(ch);
        } else {
            out.push_back(static_cast<char>(0xC0 | (c >> 6)));
            out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
        }
    }
    return out;
}

std::string_view strip_utf8_bom(std::string_view text) {
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.substr(0, bom.size()) == bom) {
        text.remove_prefix(bom.size());
    }
    return text;
}

namespace {

// Removes thousands separators after checking they group exactly three digits.
std::optional<std::string> strip_thousands(std::string_view digits, char thousands) {
    std::string out;
    out.reserve(digits.size());
    std::size_t group = 0;
    bool seen_separator = false;
    bool first_group = true;
    std::size_t i = 0;
    while (i < digits.size()) {
        std::size_t sep_len = 0;
        if (thousands == ' ') {
            if (digits[i] == ' ') {
                sep_len = 1;
            } else if (digits.substr(i, 2) == "\xC2\xA0") { // no-break space
                sep_len = 2;
            } else if (digits.substr(i, 3) == "\xE2\x80\xAF") { // narrow no-break space
                sep_len = 3;
            }
        } else if (thousands != '\0' && digits[i] == thousands) {
            sep_len = 1;
        }
        if (sep_len > 0) {
            if (group == 0 || group > 3 || (!first_group && group != 3)) {
                return std::nullopt;
            }
            seen_separator = true;
            first_group = false;
            group = 0;
            i += sep_len;
            continue;
        }
        if (digits[i] < '0' || digits[i] > '9') {
            return std::nullopt;
        }
        out.push_back(digits[i]);
        ++group;
        ++i;
    }
    if (seen_separator && group != 3) {
        return std::nullopt;
    }
    if (out.empty()) {
        return std::nullopt;
    }
    return out;
}

} // namespace

std::optional<double> parse_number(std::string_view text, NumberFormat format) {
    text = trim(text);
    if (text.empty()) {
        return std::nullopt;
    }
    bool negative = false;
    if (text.front() == '-' || text.front() == '+') {
        negative = text.front() == '-';
        text.remove_prefix(1);
    }
    if (text.empty()) {
        return std::nullopt;
    }
    std::string_view integer_part = text;
    std::string_view fraction_part;
    bool has_fraction = false;
    if (const auto pos = text.find(format.decimal); pos != std::string_view::npos) {
        integer_part = text.substr(0, pos);
        fraction_part = text.substr(pos + 1);
        has_fraction = true;
        if (fraction_part.empty() && integer_part.empty()) {
            return std::nullopt;
        }
    }
    std::string normal;
    if (integer_part.empty()) {
        normal = "0";
    } else {
        auto digits = strip_thousands(integer_part, format.thousands);
        if (!digits) {
            return std::nullopt;
        }
        normal = std::move(*digits);
    }
    if (has_fraction) {
        for (const char c : fraction_part) {
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
        }
        normal.push_back('.');
        normal.append(fraction_part);
    }
    double value = 0.0;
    const char* begin = normal.data();
    const char* end = normal.data() + normal.size();
    const auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return negative ? -value : value;
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
    }
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

} // namespace lw
