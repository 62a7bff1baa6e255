#include "import/table/stat_cell.hpp"

namespace lw::import {

namespace {

constexpr std::string_view flag_letters = "prse";

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

bool is_stat_flag(std::string_view text) {
    text = trim(text);
    return text.size() == 1 && flag_letters.find(text.front()) != std::string_view::npos;
}

std::optional<StatCell> parse_stat_cell_flagged(std::string_view cell, NumberFormat format) {
    std::string_view text = trim(cell);
    if (const auto status = marker_status(text)) {
        return StatCell{StatValue::marked(*status), std::nullopt};
    }
    StatCell out;
    // "123p", "123 p", "(45) e": a flag letter directly after a digit or ')' (with optional space).
    if (text.size() >= 2 && flag_letters.find(text.back()) != std::string_view::npos) {
        const std::string_view rest = trim(text.substr(0, text.size() - 1));
        if (!rest.empty() && (is_digit(rest.back()) || rest.back() == ')')) {
            out.flag = text.back();
            text = rest;
        }
    }
    bool limited = false;
    if (text.size() >= 3 && text.front() == '(' && text.back() == ')') {
        limited = true;
        text = trim(text.substr(1, text.size() - 2));
    }
    const auto number = parse_number(text, format);
    if (!number) {
        return std::nullopt;
    }
    out.value = StatValue::number(*number);
    out.value.limited_reliability = limited;
    return out;
}

} // namespace lw::import
