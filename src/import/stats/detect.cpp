#include "import/stats/detect.hpp"

#include "core/error.hpp"
#include "core/text.hpp"
#include "import/stats/detail/genesis.hpp"
#include "import/table/csv.hpp"
#include "import/table/encoding.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <regex>

namespace lw::import {

namespace {

constexpr std::size_t head_bytes = 64 * 1024;
constexpr std::size_t head_lines = 12;

bool is_gv100ad_record(std::string_view line) {
    static const std::regex record(
        R"(^[1-6]0(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{2})");
    return std::regex_search(std::string(line), record);
}

std::vector<std::string> header_names(std::string_view line) {
    std::vector<std::string> names;
    for (const auto part : split(line, detect_delimiter(line))) {
        std::string name(trim(part));
        if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
            name = name.substr(1, name.size() - 2);
        }
        names.push_back(to_lower_ascii(trim(name)));
    }
    return names;
}

// At most `max_bytes` of `text`, not splitting a UTF-8 sequence.
std::string_view utf8_prefix(std::string_view text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) {
        return text;
    }
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    return text.substr(0, end);
}

bool has(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

bool has_age_column(const std::vector<std::string>& names) {
    static const std::regex age(R"(^a\d{2}-(\d{2}|open)$)");
    return std::any_of(names.begin(), names.end(),
                       [](const std::string& n) { return std::regex_match(n, age); });
}

} // namespace

StatsFormat detect_stats_format_in(std::string_view text, const std::filesystem::path& file) {
    std::vector<std::pair<std::uint64_t, std::string_view>> lines; // line number, text
    std::uint64_t line_no = 0;
    for (std::size_t start = 0; start < text.size() && lines.size() < head_lines;) {
        std::size_t end = text.find('\n', start);
        end = end == std::string_view::npos ? text.size() : end;
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        if (!trim(line).empty()) {
            lines.emplace_back(line_no, line);
        }
    }
    if (lines.empty()) {
        throw Error(ErrorKind::input_format, "the file is empty",
                    {file.string(), 1, 1, std::string()});
    }
    const std::string_view first = lines.front().second;
    if (is_gv100ad_record(first)) {
        return StatsFormat::gv100ad;
    }
    const auto names = header_names(first);
    if (has(names, "satzart") && has(names, "gemeindename")) {
        return StatsFormat::gvisys;
    }
    if (has(names, "raumeinheit") && (has(names, "krs") || has(names, "kennziffer"))) {
        return StatsFormat::inkar;
    }
    if (has(names, "krs") && has_age_column(names)) {
        return StatsFormat::age_groups_csv;
    }
    for (const auto& [number, line] : lines) {
        if (const auto code = detail::genesis_table_code(line)) {
            if (code->substr(0, 5) == "12621") {
                return StatsFormat::life_table;
            }
            if (code->substr(0, 5) == "12411") {
                return StatsFormat::genesis_population;
            }
            throw Error(ErrorKind::input_format,
                        "this GENESIS table is not supported; lebenswert reads population tables "
                        "12411-* and life tables 12621-0001",
                        {file.string(), number, 1, *code});
        }
    }
    throw Error(ErrorKind::input_format,
                "not a statistics file lebenswert knows (GV100AD, GV-ISys CSV, Regionaldatenbank "
                "age groups CSV, GENESIS 12411 or 12621 CSV, INKAR CSV); pass --format to name it",
                {file.string(), lines.front().first, 1, std::string(utf8_prefix(trim(first), 80))});
}

StatsFormat detect_stats_format(const std::filesystem::path& file) {
    std::string bytes = read_file_bytes(file);
    if (bytes.size() > head_bytes) {
        // Cut at a line end so that no UTF-8 sequence is split.
        const auto cut = bytes.rfind('\n', head_bytes);
        bytes.resize(cut == std::string::npos ? head_bytes : cut + 1);
    }
    return detect_stats_format_in(decode_text(bytes, file).text, file);
}

} // namespace lw::import
