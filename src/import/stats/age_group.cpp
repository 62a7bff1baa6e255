#include "import/stats/age_group.hpp"

#include "core/text.hpp"

#include <fmt/format.h>

#include <regex>

namespace lw::import {

namespace {

std::optional<AgeGroup> checked(int from, std::optional<int> to) {
    if (from < 0 || from > 130 || (to && (*to < from || *to > 130))) {
        return std::nullopt;
    }
    return AgeGroup{from, to};
}

// Collapses runs of spaces, as exports sometimes pad labels.
std::string normalize_spaces(std::string_view text) {
    std::string out;
    for (const char c : trim(text)) {
        if (c == ' ' && !out.empty() && out.back() == ' ') {
            continue;
        }
        out.push_back(c);
    }
    return out;
}

} // namespace

std::optional<AgeGroup> parse_age_label(std::string_view label) {
    static const std::regex under(R"(^unter (\d{1,3}) Jahr(e|en)?$)");
    static const std::regex range(R"(^(\d{1,3}) bis unter (\d{1,3}) Jahr(e|en)?$)");
    static const std::regex inclusive(R"(^(\d{1,3}) bis (\d{1,3}) Jahr(e|en)?$)");
    static const std::regex open_end(
        R"(^(\d{1,3}) (Jahre und (mehr|älter)|und mehr Jahre|Jahre und darüber)$)");
    static const std::regex single(R"(^(\d{1,3}) Jahre?$)");
    const std::string text = normalize_spaces(label);
    std::smatch m;
    if (std::regex_match(text, m, under)) {
        return checked(0, std::stoi(m[1]) - 1);
    }
    if (std::regex_match(text, m, range)) {
        return checked(std::stoi(m[1]), std::stoi(m[2]) - 1);
    }
    if (std::regex_match(text, m, inclusive)) {
        return checked(std::stoi(m[1]), std::stoi(m[2]));
    }
    if (std::regex_match(text, m, open_end)) {
        return checked(std::stoi(m[1]), std::nullopt);
    }
    if (std::regex_match(text, m, single)) {
        return checked(std::stoi(m[1]), std::stoi(m[1]));
    }
    return std::nullopt;
}

std::optional<AgeGroup> parse_age_column(std::string_view name) {
    static const std::regex column(R"(^A(\d{2,3})-(\d{2,3}|open)$)");
    const std::string text(trim(name));
    std::smatch m;
    if (!std::regex_match(text, m, column)) {
        return std::nullopt;
    }
    if (m[2] == "open") {
        return checked(std::stoi(m[1]), std::nullopt);
    }
    return checked(std::stoi(m[1]), std::stoi(m[2]));
}

std::string to_string(const AgeGroup& group) {
    if (!group.to) {
        return group.from == 0 ? "all" : fmt::format("{}+", group.from);
    }
    return fmt::format("{}-{}", group.from, *group.to);
}

} // namespace lw::import
